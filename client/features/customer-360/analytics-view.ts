import type { LeafDomainText } from '../../../shared/entities/domain-text.ts';
import type { Health } from '../../../shared/entities/csm.ts';
import { addMonths } from '../../../shared/domain/portal/time.ts';

/**
 * The analytics tab's series, by pure rules (analytics-view.test.ts).
 */

export interface MonthlyScore {
  /** `YYYY-MM`. */
  readonly month: string;
  /** The latest history point of that month. */
  readonly date: string;
  readonly score: number;
}

/**
 * The health history as one point per month for the last `months` months (today's month included): the latest
 * point of each month, oldest first. Months without a point are left out (never filled in).
 */
export function monthlyHealth(history: Health['history'], today: string, months = 12): MonthlyScore[] {
  const first = addMonths(today, -(months - 1)).slice(0, 7);
  const last = today.slice(0, 7);
  const byMonth = new Map<string, Health['history'][number]>();
  for (const point of history) {
    const month = point.date.slice(0, 7);
    if (month < first || month > last) continue;
    const kept = byMonth.get(month);
    if (kept === undefined || kept.date < point.date) byMonth.set(month, point);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, p]) => ({ month, date: p.date, score: p.score }));
}

export interface ChurnFactorRow {
  readonly feature: string;
  /** A domain-text code, rendered in the reader's language (client/domain-text/). */
  readonly label: LeafDomainText;
  /** Contribution to the log-odds; positive raises the churn probability. */
  readonly contribution: number;
}

/** The churn factors that move the prediction most, by absolute contribution, largest first. */
export function topChurnFactors(factors: Health['churnFactors'], limit = 3): ChurnFactorRow[] {
  return [...factors]
    .filter((f) => f.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, limit)
    .map((f) => ({ feature: f.feature, label: f.label, contribution: f.contribution }));
}

/** Seats in use as a fraction (null without seats). */
export const seatUsage = (active: number, total: number): number | null =>
  total > 0 ? active / total : null;
