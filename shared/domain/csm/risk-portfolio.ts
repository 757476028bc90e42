import { calendarDate, daysBetween, DEFAULT_TIME_ZONE } from './dates.ts';
import type { RiskLevel } from './risk.ts';

/**
 * Portfolio view of risk (customers spec §2.4 "At-Risk Summary"): MRR at risk, days at risk, and the
 * `atRiskSince` bookkeeping the server stores on the `health` document.
 */

/** Whole calendar days since the customer became at risk (0 on the first day), null when not at risk. */
export function daysAtRisk(
  atRiskSince: string | null,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): number | null {
  if (atRiskSince === null) return null;
  return Math.max(0, daysBetween(atRiskSince, calendarDate(now, timeZone)));
}

/**
 * The next `atRiskSince`: today when the customer just became at risk, unchanged while it stays at risk
 * (warning ↔ critical keeps the date), null once it is no longer at risk.
 */
export function nextAtRiskSince(
  previous: string | null,
  riskLevel: RiskLevel,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
  /** `YYYY-MM-DD` of `now` in `timeZone` when the caller already has it (must equal `calendarDate(now, timeZone)`). */
  today?: string,
): string | null {
  if (riskLevel === 'none') return null;
  return previous ?? today ?? calendarDate(now, timeZone);
}

export interface PortfolioRiskRow {
  mrrCents: number;
  riskLevel: RiskLevel;
  atRiskSince: string | null;
}

export interface PortfolioRiskSummary {
  customers: number;
  customersAtRisk: number;
  critical: number;
  warning: number;
  totalMrrCents: number;
  /** Σ MRR of the customers whose risk level is warning or critical (the wireframe's "Total MRR at risk"). */
  mrrAtRiskCents: number;
  /** mrrAtRisk ÷ total MRR × 100, one decimal; null without MRR. */
  mrrAtRiskPercent: number | null;
  /** Mean days at risk over the at-risk customers, one decimal; null when none is at risk. */
  averageDaysAtRisk: number | null;
}

export function summarizePortfolioRisk(
  rows: readonly PortfolioRiskRow[],
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): PortfolioRiskSummary {
  const atRisk = rows.filter((r) => r.riskLevel !== 'none');
  const totalMrrCents = rows.reduce((s, r) => s + r.mrrCents, 0);
  const mrrAtRiskCents = atRisk.reduce((s, r) => s + r.mrrCents, 0);
  const days = atRisk
    .map((r) => daysAtRisk(r.atRiskSince, now, timeZone))
    .filter((d): d is number => d !== null);
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    customers: rows.length,
    customersAtRisk: atRisk.length,
    critical: atRisk.filter((r) => r.riskLevel === 'critical').length,
    warning: atRisk.filter((r) => r.riskLevel === 'warning').length,
    totalMrrCents,
    mrrAtRiskCents,
    mrrAtRiskPercent: totalMrrCents === 0 ? null : round1((mrrAtRiskCents / totalMrrCents) * 100),
    averageDaysAtRisk: days.length === 0 ? null : round1(days.reduce((s, d) => s + d, 0) / days.length),
  };
}
