import type { HealthInput } from './health-input.ts';
import type { RiskInput } from './risk.ts';

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

/** The moment the wireframes describe (the spec's "última atualização", 15:00 in São Paulo). */
export const SEED_NOW = new Date('2026-01-29T15:00:00-03:00');

/**
 * StartupXYZ (§2.4, CRITICAL): no login in 14 days, usage dropped 65 %, no reply to the last 3 e-mails, a ticket
 * unresolved for more than 7 days. Starter, MRR R$ 1.500, 15 users, no CSM.
 */
export const STARTUP_XYZ_RISK: RiskInput = {
  customerSince: '2025-05-10',
  lastLoginAt: '2026-01-15T09:30:00-03:00',
  usageLast30: 35,
  usagePrevious30: 100,
  consecutiveUnansweredEmails: 3,
  oldestOpenTicketCreatedAt: '2026-01-20T10:00:00-03:00',
  activeUsers: 15,
  totalSeats: 20,
  lastExecutiveEngagementAt: '2026-01-12T14:00:00-03:00',
  renewalDate: '2026-05-10',
  ticketsLast30: 2,
  npsPrevious: null,
  npsCurrent: null,
  mainContactLeft: null,
};

/**
 * AgênciaDigital (§2.4, WARNING 55): usage below 50 % of capacity, no executive engagement in 30 days, renewal
 * within 60 days. Pro, MRR R$ 2.100, 28 active users (of 60 seats: the wireframe shows users, not seats).
 */
export const AGENCIA_DIGITAL_RISK: RiskInput = {
  customerSince: '2025-03-20',
  lastLoginAt: '2026-01-28T18:00:00-03:00',
  usageLast30: 410,
  usagePrevious30: 430,
  consecutiveUnansweredEmails: 0,
  oldestOpenTicketCreatedAt: null,
  activeUsers: 28,
  totalSeats: 60,
  lastExecutiveEngagementAt: '2025-12-10T10:00:00-03:00',
  renewalDate: '2026-03-20',
  ticketsLast30: 1,
  npsPrevious: 8,
  npsCurrent: 8,
  mainContactLeft: null,
};

/**
 * ConsultoriaDEF (§2.4, WARNING 62): 5 support tickets in 30 days, NPS dropped from 8 to 6, main contact left.
 * Pro, MRR R$ 1.800.
 */
export const CONSULTORIA_DEF_RISK: RiskInput = {
  customerSince: '2024-11-04',
  lastLoginAt: '2026-01-27T11:00:00-03:00',
  usageLast30: 300,
  usagePrevious30: 320,
  consecutiveUnansweredEmails: 1,
  oldestOpenTicketCreatedAt: '2026-01-26T09:00:00-03:00',
  activeUsers: 18,
  totalSeats: 25,
  lastExecutiveEngagementAt: '2026-01-15T10:00:00-03:00',
  renewalDate: '2026-11-04',
  ticketsLast30: 5,
  npsPrevious: 8,
  npsCurrent: 6,
  mainContactLeft: { name: 'Carla Mendes', leftAt: '2026-01-05T12:00:00-03:00' },
};
