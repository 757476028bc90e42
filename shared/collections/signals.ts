import { isClosedPhase, lifecyclePhase, lifecycleStamps, PHASE_RANK } from '../domain/csm/alert-lifecycle.ts';
import { signalSchema, signalStatusSchema, type SignalStatus } from '../entities/csm.ts';
import { isoDateTime } from '../entities/common.ts';
import { type DocFields, defineCollection, none, write } from './define.ts';
import { firstTime } from './merge-rules.ts';

/**
 * Risk alerts, expansion opportunities and insights with their lifecycle (docs/domain.md §6): staff only.
 *
 * - Write rule (device optimistic, server authoritative): the first-time stamps `acknowledgedAt`/`startedAt`
 *   from the status, with the write's own clock (`clientUpdatedAt`: when the CSM acted, offline too), so a
 *   screen that only changes the status still measures days to action.
 * - Invariants: whoever closes a signal signs it (`resolvedBy` is the writer); a critical risk alert is dismissed
 *   only by an admin (a CSM resolves it, with notes on what was done). The dismissal reason is required by the
 *   entity schema itself.
 * - Merge: further along the lifecycle wins, with its resolution data; first-time stamps: the earliest.
 */

/**
 * Lifecycle position of each status: its phase's rank (PHASE_RANK), except that an opportunity's pipeline keeps
 * its own order (contacted before negotiating); terminal outcomes rank equal.
 */
export const SIGNAL_STATUS_RANK: Readonly<Record<SignalStatus, number>> = {
  open: PHASE_RANK.open,
  acknowledged: PHASE_RANK.acknowledged,
  in_progress: PHASE_RANK.in_progress,
  resolved: PHASE_RANK.resolved,
  dismissed: PHASE_RANK.dismissed,
  identified: 0,
  contacted: 1,
  negotiating: 2,
  won: 3,
  lost: 3,
  new: 0,
  actioned: 3,
};

const statusOf = (value: unknown) => {
  const parsed = signalStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};
const instantOf = (value: unknown): string | null => {
  const parsed = isoDateTime.safeParse(value);
  return parsed.success ? parsed.data : null;
};

export const signals = defineCollection({
  name: 'signals',
  schema: signalSchema,
  scope: 'customer',
  access: { staff: write(), client: none },
  invariants: [
    ({ actor, before, after }) =>
      before?.status !== after.status &&
      isClosedPhase(lifecyclePhase(after.status)) &&
      after.resolvedBy !== actor.userId
        ? { reason: 'not_author', field: 'resolvedBy', message: 'Close a signal as yourself.' }
        : null,
    ({ actor, before, after }) =>
      before?.status !== 'dismissed' &&
      after.status === 'dismissed' &&
      after.kind === 'risk_alert' &&
      after.subtype === 'critical' &&
      actor.role !== 'admin'
        ? {
            reason: 'invalid_transition',
            field: 'status',
            message: 'Only an admin dismisses a critical risk alert; resolve it with notes instead.',
          }
        : null,
  ],
  writeRules: [
    {
      sets: ['acknowledgedAt', 'startedAt'],
      derive: (before, doc) => lifecycleStamps(before, doc, doc.clientUpdatedAt),
    },
  ],
  merge: {
    groups: [
      {
        fields: ['status', 'resolutionNotes', 'resolvedAt', 'resolvedBy', 'dismissReason'],
        rank: (g) => {
          const status = statusOf(g.status);
          return status === null ? -1 : SIGNAL_STATUS_RANK[status];
        },
      },
    ],
    fields: { acknowledgedAt: firstTime, startedAt: firstTime },
    // Each side with the stamps its own move earned (at its own clock), as the write rule gives them — so the
    // earliest action wins whichever device reached the server first.
    prepare: (side, base) => {
      const status = statusOf(side.status);
      if (status === null) return side;
      const at = instantOf(side.clientUpdatedAt);
      if (at === null) return side;
      const stamps = (d: DocFields | null) =>
        d === null
          ? null
          : { acknowledgedAt: instantOf(d.acknowledgedAt), startedAt: instantOf(d.startedAt) };
      return { ...side, ...lifecycleStamps(stamps(base), { status, ...stamps(side) }, at) };
    },
  },
});
