import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Invoice } from '../../../shared/entities/billing.ts';
import type { Activity, Health, Signal } from '../../../shared/entities/csm.ts';
import type { Metrics } from '../../../shared/entities/portal.ts';
import type { Meeting, Ticket } from '../../../shared/entities/support.ts';
import { useLiveDocuments } from '../../db/device-data.tsx';

/**
 * One customer's documents from the device database, live: what the Customer 360 shows and what its
 * assessment reads (docs/domain.md §7: activities, tickets, invoices, meetings, signals, metrics) plus the
 * server's health document. Every query selects on `customerId`, so a change elsewhere in the portfolio does
 * not re-render the screen.
 */
export interface CustomerDocuments {
  readonly health: Health | null;
  readonly healthReady: boolean;
  readonly activities: readonly Activity[];
  readonly tickets: readonly Ticket[];
  readonly invoices: readonly Invoice[];
  readonly meetings: readonly Meeting[];
  readonly signals: readonly Signal[];
  readonly metrics: readonly Metrics[];
  /** True once every query above answered (local answers, not "synced"). */
  readonly ready: boolean;
}

/** The collections whose local writes change a customer's assessment (the customer document included). */
export const INPUT_COLLECTIONS = [
  'customers',
  'activities',
  'tickets',
  'invoices',
  'meetings',
  'signals',
  'metrics',
] as const;
export type InputCollection = (typeof INPUT_COLLECTIONS)[number];

function useQueries(customerId: string) {
  return useMemo(
    () => ({
      health: { selector: { customerId } } satisfies MangoQuery<Health>,
      activities: { selector: { customerId } } satisfies MangoQuery<Activity>,
      tickets: { selector: { customerId } } satisfies MangoQuery<Ticket>,
      invoices: { selector: { customerId } } satisfies MangoQuery<Invoice>,
      meetings: { selector: { customerId } } satisfies MangoQuery<Meeting>,
      signals: { selector: { customerId } } satisfies MangoQuery<Signal>,
      metrics: { selector: { customerId } } satisfies MangoQuery<Metrics>,
    }),
    [customerId],
  );
}

export function useCustomerDocuments(customerId: string): CustomerDocuments {
  const q = useQueries(customerId);
  const health = useLiveDocuments('health', q.health);
  const activities = useLiveDocuments('activities', q.activities);
  const tickets = useLiveDocuments('tickets', q.tickets);
  const invoices = useLiveDocuments('invoices', q.invoices);
  const meetings = useLiveDocuments('meetings', q.meetings);
  const signals = useLiveDocuments('signals', q.signals);
  const metrics = useLiveDocuments('metrics', q.metrics);
  return useMemo(
    () => ({
      // One per customer (the server's); the newest should two ever meet on a device.
      health: [...health.docs].sort((a, b) => b.serverSeq - a.serverSeq)[0] ?? null,
      healthReady: health.ready,
      activities: activities.docs,
      tickets: tickets.docs,
      invoices: invoices.docs,
      meetings: meetings.docs,
      signals: signals.docs,
      metrics: metrics.docs,
      ready:
        health.ready &&
        activities.ready &&
        tickets.ready &&
        invoices.ready &&
        meetings.ready &&
        signals.ready &&
        metrics.ready,
    }),
    [health, activities, tickets, invoices, meetings, signals, metrics],
  );
}
