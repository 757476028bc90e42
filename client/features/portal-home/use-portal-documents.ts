import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { DocOf } from '../../../shared/collections/index.ts';
import { useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';

/**
 * The client's own portal documents from the device database only (offline-first: never the API). Each query
 * selects by the owner key (`customerId`, or `userId` for the user's engagement record), so a screen can never
 * show another customer's rows even if one reached the device.
 */
const byCustomer = (customerId: string) => ({ selector: { customerId: { $eq: customerId } } });

function useCustomerQuery() {
  const customerId = useDeviceUser()?.customerId ?? '';
  return useMemo(() => byCustomer(customerId), [customerId]);
}

export function useMyMetrics(): Live<readonly DocOf<'metrics'>[]> {
  const { docs, ready } = useLiveDocuments('metrics', useCustomerQuery());
  return { value: docs, ready };
}

export function useMyCampaigns(): Live<readonly DocOf<'campaigns'>[]> {
  const { docs, ready } = useLiveDocuments('campaigns', useCustomerQuery());
  return { value: docs, ready };
}

export function useMyGoals(): Live<readonly DocOf<'goals'>[]> {
  const { docs, ready } = useLiveDocuments('goals', useCustomerQuery());
  return { value: docs, ready };
}

export function useMyActions(): Live<readonly DocOf<'actions'>[]> {
  const { docs, ready } = useLiveDocuments('actions', useCustomerQuery());
  return { value: docs, ready };
}

/** The signed-in user's engagement record (visit days, quick wins, reading, XP, badges); null when absent. */
export function useMyEngagement(): Live<DocOf<'engagement'> | null> {
  const userId = useDeviceUser()?.id ?? '';
  const query = useMemo<MangoQuery<DocOf<'engagement'>>>(
    () => ({ selector: { userId: { $eq: userId } }, sort: [{ id: 'asc' }] }),
    [userId],
  );
  const { docs, ready } = useLiveDocuments('engagement', query);
  return { value: docs[0] ?? null, ready };
}
