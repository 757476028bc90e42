import { z } from 'zod';
import {
  changePercent,
  PERFORMANCE_MEASURES,
  PERFORMANCE_RANGES,
  type PerformanceMeasure,
  type PerformanceRange,
  type PerformanceSeries,
} from '../../../shared/domain/portal/performance.ts';
import type { ChartPoint } from './chart-types.ts';
import { dateTimeFormat } from '../../../shared/intl.ts';

/**
 * What the performance page shows of a series, as plain data (pure, tested without React): one chart per
 * measure with its total and its change against the previous window. The numbers are the shared rule's
 * (shared/domain/portal/performance.ts); this module only arranges and labels them.
 */
export interface MeasureChart {
  readonly measure: PerformanceMeasure;
  readonly total: number | null;
  /** Truncated percent vs the previous window; null without one. */
  readonly change: number | null;
  readonly points: readonly ChartPoint[];
}

/** `?periodo=` → a range; anything else is the default 30 days (an old or hand-typed link still opens). */
export function parseRange(value: string | null): PerformanceRange {
  const parsed = z.enum(PERFORMANCE_RANGES).safeParse(value);
  return parsed.success ? parsed.data : '30d';
}

export function measureCharts(
  series: PerformanceSeries,
  label: (key: string, granularity: 'day' | 'month') => string,
): MeasureChart[] {
  return PERFORMANCE_MEASURES.map((measure) => ({
    measure,
    total: series.totals?.[measure] ?? null,
    change: series.totals ? changePercent(series.totals[measure], series.previous?.[measure]) : null,
    points: series.points.map((p) => ({ label: label(p.key, series.granularity), value: p[measure] })),
  }));
}

/** "06/12" (pt-BR) / "Dec 6" (English) for a calendar date; the date is a date, so no time zone applies. */
export function shortDayLabel(date: string, language: string): string {
  return dateTimeFormat(language === 'en' ? 'en-US' : 'pt-BR', {
    day: language === 'en' ? 'numeric' : '2-digit',
    month: language === 'en' ? 'short' : '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}
