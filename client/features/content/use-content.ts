import { useCallback, useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import { engagementSchema, type Content, type Engagement } from '../../../shared/entities/portal.ts';
import { useCollection, useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { newEngagement } from './engagement-writes.ts';

const ALL: MangoQuery<Content> = {};

/** The organization's content on the device (the collection holds only the user's agency's). */
export function useContent(): Live<readonly Content[]> {
  const { docs, ready } = useLiveDocuments('content', ALL);
  return { value: docs, ready };
}

/** The signed-in user's own engagement record (null until it exists on the device). */
export function useMyEngagement(): Live<Engagement | null> {
  const userId = useDeviceUser()?.id ?? '';
  const query = useMemo<MangoQuery<Engagement>>(() => ({ selector: { userId: { $eq: userId } } }), [userId]);
  const { docs, ready } = useLiveDocuments('engagement', query);
  return { value: docs[0] ?? null, ready };
}

/**
 * Writes a change to the user's engagement record, computed from the *stored* record at write time (a pull may
 * have brought newer progress since the screen rendered): `change(record)` returns the fields to set or null
 * for nothing. Creates the record first if the device has none. Resolves to whether something was written.
 */
export function useEngagementWriter(): (
  change: (e: Engagement) => Partial<Engagement> | null,
) => Promise<boolean> {
  const collection = useCollection('engagement');
  const user = useDeviceUser();
  const { now } = useDependencies();
  const { timeZone } = useFormat();
  return useCallback(
    async (change) => {
      if (!collection || !user) throw new Error('device data not open');
      let doc = await collection.findOne({ selector: { userId: { $eq: user.id } } }).exec();
      if (!doc) {
        const created = newEngagement(user, { id: uuidv7(), timeZone, now: now() });
        if (!created) return false;
        doc = await collection.insert(created);
      }
      let wrote = false;
      await doc.incrementalModify((data) => {
        // RxDB's own bookkeeping (`_rev`, `_meta`, …) is not part of the record the shared rules check.
        const record = engagementSchema.safeParse(
          Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('_'))),
        );
        const patch = record.success ? change(record.data) : null;
        wrote = patch !== null;
        return patch === null ? data : { ...data, ...patch };
      });
      return wrote;
    },
    [collection, user, now, timeZone],
  );
}
