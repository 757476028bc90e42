import {
  definitionOf,
  type CollectionName,
  type ServerInputName,
  type ServerInputs,
} from '../../shared/collections/index.ts';
import { DEFAULT_TIME_ZONE, isKnownTimeZone, localDateOf } from '../../shared/domain/portal/time.ts';
import type { PlainObject } from '../../sync/documents.ts';
import { rowsNeeding, withServerDerivation } from '../../sync/push/server-fields.ts';
import { readDocuments } from '../db/collections/mapper.ts';
import { decimalToCents, type DbClient } from '../db/index.ts';

/**
 * The server's side of the definitions' `serverDerived` rules (shared/collections/<name>.ts): the IO that loads
 * each `ServerInputs` entry for a whole push batch, with a fixed number of queries per batch whatever its size.
 * The rules themselves are shared and pure; this wraps them with the server's clock, settings and tables.
 * - `ticketNumber`: consecutive numbers from one `arco_next_ticket_number` call (the organization's write lock
 *   is held, so nobody else numbers tickets until commit);
 * - `customerRevenue`: approved payments of each customer of the batch and today in the organization's time
 *   zone, in one query.
 * - `achievements`: each engagement row's customer's live goals, metrics and action cards and its start date
 *   (four queries per batch, whatever its size), and the server's clock.
 * Runs under the caller's identity (RLS), like the rest of the push.
 */
type Loader<K extends ServerInputName> = (
  client: DbClient,
  organizationId: string,
  docs: readonly PlainObject[],
  now: Date,
) => Promise<ServerInputs[K][]>;

const LOADERS: { readonly [K in ServerInputName]: Loader<K> } = {
  ticketNumber: async (client, organizationId, docs) => {
    let next = await nextTicketNumber(client, organizationId);
    return docs.map(() => next++);
  },
  customerRevenue: loadCustomerRevenue,
  achievements: loadAchievementInputs,
};

export async function deriveBatchFields(
  client: DbClient,
  organizationId: string,
  collection: CollectionName,
  docs: readonly PlainObject[],
  now: Date,
): Promise<PlainObject[]> {
  let out = [...docs];
  for (const derivation of definitionOf(collection).serverDerived) {
    const rows = rowsNeeding(derivation, out);
    if (rows.length === 0) continue;
    const picked = rows.map((i) => out[i]!);
    switch (derivation.input) {
      case 'ticketNumber':
        out = withServerDerivation(
          derivation,
          out,
          rows,
          await LOADERS.ticketNumber(client, organizationId, picked, now),
        );
        break;
      case 'customerRevenue':
        out = withServerDerivation(
          derivation,
          out,
          rows,
          await LOADERS.customerRevenue(client, organizationId, picked, now),
        );
        break;
      case 'achievements':
        out = withServerDerivation(
          derivation,
          out,
          rows,
          await LOADERS.achievements(client, organizationId, picked, now),
        );
        break;
    }
  }
  return out;
}

export async function nextTicketNumber(client: DbClient, organizationId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>('SELECT arco_next_ticket_number($1) AS n', [
    organizationId,
  ]);
  const n = rows[0]?.n;
  if (typeof n !== 'number') throw new Error('arco_next_ticket_number returned no value');
  return n;
}

async function loadCustomerRevenue(
  client: DbClient,
  organizationId: string,
  docs: readonly PlainObject[],
  now: Date,
): Promise<ServerInputs['customerRevenue'][]> {
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
  return ids.map((id) => ({ collectedCents: collected.get(id.toLowerCase()) ?? 0, today }));
}

async function loadAchievementInputs(
  client: DbClient,
  organizationId: string,
  docs: readonly PlainObject[],
  now: Date,
): Promise<ServerInputs['achievements'][]> {
  const ids = [...new Set(docs.map((d) => String(d.customerId).toLowerCase()))];
  const where = {
    where: 'organization_id = $1 AND customer_id = ANY($2::uuid[]) AND NOT deleted',
    params: [organizationId, ids],
  };
  // One connection: the queries run one after the other.
  const goals = await readDocuments(client, 'goals', where);
  const metrics = await readDocuments(client, 'metrics', where);
  const actions = await readDocuments(client, 'actions', where);
  const customers = await client.query<{ id: string; since: string }>(
    `SELECT id::text AS id, to_char(customer_since, 'YYYY-MM-DD') AS since
       FROM customers WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND NOT deleted`,
    [organizationId, ids],
  );
  const of = <T extends { customerId: string }>(list: readonly { doc: T }[], id: string) =>
    list.filter((s) => s.doc.customerId.toLowerCase() === id).map((s) => s.doc);
  const since = new Map(customers.rows.map((r) => [r.id, r.since]));
  return docs.map((d) => {
    const id = String(d.customerId).toLowerCase();
    return {
      now: now.toISOString(),
      goals: of(goals, id),
      metrics: of(metrics, id),
      actions: of(actions, id),
      customerSince: since.get(id) ?? null,
    };
  });
}

/**
 * organizations.time_zone is free text in the schema; an unknown zone must not block every customer push of
 * the organization, so it falls back to the product default (the zone the column defaults to).
 */
const usableTimeZone = (zone: string): string => (isKnownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE);
