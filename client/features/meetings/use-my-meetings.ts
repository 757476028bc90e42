import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Meeting } from '../../../shared/entities/support.ts';
import { useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';

/**
 * The meetings of the client user's company, from the device database only (offline-first). The query selects
 * by `customerId` so a screen can never show another customer's row.
 */
export function useMyMeetings(): Live<readonly Meeting[]> {
  const customerId = useDeviceUser()?.customerId ?? '';
  const query = useMemo<MangoQuery<Meeting>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('meetings', query);
  return { value: docs, ready };
}
