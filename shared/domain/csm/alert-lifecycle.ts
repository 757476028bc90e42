import { z } from 'zod';
import {
  dismissReasonSchema,
  signalStatusSchema,
  type Activity,
  type Signal,
  type SignalStatus,
} from '../../entities/csm.ts';
import { DAY_MS } from './dates.ts';
import { SignalTransitionError, transitionSignal, type SignalTransition } from './signals.ts';

/**
 * The alert lifecycle (docs/domain.md §6): every signal, whatever its kind, is in one of five phases —
 * open → acknowledged → in progress → resolved, or dismissed with a reason — and carries the first time it
 * reached each step, so "days to action" is measured the same way for risk alerts, opportunities and insights.
 *
 * Invariants:
 * - a phase is a function of the status alone (the only status two kinds share, `dismissed`, is the same phase);
 * - `acknowledgedAt` is the first action: set the first time the signal leaves `open`, whatever the step, and
 *   never moved later or cleared (a reopened alert keeps it); `startedAt` likewise for `in_progress`;
 *   `resolvedAt` is set while the signal is closed and cleared when it reopens (`transitionSignal`);
 * - a signal is `dismissed` exactly when it has a `dismissReason` (the entity schema refuses anything else).
 * Pure: the caller passes the instant (`now`, or a write's `clientUpdatedAt` in the collection's write rule).
 */

export const LIFECYCLE_PHASES = ['open', 'acknowledged', 'in_progress', 'resolved', 'dismissed'] as const;
export type LifecyclePhase = (typeof LIFECYCLE_PHASES)[number];

const PHASE_OF: Readonly<Record<SignalStatus, LifecyclePhase>> = {
  open: 'open',
  acknowledged: 'acknowledged',
  in_progress: 'in_progress',
  resolved: 'resolved',
  dismissed: 'dismissed',
  // expansion: contact with the customer is already work on it; won closes it, lost drops it.
  identified: 'open',
  contacted: 'in_progress',
  negotiating: 'in_progress',
  won: 'resolved',
  lost: 'dismissed',
  // insight: acting on it closes it.
  new: 'open',
  actioned: 'resolved',
};

/** How far along each phase is; the two outcomes rank equal (merge: further along wins, equal → latest). */
export const PHASE_RANK: Readonly<Record<LifecyclePhase, number>> = {
  open: 0,
  acknowledged: 1,
  in_progress: 2,
  resolved: 3,
  dismissed: 3,
};

export const lifecyclePhase = (status: SignalStatus): LifecyclePhase => PHASE_OF[status];
export const isClosedPhase = (phase: LifecyclePhase): boolean => PHASE_RANK[phase] === 3;

export type LifecycleStamps = Pick<Signal, 'acknowledgedAt' | 'startedAt'>;

/** The earlier instant; the same instant written two ways → the smaller string, so the answer is symmetric. */
const earliest = (a: string | null | undefined, b: string | null | undefined): string | null => {
  if (!a) return b ?? null;
  if (!b) return a;
  const [x, y] = [Date.parse(a), Date.parse(b)];
  if (x !== y) return x < y ? a : b;
  return a <= b ? a : b;
};

/**
 * The first-time stamps of a signal now in `status`: the earliest one already known (stored or written), or
 * `at` for a step reached now. Pure and idempotent — the signals' write rule runs it on every write with the
 * write's own clock.
 */
export function lifecycleStamps(
  before: Partial<LifecycleStamps> | null,
  doc: Pick<Signal, 'status'> & Partial<LifecycleStamps>,
  at: string,
): LifecycleStamps {
  const rank = PHASE_RANK[lifecyclePhase(doc.status)];
  const ack = earliest(before?.acknowledgedAt, doc.acknowledgedAt);
  const started = earliest(before?.startedAt, doc.startedAt);
  return {
    acknowledgedAt: ack ?? (rank >= 1 ? at : null),
    startedAt: started ?? (lifecyclePhase(doc.status) === 'in_progress' ? at : null),
  };
}

export type SignalLifecycle = Pick<
  Signal,
  | 'status'
  | 'resolutionNotes'
  | 'resolvedAt'
  | 'resolvedBy'
  | 'acknowledgedAt'
  | 'startedAt'
  | 'dismissReason'
>;

export const signalStatusChangeSchema = z.strictObject({
  to: signalStatusSchema,
  notes: z.string().max(20_000).nullable().default(null),
  by: z.uuid(),
  /** Required when `to` is `dismissed`, refused otherwise. */
  reason: dismissReasonSchema.nullable().default(null),
});
export type SignalStatusChange = z.input<typeof signalStatusChangeSchema>;

/**
 * One move of a signal's lifecycle with everything it stamps: `transitionSignal`'s rules (allowed moves, notes
 * to resolve a risk alert, resolvedAt/resolvedBy), plus the first-time stamps and the dismissal reason.
 * Throws `SignalTransitionError` (`invalid_signal_transition`, `resolution_notes_required`,
 * `dismiss_reason_required`).
 */
export function changeSignalStatus(
  signal: Pick<Signal, 'kind'> & SignalLifecycle,
  change: SignalStatusChange,
  now: Date,
): SignalLifecycle {
  const { to: status, notes, by, reason } = signalStatusChangeSchema.parse(change);
  const details = { kind: signal.kind, from: signal.status, to: status };
  if ((status === 'dismissed') !== (reason !== null)) {
    throw new SignalTransitionError(
      'dismiss_reason_required',
      status === 'dismissed' ? 'dismissing requires a reason' : 'only a dismissal takes a reason',
      details,
    );
  }
  const move: SignalTransition = { to: status, notes, by };
  const base = transitionSignal(signal, move, now);
  return {
    ...base,
    ...lifecycleStamps(signal, { status: base.status }, now.toISOString()),
    dismissReason: reason,
  };
}

// ------------------------------------------------------------------------------------------ days to action

/** What counts as the first action on a signal: its own steps and the activities done for it. */
export type ActionTrace = Pick<Activity, 'type' | 'signalId' | 'occurredAt' | 'completedAt'>;

/**
 * When the signal was first acted upon: the earliest of its acknowledgement (the first move out of `open`),
 * its start, its closing, an intervention logged for it (any activity with its `signalId` except a task) and a
 * completed task for it. A task merely planned is not an action. Null while nobody has acted.
 */
export function firstActionAt(
  signal: Pick<Signal, 'id' | 'acknowledgedAt' | 'startedAt' | 'resolvedAt'>,
  activities: readonly ActionTrace[],
): string | null {
  let first: string | null = earliest(earliest(signal.acknowledgedAt, signal.startedAt), signal.resolvedAt);
  for (const a of activities) {
    if (a.signalId !== signal.id) continue;
    first = earliest(first, a.type === 'task' ? a.completedAt : a.occurredAt);
  }
  return first;
}

/** Days (fractional, ≥ 0) from the signal's creation to its first action; null while nobody has acted. */
export function daysToAction(
  signal: Pick<Signal, 'id' | 'createdAt' | 'acknowledgedAt' | 'startedAt' | 'resolvedAt'>,
  activities: readonly ActionTrace[],
): number | null {
  const first = firstActionAt(signal, activities);
  if (first === null) return null;
  return Math.max(0, (Date.parse(first) - Date.parse(signal.createdAt)) / DAY_MS);
}

export interface DaysToActionSummary {
  /** Mean days to action over the signals acted upon, one decimal; null when none was. */
  readonly averageDays: number | null;
  readonly acted: number;
  /** Signals nobody has acted upon yet (still open, no intervention). */
  readonly awaiting: number;
}

/** Days to action over several signals (the at-risk summary's "Avg days to action"). */
export function summarizeDaysToAction(
  signals: readonly Pick<Signal, 'id' | 'createdAt' | 'acknowledgedAt' | 'startedAt' | 'resolvedAt'>[],
  activities: readonly ActionTrace[],
): DaysToActionSummary {
  const bySignal = new Map<string, ActionTrace[]>();
  for (const a of activities) {
    if (a.signalId === null) continue;
    bySignal.set(a.signalId, [...(bySignal.get(a.signalId) ?? []), a]);
  }
  const days = signals.map((s) => daysToAction(s, bySignal.get(s.id) ?? []));
  const acted = days.filter((d): d is number => d !== null);
  return {
    averageDays:
      acted.length === 0 ? null : Math.round((acted.reduce((x, d) => x + d, 0) / acted.length) * 10) / 10,
    acted: acted.length,
    awaiting: days.length - acted.length,
  };
}
