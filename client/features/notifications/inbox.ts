import type { Notification } from '../../../shared/entities/support.ts';
import { writeAllowed, type PortalUser } from '../../platform/local-writes.ts';

/**
 * The inbox's rules, pure: order, the unread count the bell and the app badge show, and the one change the
 * device may make to an item — setting `readAt` (shared/collections/notifications.ts: every role may read its
 * own items and set `readAt`, nothing else; the server's merge keeps the first time, so two devices marking
 * the same item agree). The clock is a parameter.
 */

/** Newest first; equal times by id, so the order is stable across renders and devices. */
export function newestFirst(list: readonly Notification[]): Notification[] {
  return [...list].sort((a, b) =>
    a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  );
}

export const isUnread = (n: Pick<Notification, 'readAt'>): boolean => n.readAt === null;

export function unreadCount(list: readonly Pick<Notification, 'readAt'>[]): number {
  return list.reduce((count, n) => count + (isUnread(n) ? 1 : 0), 0);
}

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
