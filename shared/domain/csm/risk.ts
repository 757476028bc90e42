import { z } from 'zod';
import type { Contact } from '../../entities/customer.ts';
import { riskFactorSchema, type RiskFactor } from '../../entities/csm.ts';
import { calendarDate, daysBetween, DEFAULT_TIME_ZONE, elapsedDays } from './dates.ts';
import type { LeafDomainText } from '../../entities/domain-text.ts';

/**
 * At-risk detection (customers spec §2.4; docs/domain.md): the seed's ten risk factors with their points,
 * risk score = max(0, 100 + Σ impacts), and a risk level.
 *
 * Risk levels (our choice, documented in docs/domain.md): critical below 50, warning below 80, none from 80.
 * With the seed's points this gives the wireframe's levels — AgênciaDigital 100 − 20 − 15 − 10 = 55 (warning),
 * ConsultoriaDEF 100 − 15 − 12 − 11 = 62 (warning), StartupXYZ 100 − 30 − 25 − 15 − 10 = 20 (critical).
 * The wireframe prints 25 for StartupXYZ; the four factors it lists add up to −80, so 20 is what the stated
 * formula gives and we keep the formula (the level, critical, is the same either way). A single −15 or −20
 * factor (e.g. only a renewal coming up) leaves the customer at ≥ 80: not at risk.
 */

export const RISK_FACTOR_TYPES = [
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
export type RiskFactorType = (typeof RISK_FACTOR_TYPES)[number];

/** The seed's points and thresholds. */
export const RISK_POINTS: Readonly<Record<RiskFactorType, number>> = {
  no_login: -30,
  usage_drop: -25,
  unanswered_emails: -15,
  stale_ticket: -10,
  low_capacity_usage: -20,
  no_executive_engagement: -15,
  renewal_soon: -10,
  ticket_surge: -15,
  nps_drop: -12,
  main_contact_left: -11,
};
export const NO_LOGIN_DAYS = 14;
export const USAGE_DROP_SHARE = 0.5;
export const UNANSWERED_EMAILS = 3;
export const STALE_TICKET_DAYS = 7;
export const LOW_CAPACITY_SHARE = 0.5;
export const NO_EXECUTIVE_DAYS = 30;
export const RENEWAL_WINDOW_DAYS = 60;
export const TICKET_SURGE_COUNT = 5;
export const NPS_DROP_POINTS = 2;

export const riskLevelThresholdsSchema = z
  .strictObject({
    /** Below this risk score the customer is critical (default 50). */
    critical: z.number().int().min(1).max(100),
    /** Below this (and not critical) it is a warning (default 80). */
    warning: z.number().int().min(1).max(101),
  })
  .refine((t) => t.warning > t.critical, {
    error: 'warning must be greater than critical',
    path: ['warning'],
  });
export type RiskLevelThresholds = z.infer<typeof riskLevelThresholdsSchema>;
export const DEFAULT_RISK_LEVELS: RiskLevelThresholds = Object.freeze({ critical: 50, warning: 80 });
export type RiskLevel = 'none' | 'warning' | 'critical';

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const nullableCount = z.number().int().min(0).max(1_000_000).nullable().default(null);

/**
 * What the detector needs to know about one customer. `null`/absent = no data: the factor cannot fire.
 * Two fields distinguish "never" from "unknown": `lastLoginAt` and `lastExecutiveEngagementAt` are `null` when it
 * never happened (fires once the customer is older than the window) and absent when it is not tracked.
 */
export const riskInputSchema = z.strictObject({
  customerSince: day,
  lastLoginAt: instant.nullable().optional(),
  /** Logins (or sessions) in the last 30 days and in the 30 days before. */
  usageLast30: nullableCount,
  usagePrevious30: nullableCount,
  /** Consecutive most recent CSM e-mails without a reply. */
  consecutiveUnansweredEmails: nullableCount,
  /** Creation time of the oldest ticket that is not resolved/closed. */
  oldestOpenTicketCreatedAt: instant.nullable().default(null),
  activeUsers: nullableCount,
  totalSeats: nullableCount,
  /** Last call/meeting/e-mail exchange with a decision maker (contact role `decision_maker`). */
  lastExecutiveEngagementAt: instant.nullable().optional(),
  renewalDate: day.nullable().default(null),
  ticketsLast30: nullableCount,
  /** The previous and the latest NPS answers (0–10). */
  npsPrevious: z.number().int().min(0).max(10).nullable().default(null),
  npsCurrent: z.number().int().min(0).max(10).nullable().default(null),
  /** Set when the primary contact left the company and nobody replaced them (see `mainContactLeft`). */
  mainContactLeft: z
    .strictObject({ name: z.string().max(200), leftAt: instant })
    .nullable()
    .default(null),
});
export type RiskInput = z.input<typeof riskInputSchema>;
type ParsedRiskInput = z.output<typeof riskInputSchema>;

export interface RiskAssessment {
  /** 0–100; 100 means no risk factor. */
  riskScore: number;
  riskLevel: RiskLevel;
  /** Most negative first (seed order on ties), each described by a domain-text code carrying the numbers. */
  riskFactors: RiskFactor[];
}

export interface RiskOptions {
  timeZone?: string;
  /**
   * `YYYY-MM-DD` of `now` in `timeZone`, when the caller already has it (a batch computes it once: building the
   * date formatter is most of a call's cost). Must equal `calendarDate(now, timeZone)`.
   */
  today?: string;
  levels?: RiskLevelThresholds;
}

type Detection = LeafDomainText | null;
type Detector = (i: ParsedRiskInput, ctx: { now: Date; today: string }) => Detection;

/** Each detector returns the factor's description (a `risk.*` code with its numbers) when present, else null. */
const DETECTORS: Record<RiskFactorType, Detector> = {
  no_login: (i, { now, today }): Detection => {
    if (i.lastLoginAt === undefined) return null;
    if (i.lastLoginAt === null) {
      const tenure = daysBetween(i.customerSince, today);
      return tenure >= NO_LOGIN_DAYS ? { code: 'risk.noLoginEver', params: { tenureDays: tenure } } : null;
    }
    const days = elapsedDays(new Date(i.lastLoginAt), now);
    return days >= NO_LOGIN_DAYS ? { code: 'risk.noLogin', params: { days } } : null;
  },
  usage_drop: ({ usageLast30: cur, usagePrevious30: prev }) => {
    if (cur === null || prev === null || prev === 0) return null;
    const drop = (prev - cur) / prev;
    return drop > USAGE_DROP_SHARE
      ? { code: 'risk.usageDrop', params: { percent: Math.round(drop * 100) } }
      : null;
  },
  unanswered_emails: ({ consecutiveUnansweredEmails: n }) =>
    n !== null && n >= UNANSWERED_EMAILS ? { code: 'risk.unansweredEmails', params: { count: n } } : null,
  stale_ticket: ({ oldestOpenTicketCreatedAt: at }, { now }) => {
    if (at === null) return null;
    // "> 7 days": strictly more than 7 × 24 h open.
    const openMs = now.getTime() - new Date(at).getTime();
    return openMs > STALE_TICKET_DAYS * 86_400_000
      ? { code: 'risk.staleTicket', params: { days: elapsedDays(new Date(at), now) } }
      : null;
  },
  low_capacity_usage: ({ activeUsers: a, totalSeats: s }) =>
    a !== null && s !== null && s > 0 && a / s < LOW_CAPACITY_SHARE
      ? { code: 'risk.lowCapacityUsage', params: { active: a, seats: s } }
      : null,
  no_executive_engagement: (i, { now, today }): Detection => {
    if (i.lastExecutiveEngagementAt === undefined) return null;
    if (i.lastExecutiveEngagementAt === null) {
      return daysBetween(i.customerSince, today) >= NO_EXECUTIVE_DAYS
        ? { code: 'risk.noExecutiveEver', params: {} }
        : null;
    }
    const days = elapsedDays(new Date(i.lastExecutiveEngagementAt), now);
    return days >= NO_EXECUTIVE_DAYS ? { code: 'risk.noExecutive', params: { days } } : null;
  },
  renewal_soon: ({ renewalDate }, { today }): Detection => {
    if (renewalDate === null) return null;
    const days = daysBetween(today, renewalDate);
    if (days > RENEWAL_WINDOW_DAYS) return null;
    if (days < 0) return { code: 'risk.renewalOverdue', params: { days: -days } };
    if (days === 0) return { code: 'risk.renewalToday', params: {} };
    return { code: 'risk.renewalSoon', params: { days, date: renewalDate } };
  },
  ticket_surge: ({ ticketsLast30: n }) =>
    n !== null && n >= TICKET_SURGE_COUNT ? { code: 'risk.ticketSurge', params: { count: n } } : null,
  nps_drop: ({ npsPrevious: p, npsCurrent: c }) =>
    p !== null && c !== null && p - c >= NPS_DROP_POINTS
      ? { code: 'risk.npsDrop', params: { from: p, to: c } }
      : null,
  main_contact_left: ({ mainContactLeft: m }) =>
    m ? { code: 'risk.mainContactLeft', params: { name: m.name } } : null,
};

export function riskLevelFor(
  riskScore: number,
  levels: RiskLevelThresholds = DEFAULT_RISK_LEVELS,
): RiskLevel {
  if (riskScore < levels.critical) return 'critical';
  if (riskScore < levels.warning) return 'warning';
  return 'none';
}

/** max(0, 100 + Σ impacts) — impacts are ≤ 0, so adding a factor never raises the score. */
export function riskScoreFrom(factors: readonly Pick<RiskFactor, 'impact'>[]): number {
  return Math.max(0, 100 + factors.reduce((s, f) => s + f.impact, 0));
}

/** Detects the seed's risk factors for one customer at instant `now`. Throws a `ZodError` on invalid input. */
export function detectRisks(input: RiskInput, now: Date, options: RiskOptions = {}): RiskAssessment {
  const parsed = riskInputSchema.parse(input);
  const levels = riskLevelThresholdsSchema.parse(options.levels ?? DEFAULT_RISK_LEVELS);
  const ctx = { now, today: options.today ?? calendarDate(now, options.timeZone ?? DEFAULT_TIME_ZONE) };
  const detectedAt = now.toISOString();
  const riskFactors: RiskFactor[] = [];
  for (const type of RISK_FACTOR_TYPES) {
    const description = DETECTORS[type](parsed, ctx);
    if (description !== null) {
      riskFactors.push(riskFactorSchema.parse({ type, description, impact: RISK_POINTS[type], detectedAt }));
    }
  }
  // Stable sort keeps the seed order among equal impacts.
  riskFactors.sort((a, b) => a.impact - b.impact);
  const riskScore = riskScoreFrom(riskFactors);
  return { riskScore, riskLevel: riskLevelFor(riskScore, levels), riskFactors };
}

/**
 * The "main contact left" input from the customer's embedded contacts: the primary contact(s) who left the
 * company, when no primary contact remains. Returns the one who left last.
 */
export function mainContactLeft(
  contacts: readonly Pick<Contact, 'firstName' | 'lastName' | 'isPrimary' | 'leftCompanyAt'>[],
): { name: string; leftAt: string } | null {
  const primaries = contacts.filter((c) => c.isPrimary);
  if (primaries.some((c) => c.leftCompanyAt === null)) return null;
  const gone = primaries
    .filter((c): c is typeof c & { leftCompanyAt: string } => c.leftCompanyAt !== null)
    .sort((a, b) => Date.parse(b.leftCompanyAt) - Date.parse(a.leftCompanyAt))[0];
  if (!gone) return null;
  return { name: [gone.firstName, gone.lastName].filter(Boolean).join(' '), leftAt: gone.leftCompanyAt };
}
