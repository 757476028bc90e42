import fc from 'fast-check';
import type { HealthInput } from './health-input.ts';

/** fast-check generators for the property tests (test-only; not exported from the package index). */

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const pair = (max: number) =>
  fc
    .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max }))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

/** Any valid health input: every field independently present or missing, parts never above wholes. */
export const healthInputArb: fc.Arbitrary<HealthInput> = fc
  .record({
    loginDaysLast30: opt(fc.integer({ min: 0, max: 30 })),
    features: opt(pair(50)),
    activeUsers: opt(fc.integer({ min: 0, max: 500 })),
    totalSeats: opt(fc.integer({ min: 0, max: 500 })),
    keyFeatures: opt(pair(10)),
    emails: opt(pair(40)),
    meetings: opt(pair(12)),
    npsScore: opt(fc.integer({ min: 0, max: 10 })),
    communityActionsLast30: opt(fc.integer({ min: 0, max: 50 })),
    ticketsLast30: opt(fc.integer({ min: 0, max: 60 })),
    csatAverage: opt(fc.double({ min: 1, max: 5, noNaN: true })),
    escalations: opt(pair(60)),
    selfServiceSessionsLast30: opt(fc.integer({ min: 0, max: 200 })),
    payments: opt(pair(24)),
    mrrCents: opt(fc.integer({ min: 0, max: 10_000_000 })),
    mrr12MonthsAgoCents: opt(fc.integer({ min: 0, max: 10_000_000 })),
    charges: opt(pair(24)),
    openExpansionValueCents: opt(fc.integer({ min: 0, max: 10_000_000 })),
    referralsLast12: opt(fc.integer({ min: 0, max: 10 })),
    expansionConversationsLast90: opt(fc.integer({ min: 0, max: 10 })),
  })
  .map(({ features, keyFeatures, emails, meetings, escalations, payments, charges, ...rest }) => ({
    ...rest,
    featuresAdopted: features?.[0] ?? null,
    featuresAvailable: features?.[1] ?? null,
    keyFeaturesUsed: keyFeatures?.[0] ?? null,
    keyFeaturesTotal: keyFeatures?.[1] ?? null,
    emailsReplied: emails?.[0] ?? null,
    emailsSent: emails?.[1] ?? null,
    meetingsAttended: meetings?.[0] ?? null,
    meetingsScheduled: meetings?.[1] ?? null,
    escalatedTicketsLast90: escalations?.[0] ?? null,
    ticketsLast90: escalations?.[1] ?? null,
    paymentsOnTimeLast12: payments?.[0] ?? null,
    paymentsLast12: payments?.[1] ?? null,
    failedChargesLast12: charges?.[0] ?? null,
    chargeAttemptsLast12: charges?.[1] ?? null,
  }));
