import { useEffect } from 'react';
import { visitDayFor } from '../../../shared/domain/portal/streak.ts';
import type { Engagement } from '../../../shared/entities/portal.ts';
import { useCollection, useDeviceUser, type Live } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { visitDayEntry } from './action-writes.ts';

/**
 * Records today's visit in the user's engagement record (the streak: a local calendar day in the record's
 * time zone, shared/domain/portal/streak.ts `visitDayFor`), offline too; the list merges as a set, so two
 * devices recording the same day converge. Only an existing record is extended: creating one here could race
 * the first sync and leave the user with two records (the server creates it with the user).
 */
export function useRecordVisit(engagement: Live<Engagement | null>): void {
  const user = useDeviceUser();
  const { now } = useDependencies();
  const collection = useCollection('engagement');
  const record = engagement.value;
  const today = record ? todayIn(record.timeZone, now()) : null;
  // The check (already there? may this user append?) is the pure builder's; the effect only stores it.
  const needed =
    record !== null && user !== null && today !== null && visitDayEntry(record, today, user) !== null;
  const recordId = record?.id ?? null;

  useEffect(() => {
    if (!needed || !recordId || !collection || !today) return;
    void collection
      .findOne(recordId)
      .exec()
      .then((doc) =>
        doc?.incrementalModify((data) =>
          data.visitDays.includes(today) ? data : { ...data, visitDays: [...data.visitDays, today] },
        ),
      )
      .catch(() => {
        // A visit that could not be stored is recorded the next time a portal screen opens.
      });
  }, [needed, recordId, collection, today]);
}

/** Today in the record's zone; null for a zone this runtime does not know (nothing is recorded then). */
function todayIn(timeZone: string, now: Date): string | null {
  try {
    return visitDayFor({ now: now.toISOString(), timeZone });
  } catch {
    return null;
  }
}
