import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Ticket, TicketChannel } from '../../../shared/entities/support.ts';
import { useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';
import { newestFirst } from './ticket-view.ts';

/**
 * Every ticket of the client user's company, newest first, from the device database only (offline-first).
 * The query selects by `customerId` so a screen can never show another customer's row. Only one channel: the
 * ticket screens never list a chat, the chat screen never a ticket (shared/entities/support.ts `channel`).
 */
export function useMyTickets(channel: TicketChannel = 'ticket'): Live<readonly Ticket[]> {
  const customerId = useDeviceUser()?.customerId ?? '';
  const query = useMemo<MangoQuery<Ticket>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('tickets', query);
  // Sorted here, not in the query: `createdAt` is not indexed and a company has few tickets.
  const value = useMemo(() => newestFirst(docs.filter((t) => t.channel === channel)), [docs, channel]);
  return { value, ready };
}
