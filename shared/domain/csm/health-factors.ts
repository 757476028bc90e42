import type { HealthDimension } from '../../entities/csm.ts';
import { formatBRL, formatNumber, formatSigned, plural } from './format.ts';
import type { ParsedHealthInput } from './health-input.ts';

/**
 * The seed's 18 health factors (customers spec §1.3), each mapped to 0–100 by a documented formula that is
 * monotonic in its "good" input (more logins never lower the score; more tickets never raise it).
 * `docs/domain.md` repeats the formulas in plain Portuguese for CSMs.
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
  /** pt-BR sentence with the raw numbers, e.g. "Login em 12 dos últimos 30 dias". */
  description: string;
}

export interface FactorDefinition {
  key: HealthFactorKey;
  dimension: HealthDimension;
  /** pt-BR display name (the `key` is the stable id for i18n). */
  name: string;
  /** The formula in one line, for docs and tooltips. */
  formula: string;
  score: (input: ParsedHealthInput) => FactorScore | null;
}

const clamp100 = (x: number) => Math.min(100, Math.max(0, x));
const pct = (part: number, whole: number) => (part / whole) * 100;
/** Rounds half away from zero after removing float noise (0.3*85 = 25.499999… must round like 25.5). */
export const roundScore = (x: number) => Math.round(Math.round(x * 1e6) / 1e6);

function ratioFactor(part: number | null, whole: number | null, describe: (p: number, w: number) => string) {
  if (part === null || whole === null || whole === 0) return null;
  const raw = pct(part, whole);
  return { value: roundScore(clamp100(raw)), raw: round1(raw), description: describe(part, whole) };
}
const round1 = (x: number) => Math.round(x * 10) / 10;
const pctText = (part: number, whole: number) => `${formatNumber(pct(part, whole), 0)}%`;

export const HEALTH_FACTORS: readonly FactorDefinition[] = [
  // — Product usage —
  {
    key: 'loginFrequency',
    dimension: 'productUsage',
    name: 'Frequência de login',
    formula: `min(100, dias com login nos últimos 30 ÷ ${LOGIN_DAYS_FOR_FULL_SCORE} × 100)`,
    score: ({ loginDaysLast30: d }) =>
      d === null
        ? null
        : {
            value: roundScore(clamp100((d / LOGIN_DAYS_FOR_FULL_SCORE) * 100)),
            raw: d,
            description: `Login em ${d} dos últimos 30 dias`,
          },
  },
  {
    key: 'featureAdoption',
    dimension: 'productUsage',
    name: 'Adoção de funcionalidades',
    formula: 'funcionalidades adotadas ÷ disponíveis no plano × 100',
    score: (i) =>
      ratioFactor(
        i.featuresAdopted,
        i.featuresAvailable,
        (p, w) => `${p} de ${w} funcionalidades adotadas (${pctText(p, w)})`,
      ),
  },
  {
    key: 'seatUtilization',
    dimension: 'productUsage',
    name: 'Usuários ativos vs licenças',
    formula: 'min(100, usuários ativos ÷ licenças × 100)',
    score: (i) =>
      ratioFactor(
        i.activeUsers,
        i.totalSeats,
        (p, w) =>
          `${plural(p, 'usuário ativo', 'usuários ativos')} de ${plural(w, 'licença', 'licenças')} (${pctText(p, w)})`,
      ),
  },
  {
    key: 'keyFeatureUsage',
    dimension: 'productUsage',
    name: 'Uso das funcionalidades-chave',
    formula: 'funcionalidades-chave usadas nos últimos 30 dias ÷ funcionalidades-chave × 100',
    score: (i) =>
      ratioFactor(
        i.keyFeaturesUsed,
        i.keyFeaturesTotal,
        (p, w) => `${p} de ${w} funcionalidades-chave usadas nos últimos 30 dias`,
      ),
  },
  // — Engagement —
  {
    key: 'emailResponseRate',
    dimension: 'engagement',
    name: 'Taxa de resposta a e-mails',
    formula: 'e-mails respondidos ÷ enviados (90 dias) × 100',
    score: (i) =>
      ratioFactor(
        i.emailsReplied,
        i.emailsSent,
        (p, w) => `Respondeu ${p} de ${plural(w, 'e-mail', 'e-mails')} (90 dias)`,
      ),
  },
  {
    key: 'meetingParticipation',
    dimension: 'engagement',
    name: 'Participação em reuniões',
    formula: 'reuniões com presença ÷ agendadas (90 dias) × 100',
    score: (i) =>
      ratioFactor(
        i.meetingsAttended,
        i.meetingsScheduled,
        (p, w) => `Participou de ${p} de ${plural(w, 'reunião agendada', 'reuniões agendadas')} (90 dias)`,
      ),
  },
  {
    key: 'netPromoterScore',
    dimension: 'engagement',
    name: 'NPS',
    formula: 'nota NPS (0–10) × 10',
    score: ({ npsScore: n }) =>
      n === null ? null : { value: n * 10, raw: n, description: `Última nota NPS: ${n}` },
  },
  {
    key: 'communityActivity',
    dimension: 'engagement',
    name: 'Atividade na comunidade',
    formula: `min(100, participações nos últimos 30 dias × ${COMMUNITY_POINTS_PER_ACTION})`,
    score: ({ communityActionsLast30: n }) =>
      n === null
        ? null
        : {
            value: clamp100(n * COMMUNITY_POINTS_PER_ACTION),
            raw: n,
            description: `${plural(n, 'participação', 'participações')} na comunidade (30 dias)`,
          },
  },
  // — Support —
  {
    key: 'ticketVolume',
    dimension: 'support',
    name: 'Volume de tickets',
    formula: `max(0, 100 − ${TICKET_POINTS_PER_TICKET_PER_10_SEATS} × tickets em 30 dias × 10 ÷ max(licenças, 10))`,
    score: ({ ticketsLast30: t, totalSeats }) => {
      if (t === null) return null;
      // Normalised by size so a 100-seat customer is not punished for having more users; customers with
      // up to 10 seats (or unknown seats) are judged per ticket.
      const per10Seats = (t * 10) / Math.max(totalSeats ?? 0, 10);
      return {
        value: roundScore(clamp100(100 - TICKET_POINTS_PER_TICKET_PER_10_SEATS * per10Seats)),
        raw: t,
        description: `${plural(t, 'ticket aberto', 'tickets abertos')} nos últimos 30 dias`,
      };
    },
  },
  {
    key: 'resolutionSatisfaction',
    dimension: 'support',
    name: 'Satisfação com a resolução (CSAT)',
    formula: '(CSAT médio − 1) ÷ 4 × 100 (escala 1–5)',
    score: ({ csatAverage: c }) =>
      c === null
        ? null
        : {
            value: roundScore(((c - 1) / 4) * 100),
            raw: c,
            description: `CSAT médio ${formatNumber(c)}/5`,
          },
  },
  {
    key: 'escalationRate',
    dimension: 'support',
    name: 'Taxa de escalonamento',
    formula: '100 − tickets escalonados ÷ tickets (90 dias) × 100',
    score: ({ escalatedTicketsLast90: e, ticketsLast90: t }) => {
      if (e === null || t === null || t === 0) return null;
      return {
        value: roundScore(100 - pct(e, t)),
        raw: round1(pct(e, t)),
        description: `${e} de ${plural(t, 'ticket escalonado', 'tickets escalonados')} (90 dias, ${pctText(e, t)})`,
      };
    },
  },
  {
    key: 'selfServiceUsage',
    dimension: 'support',
    name: 'Uso de autoatendimento',
    formula: 'autoatendimentos ÷ (autoatendimentos + tickets) nos últimos 30 dias × 100',
    score: ({ selfServiceSessionsLast30: s, ticketsLast30: t }) =>
      s === null || t === null || s + t === 0
        ? null
        : {
            value: roundScore(pct(s, s + t)),
            raw: round1(pct(s, s + t)),
            description: `${plural(s, 'consulta', 'consultas')} de autoatendimento e ${plural(t, 'ticket', 'tickets')} em 30 dias`,
          },
  },
  // — Payment —
  {
    key: 'onTimePayments',
    dimension: 'payment',
    name: 'Pagamentos em dia',
    formula: 'faturas pagas até o vencimento ÷ faturas (12 meses) × 100',
    score: (i) =>
      ratioFactor(
        i.paymentsOnTimeLast12,
        i.paymentsLast12,
        (p, w) => `${p} de ${plural(w, 'fatura paga', 'faturas pagas')} em dia (12 meses)`,
      ),
  },
  {
    key: 'contractValueGrowth',
    dimension: 'payment',
    name: 'Crescimento do valor do contrato',
    formula: `${GROWTH_SCORE_AT_FLAT} + ${GROWTH_POINTS_PER_UNIT} × (MRR atual − MRR há 12 meses) ÷ MRR há 12 meses, limitado a 0–100`,
    score: ({ mrrCents: now, mrr12MonthsAgoCents: before }) => {
      // No MRR a year ago (new customer) means growth is undefined, not infinite.
      if (now === null || before === null || before === 0) return null;
      const growth = (now - before) / before;
      return {
        value: roundScore(clamp100(GROWTH_SCORE_AT_FLAT + GROWTH_POINTS_PER_UNIT * growth)),
        raw: round1(growth * 100),
        description: `MRR ${formatSigned(growth * 100, 1)}% em 12 meses (${formatBRL(before)} → ${formatBRL(now)})`,
      };
    },
  },
  {
    key: 'paymentReliability',
    dimension: 'payment',
    name: 'Confiabilidade do meio de pagamento',
    formula: '100 − cobranças recusadas ÷ tentativas de cobrança (12 meses) × 100',
    score: ({ failedChargesLast12: f, chargeAttemptsLast12: a }) =>
      f === null || a === null || a === 0
        ? null
        : {
            value: roundScore(100 - pct(f, a)),
            raw: round1(100 - pct(f, a)),
            description: `${f} de ${plural(a, 'cobrança recusada', 'cobranças recusadas')} (12 meses)`,
          },
  },
  // — Growth —
  {
    key: 'upsellPotential',
    dimension: 'growth',
    name: 'Potencial de upsell',
    formula: `min(100, oportunidades abertas ÷ MRR ÷ ${UPSELL_PIPELINE_SHARE_FOR_FULL_SCORE} × 100)`,
    score: ({ openExpansionValueCents: open, mrrCents: mrr }) => {
      if (open === null || mrr === null || mrr === 0) return null;
      const share = open / mrr;
      return {
        value: roundScore(clamp100((share / UPSELL_PIPELINE_SHARE_FOR_FULL_SCORE) * 100)),
        raw: round1(share * 100),
        description: `Oportunidades abertas de ${formatBRL(open)}/mês (${formatNumber(share * 100, 0)}% do MRR)`,
      };
    },
  },
  {
    key: 'referralActivity',
    dimension: 'growth',
    name: 'Indicações',
    formula: `min(100, indicações nos últimos 12 meses × ${REFERRAL_POINTS_EACH})`,
    score: ({ referralsLast12: n }) =>
      n === null
        ? null
        : {
            value: clamp100(n * REFERRAL_POINTS_EACH),
            raw: n,
            description: `${plural(n, 'indicação', 'indicações')} nos últimos 12 meses`,
          },
  },
  {
    key: 'expansionConversations',
    dimension: 'growth',
    name: 'Conversas de expansão',
    formula: `min(100, conversas de expansão nos últimos 90 dias × ${EXPANSION_CONVERSATION_POINTS_EACH})`,
    score: ({ expansionConversationsLast90: n }) =>
      n === null
        ? null
        : {
            value: clamp100(n * EXPANSION_CONVERSATION_POINTS_EACH),
            raw: n,
            description: `${plural(n, 'conversa', 'conversas')} sobre expansão (90 dias)`,
          },
  },
];

export const HEALTH_FACTOR_BY_KEY: Readonly<Record<HealthFactorKey, FactorDefinition>> = Object.fromEntries(
  HEALTH_FACTORS.map((f) => [f.key, f]),
) as Record<HealthFactorKey, FactorDefinition>;
