import type { Action, Engagement } from '../../../shared/entities/portal.ts';
import { writeAllowed, type PortalUser } from '../../platform/local-writes.ts';

/**
 * The client's offline writes on action cards (dashboard §1B "Dismiss/Complete tracking"): complete, dismiss,
 * and undo either back to pending. Each builder returns the exact change to store, checked with the shared
 * permission rules (`authorizeWrite`, the function the sync push applies: a client may set only `status`,
 * `completedAt` and `dismissedAt`), or null when the user may not make it. Pure: the clock is a parameter.
 */
export type CardMove = 'complete' | 'dismiss' | 'undo';

export type ActionChange = Pick<Action, 'status' | 'completedAt' | 'dismissedAt'>;

export function actionChange(
  action: Action,
  move: CardMove,
  ctx: { user: PortalUser; now: Date },
): ActionChange | null {
  const at = ctx.now.toISOString();
  const change: ActionChange =
    move === 'complete'
      ? { status: 'completed', completedAt: at, dismissedAt: null }
      : move === 'dismiss'
        ? { status: 'dismissed', completedAt: null, dismissedAt: at }
        : { status: 'pending', completedAt: null, dismissedAt: null };
  const allowed = writeAllowed(ctx.user, 'actions', {
    organizationId: ctx.user.organizationId,
    before: action,
    after: { ...action, ...change },
  });
  return allowed ? change : null;
}

/**
 * A completed quick win, appended to the user's engagement record (it earns XP and counts for the ⚡ Relâmpago
 * badge). The list is append-only (the collection's rule), so an undo does not take it back; the rules count a
 * quick win once per action however often it is completed. Null when it is already there or not allowed.
 */
export function quickWinEntry(
  engagement: Engagement,
  action: Action,
  ctx: { user: PortalUser; now: Date },
): Engagement['quickWins'] | null {
  if (action.type !== 'quick_win' || engagement.quickWins.some((q) => q.actionId === action.id)) return null;
  const quickWins = [...engagement.quickWins, { actionId: action.id, completedAt: ctx.now.toISOString() }];
  const allowed = writeAllowed(ctx.user, 'engagement', {
    organizationId: ctx.user.organizationId,
    before: engagement,
    after: { ...engagement, quickWins },
  });
  return allowed ? quickWins : null;
}

/**
 * Today's visit day appended to the engagement record (the streak, dashboard § Gamificação): the local date
 * in the record's own time zone. Null when today is already there or not allowed.
 */
export function visitDayEntry(
  engagement: Engagement,
  today: string,
  user: PortalUser,
): Engagement['visitDays'] | null {
  if (engagement.visitDays.includes(today)) return null;
  const visitDays = [...engagement.visitDays, today];
  const allowed = writeAllowed(user, 'engagement', {
    organizationId: user.organizationId,
    before: engagement,
    after: { ...engagement, visitDays },
  });
  return allowed ? visitDays : null;
}
