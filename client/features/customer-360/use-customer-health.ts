import { useEffect, useMemo, useState } from 'react';
import { assessCustomer, type HealthFields } from '../../../shared/domain/csm/assess-customer.ts';
import { DEFAULT_HEALTH_CONFIG, type HealthScoreConfig } from '../../../shared/domain/csm/health-config.ts';
import type { Health } from '../../../shared/entities/csm.ts';
import type { Customer } from '../../../shared/entities/customer.ts';
import { HEALTH_CONFIG_DOC, readHealthConfig } from '../../db/device-settings.ts';
import { useLocalValue } from '../../db/local-documents.ts';
import { outboxKey, pendingIdsOfStored } from '../../../sync/client/outbox.ts';
import { healthSource, nextAwaiting, type AwaitingWrite, type InputDocState } from './provisional-health.ts';
import type { CustomerDocuments } from './use-customer-docs.ts';

/** The health the screen shows, and whether it is the server's or this device's provisional one. */
export interface ShownHealth {
  /** The server's document (null: not computed yet). */
  readonly server: Health | null;
  /** What to show: the server's fields, or the provisional assessment's (null: no data to score). */
  readonly shown: HealthFields | null;
  readonly provisional: boolean;
}

/** The organization's health configuration on the device (default weights until the first settings sync). */
export function useHealthConfig(): HealthScoreConfig {
  const device = readHealthConfig(useLocalValue(HEALTH_CONFIG_DOC));
  return useMemo(() => {
    if (device === null) return DEFAULT_HEALTH_CONFIG;
    // The device copy carries the server's `updatedAt`; the rule's schema is strict.
    const { updatedAt: _updatedAt, ...config } = device;
    return config;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the parsed value is new on every render; its content is the key
  }, [JSON.stringify(device)]);
}

/** Ids in the outbox of the collections that feed this customer's assessment, live. */
function usePendingIds(customer: Customer, docs: CustomerDocuments): ReadonlySet<string> {
  const outbox = {
    customers: useLocalValue(outboxKey('customers')),
    activities: useLocalValue(outboxKey('activities')),
    tickets: useLocalValue(outboxKey('tickets')),
    invoices: useLocalValue(outboxKey('invoices')),
    meetings: useLocalValue(outboxKey('meetings')),
    signals: useLocalValue(outboxKey('signals')),
  };
  const mine = (ids: string[], own: readonly { id: string }[]) => {
    const owned = new Set(own.map((d) => d.id));
    return ids.filter((id) => owned.has(id));
  };
  const ids = [
    ...pendingIdsOfStored(outbox.customers).filter((id) => id === customer.id),
    ...mine(pendingIdsOfStored(outbox.activities), docs.activities),
    ...mine(pendingIdsOfStored(outbox.tickets), docs.tickets),
    ...mine(pendingIdsOfStored(outbox.invoices), docs.invoices),
    ...mine(pendingIdsOfStored(outbox.meetings), docs.meetings),
    ...mine(pendingIdsOfStored(outbox.signals), docs.signals),
  ].sort();
  const key = ids.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the joined ids are the set's identity
  return useMemo(() => new Set(ids), [key]);
}

/**
 * The Customer 360's health: the server's document, or — after a local change to the customer's inputs that
 * the server has not scored yet (provisional-health.ts) — `assessCustomer` run here on the local documents with
 * the organization's configuration, continuing the server document's history.
 */
export function useCustomerHealth(
  customer: Customer,
  docs: CustomerDocuments,
  now: Date,
  timeZone: string,
): ShownHealth {
  const config = useHealthConfig();
  const pendingIds = usePendingIds(customer, docs);
  const states = useMemo(() => {
    const map = new Map<string, InputDocState>();
    map.set(customer.id, customer);
    for (const list of [docs.activities, docs.tickets, docs.invoices, docs.meetings, docs.signals])
      for (const d of list) map.set(d.id, d);
    return map;
  }, [customer, docs]);
  const healthSeq = docs.health?.serverSeq ?? null;

  // Writes acknowledged while the screen is open, until the server's health includes them (per screen, not
  // module state: another customer's screen starts empty).
  const [tracked, setTracked] = useState<{
    pendingIds: ReadonlySet<string>;
    seqs: ReadonlyMap<string, number>;
    awaiting: readonly AwaitingWrite[];
  }>({ pendingIds: new Set(), seqs: new Map(), awaiting: [] });
  useEffect(() => {
    setTracked((previous) => ({
      pendingIds,
      seqs: new Map([...pendingIds].map((id) => [id, states.get(id)?.serverSeq ?? 0])),
      awaiting: nextAwaiting(previous, { pendingIds, docs: states, healthSeq }),
    }));
  }, [pendingIds, states, healthSeq]);

  const source = healthSource({ pendingIds, awaiting: tracked.awaiting, docs: states, healthSeq });
  const provisional = source === 'provisional';
  const nowMs = now.getTime();
  const assessed = useMemo(() => {
    if (!provisional) return null;
    return assessCustomer(
      {
        customer,
        activities: docs.activities,
        tickets: docs.tickets,
        invoices: docs.invoices,
        meetings: docs.meetings,
        signals: docs.signals,
        metrics: docs.metrics,
      },
      config,
      new Date(nowMs),
      timeZone,
      { previous: docs.health },
    ).health;
  }, [provisional, customer, docs, config, nowMs, timeZone]);

  return provisional
    ? { server: docs.health, shown: assessed, provisional: true }
    : { server: docs.health, shown: docs.health, provisional: false };
}
