import { z } from 'zod';
import { isoDate } from '../../entities/common.ts';
import { metricsSchema } from '../../entities/portal.ts';
import { truncateTowardZero } from './numbers.ts';
import { daysOfMonth } from './performance.ts';
import { monthOf } from './time.ts';

/**
 * You vs your industry (dashboard §2B "Comparativo de Performance"): conversion rate, cost per lead and
 * bounce rate of the customer's month to date against the industry's figures.
 *
 *   conversion rate = Σ conversions ÷ Σ sessions                     (higher is better)
 *   cost per lead   = Σ ad spend ÷ Σ leads                           (lower is better; rounded to the cent)
 *   bounce rate     = Σ (bounce rate × sessions) ÷ Σ sessions         (lower is better; days with a rate only)
 *
 * Invariants:
 * - A measure without its inputs (no sessions, no leads or no ad spend, no bounce rates) is `no_data`, never
 *   0: a customer with no campaign has no cost per lead, it is not "R$ 0 — better than everyone".
 * - Display values are truncated toward zero (numbers.ts): a rate on screen never overstates the exact one.
 *   The verdict compares the exact values; equal is `equal`, not a win.
 * - The industry figures are data, not code paths: `SEED_INDUSTRY_BENCHMARK` is the spec's "Indústria"
 *   column (1,9 %, R$ 18, 55 %) and applies to every industry until an organization configures its own
 *   (docs/domain-client.md §9).
 */
export const industryBenchmarkSchema = z.strictObject({
  /** Fraction: 1,9 % → 0.019. */
  conversionRate: z.number().gt(0).max(1),
  costPerLeadCents: z.number().int().positive().max(1e11),
  /** Percent units: 55 → 55 %. */
  bounceRate: z.number().min(0).max(100),
});
export type IndustryBenchmark = z.infer<typeof industryBenchmarkSchema>;

/** Dashboard §2B's industry column: "Taxa conversão … vs 1.9%", "Custo/Lead … vs R$18", "Bounce Rate … vs 55%". */
export const SEED_INDUSTRY_BENCHMARK: IndustryBenchmark = {
  conversionRate: 0.019,
  costPerLeadCents: 1_800,
  bounceRate: 55,
};

export const BENCHMARK_MEASURES = ['conversionRate', 'costPerLead', 'bounceRate'] as const;
export type BenchmarkMeasure = (typeof BENCHMARK_MEASURES)[number];

export type BenchmarkVerdict = 'better' | 'worse' | 'equal' | 'no_data';

export interface BenchmarkRow {
  readonly measure: BenchmarkMeasure;
  /** conversionRate and bounceRate in percent units (2.8 = 2,8 %), costPerLead in cents. Null = no data. */
  readonly you: number | null;
  readonly industry: number;
  /** For display: percents truncated to 1 decimal; money is already whole cents. */
  readonly youDisplay: number | null;
  readonly industryDisplay: number;
  readonly verdict: BenchmarkVerdict;
}

export interface BenchmarkComparison {
  readonly month: string;
  readonly rows: readonly BenchmarkRow[];
  /** How many measures beat the industry (the "✅" count). */
  readonly better: number;
}

export const benchmarkInputSchema = z.strictObject({
  metrics: z.array(metricsSchema.pick({ month: true, days: true })).max(240),
  asOf: isoDate,
  benchmark: industryBenchmarkSchema,
});
export type BenchmarkInput = z.input<typeof benchmarkInputSchema>;

function verdict(you: number | null, industry: number, higherIsBetter: boolean): BenchmarkVerdict {
  if (you === null) return 'no_data';
  if (you === industry) return 'equal';
  return you > industry === higherIsBetter ? 'better' : 'worse';
}

export function compareWithBenchmark(input: BenchmarkInput): BenchmarkComparison {
  const { metrics, asOf, benchmark } = benchmarkInputSchema.parse(input);
  const month = monthOf(asOf);
  const days = daysOfMonth(metrics, month, asOf);

  let sessions = 0;
  let conversions = 0;
  let leads = 0;
  let spend = 0;
  let bounceWeighted = 0;
  let bounceSessions = 0;
  for (const d of days) {
    sessions += d.sessions;
    conversions += d.conversions;
    leads += d.leads;
    spend += d.adSpendCents;
    if (d.bounceRate !== null && d.sessions > 0) {
      bounceWeighted += d.bounceRate * d.sessions;
      bounceSessions += d.sessions;
    }
  }

  const conversionRate = sessions > 0 ? (conversions / sessions) * 100 : null;
  const costPerLead = leads > 0 && spend > 0 ? Math.round(spend / leads) : null;
  const bounceRate = bounceSessions > 0 ? bounceWeighted / bounceSessions : null;
  const industryRate = benchmark.conversionRate * 100;

  const rows: BenchmarkRow[] = [
    {
      measure: 'conversionRate',
      you: conversionRate,
      industry: industryRate,
      youDisplay: conversionRate === null ? null : truncateTowardZero(conversionRate, 1),
      industryDisplay: truncateTowardZero(industryRate, 1),
      verdict: verdict(conversionRate, industryRate, true),
    },
    {
      measure: 'costPerLead',
      you: costPerLead,
      industry: benchmark.costPerLeadCents,
      youDisplay: costPerLead,
      industryDisplay: benchmark.costPerLeadCents,
      verdict: verdict(costPerLead, benchmark.costPerLeadCents, false),
    },
    {
      measure: 'bounceRate',
      you: bounceRate,
      industry: benchmark.bounceRate,
      youDisplay: bounceRate === null ? null : truncateTowardZero(bounceRate, 1),
      industryDisplay: truncateTowardZero(benchmark.bounceRate, 1),
      verdict: verdict(bounceRate, benchmark.bounceRate, false),
    },
  ];
  return { month, rows, better: rows.filter((r) => r.verdict === 'better').length };
}
