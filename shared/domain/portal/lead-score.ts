import { z } from 'zod';
import { isoDateTime, shortText } from '../../entities/common.ts';
import { type Lead, leadSchema, LEAD_STAGES } from '../../entities/portal.ts';
import { clamp } from './numbers.ts';

/**
 * Lead score 0–100 (dashboard §3B "Carlos Mendes — Score: 85/100: Engajamento 30, Budget fit 25,
 * Timeline 20, Authority 10").
 *
 * Four components, each a fraction 0…1 of its maximum points (defaults sum to 100, configurable):
 *
 * | component  | max | fraction                                                                         |
 * |------------|-----|----------------------------------------------------------------------------------|
 * | engagement | 35  | activity points ÷ 35 (capped at 1); an interaction is worth meeting 10, call 8, |
 * |            |     | WhatsApp 5, e-mail 4, note 0 — full in the last 30 days, half at 31–90, then 0   |
 * | budgetFit  | 25  | budget ÷ deal value: ≥ 1 → 1, ≥ 0.75 → 0.7, ≥ 0.5 → 0.4, > 0 → 0.2; unknown → 0 |
 * | timeline   | 25  | immediate 1, ≤ 1 month 0.8, ≤ 3 months 0.5, ≤ 6 months 0.2, unknown 0           |
 * | authority  | 15  | decision maker 1, influencer ⅔, user ⅓, unknown 0                               |
 *
 * points = round(max × fraction). Carlos Mendes: meeting + 2 calls + e-mail this month = 30 activity points →
 * 30; budget R$ 15.000 ≥ deal R$ 12.000 → 25; decides within a month → 20; influencer → 10; total 85.
 *
 * Configurable rules (`lead_scoring_rules`) add or remove points when all their conditions hold, e.g.
 * "source = indicação → +10", "e-mail domain in gmail.com → −5". Total = clamp(Σ components + Σ rules, 0, 100).
 *
 * Bands: ≥ 80 "Alta probabilidade de conversão", ≥ 50 "Média …", else "Baixa …" (thresholds configurable).
 * Recommended action (pt-BR): high → "Ligar hoje"; medium → fix the weakest component; low → nurture;
 * won/lost → nothing pending.
 */
export const LEAD_COMPONENTS = ['engagement', 'budgetFit', 'timeline', 'authority'] as const;
export type LeadComponent = (typeof LEAD_COMPONENTS)[number];

export const DEFAULT_LEAD_MAX_POINTS: Readonly<Record<LeadComponent, number>> = {
  engagement: 35,
  budgetFit: 25,
  timeline: 25,
  authority: 15,
};

/** Activity points per interaction type (before recency). */
export const INTERACTION_POINTS: Readonly<Record<Lead['interactions'][number]['type'], number>> = {
  meeting: 10,
  call: 8,
  whatsapp: 5,
  email: 4,
  note: 0,
};
/** Activity points at which engagement is full. */
export const ENGAGEMENT_SATURATION = 35;

const TIMELINE_FRACTION: Readonly<Record<Lead['timeline'], number>> = {
  immediate: 1,
  within_1_month: 0.8,
  within_3_months: 0.5,
  within_6_months: 0.2,
  unknown: 0,
};
const AUTHORITY_FRACTION: Readonly<Record<Lead['authority'], number>> = {
  decision_maker: 1,
  influencer: 2 / 3,
  user: 1 / 3,
  unknown: 0,
};

// ------------------------------------------------------------------------------------ configurable rules
const stringField = z.enum(['source', 'company', 'emailDomain']);
const numberField = z.enum([
  'budgetCents',
  'valueCents',
  'interactionsLast30Days',
  'inboundInteractionsLast30Days',
  'daysSinceLastInteraction',
]);

/** One condition of a rule (field, operator, value); a missing value (null) satisfies only `missing`. */
export const leadConditionSchema = z.union([
  z.strictObject({
    field: stringField,
    op: z.enum(['eq', 'neq', 'contains']),
    value: z.string().min(1).max(200),
  }),
  z.strictObject({
    field: stringField,
    op: z.literal('in'),
    value: z.array(z.string().min(1).max(200)).min(1),
  }),
  z.strictObject({ field: z.union([stringField, numberField]), op: z.enum(['exists', 'missing']) }),
  z.strictObject({
    field: numberField,
    op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte']),
    value: z.number(),
  }),
  z.strictObject({
    field: z.literal('stage'),
    op: z.enum(['eq', 'neq', 'in']),
    value: z.union([z.enum(LEAD_STAGES), z.array(z.enum(LEAD_STAGES)).min(1)]),
  }),
  z.strictObject({
    field: z.literal('timeline'),
    op: z.enum(['eq', 'neq', 'in']),
    value: z.union([leadSchema.shape.timeline, z.array(leadSchema.shape.timeline).min(1)]),
  }),
  z.strictObject({
    field: z.literal('authority'),
    op: z.enum(['eq', 'neq', 'in']),
    value: z.union([leadSchema.shape.authority, z.array(leadSchema.shape.authority).min(1)]),
  }),
  z.strictObject({ field: z.literal('fromCampaign'), op: z.literal('eq'), value: z.boolean() }),
]);
export type LeadCondition = z.infer<typeof leadConditionSchema>;

export const leadRuleSchema = z.strictObject({
  id: z.string().min(1).max(40),
  /** Shown in the breakdown, e.g. "Indicação de cliente". */
  label: shortText,
  /** All conditions must hold. */
  when: z.array(leadConditionSchema).min(1).max(10),
  points: z.number().int().min(-100).max(100),
});
export type LeadRule = z.infer<typeof leadRuleSchema>;

const maxPoints = z.number().int().min(0).max(100);
export const leadScoringConfigSchema = z
  .strictObject({
    maxPoints: z.strictObject({
      engagement: maxPoints,
      budgetFit: maxPoints,
      timeline: maxPoints,
      authority: maxPoints,
    }),
    rules: z.array(leadRuleSchema).max(100),
    bands: z.strictObject({
      high: z.number().int().min(1).max(100),
      medium: z.number().int().min(0).max(99),
    }),
  })
  .refine((c) => LEAD_COMPONENTS.reduce((s, k) => s + c.maxPoints[k], 0) === 100, {
    message: 'maxPoints must sum to 100',
    path: ['maxPoints'],
  })
  .refine((c) => c.bands.medium < c.bands.high, {
    message: 'bands.medium must be below bands.high',
    path: ['bands'],
  });
export type LeadScoringConfig = z.infer<typeof leadScoringConfigSchema>;

export const DEFAULT_LEAD_SCORING: LeadScoringConfig = {
  maxPoints: { ...DEFAULT_LEAD_MAX_POINTS },
  rules: [],
  bands: { high: 80, medium: 50 },
};

export const leadScoreInputSchema = z.strictObject({
  lead: leadSchema,
  now: isoDateTime,
  config: leadScoringConfigSchema.default(DEFAULT_LEAD_SCORING),
});
export type LeadScoreInput = z.input<typeof leadScoreInputSchema>;

// ------------------------------------------------------------------------------------------------ result
export type LeadBand = 'high' | 'medium' | 'low';
export type LeadActionCode =
  | 'call_today'
  | 'schedule_follow_up'
  | 'qualify_budget'
  | 'confirm_timeline'
  | 'reach_decision_maker'
  | 'nurture'
  | 'none';

export interface LeadComponentScore {
  points: number;
  max: number;
  /** 0…1 before scaling to points. */
  fraction: number;
}

export interface LeadScore {
  total: number;
  breakdown: Record<LeadComponent, LeadComponentScore>;
  /** Rules that matched, with their points. */
  rules: { id: string; label: string; points: number }[];
  band: LeadBand;
  /** "Alta probabilidade de conversão" */
  label: string;
  action: { code: LeadActionCode; text: string };
}

const BAND_LABEL: Record<LeadBand, string> = {
  high: 'Alta probabilidade de conversão',
  medium: 'Média probabilidade de conversão',
  low: 'Baixa probabilidade de conversão',
};

const ACTION_TEXT: Record<LeadActionCode, string> = {
  call_today: 'Ligar hoje',
  schedule_follow_up: 'Agendar um follow-up nesta semana',
  qualify_budget: 'Validar o orçamento disponível',
  confirm_timeline: 'Confirmar o prazo de decisão',
  reach_decision_maker: 'Envolver o tomador de decisão',
  nurture: 'Nutrir com conteúdo por e-mail',
  none: 'Negócio encerrado — nenhuma ação pendente',
};

/** The action that fixes a medium lead's weakest component (ties: the order below). */
const FIX_FOR: Record<LeadComponent, LeadActionCode> = {
  authority: 'reach_decision_maker',
  budgetFit: 'qualify_budget',
  timeline: 'confirm_timeline',
  engagement: 'schedule_follow_up',
};

const DAY_MS = 86_400_000;

export function scoreLead(input: LeadScoreInput): LeadScore {
  const { lead, now, config } = leadScoreInputSchema.parse(input);
  const nowMs = Date.parse(now);

  const fractions: Record<LeadComponent, number> = {
    engagement: Math.min(1, activityPoints(lead, nowMs) / ENGAGEMENT_SATURATION),
    budgetFit: budgetFraction(lead),
    timeline: TIMELINE_FRACTION[lead.timeline],
    authority: AUTHORITY_FRACTION[lead.authority],
  };
  const breakdown = Object.fromEntries(
    LEAD_COMPONENTS.map((k) => {
      const max = config.maxPoints[k];
      return [k, { points: Math.round(max * fractions[k]), max, fraction: fractions[k] }];
    }),
  ) as Record<LeadComponent, LeadComponentScore>;

  const facts = leadFacts(lead, nowMs);
  const rules = config.rules
    .filter((r) => r.when.every((c) => conditionHolds(c, facts)))
    .map((r) => ({ id: r.id, label: r.label, points: r.points }));

  const sum =
    LEAD_COMPONENTS.reduce((s, k) => s + breakdown[k].points, 0) + rules.reduce((s, r) => s + r.points, 0);
  const total = clamp(sum, 0, 100);
  const band: LeadBand =
    total >= config.bands.high ? 'high' : total >= config.bands.medium ? 'medium' : 'low';

  let code: LeadActionCode;
  if (lead.stage === 'won' || lead.stage === 'lost') code = 'none';
  else if (band === 'high') code = 'call_today';
  else if (band === 'low') code = 'nurture';
  else {
    const order: LeadComponent[] = ['authority', 'budgetFit', 'timeline', 'engagement'];
    const weakest = order
      .filter((k) => breakdown[k].max > 0)
      .reduce(
        (w, k) => (fractions[k] < fractions[w] ? k : w),
        order.find((k) => breakdown[k].max > 0) ?? 'engagement',
      );
    code = FIX_FOR[weakest];
  }
  return {
    total,
    breakdown,
    rules,
    band,
    label: BAND_LABEL[band],
    action: { code, text: ACTION_TEXT[code] },
  };
}

function activityPoints(lead: Lead, nowMs: number): number {
  let points = 0;
  for (const i of lead.interactions) {
    const age = nowMs - Date.parse(i.createdAt);
    if (age < 0) continue; // not happened yet (clock skew)
    const weight = age <= 30 * DAY_MS ? 1 : age <= 90 * DAY_MS ? 0.5 : 0;
    points += INTERACTION_POINTS[i.type] * weight;
  }
  return points;
}

function budgetFraction(lead: Lead): number {
  if (lead.budgetCents === null || lead.budgetCents === 0 || lead.valueCents === 0) return 0;
  const ratio = lead.budgetCents / lead.valueCents;
  if (ratio >= 1) return 1;
  if (ratio >= 0.75) return 0.7;
  if (ratio >= 0.5) return 0.4;
  return 0.2;
}

type Facts = Record<string, string | number | boolean | null>;

function leadFacts(lead: Lead, nowMs: number): Facts {
  const past = lead.interactions
    .map((i) => ({ ...i, t: Date.parse(i.createdAt) }))
    .filter((i) => i.t <= nowMs);
  const recent = past.filter((i) => nowMs - i.t <= 30 * DAY_MS);
  const last = past.reduce<number | null>((m, i) => (m === null || i.t > m ? i.t : m), null);
  return {
    source: lead.source,
    company: lead.company,
    emailDomain: lead.email ? (lead.email.split('@')[1] ?? '').toLowerCase() : null,
    budgetCents: lead.budgetCents,
    valueCents: lead.valueCents,
    interactionsLast30Days: recent.length,
    inboundInteractionsLast30Days: recent.filter((i) => i.direction === 'inbound').length,
    daysSinceLastInteraction: last === null ? null : Math.floor((nowMs - last) / DAY_MS),
    stage: lead.stage,
    timeline: lead.timeline,
    authority: lead.authority,
    fromCampaign: lead.campaignId !== null,
  };
}

function conditionHolds(c: LeadCondition, facts: Facts): boolean {
  const actual = facts[c.field] ?? null;
  if (c.op === 'missing') return actual === null || actual === '';
  if (c.op === 'exists') return actual !== null && actual !== '';
  if (actual === null) return false;
  const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
  switch (c.op) {
    case 'eq':
      return norm(actual) === norm(c.value);
    case 'neq':
      return norm(actual) !== norm(c.value);
    case 'in':
      return (Array.isArray(c.value) ? c.value : [c.value]).some((v) => norm(v) === norm(actual));
    case 'contains':
      return String(norm(actual)).includes(String(norm(c.value)));
    case 'gt':
      return (actual as number) > c.value;
    case 'gte':
      return (actual as number) >= c.value;
    case 'lt':
      return (actual as number) < c.value;
    case 'lte':
      return (actual as number) <= c.value;
  }
}
