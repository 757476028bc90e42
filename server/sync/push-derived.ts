import type { CollectionName } from '../../shared/collections.ts';
import { deriveCustomerRevenue } from '../../shared/domain/revenue.ts';
import { DEFAULT_TIME_ZONE, isKnownTimeZone, localDateOf } from '../../shared/domain/portal/time.ts';
import type { Customer } from '../../shared/entities/customer.ts';
import type { PlainObject } from '../../sync/documents.ts';
import { decimalToCents, type DbClient } from '../db/index.ts';

/**
 * Server-owned values the store derives for a whole push batch (DESIGN §5 "Authority"), with a fixed number of
 * queries per batch whatever its size:
 * - customers: MRR/ARR from the contracts active *today in the organization's time zone* and lifetime value
 *   from approved payments — one query for every customer of the batch (and the zone);
 * - tickets: a human number for each new ticket, consecutive from one `arco_next_ticket_number` call (the
 *   organization's write lock is held, so nobody else numbers tickets until commit).
 * Runs under the caller's identity (RLS), like the rest of the push.
 */
export async function deriveBatchFields(
  client: DbClient,
  organizationId: string,
  collection: CollectionName,
  docs: readonly PlainObject[],
  now: Date,
): Promise<PlainObject[]> {
  if (docs.length === 0) return [];
  if (collection === 'customers') return withRevenue(client, organizationId, docs, now);
  if (collection === 'tickets') return withTicketNumbers(client, organizationId, docs);
  return [...docs];
}

/** A ticket the store must number (created without one). */
export const needsTicketNumber = (collection: CollectionName, doc: PlainObject): boolean =>
  collection === 'tickets' && doc.number === null;

export async function nextTicketNumber(client: DbClient, organizationId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>('SELECT arco_next_ticket_number($1) AS n', [
    organizationId,
  ]);
  const n = rows[0]?.n;
  if (typeof n !== 'number') throw new Error('arco_next_ticket_number returned no value');
  return n;
}

async function withTicketNumbers(
  client: DbClient,
  organizationId: string,
  docs: readonly PlainObject[],
): Promise<PlainObject[]> {
  if (!docs.some((d) => needsTicketNumber('tickets', d))) return [...docs];
  let next = await nextTicketNumber(client, organizationId);
  return docs.map((doc) => (needsTicketNumber('tickets', doc) ? { ...doc, number: next++ } : doc));
}

async function withRevenue(
  client: DbClient,
  organizationId: string,
  docs: readonly PlainObject[],
  now: Date,
): Promise<PlainObject[]> {
  const ids = docs.map((d) => String(d.id));
  // Sums stay `numeric` until decimalToCents: no float ever touches money.
  const { rows } = await client.query<{ time_zone: string; customer_id: string; collected: string }>(
    `SELECT o.time_zone, k.id::text AS customer_id,
            (SELECT coalesce(sum(p.amount), 0)::text
               FROM invoices i
               JOIN payments p ON p.organization_id = i.organization_id AND p.invoice_id = i.id
              WHERE i.organization_id = o.id AND i.customer_id = k.id AND NOT i.deleted
                AND p.status = 'approved') AS collected
       FROM organizations o CROSS JOIN unnest($2::uuid[]) AS k(id)
      WHERE o.id = $1`,
    [organizationId, ids],
  );
  if (rows.length !== ids.length) throw new Error('organization not visible while deriving revenue');
  const today = localDateOf(now.getTime(), usableTimeZone(rows[0]!.time_zone));
  const collected = new Map(rows.map((r) => [r.customer_id, decimalToCents(r.collected)]));
  return docs.map((doc) => ({
    ...doc,
    ...deriveCustomerRevenue(
      (doc as unknown as Customer).contracts,
      [{ status: 'approved', amountCents: collected.get(String(doc.id).toLowerCase()) ?? 0 }],
      today,
    ),
  }));
}

/**
 * organizations.time_zone is free text in the schema; an unknown zone must not block every customer push of
 * the organization, so it falls back to the product default (the zone the column defaults to).
 */
const usableTimeZone = (zone: string): string => (isKnownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE);
