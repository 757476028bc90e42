import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Ticket } from '../../../shared/entities/support.ts';
import { useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';
import { newestFirst } from './ticket-view.ts';

/**
 * Every ticket of the client user's company, newest first, from the device database only (offline-first).
 * The query selects by `customerId` so a screen can never show another customer's row.
 */
export function useMyTickets(): Live<readonly Ticket[]> {
  const customerId = useDeviceUser()?.customerId ?? '';
  const query = useMemo<MangoQuery<Ticket>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('tickets', query);
  // Sorted here, not in the query: `createdAt` is not indexed and a company has few tickets.
  const value = useMemo(() => newestFirst(docs), [docs]);
  return { value, ready };
}
