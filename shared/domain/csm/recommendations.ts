import { z } from 'zod';
import {
  riskFactorSchema,
  suggestedActionSchema,
  type RiskFactor,
  type SuggestedAction,
} from '../../entities/csm.ts';
import { actionText, type DomainText, type LeafDomainText } from '../../entities/domain-text.ts';
import type { RiskFactorType, RiskLevel } from './risk.ts';

/**
 * Template-based recommendations and suggested actions from risk factors (customers spec §2.4, §5.2), as
 * domain-text codes (`rec.*`, `action.*`) that each reader renders in their language. Works offline; the server
 * may have an LLM rewrite the text when one is configured (stored as the `text` code, shown as written).
 *
 * Risk factors are grouped in four themes — re-engagement (login, usage, e-mails), value & renewal (renewal,
 * executive, seat use), relationship (contact left, NPS) and support (tickets). A theme weighs the sum of its
 * factors' points. The recommendation is the heaviest theme's text, plus the second one's when it weighs at
 * least half as much (so one dominant problem gets one clear message). Every theme present contributes its
 * actions. An action's `estimatedImpact` is the risk points of the factors it addresses (what the risk score
 * would recover if they went away); priorities follow the risk level: the main action of the main theme is
 * urgent when critical, high when warning.
 */

type Theme = 'reengagement' | 'value' | 'relationship' | 'support';
const THEMES: Record<Theme, readonly RiskFactorType[]> = {
  reengagement: ['no_login', 'usage_drop', 'unanswered_emails'],
  value: ['renewal_soon', 'no_executive_engagement', 'low_capacity_usage'],
  relationship: ['main_contact_left', 'nps_drop'],
  support: ['ticket_surge', 'stale_ticket'],
};
const THEME_ORDER = Object.keys(THEMES) as Theme[];
/** A second theme is mentioned when it weighs at least this share of the first. */
export const SECOND_THEME_MIN_SHARE = 0.5;

/** Not strict: a `RiskAssessment` (or a stored `health` document) can be passed as is. */
export const recommendationInputSchema = z.object({
  riskLevel: z.enum(['none', 'warning', 'critical']),
  riskFactors: z.array(riskFactorSchema),
});
export type RecommendationInput = z.input<typeof recommendationInputSchema>;

export interface Recommendation {
  /** The "AI Recommendation" box: one theme's code, or a `join` of two. */
  recommendation: DomainText;
  /** Ordered: priority (urgent → low), then estimated impact. */
  suggestedActions: SuggestedAction[];
}

interface Ctx {
  level: RiskLevel;
  has: (t: RiskFactorType) => boolean;
  /** The factor's stored description (its code carries the numbers a recommendation repeats). */
  describe: (t: RiskFactorType) => DomainText | null;
}

const TEXT: Record<Theme, (c: Ctx) => LeafDomainText> = {
  reengagement: (c): LeafDomainText => {
    if (c.has('no_login') || c.has('usage_drop')) {
      return c.level === 'critical'
        ? { code: 'rec.reengageCritical', params: {} }
        : { code: 'rec.reengageFollowUp', params: {} };
    }
    const emails = c.describe('unanswered_emails');
    return {
      code: 'rec.reengageUnansweredEmails',
      params: { count: emails?.code === 'risk.unansweredEmails' ? emails.params.count : null },
    };
  },
  value: (c): LeafDomainText => {
    const adoption = c.has('low_capacity_usage');
    if (c.has('renewal_soon') && (c.has('no_executive_engagement') || c.has('low_capacity_usage'))) {
      return { code: 'rec.valueQbr', params: { adoption } };
    }
    if (c.has('no_executive_engagement')) return { code: 'rec.valueDecisionMaker', params: { adoption } };
    if (c.has('renewal_soon')) return { code: 'rec.valueRenewal', params: {} };
    return { code: 'rec.valueAdoption', params: {} };
  },
  relationship: (c): LeafDomainText => {
    const nps = c.describe('nps_drop');
    const params =
      nps?.code === 'risk.npsDrop'
        ? { npsFrom: nps.params.from, npsTo: nps.params.to }
        : { npsFrom: null, npsTo: null };
    if (c.has('main_contact_left')) {
      // Without an NPS drop the NPS numbers stay null and the sentence leaves the NPS out.
      return { code: 'rec.relationshipNewContact', params };
    }
    return { code: 'rec.relationshipNps', params };
  },
  support: (c): LeafDomainText => {
    const stale = c.describe('stale_ticket');
    return {
      code: 'rec.support',
      params: {
        staleDays: stale?.code === 'risk.staleTicket' ? stale.params.days : null,
        surge: c.has('ticket_surge'),
      },
    };
  },
};

interface ActionTemplate {
  action: Omit<SuggestedAction, 'priority' | 'estimatedImpact'>;
  /** Factors this action addresses (its estimated impact is their points). */
  addresses: readonly RiskFactorType[];
  primary: boolean;
}

const ACTIONS: Record<Theme, (c: Ctx) => ActionTemplate[]> = {
  reengagement: (c) => {
    const usage = c.has('no_login') || c.has('usage_drop');
    if (!usage) {
      return [
        {
          action: { type: 'call', ...actionText('callMainContact') },
          addresses: ['unanswered_emails'],
          primary: true,
        },
      ];
    }
    return [
      {
        action: { type: 'call', ...actionText(c.level === 'critical' ? 'callNow' : 'callCustomer') },
        addresses: ['no_login', 'usage_drop', 'unanswered_emails'],
        primary: true,
      },
      {
        action: { type: 'email', ...actionText('reengagementEmail') },
        addresses: ['no_login', 'usage_drop', 'unanswered_emails'],
        primary: false,
      },
      {
        action: { type: 'training', ...actionText('freeTraining') },
        addresses: ['no_login', 'usage_drop'],
        primary: false,
      },
    ];
  },
  value: (c) => {
    const out: ActionTemplate[] = [];
    const decisionMaker = c.has('renewal_soon') || c.has('no_executive_engagement');
    if (decisionMaker) {
      out.push(
        {
          action: {
            type: 'meeting',
            ...actionText(c.has('renewal_soon') ? 'qbrDecisionMaker' : 'meetDecisionMaker'),
          },
          addresses: ['renewal_soon', 'no_executive_engagement', 'low_capacity_usage'],
          primary: true,
        },
        {
          action: { type: 'task', ...actionText('roiReport') },
          addresses: ['renewal_soon', 'no_executive_engagement'],
          primary: false,
        },
      );
    }
    if (c.has('low_capacity_usage')) {
      out.push({
        action: { type: 'training', ...actionText('adoptionTraining') },
        addresses: ['low_capacity_usage'],
        primary: !decisionMaker,
      });
    }
    if (c.has('renewal_soon') && c.level === 'critical') {
      out.push({
        action: { type: 'discount', ...actionText('renewalTerms') },
        addresses: ['renewal_soon'],
        primary: false,
      });
    }
    return out;
  },
  relationship: (c) => [
    c.has('main_contact_left')
      ? {
          action: { type: 'call', ...actionText('callNewContact') },
          addresses: ['main_contact_left', 'nps_drop'],
          primary: true,
        }
      : {
          action: { type: 'call', ...actionText('callNpsDrop') },
          addresses: ['nps_drop'],
          primary: true,
        },
  ],
  support: () => [
    {
      action: { type: 'task', ...actionText('reviewTickets') },
      addresses: ['ticket_surge', 'stale_ticket'],
      primary: true,
    },
  ],
};

const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
/** Index into PRIORITIES of the main action of the main theme, per level; each step down is one lower. */
const TOP_PRIORITY: Record<RiskLevel, number> = { critical: 0, warning: 1, none: 2 };
/** Actions listed at most. */
export const MAX_ACTIONS = 6;

export function recommend(input: RecommendationInput): Recommendation {
  const { riskLevel, riskFactors } = recommendationInputSchema.parse(input);
  const byType = new Map<string, RiskFactor>(riskFactors.map((f) => [f.type, f]));
  const ctx: Ctx = {
    level: riskLevel,
    has: (t) => byType.has(t),
    describe: (t) => byType.get(t)?.description ?? null,
  };
  const points = (types: readonly RiskFactorType[]) =>
    types.reduce((s, t) => s + Math.abs(byType.get(t)?.impact ?? 0), 0);

  const themes = THEME_ORDER.map((t) => ({ theme: t, weight: points(THEMES[t]) }))
    .filter((t) => THEMES[t.theme].some((f) => byType.has(f)))
    .sort((a, b) => b.weight - a.weight || THEME_ORDER.indexOf(a.theme) - THEME_ORDER.indexOf(b.theme));

  if (themes.length === 0) {
    return { recommendation: { code: 'rec.none', params: {} }, suggestedActions: [] };
  }
  const [first, second] = themes as [(typeof themes)[0], ...(typeof themes)[0][]];
  const mentioned =
    second && second.weight >= first.weight * SECOND_THEME_MIN_SHARE ? [first, second] : [first];
  const parts = mentioned.map((t) => TEXT[t.theme](ctx));
  const recommendation: DomainText = parts.length === 1 ? parts[0]! : { code: 'join', params: { parts } };

  const base = TOP_PRIORITY[riskLevel];
  const ranked = themes.flatMap((t, themeIndex) =>
    ACTIONS[t.theme](ctx).map((a) => ({
      rank: Math.min(3, base + (themeIndex === 0 ? 0 : 1) + (a.primary ? 0 : 1)),
      action: { ...a.action, estimatedImpact: Math.min(100, points(a.addresses)) },
    })),
  );
  ranked.push({
    rank: riskLevel === 'critical' ? 2 : 3,
    action: {
      type: 'task',
      ...actionText('followUpTask'),
      estimatedImpact: 0,
    },
  });
  const suggestedActions = ranked
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => a.rank - b.rank || b.action.estimatedImpact - a.action.estimatedImpact || a.i - b.i)
    .slice(0, MAX_ACTIONS)
    .map((r) => suggestedActionSchema.parse({ ...r.action, priority: PRIORITIES[r.rank] }));
  return { recommendation, suggestedActions };
}
