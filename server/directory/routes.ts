import { Hono } from 'hono';
import { requireUser } from '../auth/require-user.ts';
import type { AuthedEnv } from '../http/context.ts';
import type { Database } from '../db/index.ts';

/**
 * `GET /api/directory` — the people a device shows by name but does not sync (users are server-only):
 * staff get their organization's admins and CSMs (the CSM column and filter of the customer list); a client
 * user gets only their account manager (their customer's CSM), never the rest of the agency's staff.
 * The device caches it as local documents so names show offline.
 */
export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: 'admin' | 'csm';
  readonly phone: string | null;
  readonly jobTitle: string | null;
}

export interface Directory {
  readonly staff: readonly StaffMember[];
  readonly accountManager: StaffMember | null;
}

export function directoryRoutes(db: Database): Hono<AuthedEnv> {
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.get('/', async (c) => {
    const user = c.get('user');
    const directory = await db.withIdentity(c.get('identity'), async (client): Promise<Directory> => {
      const { rows: staff } = await client.query<StaffMember>(
        `SELECT id, name, email, role, phone, job_title AS "jobTitle" FROM users
          WHERE organization_id = $1 AND role IN ('admin', 'csm') AND disabled_at IS NULL
          ORDER BY name`,
        [user.organizationId],
      );
      if (user.role !== 'client') return { staff, accountManager: null };
      const { rows } = await client.query<{ csm_id: string | null }>(
        'SELECT csm_id FROM customers WHERE organization_id = $1 AND id = $2',
        [user.organizationId, user.customerId],
      );
      const managerId = rows[0]?.csm_id ?? null;
      return { staff: [], accountManager: staff.find((s) => s.id === managerId) ?? null };
    });
    return c.json(directory);
  });
  return app;
}
