import { z } from 'zod';
import { cents, count, isoDate } from './common.ts';

/**
 * Domain text as codes and parameters (docs/domain.md "Domain codes and languages"): the rules never build a
 * sentence; they return `{ code, params }`, the documents store it, and each reader renders it in its own
 * language (the device through `shared/domain-text/render.ts`, the server for e-mail and push the same way).
 *
 * Invariants:
 * - A code is stable once stored: rename or remove one only with a migration of the stored documents.
 *   New codes are additive; every code has a pt-BR and an English entry (`shared/domain-text/*.ts`; the
 *   compiler and `render.test.ts` check both).
 * - Params are numbers, money in integer cents, ISO calendar dates and names — never formatted text, so every
 *   language formats numbers, money and dates its own way.
 * - `text` carries words a person (or a configured LLM) wrote, shown as written in every language: a CSM's
 *   manual signal, a customer's quote, data stored before codes existed (migration 0113).
 */

const num = z.number();
const int = z.number().int();
const name = z.string().max(300);
/** Which way a churn feature pushes the probability (`neutral` when its contribution is 0). */
const direction = z.enum(['raises', 'lowers', 'neutral']);

const HEALTH_FACTOR_KEY_LIST = [
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
const RISK_FACTOR_TYPE_LIST = [
  'no_login',
  'usage_drop',
  'unanswered_emails',
  'stale_ticket',
  'low_capacity_usage',
  'no_executive_engagement',
  'renewal_soon',
  'ticket_surge',
  'nps_drop',
  'main_contact_left',
] as const;
const DIMENSION_LIST = ['productUsage', 'engagement', 'support', 'payment', 'growth'] as const;

/**
 * The product's default playbooks and their task templates (shared/domain/csm/playbooks.ts `DEFAULT_PLAYBOOKS`):
 * their names, titles and descriptions are codes so each user reads them in their language; what an admin
 * writes is shown as written.
 */
export const DEFAULT_PLAYBOOK_IDS = ['risco-critico', 'cliente-em-risco', 'contato-principal-saiu'] as const;
export const DEFAULT_PLAYBOOK_TASK_IDS = [
  'ligacao-emergencia',
  'treinamento-gratuito',
  'agendar-qbr',
  'novo-contato',
] as const;
export type DefaultPlaybookId = (typeof DEFAULT_PLAYBOOK_IDS)[number];
export type DefaultPlaybookTaskId = (typeof DEFAULT_PLAYBOOK_TASK_IDS)[number];

/** The template actions of shared/domain/csm/recommendations.ts (each has a title and a description code). */
export const SUGGESTED_ACTION_KEYS = [
  'callMainContact',
  'callNow',
  'callCustomer',
  'reengagementEmail',
  'freeTraining',
  'qbrDecisionMaker',
  'meetDecisionMaker',
  'roiReport',
  'adoptionTraining',
  'renewalTerms',
  'callNewContact',
  'callNpsDrop',
  'reviewTickets',
  'followUpTask',
] as const;
export type SuggestedActionKey = (typeof SUGGESTED_ACTION_KEYS)[number];

const msg = <C extends string, P extends z.ZodRawShape>(code: C, params: P) =>
  z.strictObject({ code: z.literal(code), params: z.strictObject(params) });

/** Every single sentence (a "leaf"): composites below hold lists of these. */
const LEAF_MESSAGES = [
  msg('text', { text: z.string().max(20_000) }),

  // Health factor descriptions (shared/domain/csm/health-factors.ts), one per factor, plus the seed's shares.
  msg('factor.loginFrequency', { days: count }),
  msg('factor.featureAdoption', { adopted: count, available: count, percent: num }),
  msg('factor.featureAdoptionShare', { percent: num }),
  msg('factor.seatUtilization', { active: count, seats: count, percent: num }),
  msg('factor.keyFeatureUsage', { used: count, total: count }),
  msg('factor.emailResponseRate', { replied: count, sent: count }),
  msg('factor.emailResponseShare', { percent: num }),
  msg('factor.meetingParticipation', { attended: count, scheduled: count }),
  msg('factor.meetingParticipationShare', { percent: num }),
  msg('factor.netPromoterScore', { score: num }),
  msg('factor.communityActivity', { count }),
  msg('factor.ticketVolume', { count }),
  msg('factor.resolutionSatisfaction', { csat: num }),
  msg('factor.escalationRate', { escalated: count, tickets: count, percent: num }),
  msg('factor.selfServiceUsage', { sessions: count, tickets: count }),
  msg('factor.onTimePayments', { onTime: count, invoices: count }),
  msg('factor.contractValueGrowth', { growthPercent: num, beforeCents: cents, nowCents: cents }),
  msg('factor.paymentReliability', { failed: count, attempts: count }),
  msg('factor.upsellPotential', { openCents: cents, percent: num }),
  msg('factor.referralActivity', { count }),
  msg('factor.expansionConversations', { count }),
  msg('factor.value', { factor: z.enum(HEALTH_FACTOR_KEY_LIST), value: num }),

  // Risk factor descriptions (shared/domain/csm/risk.ts).
  msg('risk.noLoginEver', { tenureDays: count }),
  msg('risk.noLogin', { days: count }),
  msg('risk.usageDrop', { percent: num }),
  msg('risk.unansweredEmails', { count }),
  msg('risk.staleTicket', { days: count }),
  msg('risk.lowCapacityUsage', { active: count, seats: count }),
  msg('risk.noExecutiveEver', {}),
  msg('risk.noExecutive', { days: count }),
  msg('risk.renewalOverdue', { days: count }),
  msg('risk.renewalToday', {}),
  msg('risk.renewalSoon', { days: count, date: isoDate }),
  msg('risk.ticketSurge', { count }),
  msg('risk.npsDrop', { from: int, to: int }),
  msg('risk.mainContactLeft', { name }),
  /** The factor with its threshold only (demo data beyond the curated portfolio). */
  msg('risk.threshold', { type: z.enum(RISK_FACTOR_TYPE_LIST) }),

  // Churn contributions (shared/domain/csm/churn.ts): the feature's value and which way it pushes.
  msg('churn.healthScore', { score: int, direction }),
  msg('churn.usageStable', { direction }),
  msg('churn.usageFell', { percent: int, direction }),
  msg('churn.usageRose', { percent: int, direction }),
  msg('churn.neverLoggedIn', { direction }),
  msg('churn.loggedInToday', { direction }),
  msg('churn.lastLogin', { days: count, direction }),
  msg('churn.tickets', { count, direction }),
  msg('churn.npsUnanswered', { direction }),
  msg('churn.nps', { score: int, direction }),
  msg('churn.tenure', { months: count, direction }),
  msg('churn.latePayments', { count, direction }),

  // "Why did the score change?" items (shared/domain/csm/health-explain.ts); impacts are score points.
  msg('change.factor', {
    factor: z.string().max(60),
    before: num.nullable(),
    after: num.nullable(),
    impact: num,
  }),
  msg('change.rules', { dimension: z.enum(DIMENSION_LIST), before: num, after: num, impact: num }),
  msg('change.rounding', { impact: num }),
  msg('change.noPrevious', {}),
  msg('change.stable', { score: num }),

  // Recommendations (shared/domain/csm/recommendations.ts), one per theme variant.
  msg('rec.none', {}),
  msg('rec.reengageCritical', {}),
  msg('rec.reengageFollowUp', {}),
  msg('rec.reengageUnansweredEmails', { count: count.nullable() }),
  msg('rec.valueQbr', { adoption: z.boolean() }),
  msg('rec.valueDecisionMaker', { adoption: z.boolean() }),
  msg('rec.valueRenewal', {}),
  msg('rec.valueAdoption', {}),
  msg('rec.relationshipNewContact', { npsFrom: int.nullable(), npsTo: int.nullable() }),
  msg('rec.relationshipNps', { npsFrom: int.nullable(), npsTo: int.nullable() }),
  msg('rec.support', { staleDays: count.nullable(), surge: z.boolean() }),
  msg('rec.proposeSeats', { seats: count, valueCents: cents }),
  msg('rec.advocacy', {}),

  // Suggested actions: a title and a description each.
  ...SUGGESTED_ACTION_KEYS.flatMap((a) => [msg(`action.${a}.title`, {}), msg(`action.${a}.description`, {})]),

  // Signals: risk alerts, expansion opportunities, insights.
  msg('riskAlert.title', { level: z.enum(['warning', 'critical']) }),
  msg('expansion.seatTitle', {}),
  msg('expansion.seatUsage', { percent: num, active: count, seats: count }),
  msg('expansion.seatDescription', {
    percent: num,
    active: count,
    seats: count,
    extraSeats: count,
    targetPercent: num,
    pricePerSeatCents: cents,
    pricedFromMrr: z.boolean(),
  }),
  msg('expansion.upsellTitle', { plan: z.enum(['pro', 'enterprise']) }),
  msg('expansion.upsellDescription', {
    tier: z.enum(['starter', 'pro']),
    plan: z.enum(['pro', 'enterprise']),
    adopted: count,
    available: count,
    percent: num,
    valueCents: cents,
  }),
  /** `need` is the organization's own name for the service (its needs dictionary), shown as written. */
  msg('expansion.crossSellTitle', { need: name }),
  msg('expansion.crossSellDescription', {
    need: name,
    interest: z.boolean(),
    quote: z.string().max(300),
    date: isoDate,
    activities: count,
    valueCents: cents,
  }),
  msg('insight.advocacyTitle', {}),
  msg('insight.advocacyDescription', { nps: int, health: num, months: count }),
  msg('insight.advocacyCta', {}),
  msg('insight.lowAdoptionTitle', {}),
  msg('insight.lowAdoptionDescription', { adopted: count, available: count, percent: num, months: count }),
  msg('insight.lowAdoptionCta', {}),

  // The default playbooks (names) and their task templates (title, description).
  msg('playbook.name', { playbook: z.enum(DEFAULT_PLAYBOOK_IDS) }),
  msg('playbook.taskTitle', { task: z.enum(DEFAULT_PLAYBOOK_TASK_IDS) }),
  msg('playbook.taskDescription', { task: z.enum(DEFAULT_PLAYBOOK_TASK_IDS) }),

  // The client portal's month-end outlook (shared/domain/portal/outlook.ts): the recommendation by projected ROI.
  msg('outlook.increaseBudget', { percent: int, roiPercent: num }),
  msg('outlook.keepBudget', { roiPercent: num }),
  msg('outlook.reviewCampaigns', { roiPercent: num }),
  msg('outlook.noInvestment', {}),
] as const;

export const leafDomainTextSchema = z.discriminatedUnion('code', LEAF_MESSAGES);
export type LeafDomainText = z.infer<typeof leafDomainTextSchema>;

/** Sentences made of other sentences. */
const COMPOSITE_MESSAGES = [
  /** Leaves shown one after the other (a recommendation of two themes). */
  msg('join', { parts: z.array(leafDomainTextSchema).min(1).max(10) }),
  /** "Risk score 20: <factor>; <factor>." */
  msg('riskAlert.description', { riskScore: int, factors: z.array(leafDomainTextSchema).max(20) }),
  /** "Score fell from 80 to 72. Main causes: <item>; <item>." */
  msg('change.summary', {
    before: num,
    after: num,
    causes: z.array(leafDomainTextSchema).max(10),
  }),
] as const;

export const domainTextSchema = z.discriminatedUnion('code', [...LEAF_MESSAGES, ...COMPOSITE_MESSAGES]);
export type DomainText = z.infer<typeof domainTextSchema>;
export type DomainTextCode = DomainText['code'];
export type DomainTextOf<C extends DomainTextCode> = Extract<DomainText, { code: C }>;

/** Every code, derived from the schema (the translation tests iterate over it). */
export const DOMAIN_TEXT_CODES: readonly DomainTextCode[] = [...LEAF_MESSAGES, ...COMPOSITE_MESSAGES].map(
  (m) => m.shape.code.value,
);

/** Words a person wrote, shown as written in every language. */
export const plainText = (text: string): DomainTextOf<'text'> => ({ code: 'text', params: { text } });

/** A template action's title and description codes. */
export const actionText = (key: SuggestedActionKey) => ({
  title: { code: `action.${key}.title` as const, params: {} },
  description: { code: `action.${key}.description` as const, params: {} },
});

type Stored = Record<string, unknown>;
const isRecord = (v: unknown): v is Stored => typeof v === 'object' && v !== null && !Array.isArray(v);
const wrap = (v: unknown) => (typeof v === 'string' ? plainText(v) : v);
const wrapIn = (list: unknown, fields: readonly string[], drop: readonly string[] = []) =>
  Array.isArray(list)
    ? list.map((item: unknown) => {
        if (!isRecord(item)) return item;
        const out: Stored = {};
        for (const [k, v] of Object.entries(item))
          if (!drop.includes(k)) out[k] = fields.includes(k) ? wrap(v) : v;
        return out;
      })
    : list;

/**
 * A `health` or `signals` document stored before domain-text codes, brought to the current shape the way
 * migration 0113 does on the server: sentences become the `text` code (kept word for word), health factors lose
 * their `name`. Documents already in the new shape come back unchanged. Used by the device's RxDB migration.
 */
export function upgradeStoredDomainText(collection: string, doc: Stored): Stored {
  if (collection === 'signals') {
    return {
      ...doc,
      title: wrap(doc.title),
      description: wrap(doc.description),
      recommendation: wrap(doc.recommendation),
      riskFactors: wrapIn(doc.riskFactors, ['description']),
      suggestedActions: wrapIn(doc.suggestedActions, ['title', 'description']),
    };
  }
  if (collection === 'health') {
    const breakdown = isRecord(doc.breakdown)
      ? Object.fromEntries(
          Object.entries(doc.breakdown).map(([dim, metric]) => [
            dim,
            isRecord(metric)
              ? { ...metric, factors: wrapIn(metric.factors, ['description'], ['name']) }
              : metric,
          ]),
        )
      : doc.breakdown;
    return {
      ...doc,
      breakdown,
      riskFactors: wrapIn(doc.riskFactors, ['description']),
      churnFactors: wrapIn(doc.churnFactors, ['label']),
    };
  }
  return doc;
}
