import type { HealthInput } from './health-input.ts';

/**
 * The seed's example customers (customers spec §2.1, §2.2, §2.4) as rule inputs, shared by the tests and
 * quoted in docs/domain.md. Only what the wireframes show is taken from the seed; the rest is filled in so the
 * wireframe's numbers come out, and says so.
 */

/**
 * TechCorp LTDA from the Customer 360 wireframe (customers spec §2.2): Product Usage 85, Engagement 92,
 * Support 95, Payment 100, Growth 80, 85 users of 100 seats, CSAT 4.8/5, MRR R$ 4.000 → R$ 4.500, NPS 9.
 */
export const TECHCORP: HealthInput = {
  loginDaysLast30: 17, // 85
  featuresAdopted: 17, // 85
  featuresAvailable: 20,
  activeUsers: 85, // 85
  totalSeats: 100,
  keyFeaturesUsed: 17, // 85
  keyFeaturesTotal: 20,
  emailsSent: 25, // 88
  emailsReplied: 22,
  meetingsScheduled: 10, // 90
  meetingsAttended: 9,
  npsScore: 9, // 90
  communityActionsLast30: 5, // 100
  ticketsLast30: 2, // 96 (2 tickets per 100 seats)
  csatAverage: 4.8, // 95
  ticketsLast90: 4, // 100 (none escalated)
  escalatedTicketsLast90: 0,
  selfServiceSessionsLast30: 16, // 16/18 → 89
  paymentsLast12: 12, // 100
  paymentsOnTimeLast12: 12,
  mrrCents: 450_000, // +12,5 % → 100
  mrr12MonthsAgoCents: 400_000,
  chargeAttemptsLast12: 12, // 100
  failedChargesLast12: 0,
  openExpansionValueCents: 121_500, // 27 % of MRR → 90
  referralsLast12: 1, // 50
  expansionConversationsLast90: 2, // 100
};
