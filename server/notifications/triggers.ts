import type { CollectionName } from '../../shared/collections/index.ts';
import {
  articleEvents,
  campaignEvents,
  goalEvents,
  healthEvents,
  invoiceDueEvents,
  leadEvents,
  meetingReminderEvents,
  meetingRequestEvents,
  renewalEvents,
  signalEvents,
  slaEvents,
  ticketEvents,
  type NotificationEvent,
  localDatePlus,
} from '../../shared/domain/notifications/events.ts';
import { readDocuments, type DbClient } from '../db/index.ts';
import type { ChangeFeed } from '../../sync/server/store.ts';

/**
 * Where notification events come from (docs/architecture.md §9.1): the change feed for what a write reveals
 * (a reply, a new ticket, a request, a reached goal…), a scan on a schedule for what the clock reveals (a
 * meeting in an hour, an invoice due in 3 days, a renewal in 60 days, an SLA about to breach). Both only
 * *detect*, with the shared pure detectors; `deliver.ts` delivers, once per event key.
 */

/** Collections whose committed changes may be notification events. */
export const TRIGGER_COLLECTIONS = [
  'tickets',
  'meetings',
  'goals',
  'leads',
  'campaigns',
  'content',
  'health',
  'signals',
] as const satisfies readonly CollectionName[];
export type TriggerCollection = (typeof TRIGGER_COLLECTIONS)[number];
const isTrigger = (c: CollectionName): c is TriggerCollection =>
  (TRIGGER_COLLECTIONS as readonly string[]).includes(c);

/** Subscribes to committed changes; each batch of a trigger collection asks for one detection job. */
export function subscribeNotificationTriggers(
  feed: ChangeFeed,
  request: (organizationId: string, collection: TriggerCollection, ids: string[]) => Promise<unknown>,
  onError: (error: unknown) => void,
): () => void {
  return feed.subscribe((event) => {
    // RESYNC: changes may have been missed; the scheduled scan still catches the time-driven ones.
    if (event === 'RESYNC' || !isTrigger(event.collection)) return;
    const ids = event.documents.filter((d) => !d._deleted).map((d) => d.id);
    if (ids.length > 0) request(event.organizationId, event.collection, ids).catch(onError);
  });
}

export async function organizationTimeZone(client: DbClient, organizationId: string): Promise<string> {
  const { rows } = await client.query<{ tz: string }>(
    'SELECT time_zone AS tz FROM organizations WHERE id = $1',
    [organizationId],
  );
  return rows[0]?.tz ?? 'America/Sao_Paulo';
}

async function customerNames(client: DbClient, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await client.query<{ id: string; name: string }>(
    'SELECT id, name FROM customers WHERE id = ANY($1::uuid[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

const LIVE_BY_ID = 'organization_id = $1 AND id = ANY($2::uuid[]) AND NOT deleted';

/** The events in these documents of one collection, read fresh (run as the organization's system identity). */
export async function detectChangeEvents(
  client: DbClient,
  organizationId: string,
  collection: TriggerCollection,
  ids: readonly string[],
  now: Date,
): Promise<NotificationEvent[]> {
  const options = { where: LIVE_BY_ID, params: [organizationId, ids] };
  const nameOf = async (customerIds: readonly string[]) => {
    const names = await customerNames(client, customerIds);
    return (id: string) => names.get(id) ?? '';
  };
  switch (collection) {
    case 'tickets': {
      const docs = (await readDocuments(client, 'tickets', options)).map((s) => s.doc);
      const name = await nameOf(docs.map((d) => d.customerId));
      return docs.flatMap((t) => ticketEvents(t, name(t.customerId), now));
    }
    case 'meetings': {
      const docs = (await readDocuments(client, 'meetings', options)).map((s) => s.doc);
      const name = await nameOf(docs.map((d) => d.customerId));
      return docs.flatMap((m) => meetingRequestEvents(m, name(m.customerId), now));
    }
    case 'goals':
      return (await readDocuments(client, 'goals', options)).flatMap((s) => goalEvents(s.doc));
    case 'leads':
      return (await readDocuments(client, 'leads', options)).flatMap((s) => leadEvents(s.doc));
    case 'campaigns': {
      const tz = await organizationTimeZone(client, organizationId);
      return (await readDocuments(client, 'campaigns', options)).flatMap((s) =>
        campaignEvents(s.doc, now, tz),
      );
    }
    case 'content': {
      const docs = (await readDocuments(client, 'content', options)).map((s) => s.doc);
      if (docs.length === 0) return [];
      const { rows } = await client.query<{ id: string; industry: string | null }>(
        'SELECT id, industry FROM customers WHERE organization_id = $1 AND NOT deleted',
        [organizationId],
      );
      return docs.flatMap((c) => articleEvents(c, rows, now));
    }
    case 'health': {
      const docs = (await readDocuments(client, 'health', options)).map((s) => s.doc);
      const name = await nameOf(docs.map((d) => d.customerId));
      return docs.flatMap((h) => healthEvents(h, name(h.customerId), now));
    }
    case 'signals': {
      const docs = (await readDocuments(client, 'signals', options)).map((s) => s.doc);
      const name = await nameOf(docs.map((d) => d.customerId));
      return docs.flatMap((s) => signalEvents(s, name(s.customerId), now));
    }
  }
}

/** The time-driven events of one organization at `now` (meeting in 1 h, invoice in 3 days, renewal, SLA). */
export async function detectScheduledEvents(
  client: DbClient,
  organizationId: string,
  now: Date,
): Promise<NotificationEvent[]> {
  const tz = await organizationTimeZone(client, organizationId);
  const inAnHour = new Date(now.getTime() + 60 * 60_000);
  const meetings = await readDocuments(client, 'meetings', {
    where: `organization_id = $1 AND NOT deleted AND status = 'scheduled' AND scheduled_at > $2 AND scheduled_at <= $3`,
    params: [organizationId, now, inAnHour],
  });
  const invoices = await readDocuments(client, 'invoices', {
    where: `organization_id = $1 AND NOT deleted AND status = 'pending' AND due_date = $2::date`,
    params: [organizationId, localDatePlus(now, tz, 3)],
  });
  const customers = await readDocuments(client, 'customers', {
    where: `organization_id = $1 AND NOT deleted AND EXISTS (SELECT 1 FROM contracts k
              WHERE k.organization_id = customers.organization_id AND k.customer_id = customers.id
                AND k.end_date = $2::date)`,
    params: [organizationId, localDatePlus(now, tz, 60)],
  });
  const tickets = await readDocuments(client, 'tickets', {
    where: `organization_id = $1 AND NOT deleted AND first_response_at IS NULL AND sla_deadline IS NOT NULL
              AND sla_deadline <= $2 AND status NOT IN ('resolved', 'closed')`,
    params: [organizationId, inAnHour],
  });
  const names = await customerNames(
    client,
    tickets.map((t) => t.doc.customerId),
  );
  return [
    ...meetings.flatMap((m) => meetingReminderEvents(m.doc, now)),
    ...invoices.flatMap((i) => invoiceDueEvents(i.doc, now, tz)),
    ...customers.flatMap((c) => renewalEvents(c.doc, now, tz)),
    ...tickets.flatMap((t) => slaEvents(t.doc, names.get(t.doc.customerId) ?? '', now)),
  ];
}
