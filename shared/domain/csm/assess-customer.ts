import type { Health, RiskFactor } from '../../entities/csm.ts';
import { deriveCustomerRevenue } from '../revenue.ts';
import { DEFAULT_CHURN_MODEL, predictChurn, type ChurnFeatures, type ChurnModel } from './churn.ts';
import {
  assessmentClock,
  churnFeaturesFromDocs,
  healthInputFromDocs,
  riskInputFromDocs,
  type AssessmentClock,
  type CustomerDocs,
} from './customer-inputs.ts';
import { addDays } from './dates.ts';
import { detectExpansion, type ExpansionOpportunityDraft, type ExpansionOptions } from './expansion.ts';
import type { HealthScoreConfig } from './health-config.ts';
import type { HealthInput } from './health-input.ts';
import { computeHealth, type PreviousHealth } from './health-score.ts';
import { detectInsights, type InsightDraft } from './insights.ts';
import { nextAtRiskSince } from './risk-portfolio.ts';
import { detectRisks, type RiskAssessment, type RiskInput, type RiskLevelThresholds } from './risk.ts';

/**
 * One customer's assessment from its synced documents (docs/domain.md §7): health with the organization's
 * configuration, risk, churn, expansion opportunities and insights — everything a `health` document holds except
 * the server's bookkeeping (id, updatedAt, serverSeq, clientUpdatedAt). The server's recompute job stores the
 * result as the authoritative score; the device shows the same function's result as a provisional one.
 *
 * Invariants: pure (the clock and the time zone are parameters); the same documents, configuration, model and
 * previous document give the same result on every machine; a churned customer is out of risk detection (nothing
 * left to save), churned with certainty, and gets no opportunity or insight.
 */

/** What a `health` document holds besides the sync bookkeeping. */
export type HealthFields = Omit<Health, 'id' | 'updatedAt' | 'serverSeq' | 'clientUpdatedAt'>;

/** Health history points kept (the schema's limit): a nightly recompute adds one a day, ~13 months. */
export const HEALTH_HISTORY_LIMIT = 400;
/** The 30-day trend compares with the latest history point at least this many days old. */
export const TREND_BASELINE_DAYS = 30;

export interface AssessOptions {
  /** The organization's churn model (trained or default); default `DEFAULT_CHURN_MODEL`. */
  churnModel?: ChurnModel;
  riskLevels?: RiskLevelThresholds;
  /**
   * The customer's stored health document, if any: its history continues, `atRiskSince` is kept, and a risk
   * factor still present keeps the `detectedAt` it was first detected at (so an unchanged customer recomputes
   * to an unchanged document).
   */
  previous?: (Pick<Health, 'history' | 'atRiskSince'> & Partial<Pick<Health, 'riskFactors'>>) | null;
  /**
   * The score (and, when kept, the breakdown) of 30 days before, for the total's and the dimensions' trends.
   * Default: the score of the latest point of `previous.history` at least 30 days old, without a breakdown
   * (dimension trends then read "stable").
   */
  baseline?: PreviousHealth | null;
  expansion?: ExpansionOptions;
}

export interface CustomerAssessment {
  /** Null when no weighted dimension has data (nothing to score: "sem dados"; no document is written). */
  health: HealthFields | null;
  risk: RiskAssessment;
  expansion: ExpansionOpportunityDraft[];
  insights: InsightDraft[];
  /** The rules' inputs as read from the documents (for "why", tests and benchmarks). */
  inputs: { health: HealthInput; risk: RiskInput; churn: ChurnFeatures | null };
}

const NO_RISK: RiskAssessment = Object.freeze({ riskScore: 100, riskLevel: 'none', riskFactors: [] });

/** `history` with today's point set to `score` (replacing a point already there), oldest first, capped. */
export function nextHealthHistory(
  history: readonly Health['history'][number][],
  today: string,
  score: number,
  limit: number = HEALTH_HISTORY_LIMIT,
): Health['history'] {
  const kept = history.filter((p) => p.date < today).sort((a, b) => (a.date < b.date ? -1 : 1));
  return [...kept, { date: today, score }].slice(-limit);
}

/** The latest history score at least `TREND_BASELINE_DAYS` old (null when the history is shorter). */
export function baselineFromHistory(
  history: readonly Health['history'][number][],
  today: string,
): PreviousHealth | null {
  const cutoff = addDays(today, -TREND_BASELINE_DAYS);
  let best: Health['history'][number] | null = null;
  for (const p of history) if (p.date <= cutoff && (best === null || p.date > best.date)) best = p;
  return best === null ? null : { score: best.score, breakdown: null };
}

/** Factors of a type already detected before keep that first detection's instant. */
function keepDetectedAt(risk: RiskAssessment, before: readonly RiskFactor[] | undefined): RiskAssessment {
  if (!before || before.length === 0) return risk;
  const since = new Map(before.map((f) => [f.type, f.detectedAt]));
  return {
    ...risk,
    riskFactors: risk.riskFactors.map((f) => ({ ...f, detectedAt: since.get(f.type) ?? f.detectedAt })),
  };
}

/** `assessCustomer` on a clock built once for a batch of customers. */
export function assessCustomerAt(
  docs: CustomerDocs,
  config: HealthScoreConfig,
  clock: AssessmentClock,
  options: AssessOptions = {},
): CustomerAssessment {
  const { customer } = docs;
  const { now, today, timeZone } = clock;
  const churned = customer.status === 'churned';
  const healthInput = healthInputFromDocs(docs, clock);
  const riskInput = riskInputFromDocs(docs, clock);
  const history = options.previous?.history ?? [];
  const baseline = options.baseline !== undefined ? options.baseline : baselineFromHistory(history, today);

  const assessed = computeHealth(healthInput, config, baseline);
  const risk = churned
    ? NO_RISK
    : keepDetectedAt(
        detectRisks(riskInput, now, { timeZone, today, levels: options.riskLevels }),
        options.previous?.riskFactors,
      );

  let health: HealthFields | null = null;
  let churnFeatures: ChurnFeatures | null = null;
  if (assessed.score !== null && assessed.status !== null) {
    churnFeatures = churnFeaturesFromDocs(docs, clock, assessed.score);
    const churn = predictChurn(options.churnModel ?? DEFAULT_CHURN_MODEL, churnFeatures, now, {
      renewalDate: customer.renewalDate,
      timeZone,
      today,
    });
    health = {
      customerId: customer.id,
      score: assessed.score,
      status: assessed.status,
      breakdown: assessed.breakdown,
      missingDimensions: assessed.missingDimensions,
      trend: assessed.trend,
      history: nextHealthHistory(history, today, assessed.score),
      riskScore: risk.riskScore,
      riskLevel: risk.riskLevel,
      riskFactors: risk.riskFactors,
      atRiskSince: nextAtRiskSince(
        options.previous?.atRiskSince ?? null,
        risk.riskLevel,
        now,
        timeZone,
        today,
      ),
      churnProbability: churned ? 100 : churn.probability,
      predictedChurnDate: churned ? null : churn.predictedChurnDate,
      churnFactors: churn.factors,
      computedAt: now.toISOString(),
    };
  }

  const healthScore = assessed.score;
  const expansion = churned
    ? []
    : detectExpansion(
        {
          tier: customer.tier,
          mrrCents: deriveCustomerRevenue(customer.contracts, [], today).mrrCents,
          activeUsers: customer.activeUsers,
          totalSeats: customer.totalSeats,
          healthScore,
          contracts: customer.contracts,
          activities: docs.activities.map(({ id, type, title, description, occurredAt }) => ({
            id,
            type,
            title,
            description,
            occurredAt,
          })),
        },
        now,
        options.expansion,
      );
  const insights = churned
    ? []
    : detectInsights(
        { customerSince: customer.customerSince, npsScore: healthInput.npsScore ?? null, healthScore },
        now,
        { timeZone, today },
      );

  return {
    health,
    risk,
    expansion,
    insights,
    inputs: { health: healthInput, risk: riskInput, churn: churnFeatures },
  };
}

/**
 * Assesses one customer at instant `now` in the organization's `timeZone`. Throws a `ZodError` on an invalid
 * configuration or model, and a RangeError on an unknown time zone.
 */
export function assessCustomer(
  docs: CustomerDocs,
  config: HealthScoreConfig,
  now: Date,
  timeZone: string,
  options: AssessOptions = {},
): CustomerAssessment {
  return assessCustomerAt(docs, config, assessmentClock(now, timeZone), options);
}
