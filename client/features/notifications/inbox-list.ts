import type { Notification } from '../../../shared/entities/support.ts';

/**
 * The inbox's list rules the bell needs (order, unread count). Apart from inbox.ts because the bell is in the
 * shell, on every screen's first load, and inbox.ts's write rules bring the shared permission rules — and with
 * them every collection definition — along (issue 16's bundle budget). inbox.ts re-exports them.
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
