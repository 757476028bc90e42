import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Lead } from '../../../shared/entities/portal.ts';
import { useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';

/**
 * Every lead of the client user's company from the device database only (offline-first). The query selects by
 * `customerId` so a screen can never show another customer's row.
 */
export function useMyLeads(): Live<readonly Lead[]> {
  const customerId = useDeviceUser()?.customerId ?? '';
  const query = useMemo<MangoQuery<Lead>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('leads', query);
  return { value: docs, ready };
}
