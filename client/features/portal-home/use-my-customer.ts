import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Customer } from '../../../shared/entities/customer.ts';
import { useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';

/**
 * The client user's company, read from the device database only (offline-first: never the API). A client
 * user's database holds only their own company's rows; the query still selects by `customerId` so a screen
 * can never show another customer's row.
 */
export function useMyCustomer(): Live<Customer | null> {
  const customerId = useDeviceUser()?.customerId ?? '';
  const query = useMemo<MangoQuery<Customer>>(
    () => ({ selector: { id: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('customers', query);
  return { value: docs[0] ?? null, ready };
}
