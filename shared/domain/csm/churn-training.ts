import { addDays } from './dates.ts';
import type { ChurnTrainingRow } from './churn.ts';
import { assessmentClock, churnFeaturesFromDocs, type CustomerDocs } from './customer-inputs.ts';

/**
 * An organization's own history as churn training rows (docs/domain.md §3, "Training on the agency's own
 * history"): each customer who was a customer `CHURN_HORIZON_DAYS` ago is one row, labelled by whether it churned
 * since, with its features as they were then — the documents dated up to then, read by the same
 * `churnFeaturesFromDocs` the prediction uses, and the health score its history had then.
 *
 * Invariants: pure (`now` and the time zone are parameters); a customer without a score then (no history point),
 * not yet a customer then, or already gone then gives no row; a last login after then counts as "logged in then"
 * (0 days: the documents keep only the latest login).
 */

/** The prediction's horizon: "churns within the next 90 days". */
export const CHURN_HORIZON_DAYS = 90;

/** The calendar day the features are read at: `horizonDays` before today. */
export const churnObservationDay = (today: string, horizonDays = CHURN_HORIZON_DAYS) =>
  addDays(today, -horizonDays);

export function churnTrainingRow(
  docs: CustomerDocs,
  /** The customer's health score on the observation day (its latest history point up to then), if any. */
  scoreThen: number | null,
  now: Date,
  timeZone: string,
  horizonDays = CHURN_HORIZON_DAYS,
): ChurnTrainingRow | null {
  const then = new Date(now.getTime() - horizonDays * 86_400_000);
  const clock = assessmentClock(then, timeZone);
  const { customer } = docs;
  if (scoreThen === null || customer.customerSince > clock.today) return null;
  const churnedAt = customer.churnedAt === null ? null : Date.parse(customer.churnedAt);
  // Churned at an unknown time: which side of the observation day is not known.
  if (customer.status === 'churned' && churnedAt === null) return null;
  if (churnedAt !== null && churnedAt <= clock.nowMs) return null;
  const asOfThen: CustomerDocs = {
    ...docs,
    tickets: docs.tickets.filter((t) => Date.parse(t.createdAt) <= clock.nowMs),
  };
  return {
    features: churnFeaturesFromDocs(asOfThen, clock, scoreThen),
    churned: churnedAt !== null && churnedAt <= now.getTime(),
  };
}
