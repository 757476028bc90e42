import { z } from 'zod';
import { HEALTH_DIMENSIONS, healthBreakdownSchema, type HealthDimension } from '../../entities/csm.ts';
import type { DomainTextOf, LeafDomainText } from '../../entities/domain-text.ts';

/**
 * "Why did the score change?" — decomposes the change of the total between two assessments into one item per
 * factor, plus configured rules and rounding, so that the items' impacts add up exactly to the change.
 *
 * A factor's share of the total is `value ÷ (factors in its dimension) × effective weight ÷ 100`; its impact is
 * that share after minus before. So a factor counts as changed when its own value moved, when a sibling factor
 * appeared or disappeared (its share of the dimension changed) or when a whole dimension appeared or
 * disappeared (the weights were renormalised).
 */

/** Anything with a total and a breakdown: a `HealthAssessment` or a stored `health` document. */
export const healthSnapshotSchema = z.object({
  score: z.number().min(0).max(100).nullable(),
  breakdown: healthBreakdownSchema,
});
export type HealthSnapshot = z.input<typeof healthSnapshotSchema>;

export interface HealthChangeItem {
  kind: 'factor' | 'rules' | 'rounding';
  /** null for the rounding item, which is global. */
  dimension: HealthDimension | null;
  /** The factor key, `rules`, or `rounding` (the reader names it in their language). */
  key: string;
  /** The factor's 0–100 value (rules: the rule points), null when it had no data. */
  before: number | null;
  after: number | null;
  rawBefore: number | null;
  rawAfter: number | null;
  descriptionAfter: LeafDomainText | null;
  /** Points of the total this item moved (unrounded; the items sum to `delta`). */
  impact: number;
  /** e.g. `change.factor {factor: 'loginFrequency', before: 85, after: 40, impact: −4.1}`, rendered by the reader
   * ("Frequência de login: 85 → 40 (−4,1 pts no score)" in pt-BR). */
  text: LeafDomainText;
}

export interface HealthChangeExplanation {
  scoreBefore: number | null;
  scoreAfter: number | null;
  /** scoreAfter − scoreBefore, null when either is missing. */
  delta: number | null;
  dimensions: {
    dimension: HealthDimension;
    before: number | null;
    after: number | null;
    effectiveWeightBefore: number;
    effectiveWeightAfter: number;
    /** Points of the total moved by this dimension (factors + rules + its own rounding). */
    impact: number;
  }[];
  /** Sorted by |impact|, largest first. */
  items: HealthChangeItem[];
  /** `change.noPrevious`, `change.stable` or `change.summary` with up to three main causes. */
  summary: DomainTextOf<'change.noPrevious' | 'change.stable' | 'change.summary'>;
}

const IMPACT_EPSILON = 1e-9;

export function explainHealthChange(before: HealthSnapshot, after: HealthSnapshot): HealthChangeExplanation {
  const a = healthSnapshotSchema.parse(before);
  const b = healthSnapshotSchema.parse(after);
  const items: HealthChangeItem[] = [];
  const dimensions: HealthChangeExplanation['dimensions'] = [];
  let weightedDelta = 0;

  for (const dim of HEALTH_DIMENSIONS) {
    const ma = a.breakdown[dim];
    const mb = b.breakdown[dim];
    const share = (value: number, n: number, ew: number) => ((value / n) * ew) / 100;
    const keys = [...new Set([...ma.factors.map((f) => f.key), ...mb.factors.map((f) => f.key)])];
    let factorSum = 0;
    for (const key of keys) {
      const fa = ma.factors.find((f) => f.key === key) ?? null;
      const fb = mb.factors.find((f) => f.key === key) ?? null;
      const ca = fa && ma.score !== null ? share(fa.value, ma.factors.length, ma.effectiveWeight) : 0;
      const cb = fb && mb.score !== null ? share(fb.value, mb.factors.length, mb.effectiveWeight) : 0;
      const impact = cb - ca;
      factorSum += impact;
      const vBefore = fa?.value ?? null;
      const vAfter = fb?.value ?? null;
      if (Math.abs(impact) < IMPACT_EPSILON && vBefore === vAfter) continue;
      items.push({
        kind: 'factor',
        dimension: dim,
        key,
        before: vBefore,
        after: vAfter,
        rawBefore: fa?.raw ?? null,
        rawAfter: fb?.raw ?? null,
        descriptionAfter: fb?.description ?? null,
        impact,
        text: { code: 'change.factor', params: { factor: key, before: vBefore, after: vAfter, impact } },
      });
    }
    const rulesShare = (m: typeof ma) => (m.score === null ? 0 : (m.rulePoints * m.effectiveWeight) / 100);
    const rulesImpact = rulesShare(mb) - rulesShare(ma);
    if (Math.abs(rulesImpact) >= IMPACT_EPSILON || ma.rulePoints !== mb.rulePoints) {
      items.push({
        kind: 'rules',
        dimension: dim,
        key: 'rules',
        before: ma.score === null ? null : ma.rulePoints,
        after: mb.score === null ? null : mb.rulePoints,
        rawBefore: null,
        rawAfter: null,
        descriptionAfter: null,
        impact: rulesImpact,
        text: {
          code: 'change.rules',
          params: { dimension: dim, before: ma.rulePoints, after: mb.rulePoints, impact: rulesImpact },
        },
      });
    }
    const dimImpact = mb.weightedScore - ma.weightedScore;
    weightedDelta += dimImpact - factorSum - rulesImpact;
    dimensions.push({
      dimension: dim,
      before: ma.score,
      after: mb.score,
      effectiveWeightBefore: ma.effectiveWeight,
      effectiveWeightAfter: mb.effectiveWeight,
      impact: dimImpact,
    });
  }

  const delta = a.score !== null && b.score !== null ? b.score - a.score : null;
  // Everything not explained by factors and rules: rounding of dimension scores and of the total, and the
  // 0–100 limits. Reported as one item so the items always add up to `delta`.
  const explained = items.reduce((s, i) => s + i.impact, 0);
  const rounding = delta === null ? weightedDelta : delta - explained;
  if (Math.abs(rounding) >= 1e-6) {
    items.push({
      kind: 'rounding',
      dimension: null,
      key: 'rounding',
      before: null,
      after: null,
      rawBefore: null,
      rawAfter: null,
      descriptionAfter: null,
      impact: rounding,
      text: { code: 'change.rounding', params: { impact: rounding } },
    });
  }
  items.sort((x, y) => Math.abs(y.impact) - Math.abs(x.impact) || x.key.localeCompare(y.key));

  const main = items.filter((i) => i.kind !== 'rounding' && Math.abs(i.impact) >= 0.05).slice(0, 3);
  const summary: HealthChangeExplanation['summary'] =
    delta === null
      ? { code: 'change.noPrevious', params: {} }
      : delta === 0 && main.length === 0
        ? { code: 'change.stable', params: { score: b.score! } }
        : {
            code: 'change.summary',
            params: { before: a.score!, after: b.score!, causes: main.map((i) => i.text) },
          };
  return { scoreBefore: a.score, scoreAfter: b.score, delta, dimensions, items, summary };
}
