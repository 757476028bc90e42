import { z } from 'zod';

/**
 * Raw metrics of one customer for the health score (customers spec §1.3, §5.1 `collectHealthMetrics`).
 *
 * Every field is optional and nullable: `null`/absent means "no data", and a factor whose inputs are missing is
 * left out of its dimension (never counted as zero). Windows are fixed so two customers are comparable:
 * 30 days for usage and ticket volume, 90 days for e-mails, meetings and escalations, 12 months for payments
 * and referrals. Counts are non-negative integers; a part can never exceed its whole (e.g. replied ≤ sent) —
 * such input is rejected with a zod error naming the field, because it means the collector is wrong.
 */
const count = (max = 1_000_000) => z.number().int().min(0).max(max).nullable().default(null);
const cents = z.number().int().min(0).max(1_000_000_000_000).nullable().default(null);

export const healthInputSchema = z
  .strictObject({
    // — Product usage —
    /** Days in the last 30 with at least one login by any user of the customer (0–30). */
    loginDaysLast30: count(30),
    /** Features the customer has used at least once / features available in its plan. */
    featuresAdopted: count(),
    featuresAvailable: count(),
    /** Users active in the last 30 days / contracted seats (customer.activeUsers / customer.totalSeats). */
    activeUsers: count(),
    totalSeats: count(),
    /** Key features (chosen by the agency) used in the last 30 days / number of key features. */
    keyFeaturesUsed: count(),
    keyFeaturesTotal: count(),

    // — Engagement —
    /** CSM e-mails sent in the last 90 days and how many got a reply. */
    emailsSent: count(),
    emailsReplied: count(),
    /** Meetings scheduled with the customer in the last 90 days and how many it attended. */
    meetingsScheduled: count(),
    meetingsAttended: count(),
    /** Latest NPS answer of the customer's contacts (0–10). */
    npsScore: count(10),
    /** Community posts, comments, event attendances and webinar views in the last 30 days. */
    communityActionsLast30: count(),

    // — Support —
    /** Tickets opened in the last 30 days. */
    ticketsLast30: count(),
    /** Average satisfaction rating of resolved tickets, 1–5 (the seed's "4.8/5 rating"). */
    csatAverage: z.number().min(1).max(5).nullable().default(null),
    /** Tickets opened in the last 90 days and how many of them were escalated. */
    ticketsLast90: count(),
    escalatedTicketsLast90: count(),
    /** Help-centre articles read and chatbot answers accepted in the last 30 days. */
    selfServiceSessionsLast30: count(),

    // — Payment —
    /** Invoices due in the last 12 months and how many were paid by their due date. */
    paymentsLast12: count(),
    paymentsOnTimeLast12: count(),
    /** MRR now and 12 months ago, in cents. */
    mrrCents: cents,
    mrr12MonthsAgoCents: cents,
    /** Charge attempts (card, Pix automático, débito) in the last 12 months and how many failed. */
    chargeAttemptsLast12: count(),
    failedChargesLast12: count(),

    // — Growth —
    /** Estimated monthly value (cents) of the customer's open expansion opportunities. */
    openExpansionValueCents: cents,
    /** Referrals (indicações) the customer made in the last 12 months. */
    referralsLast12: count(),
    /** Conversations about expansion logged in the last 90 days (calls, meetings, notes). */
    expansionConversationsLast90: count(),
  })
  .superRefine((v, ctx) => {
    const partOfWhole: [keyof typeof v, keyof typeof v][] = [
      ['featuresAdopted', 'featuresAvailable'],
      ['keyFeaturesUsed', 'keyFeaturesTotal'],
      ['emailsReplied', 'emailsSent'],
      ['meetingsAttended', 'meetingsScheduled'],
      ['escalatedTicketsLast90', 'ticketsLast90'],
      ['paymentsOnTimeLast12', 'paymentsLast12'],
      ['failedChargesLast12', 'chargeAttemptsLast12'],
    ];
    for (const [part, whole] of partOfWhole) {
      const p = v[part];
      const w = v[whole];
      if (p !== null && w !== null && p > w) {
        ctx.addIssue({
          code: 'custom',
          path: [part],
          message: `${part} (${p}) cannot exceed ${whole} (${w})`,
        });
      }
    }
  });

/** What callers pass (every field optional). */
export type HealthInput = z.input<typeof healthInputSchema>;
/** After parsing: every field present, `null` when unknown. */
export type ParsedHealthInput = z.output<typeof healthInputSchema>;
export type HealthInputKey = keyof ParsedHealthInput;
export const HEALTH_INPUT_KEYS = Object.keys(healthInputSchema.shape) as HealthInputKey[];
