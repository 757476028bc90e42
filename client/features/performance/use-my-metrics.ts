import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Metrics } from '../../../shared/entities/portal.ts';
import { useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';

/**
 * The client's customer-months of metrics, read from the device database only (offline-first: never the
 * API), in no particular order (the shared rules sort by date). A client's database holds only their own customer's rows; the query still selects
 * by `customerId` so the screen can never show another customer's figures.
 */
export function useMyMetrics(): Live<readonly Metrics[]> {
  const customerId = useDeviceUser()?.customerId ?? '';
  const query = useMemo<MangoQuery<Metrics>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('metrics', query);
  return { value: docs, ready };
}
