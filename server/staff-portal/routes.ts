import { Hono } from 'hono';
import { z } from 'zod';
import { forbidden, notFound } from '../../shared/api-errors.ts';
import type { Lead } from '../../shared/entities/portal.ts';
import { systemIdentity, type UserIdentity } from '../../shared/identity.ts';
import type {
  StaffContentPerson,
  StaffContentResponse,
  StaffLeadsResponse,
} from '../../shared/staff-portal.ts';
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
 *
 * `GET /api/staff-portal/customers/:customerId/content` — the agency's content and, for each of the customer's
 * client users, their reading progress and event registrations (`/clientes/:id/conteudo`). Same rules; one
 * difference: row-level security lets a user read only their own engagement row, so after the customer was
 * found under the caller's identity (which is what authorizes the read), the customer's client users'
 * engagement is read with the `system` identity of the caller's own organization, filtered to that customer —
 * like `GET /api/portfolio/engagement`. Visit days, XP and badges do not leave the server.
 */
export interface StaffPortalSource {
  /** The customer's leads as the caller may read them; null when the caller cannot see the customer. */
  customerLeads(identity: UserIdentity, customerId: string): Promise<readonly Lead[] | null>;
  /** The agency's content and the customer's client users' progress; null when the caller cannot see it. */
  customerContent(
    identity: UserIdentity,
    customerId: string,
  ): Promise<Omit<StaffContentResponse, 'customerId'> | null>;
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
    customerContent: async (identity, customerId) => {
      const own = await db.withIdentity(identity, async (client) => {
        const { rows } = await client.query(
          'SELECT 1 FROM customers WHERE organization_id = $1 AND id = $2 AND NOT deleted',
          [identity.organizationId, customerId],
        );
        if (rows.length === 0) return null;
        const { rows: users } = await client.query<{ id: string; name: string }>(
          `SELECT id, name FROM users WHERE organization_id = $1 AND customer_id = $2 AND role = 'client'
             AND disabled_at IS NULL ORDER BY name, id`,
          [identity.organizationId, customerId],
        );
        const content = await readDocuments(client, 'content', {
          where: 'organization_id = $1 AND NOT deleted',
          params: [identity.organizationId],
        });
        return { users, content: content.map((c) => c.doc) };
      });
      if (own === null) return null;
      const engagement = await db.withIdentity(systemIdentity(identity.organizationId), (client) =>
        readDocuments(client, 'engagement', {
          where: 'organization_id = $1 AND customer_id = $2 AND NOT deleted',
          params: [identity.organizationId, customerId],
        }),
      );
      const byUser = new Map(engagement.map((e) => [e.doc.userId, e.doc]));
      const people: StaffContentPerson[] = own.users.map((u) => ({
        userId: u.id,
        name: u.name,
        reading: byUser.get(u.id)?.reading ?? [],
        eventRegistrations: byUser.get(u.id)?.eventRegistrations ?? [],
      }));
      return { content: own.content, people };
    },
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
  app.get('/customers/:customerId/content', async (c) => {
    const identity = c.get('identity');
    if (identity.role === 'client')
      throw forbidden("Only the agency's staff see a customer's content progress.");
    const id = customerIdSchema.safeParse(c.req.param('customerId'));
    const found = id.success ? await deps.source.customerContent(identity, id.data) : null;
    if (!id.success || found === null) throw notFound('Customer not found.');
    const body: StaffContentResponse = { customerId: id.data, ...found };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
  return app;
}
