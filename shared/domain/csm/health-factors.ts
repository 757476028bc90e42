import type { HealthDimension } from '../../entities/csm.ts';
import type { LeafDomainText } from '../../entities/domain-text.ts';
import type { ParsedHealthInput } from './health-input.ts';

/**
 * The seed's 18 health factors (customers spec §1.3), each mapped to 0–100 by a documented formula that is
 * monotonic in its "good" input (more logins never lower the score; more tickets never raise it).
 * `docs/domain.md` repeats the formulas in plain Portuguese for CSMs. Descriptions are domain-text codes with the
 * raw numbers as params (shared/entities/domain-text.ts); names come from the key, in the reader's language.
 *
 * A formula returns `null` when its inputs are missing or it is undefined (e.g. 0 seats, 0 e-mails sent):
 * "no data" is never scored as zero.
 */

/** Logging in on 20 of the last 30 days (about every working day) is full marks. */
export const LOGIN_DAYS_FOR_FULL_SCORE = 20;
/** Each community action is worth 20 points: 5 in 30 days is full marks. */
export const COMMUNITY_POINTS_PER_ACTION = 20;
/** Ticket volume loses 20 points per ticket per 10 seats (customers with up to 10 seats: per ticket). */
export const TICKET_POINTS_PER_TICKET_PER_10_SEATS = 20;
/** Contract value growth: flat MRR scores 75; +12,5 % a year reaches 100; −37,5 % reaches 0. */
export const GROWTH_SCORE_AT_FLAT = 75;
export const GROWTH_POINTS_PER_UNIT = 200;
/** Open expansion pipeline worth 30 % of MRR (or more) is full upsell potential. */
export const UPSELL_PIPELINE_SHARE_FOR_FULL_SCORE = 0.3;
/** Each referral (12 months) and each expansion conversation (90 days) is worth 50 points. */
export const REFERRAL_POINTS_EACH = 50;
export const EXPANSION_CONVERSATION_POINTS_EACH = 50;

export const HEALTH_FACTOR_KEYS = [
  'loginFrequency',
  'featureAdoption',
  'seatUtilization',
  'keyFeatureUsage',
  'emailResponseRate',
  'meetingParticipation',
  'netPromoterScore',
  'communityActivity',
  'ticketVolume',
  'resolutionSatisfaction',
  'escalationRate',
  'selfServiceUsage',
  'onTimePayments',
  'contractValueGrowth',
  'paymentReliability',
  'upsellPotential',
  'referralActivity',
  'expansionConversations',
] as const;
export type HealthFactorKey = (typeof HEALTH_FACTOR_KEYS)[number];

export interface FactorScore {
  /** 0–100, rounded to an integer so a CSM can redo the sum by hand. */
  value: number;
  /** The raw number behind the value (a count, a rate in %, a CSAT…), kept for "why did it change". */
  raw: number;
  /** The raw numbers as a domain-text code, e.g. `factor.loginFrequency {days: 12}`. */
  description: LeafDomainText;
}

export interface FactorDefinition {
  key: HealthFactorKey;
  dimension: HealthDimension;
  /** The formula in one line, for docs (pt-BR, as docs/domain.md writes it; not shown in the UI). */
  formula: string;
  score: (input: ParsedHealthInput) => FactorScore | null;
}

const clamp100 = (x: number) => Math.min(100, Math.max(0, x));
const pct = (part: number, whole: number) => (part / whole) * 100;
/** Rounds half away from zero after removing float noise (0.3*85 = 25.499999… must round like 25.5). */
export const roundScore = (x: number) => Math.round(Math.round(x * 1e6) / 1e6);

function ratioFactor(
  part: number | null,
  whole: number | null,
  describe: (p: number, w: number) => LeafDomainText,
) {
  if (part === null || whole === null || whole === 0) return null;
  const raw = pct(part, whole);
  return { value: roundScore(clamp100(raw)), raw: round1(raw), description: describe(part, whole) };
}
const round1 = (x: number) => Math.round(x * 10) / 10;
/** Whole percent shown next to a ratio ("85%"). */
const wholePct = (part: number, whole: number) => Math.round(pct(part, whole));

export const HEALTH_FACTORS: readonly FactorDefinition[] = [
  // — Product usage —
  {
    key: 'loginFrequency',
    dimension: 'productUsage',
    formula: `min(100, dias com login nos últimos 30 ÷ ${LOGIN_DAYS_FOR_FULL_SCORE} × 100)`,
    score: ({ loginDaysLast30: d }) =>
      d === null
        ? null
        : {
            value: roundScore(clamp100((d / LOGIN_DAYS_FOR_FULL_SCORE) * 100)),
            raw: d,
            description: { code: 'factor.loginFrequency', params: { days: d } },
          },
  },
  {
    key: 'featureAdoption',
    dimension: 'productUsage',
    formula: 'funcionalidades adotadas ÷ disponíveis no plano × 100',
    score: (i) =>
      ratioFactor(i.featuresAdopted, i.featuresAvailable, (p, w) => ({
        code: 'factor.featureAdoption',
        params: { adopted: p, available: w, percent: wholePct(p, w) },
      })),
  },
  {
    key: 'seatUtilization',
    dimension: 'productUsage',
    formula: 'min(100, usuários ativos ÷ licenças × 100)',
    score: (i) =>
      ratioFactor(i.activeUsers, i.totalSeats, (p, w) => ({
        code: 'factor.seatUtilization',
        params: { active: p, seats: w, percent: wholePct(p, w) },
      })),
  },
  {
    key: 'keyFeatureUsage',
    dimension: 'productUsage',
    formula: 'funcionalidades-chave usadas nos últimos 30 dias ÷ funcionalidades-chave × 100',
    score: (i) =>
      ratioFactor(i.keyFeaturesUsed, i.keyFeaturesTotal, (p, w) => ({
        code: 'factor.keyFeatureUsage',
        params: { used: p, total: w },
      })),
  },
  // — Engagement —
  {
    key: 'emailResponseRate',
    dimension: 'engagement',
    formula: 'e-mails respondidos ÷ enviados (90 dias) × 100',
    score: (i) =>
      ratioFactor(i.emailsReplied, i.emailsSent, (p, w) => ({
        code: 'factor.emailResponseRate',
        params: { replied: p, sent: w },
      })),
  },
  {
    key: 'meetingParticipation',
    dimension: 'engagement',
    formula: 'reuniões com presença ÷ agendadas (90 dias) × 100',
    score: (i) =>
      ratioFactor(i.meetingsAttended, i.meetingsScheduled, (p, w) => ({
        code: 'factor.meetingParticipation',
        params: { attended: p, scheduled: w },
      })),
  },
  {
    key: 'netPromoterScore',
    dimension: 'engagement',
    formula: 'nota NPS (0–10) × 10',
    score: ({ npsScore: n }) =>
      n === null
        ? null
        : { value: n * 10, raw: n, description: { code: 'factor.netPromoterScore', params: { score: n } } },
  },
  {
    key: 'communityActivity',
    dimension: 'engagement',
    formula: `min(100, participações nos últimos 30 dias × ${COMMUNITY_POINTS_PER_ACTION})`,
    score: ({ communityActionsLast30: n }) =>
      n === null
        ? null
        : {
            value: clamp100(n * COMMUNITY_POINTS_PER_ACTION),
            raw: n,
            description: { code: 'factor.communityActivity', params: { count: n } },
          },
  },
  // — Support —
  {
    key: 'ticketVolume',
    dimension: 'support',
    formula: `max(0, 100 − ${TICKET_POINTS_PER_TICKET_PER_10_SEATS} × tickets em 30 dias × 10 ÷ max(licenças, 10))`,
    score: ({ ticketsLast30: t, totalSeats }) => {
      if (t === null) return null;
      // Normalised by size so a 100-seat customer is not punished for having more users; customers with
      // up to 10 seats (or unknown seats) are judged per ticket.
      const per10Seats = (t * 10) / Math.max(totalSeats ?? 0, 10);
      return {
        value: roundScore(clamp100(100 - TICKET_POINTS_PER_TICKET_PER_10_SEATS * per10Seats)),
        raw: t,
        description: { code: 'factor.ticketVolume', params: { count: t } },
      };
    },
  },
  {
    key: 'resolutionSatisfaction',
    dimension: 'support',
    formula: '(CSAT médio − 1) ÷ 4 × 100 (escala 1–5)',
    score: ({ csatAverage: c }) =>
      c === null
        ? null
        : {
            value: roundScore(((c - 1) / 4) * 100),
            raw: c,
            description: { code: 'factor.resolutionSatisfaction', params: { csat: c } },
          },
  },
  {
    key: 'escalationRate',
    dimension: 'support',
    formula: '100 − tickets escalonados ÷ tickets (90 dias) × 100',
    score: ({ escalatedTicketsLast90: e, ticketsLast90: t }) => {
      if (e === null || t === null || t === 0) return null;
      return {
        value: roundScore(100 - pct(e, t)),
        raw: round1(pct(e, t)),
        description: {
          code: 'factor.escalationRate',
          params: { escalated: e, tickets: t, percent: wholePct(e, t) },
        },
      };
    },
  },
  {
    key: 'selfServiceUsage',
    dimension: 'support',
    formula: 'autoatendimentos ÷ (autoatendimentos + tickets) nos últimos 30 dias × 100',
    score: ({ selfServiceSessionsLast30: s, ticketsLast30: t }) =>
      s === null || t === null || s + t === 0
        ? null
        : {
            value: roundScore(pct(s, s + t)),
            raw: round1(pct(s, s + t)),
            description: { code: 'factor.selfServiceUsage', params: { sessions: s, tickets: t } },
          },
  },
  // — Payment —
  {
    key: 'onTimePayments',
    dimension: 'payment',
    formula: 'faturas pagas até o vencimento ÷ faturas (12 meses) × 100',
    score: (i) =>
      ratioFactor(i.paymentsOnTimeLast12, i.paymentsLast12, (p, w) => ({
        code: 'factor.onTimePayments',
        params: { onTime: p, invoices: w },
      })),
  },
  {
    key: 'contractValueGrowth',
    dimension: 'payment',
    formula: `${GROWTH_SCORE_AT_FLAT} + ${GROWTH_POINTS_PER_UNIT} × (MRR atual − MRR há 12 meses) ÷ MRR há 12 meses, limitado a 0–100`,
    score: ({ mrrCents: now, mrr12MonthsAgoCents: before }) => {
      // No MRR a year ago (new customer) means growth is undefined, not infinite.
      if (now === null || before === null || before === 0) return null;
      const growth = (now - before) / before;
      return {
        value: roundScore(clamp100(GROWTH_SCORE_AT_FLAT + GROWTH_POINTS_PER_UNIT * growth)),
        raw: round1(growth * 100),
        description: {
          code: 'factor.contractValueGrowth',
          params: { growthPercent: round1(growth * 100), beforeCents: before, nowCents: now },
        },
      };
    },
  },
  {
    key: 'paymentReliability',
    dimension: 'payment',
    formula: '100 − cobranças recusadas ÷ tentativas de cobrança (12 meses) × 100',
    score: ({ failedChargesLast12: f, chargeAttemptsLast12: a }) =>
      f === null || a === null || a === 0
        ? null
        : {
            value: roundScore(100 - pct(f, a)),
            raw: round1(100 - pct(f, a)),
            description: { code: 'factor.paymentReliability', params: { failed: f, attempts: a } },
          },
  },
  // — Growth —
  {
    key: 'upsellPotential',
    dimension: 'growth',
    formula: `min(100, oportunidades abertas ÷ MRR ÷ ${UPSELL_PIPELINE_SHARE_FOR_FULL_SCORE} × 100)`,
    score: ({ openExpansionValueCents: open, mrrCents: mrr }) => {
      if (open === null || mrr === null || mrr === 0) return null;
      const share = open / mrr;
      return {
        value: roundScore(clamp100((share / UPSELL_PIPELINE_SHARE_FOR_FULL_SCORE) * 100)),
        raw: round1(share * 100),
        description: {
          code: 'factor.upsellPotential',
          params: { openCents: open, percent: Math.round(share * 100) },
        },
      };
    },
  },
  {
    key: 'referralActivity',
    dimension: 'growth',
    formula: `min(100, indicações nos últimos 12 meses × ${REFERRAL_POINTS_EACH})`,
    score: ({ referralsLast12: n }) =>
      n === null
        ? null
        : {
            value: clamp100(n * REFERRAL_POINTS_EACH),
            raw: n,
            description: { code: 'factor.referralActivity', params: { count: n } },
          },
  },
  {
    key: 'expansionConversations',
    dimension: 'growth',
    formula: `min(100, conversas de expansão nos últimos 90 dias × ${EXPANSION_CONVERSATION_POINTS_EACH})`,
    score: ({ expansionConversationsLast90: n }) =>
      n === null
        ? null
        : {
            value: clamp100(n * EXPANSION_CONVERSATION_POINTS_EACH),
            raw: n,
            description: { code: 'factor.expansionConversations', params: { count: n } },
          },
  },
];

export const HEALTH_FACTOR_BY_KEY: Readonly<Record<HealthFactorKey, FactorDefinition>> = Object.fromEntries(
  HEALTH_FACTORS.map((f) => [f.key, f]),
) as Record<HealthFactorKey, FactorDefinition>;
