import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { signalStatusSchema, type Signal, type SuggestedAction } from '../../entities/csm.ts';
import type { DomainText } from '../../entities/domain-text.ts';
import type { RiskAssessment } from './risk.ts';

/**
 * Signal lifecycles (docs/domain.md §6 "Alert lifecycle, tasks and playbooks"; customers spec §3
 * `ExpansionOpportunity.status`, `CustomerInsight`) and the risk-alert draft built from a risk assessment.
 *
 * Transitions (anything else is refused):
 *   risk_alert  open → acknowledged → in_progress → resolved | dismissed (steps may be skipped);
 *               acknowledged → open un-acknowledges; resolved/dismissed → open reopens
 *   expansion   identified → contacted → negotiating → won | lost (steps may be skipped); lost → identified
 *   insight     new → dismissed | actioned; dismissed → new
 * Resolving a risk alert requires notes (what was done). Reaching a closed status stamps resolvedAt/resolvedBy;
 * reopening clears them. The lifecycle's phases, first-time stamps and dismissal reasons are in
 * ./alert-lifecycle.ts (`changeSignalStatus` builds on `transitionSignal`).
 */

type Kind = Signal['kind'];
type Status = Signal['status'];

export const SIGNAL_TRANSITIONS: { readonly [K in Kind]: Readonly<Record<string, readonly Status[]>> } = {
  risk_alert: {
    open: ['acknowledged', 'in_progress', 'resolved', 'dismissed'],
    acknowledged: ['in_progress', 'resolved', 'dismissed', 'open'],
    in_progress: ['resolved', 'dismissed'],
    resolved: ['open'],
    dismissed: ['open'],
  },
  expansion: {
    identified: ['contacted', 'negotiating', 'won', 'lost'],
    contacted: ['negotiating', 'won', 'lost'],
    negotiating: ['won', 'lost'],
    won: [],
    lost: ['identified'],
  },
  insight: { new: ['dismissed', 'actioned'], dismissed: ['new'], actioned: [] },
};
const CLOSED: ReadonlySet<Status> = new Set(['resolved', 'won', 'lost', 'dismissed', 'actioned']);

export type SignalTransitionErrorCode =
  'invalid_signal_transition' | 'resolution_notes_required' | 'dismiss_reason_required';

/** Carries a string-literal code so the server maps it to `{"error":{"code","message","details"}}`. */
export class SignalTransitionError extends Error {
  constructor(
    readonly code: SignalTransitionErrorCode,
    message: string,
    readonly details: { kind: Kind; from: Status; to: Status },
  ) {
    super(message);
    this.name = 'SignalTransitionError';
  }
}

export const signalTransitionSchema = z.strictObject({
  to: signalStatusSchema,
  notes: z.string().max(20_000).nullable().default(null),
  by: z.uuid(),
});
export type SignalTransition = z.input<typeof signalTransitionSchema>;

export type SignalLifecycleFields = Pick<Signal, 'status' | 'resolutionNotes' | 'resolvedAt' | 'resolvedBy'>;

export function transitionSignal(
  signal: Pick<Signal, 'kind'> & SignalLifecycleFields,
  change: SignalTransition,
  now: Date,
): SignalLifecycleFields {
  const { to, notes, by } = signalTransitionSchema.parse(change);
  const from = signal.status;
  const details = { kind: signal.kind, from, to };
  if (!(SIGNAL_TRANSITIONS[signal.kind][from] ?? []).includes(to)) {
    throw new SignalTransitionError(
      'invalid_signal_transition',
      `cannot move a ${signal.kind} from ${from} to ${to}`,
      details,
    );
  }
  const trimmed = notes?.trim() ? notes.trim() : null;
  if (signal.kind === 'risk_alert' && to === 'resolved' && !trimmed) {
    throw new SignalTransitionError(
      'resolution_notes_required',
      'resolving a risk alert requires notes',
      details,
    );
  }
  if (CLOSED.has(to)) {
    return {
      status: to,
      resolutionNotes: trimmed ?? signal.resolutionNotes,
      resolvedAt: now.toISOString(),
      resolvedBy: by,
    };
  }
  if (CLOSED.has(from)) return { status: to, resolutionNotes: null, resolvedAt: null, resolvedBy: null };
  return {
    status: to,
    resolutionNotes: trimmed ?? signal.resolutionNotes,
    resolvedAt: null,
    resolvedBy: null,
  };
}

export type RiskAlertDraft = Pick<
  Signal,
  | 'kind'
  | 'subtype'
  | 'status'
  | 'title'
  | 'description'
  | 'source'
  | 'riskScore'
  | 'riskFactors'
  | 'recommendation'
  | 'suggestedActions'
  | 'estimatedValueCents'
  | 'mrrAtRiskCents'
  | 'probability'
>;

/**
 * The content of a new risk alert for a customer at risk (null when its level is "none"); the server adds ids,
 * timestamps and the customer. `probability` carries the churn probability when known.
 */
export function riskAlertDraft(
  risk: RiskAssessment,
  advice: { recommendation: DomainText; suggestedActions: SuggestedAction[] },
  mrrCents: number,
  churnProbability: number | null = null,
): RiskAlertDraft | null {
  if (risk.riskLevel === 'none') return null;
  return {
    kind: 'risk_alert',
    subtype: risk.riskLevel,
    status: 'open',
    title: { code: 'riskAlert.title', params: { level: risk.riskLevel } },
    description: {
      code: 'riskAlert.description',
      params: { riskScore: risk.riskScore, factors: risk.riskFactors.map((f) => f.description) },
    },
    source: 'rule',
    riskScore: risk.riskScore,
    riskFactors: risk.riskFactors,
    recommendation: advice.recommendation,
    suggestedActions: advice.suggestedActions,
    estimatedValueCents: null,
    mrrAtRiskCents: mrrCents,
    probability: churnProbability,
  };
}

/** Fixed namespace of the ids of rule-detected opportunities and insights (UUID v5). Never change it. */
export const DETECTED_SIGNAL_NAMESPACE = '3f6c2a9e-8b1d-5c47-a0e2-7d4b9c1f5e38';

/**
 * What makes two signals "the same condition": their kind and title (code and parameters), e.g. the seat
 * expansion, the cross-sell of one service, the advocacy insight. A CSM's own opportunity (the `text` code) is
 * its own condition.
 */
export function signalCondition(signal: Pick<Signal, 'kind' | 'title'>): string {
  const params = Object.entries(signal.title.params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${signal.kind}:${signal.title.code}:${JSON.stringify(params)}`;
}

/** A rule-detected opportunity or insight as a signal document, without the sync bookkeeping. */
export type DetectedSignal = Omit<Signal, 'updatedAt' | 'serverSeq' | 'clientUpdatedAt'>;

interface ExpansionDraftLike {
  subtype: string;
  title: Signal['title'];
  description: Signal['description'];
  source: Signal['source'];
  estimatedValueCents: number;
  probability: number;
}
interface InsightDraftLike {
  subtype: string;
  title: Signal['title'];
  description: Signal['description'];
  probability: number;
  actionCta: DomainText;
}

/** The fields a rule-detected signal leaves empty (risk data, resolution, lifecycle stamps). */
const blankSignal = () => ({
  riskScore: null,
  riskFactors: [],
  recommendation: null,
  suggestedActions: [],
  estimatedValueCents: null,
  mrrAtRiskCents: null,
  probability: null,
  resolutionNotes: null,
  resolvedAt: null,
  resolvedBy: null,
  acknowledgedAt: null,
  startedAt: null,
  dismissReason: null,
});

/**
 * The signals a customer's assessment adds (docs/domain.md §4, §6): one per detected opportunity (`detectExpansion`)
 * or insight (`detectInsights`) whose condition has no signal yet, in any status. So the server's recompute and the
 * seed add each condition once: an open one is not duplicated, and one a CSM moved on — contacted, won, lost,
 * dismissed, actioned — is never reopened for the same condition. Ids are UUID v5 of (customer, condition), so two
 * recomputes that race write the same document. A detected condition that went away leaves its signal alone (the
 * CSM closes it). Pure: `now` stamps `createdAt`.
 */
export function newDetectedSignals(
  customerId: string,
  existing: readonly Pick<Signal, 'kind' | 'title'>[],
  detected: { expansion: readonly ExpansionDraftLike[]; insights: readonly InsightDraftLike[] },
  now: Date,
): DetectedSignal[] {
  const known = new Set(existing.map(signalCondition));
  const createdAt = now.toISOString();
  const out: DetectedSignal[] = [];
  const add = (doc: Omit<DetectedSignal, 'id'>) => {
    const condition = signalCondition(doc);
    if (known.has(condition)) return;
    known.add(condition);
    out.push({ id: uuidv5(`${customerId}:${condition}`, DETECTED_SIGNAL_NAMESPACE), ...doc });
  };
  for (const e of detected.expansion) {
    add({
      ...blankSignal(),
      customerId,
      kind: 'expansion',
      subtype: e.subtype,
      status: 'identified',
      title: e.title,
      description: e.description,
      source: e.source,
      estimatedValueCents: e.estimatedValueCents,
      probability: e.probability,
      createdAt,
    });
  }
  for (const i of detected.insights) {
    add({
      ...blankSignal(),
      customerId,
      kind: 'insight',
      subtype: i.subtype,
      status: 'new',
      title: i.title,
      description: i.description,
      source: 'rule',
      recommendation: i.actionCta,
      probability: i.probability,
      createdAt,
    });
  }
  return out;
}

/** Fixed namespace of the ids of rule-detected risk alerts (UUID v5 of customer, episode, level). Never change it. */
export const RISK_ALERT_NAMESPACE = '8d2e4b71-5f3a-5c96-b1e8-4a7c0d9e2f63';

/** The deterministic id of the risk alert of `level` for the at-risk episode that began on `episodeStart`. */
export const riskAlertId = (
  customerId: string,
  episodeStart: string,
  level: 'warning' | 'critical',
): string => uuidv5(`${customerId}:${episodeStart}:${level}`, RISK_ALERT_NAMESPACE);

const ACTIVE_RISK_ALERT: ReadonlySet<Status> = new Set(['open', 'acknowledged', 'in_progress']);
const LEVEL_RANK: Readonly<Record<string, number>> = { warning: 1, critical: 2 };

export interface RiskAlertContext {
  /** The first day (`YYYY-MM-DD`, organization time zone) of the current at-risk episode (`health.atRiskSince`). */
  readonly episodeStart: string;
  /** The calendar date of an instant in the organization's time zone (to place an alert in an episode). */
  readonly dateOf: (instant: string) => string;
  readonly mrrCents: number;
  readonly churnProbability: number | null;
}

/** What the recompute writes for a customer's risk: a new alert, or its open warning escalated to critical. */
export interface RiskAlertWrite {
  readonly change: 'created' | 'escalated';
  readonly alert: DetectedSignal;
}

/**
 * The risk alert a customer's risk assessment calls for (docs/domain.md §6), given the customer's signals:
 *
 * - not at risk → nothing (an alert whose risk went away is left to the CSM, like every detected signal);
 * - one active risk alert per customer (open, acknowledged or in progress): while one exists nothing is added. A
 *   warning that escalates to critical is updated in place — level, title, score, factors, recommendation and
 *   actions become the critical ones — keeping its id, status and lifecycle stamps: the lifecycle has no
 *   "superseded" status, closing it would need a person's signature (`resolvedBy`, and only an admin dismisses a
 *   critical alert), and the CSM's work on it (acknowledged, in progress, days to action) continues. The critical
 *   playbook then matches it (`tasksForAlert` on its new subtype);
 * - with no active alert, a new one is created unless this episode (alerts created on or after `episodeStart`)
 *   already had an alert of this level or a more severe one that a CSM closed: a dismissed or resolved alert is
 *   never reopened nor repeated for the same episode, but a closed warning does not silence a later critical.
 *   A de-escalation (critical → warning) changes nothing;
 * - the id of a new alert is a UUID v5 of (customer, episode start, level), so racing recomputes write the same
 *   document. Pure: `now` stamps `createdAt`.
 */
export function riskAlertFor(
  customerId: string,
  existing: readonly Signal[],
  risk: RiskAssessment,
  advice: { recommendation: DomainText; suggestedActions: SuggestedAction[] },
  context: RiskAlertContext,
  now: Date,
): RiskAlertWrite | null {
  const draft = riskAlertDraft(risk, advice, context.mrrCents, context.churnProbability);
  if (draft === null || (draft.subtype !== 'warning' && draft.subtype !== 'critical')) return null;
  const level = draft.subtype;
  const alerts = existing.filter((s) => s.kind === 'risk_alert' && s.customerId === customerId);
  const active = alerts
    .filter((s) => ACTIVE_RISK_ALERT.has(s.status))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];
  if (active) {
    if (level !== 'critical' || active.subtype !== 'warning') return null;
    const { status: _status, ...content } = draft;
    return {
      change: 'escalated',
      alert: {
        ...stripSync(active),
        ...content,
      },
    };
  }
  const closedThisEpisode = alerts.some(
    (s) =>
      context.dateOf(s.createdAt) >= context.episodeStart &&
      (LEVEL_RANK[s.subtype ?? ''] ?? 0) >= LEVEL_RANK[level]!,
  );
  if (closedThisEpisode) return null;
  return {
    change: 'created',
    alert: {
      ...blankSignal(),
      ...draft,
      id: riskAlertId(customerId, context.episodeStart, level),
      customerId,
      createdAt: now.toISOString(),
    },
  };
}

const stripSync = (signal: Signal): DetectedSignal => {
  const { updatedAt: _u, serverSeq: _s, clientUpdatedAt: _c, ...rest } = signal;
  return rest;
};
