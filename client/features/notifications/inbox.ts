import type { Notification } from '../../../shared/entities/support.ts';
import { writeAllowed, type PortalUser } from '../../platform/local-writes.ts';
import { isUnread } from './inbox-list.ts';

/**
 * The inbox's rules, pure: order, the unread count the bell and the app badge show, and the one change the
 * device may make to an item — setting `readAt` (shared/collections/notifications.ts: every role may read its
 * own items and set `readAt`, nothing else; the server's merge keeps the first time, so two devices marking
 * the same item agree). The clock is a parameter.
 */

export { isUnread, newestFirst, unreadCount } from './inbox-list.ts';

/**
 * The change that marks `n` read at `now`, or null when there is nothing to write: already read (the first
 * time stands), someone else's item, or a change the shared permission rules refuse.
 */
export function readChange(
  n: Notification,
  user: PortalUser,
  now: Date,
): Pick<Notification, 'readAt'> | null {
  if (!isUnread(n) || n.userId !== user.id) return null;
  const change = { readAt: now.toISOString() };
  const allowed = writeAllowed(user, 'notifications', {
    organizationId: user.organizationId,
    before: n,
    after: { ...n, ...change },
  });
  return allowed ? change : null;
}

/** The unread items `user` may mark read, each with its change (mark-all-read writes exactly these). */
export function readAllChanges(
  list: readonly Notification[],
  user: PortalUser,
  now: Date,
): { readonly id: string; readonly change: Pick<Notification, 'readAt'> }[] {
  return list.flatMap((n) => {
    const change = readChange(n, user, now);
    return change ? [{ id: n.id, change }] : [];
  });
}
