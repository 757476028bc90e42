import type { RxDatabase } from 'rxdb';
import { filter } from 'rxjs';
import type { SharedKeyValueStore } from '../../sync/client/outbox.ts';

/**
 * The device database's local documents as a key-value store (`{ value }` per key), shared by the device's tabs:
 * RxDB broadcasts every local-document write to the other tabs' `eventBulks$` (multiInstance), and a local
 * document's `incrementalModify` re-runs its change on the stored state when another tab wrote first (the
 * storage refuses a stale revision, RxDB's write queue retries), so `update` never loses a tab's write.
 */
export function databaseKeyValueStore(db: RxDatabase): SharedKeyValueStore {
  return {
    async get(key) {
      const doc = await db.getLocal<{ value: unknown }>(key);
      return doc?.get('value');
    },
    async set(key, value) {
      await db.upsertLocal(key, { value });
    },
    async update(key, change) {
      for (;;) {
        const doc = await db.getLocal<{ value: unknown }>(key);
        if (doc) {
          await doc.incrementalModify((data) => {
            const next = change(data.value);
            return next === undefined ? data : { ...data, value: next };
          });
          return;
        }
        const first = change(undefined);
        if (first === undefined) return;
        try {
          await db.insertLocal(key, { value: first });
          return;
        } catch (error) {
          // Another tab created it first (a conflict): change the stored one instead.
          if ((error as { status?: number }).status !== 409) throw error;
        }
      }
    },
    watch(onChange) {
      // The database's own local documents (a collection's carry its name), from this tab or another.
      const sub = db.eventBulks$
        .pipe(filter((bulk) => bulk.isLocal && !bulk.collectionName))
        .subscribe((bulk) => {
          for (const event of bulk.events) {
            const data = event.operation === 'DELETE' ? undefined : event.documentData;
            onChange(event.documentId, (data as { data?: { value?: unknown } } | undefined)?.data?.value);
          }
        });
      return () => sub.unsubscribe();
    },
  };
}
