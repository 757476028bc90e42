import type { CollectionName } from '../../shared/collections/index.ts';
import type { Invoice } from '../../shared/entities/billing.ts';
import type { Activity, Signal } from '../../shared/entities/csm.ts';
import type { Metrics } from '../../shared/entities/portal.ts';
import type { Meeting, Ticket } from '../../shared/entities/support.ts';
import { USAGE_WINDOW_DAYS, type CustomerDocs } from '../../shared/domain/csm/customer-inputs.ts';
import { addDays } from '../../shared/domain/csm/dates.ts';
import type { Change } from '../../sync/server/store.ts';
import { readDocuments, type DbClient } from '../db/index.ts';

/**
 * The documents a customer's assessment reads (shared/domain/csm/customer-inputs.ts, docs/domain.md §7), read for
 * a batch of customers in a fixed number of queries, and the link from a committed change back to the
 * customers whose inputs it touched.
 *
 * Invariants:
 * - the same documents a staff device syncs, so the server's score and the device's provisional one agree;
 * - contacts and contracts are embedded in the customer document and payments in the invoice, so a change to
 *   any of them is a change to a parent listed here;
 * - `health` is not an input: the recompute's own writes never start another recompute.
 */

/** Collections whose documents feed `assessCustomerAt` (each names its customer in `customerId`, or is one). */
export const HEALTH_INPUT_COLLECTIONS = [
  'customers',
  'activities',
  'tickets',
  'invoices',
  'metrics',
  'meetings',
  'signals',
] as const satisfies readonly CollectionName[];
export type HealthInputCollection = (typeof HEALTH_INPUT_COLLECTIONS)[number];

const INPUT_SET: ReadonlySet<CollectionName> = new Set(HEALTH_INPUT_COLLECTIONS);

export const isHealthInput = (collection: CollectionName): collection is HealthInputCollection =>
  INPUT_SET.has(collection);

/** The customers whose assessment a committed change may move (none for a collection that is not an input). */
export function customersTouchedBy(change: Change): string[] {
  if (!isHealthInput(change.collection)) return [];
  const ids = new Set<string>();
  for (const doc of change.documents) {
    const id = change.collection === 'customers' ? doc.id : doc.customerId;
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

/**
 * The latest server_seq among the organization's input documents. The organization's writers hold its lock
 * from before taking a server_seq until they commit, so the committed numbers are always a prefix: every input
 * document committed later than this read has a higher number (`customersChangedSince` finds them).
 */
export async function inputWatermark(client: DbClient, organizationId: string): Promise<number> {
  const parts = HEALTH_INPUT_COLLECTIONS.map(
    (table) => `(SELECT max(server_seq) FROM ${table} WHERE organization_id = $1)`,
  );
  const { rows } = await client.query<{ seq: string | number | null }>(
    `SELECT GREATEST(${parts.join(', ')}) AS seq`,
    [organizationId],
  );
  return Number(rows[0]?.seq ?? 0);
}

/** Those of `customerIds` with an input document written after `watermark` (one indexed query). */
export async function customersChangedSince(
  client: DbClient,
  organizationId: string,
  customerIds: readonly string[],
  watermark: number,
): Promise<Set<string>> {
  const { rows } = await client.query<{ id: string }>(changedSinceSql('$1', '$2', '$3'), [
    organizationId,
    customerIds,
    watermark,
  ]);
  return new Set(rows.map((r) => r.id));
}

/**
 * `customersChangedSince`'s query (one column of customer ids) over the given placeholders: organization (uuid),
 * customer ids (uuid[]) and watermark, so a larger statement can embed it (recompute.ts checks under the lock).
 */
export function changedSinceSql(organization: string, customerIds: string, watermark: string): string {
  return HEALTH_INPUT_COLLECTIONS.map((table) =>
    table === 'customers'
      ? `SELECT id FROM customers WHERE organization_id = ${organization} AND id = ANY(${customerIds}::uuid[])
          AND server_seq > ${watermark}`
      : `SELECT customer_id FROM ${table}
          WHERE organization_id = ${organization} AND customer_id = ANY(${customerIds}::uuid[])
            AND server_seq > ${watermark}`,
  ).join(' UNION ');
}

/**
 * The customers with an input document written in the organization's server_seq range (`after`, `through`], in
 * id order (one indexed range scan per input table: `(organization_id, server_seq)` is unique in each).
 */
export async function customersChangedBetween(
  client: DbClient,
  organizationId: string,
  after: number,
  through: number,
): Promise<string[]> {
  const parts = HEALTH_INPUT_COLLECTIONS.map(
    (table) =>
      `SELECT ${table === 'customers' ? 'id' : 'customer_id'} AS id FROM ${table}
        WHERE organization_id = $1 AND server_seq > $2 AND server_seq <= $3`,
  );
  const { rows } = await client.query<{ id: string }>(`${parts.join(' UNION ')} ORDER BY 1`, [
    organizationId,
    after,
    through,
  ]);
  return rows.map((r) => r.id);
}

/** One customer's documents as read here: every optional input known (meetings and signals are synced). */
export interface BatchCustomerDocs extends CustomerDocs {
  metrics: Metrics[];
  activities: Activity[];
  tickets: Ticket[];
  invoices: Invoice[];
  meetings: Meeting[];
  signals: Signal[];
}

/**
 * The live input documents of `customerIds`, one query per collection (plus one per embedded child table),
 * grouped per customer. Customers that do not exist or are deleted are absent from the map. Metrics older than
 * the usage windows are not read: `usageWindows` ignores them, so the result is the same.
 */
export async function readCustomerDocs(
  client: DbClient,
  organizationId: string,
  customerIds: readonly string[],
  today: string,
): Promise<Map<string, BatchCustomerDocs>> {
  const out = new Map<string, BatchCustomerDocs>();
  if (customerIds.length === 0) return out;
  const params = [organizationId, customerIds];
  const ofCustomers = 'organization_id = $1 AND customer_id = ANY($2::uuid[]) AND NOT deleted';

  const customers = await readDocuments(client, 'customers', {
    where: 'organization_id = $1 AND id = ANY($2::uuid[]) AND NOT deleted',
    params,
  });
  for (const { doc } of customers) {
    out.set(doc.id, {
      customer: doc,
      metrics: [],
      activities: [],
      tickets: [],
      invoices: [],
      meetings: [],
      signals: [],
    });
  }
  if (out.size === 0) return out;
  const firstMonth = addDays(today, -(2 * USAGE_WINDOW_DAYS - 1)).slice(0, 7);
  const [metrics, activities, tickets, invoices, meetings, signals] = [
    await readDocuments(client, 'metrics', {
      where: `${ofCustomers} AND month >= $3`,
      params: [...params, firstMonth],
    }),
    await readDocuments(client, 'activities', { where: ofCustomers, params }),
    await readDocuments(client, 'tickets', { where: ofCustomers, params }),
    await readDocuments(client, 'invoices', { where: ofCustomers, params }),
    await readDocuments(client, 'meetings', { where: ofCustomers, params }),
    await readDocuments(client, 'signals', { where: ofCustomers, params }),
  ];
  for (const { doc } of metrics) out.get(doc.customerId)?.metrics.push(doc);
  for (const { doc } of activities) out.get(doc.customerId)?.activities.push(doc);
  for (const { doc } of tickets) out.get(doc.customerId)?.tickets.push(doc);
  for (const { doc } of invoices) out.get(doc.customerId)?.invoices.push(doc);
  for (const { doc } of meetings) out.get(doc.customerId)?.meetings.push(doc);
  for (const { doc } of signals) out.get(doc.customerId)?.signals.push(doc);
  return out;
}

/** The organization's time zone (its calendar: "today", nightly hours). */
export async function organizationTimeZone(client: DbClient, organizationId: string): Promise<string> {
  const { rows } = await client.query<{ timeZone: string }>(
    'SELECT time_zone AS "timeZone" FROM organizations WHERE id = $1',
    [organizationId],
  );
  if (!rows[0]) throw new Error(`organization ${organizationId} not found`);
  return rows[0].timeZone;
}
