import { Hono } from 'hono';
import { z } from 'zod';
import { forbidden, notFound } from '../../shared/api-errors.ts';
import type { Lead } from '../../shared/entities/portal.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import type { StaffLeadsResponse } from '../../shared/staff-portal.ts';
import { requireUser } from '../auth/require-user.ts';
import { readDocuments, type Database } from '../db/index.ts';
import type { AuthedEnv } from '../http/context.ts';

/**
 * `GET /api/staff-portal/customers/:customerId/leads` — one customer's leads (with their interactions) for the
 * staff view of the client's pipeline (`/clientes/:id/leads`). Staff devices do not sync `leads`: a staff device
 * already opens 12 collections, RxDB open-core's limit, and a client's prospects stay off every CSM's phone
 * (docs/architecture.md §4.2). So the staff screens read them here, online, and say so offline.
 *
 * Invariants:
 * - staff only (admin or CSM; a client user gets 403 — their own leads sync to their device), 401 signed out;
 * - read-only: staff's access to `leads` is `none` on devices and `read` in row-level security, so nothing here
 *   writes, and the screens say staff cannot edit;
 * - read under the caller's own identity: RLS limits the rows to the caller's organization, and the customer is
 *   looked up first, so another organization's customer (or an unknown or deleted one) is 404 — the same answer
 *   either way, never revealing that another tenant's row exists;
 * - only that customer's rows (`customer_id = $1`), soft-deleted ones left out.
 */
export interface StaffPortalSource {
  /** The customer's leads as the caller may read them; null when the caller cannot see the customer. */
  customerLeads(identity: UserIdentity, customerId: string): Promise<readonly Lead[] | null>;
}

export function pgStaffPortalSource(db: Database): StaffPortalSource {
  return {
    customerLeads: (identity, customerId) =>
      db.withIdentity(identity, async (client) => {
        const { rows } = await client.query(
          'SELECT 1 FROM customers WHERE organization_id = $1 AND id = $2 AND NOT deleted',
          [identity.organizationId, customerId],
        );
        if (rows.length === 0) return null;
        const stored = await readDocuments(client, 'leads', {
          where: 'organization_id = $1 AND customer_id = $2 AND NOT deleted',
          params: [identity.organizationId, customerId],
        });
        return stored.map((s) => s.doc);
      }),
  };
}

const customerIdSchema = z.uuid();

export function staffPortalRoutes(deps: { source: StaffPortalSource }): Hono<AuthedEnv> {
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.get('/customers/:customerId/leads', async (c) => {
    const identity = c.get('identity');
    if (identity.role === 'client') throw forbidden("Only the agency's staff see a customer's leads here.");
    const id = customerIdSchema.safeParse(c.req.param('customerId'));
    // A malformed id cannot name a customer: the same 404 as an unknown one.
    const leads = id.success ? await deps.source.customerLeads(identity, id.data) : null;
    if (!id.success || leads === null) throw notFound('Customer not found.');
    const body: StaffLeadsResponse = { customerId: id.data, leads: [...leads] };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
  return app;
}
