import { useCallback, useEffect, useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Notification } from '../../../shared/entities/support.ts';
import { useCollection, useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { NAVIGATE_MESSAGE } from '../../sw/messages.ts';
import { newestFirst } from './inbox-list.ts';

/** The write rules (and the shared permissions they check) load with the first write, off the shell's first load. */
const writeRules = () => import('./inbox.ts');

/**
 * The signed-in user's inbox from the device database only (offline-first), newest first. The query selects
 * by `userId` so a screen can never show another user's item, whatever the device holds.
 */
export function useInbox(): Live<readonly Notification[]> {
  const userId = useDeviceUser()?.id ?? '';
  const query = useMemo<MangoQuery<Notification>>(
    () => ({ selector: { userId: { $eq: userId } } }),
    [userId],
  );
  const { docs, ready } = useLiveDocuments('notifications', query);
  // Sorted here, not in the query: `createdAt` is not indexed and an inbox is small.
  const value = useMemo(() => newestFirst(docs), [docs]);
  return { value, ready };
}

export interface InboxWrites {
  /** Marks one item read on the device (replicated later); resolves false when nothing could be stored. */
  markRead(n: Notification): Promise<boolean>;
  /** Marks every unread item of `list` read on the device. */
  markAllRead(list: readonly Notification[]): Promise<boolean>;
}

/**
 * Local writes of `readAt` (the only field the device may change), queued by the sync outbox and sent when
 * the network allows — the item reads as read at once, offline too.
 */
export function useInboxWrites(): InboxWrites {
  const collection = useCollection('notifications');
  const user = useDeviceUser();
  const { now } = useDependencies();

  const patch = useCallback(
    async (changes: readonly { id: string; change: Pick<Notification, 'readAt'> }[]) => {
      if (!collection) return false;
      if (changes.length === 0) return true;
      try {
        const docs = await collection.findByIds(changes.map((c) => c.id)).exec();
        await Promise.all(changes.map(({ id, change }) => docs.get(id)?.incrementalPatch(change)));
        return true;
      } catch {
        return false;
      }
    },
    [collection],
  );

  return useMemo<InboxWrites>(
    () => ({
      async markRead(n) {
        if (!user) return false;
        const { readChange } = await writeRules();
        const change = readChange(n, user, now());
        return patch(change ? [{ id: n.id, change }] : []);
      },
      async markAllRead(list) {
        if (!user) return false;
        const { readAllChanges } = await writeRules();
        return patch(readAllChanges(list, user, now()));
      },
    }),
    [now, patch, user],
  );
}

/**
 * A tap on a push notification while the app is open (the service worker's `NAVIGATE_MESSAGE`): the inbox item
 * the push was about is read — the user just opened it. The routing itself is the shell's
 * (client/app/service-worker-navigation.ts).
 */
export function useReadOnNotificationTap(): void {
  const collection = useCollection('notifications');
  const writes = useInboxWrites();
  useEffect(() => {
    const container = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
    if (!container || !collection) return;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; notificationId?: unknown } | null;
      if (data?.type !== NAVIGATE_MESSAGE || typeof data.notificationId !== 'string') return;
      void collection
        .findOne(data.notificationId)
        .exec()
        .then((doc) => (doc ? writes.markRead(doc.toJSON()) : false))
        .catch(() => false);
    };
    container.addEventListener('message', onMessage);
    return () => container.removeEventListener('message', onMessage);
  }, [collection, writes]);
}
