import { assessCustomer } from '../../../shared/domain/csm/assess-customer.ts';
import type { CustomerDocs } from '../../../shared/domain/csm/customer-inputs.ts';
import { daysBetween } from '../../../shared/domain/csm/dates.ts';
import type { HealthScoreConfig } from '../../../shared/domain/csm/health-config.ts';
import {
  explainHealthChange,
  type HealthChangeExplanation,
} from '../../../shared/domain/csm/health-explain.ts';
import { zonedTimeToEpochMs } from '../../../shared/domain/portal/time.ts';
import type { Health } from '../../../shared/entities/csm.ts';

/**
 * "Why did the health change between two dates?", factor by factor. The stored history keeps one score per day
 * but not the breakdown behind it, so each date's breakdown is recomputed here with the server's own rule
 * (`assessCustomer`, docs/domain.md §7) on the customer's synced documents as of the end of that day (the rule
 * ignores activities dated later, and windows count back from that instant), then `explainHealthChange`
 * decomposes the difference into the factors' impacts, which add up to the change.
 *
 * Known limit: fields that only exist as their current value (active users and seats, last login) read the same
 * on both dates, so a past change in them does not show; the history's stored score is shown next to each
 * recomputed one so a gap is visible. Pure: the clock and time zone are parameters.
 */
export interface HealthComparison {
  readonly explanation: HealthChangeExplanation | null;
  /** Recomputed scores (null: nothing to score on that date). */
  readonly scoreFrom: number | null;
  readonly scoreTo: number | null;
  /** The stored history's score of each date, when it has one. */
  readonly storedFrom: number | null;
  readonly storedTo: number | null;
}

/** The instant a date's assessment is taken: the end of that day in the zone, or `now` for today and later. */
export function assessmentInstant(date: string, now: Date, timeZone: string): Date {
  const end = zonedTimeToEpochMs(date, 24 * 60 - 1, timeZone);
  return new Date(Math.min(end, now.getTime()));
}

export function compareHealth(
  docs: CustomerDocs,
  config: HealthScoreConfig,
  history: Health['history'],
  from: string,
  to: string,
  now: Date,
  timeZone: string,
): HealthComparison | 'invalid_range' {
  if (daysBetween(from, to) <= 0) return 'invalid_range';
  const at = (date: string) =>
    assessCustomer(docs, config, assessmentInstant(date, now, timeZone), timeZone).health;
  const before = at(from);
  const after = at(to);
  const stored = (date: string) => history.find((p) => p.date === date)?.score ?? null;
  return {
    explanation: before && after ? explainHealthChange(before, after) : null,
    scoreFrom: before?.score ?? null,
    scoreTo: after?.score ?? null,
    storedFrom: stored(from),
    storedTo: stored(to),
  };
}
