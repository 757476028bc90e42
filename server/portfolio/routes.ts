import { Hono } from 'hono';
import { forbidden } from '../../shared/api-errors.ts';
import { portfolioKpis } from '../../shared/domain/csm/portfolio-kpis.ts';
import { systemIdentity } from '../../shared/identity.ts';
import { requireUser } from '../auth/require-user.ts';
import type { Database } from '../db/index.ts';
import { systemClock, type AuthedEnv, type Clock } from '../http/context.ts';

/**
 * `GET /api/portfolio/engagement` — the client portal's DAU/MAU for the admin dashboard (docs/domain.md §8,
 * "portal DAU/MAU"). Staff devices do not sync `engagement` (each document is its client user's own), so the
 * device cannot compute it; the server runs the same shared rule (`portfolioKpis`) over the organization's
 * visit days, in the organization's time zone, and answers with the figures only — never a user or a visit.
 *
 * Invariants:
 * - admins only (403 for anyone else, 401 signed out): the figure is the agency's, like the rest of the dashboard;
 * - the rows are read with the `system` identity of the admin's own organization: row-level security lets a
 *   user read only their own engagement row, and this aggregate needs every client user's — the admin check
 *   above is what authorizes it, and only counts leave the server;
 * - `computedAt` is the server clock's instant the figures are for (the device shows "atualizado às …").
 */
export interface PortalEngagement {
  readonly computedAt: string;
  readonly timeZone: string;
  /** First and last calendar day of the window (today excluded: it is still under way). */
  readonly from: string;
  readonly to: string;
  readonly averageDailyActiveUsers: number;
  readonly monthlyActiveUsers: number;
  /** null when nobody visited in the window (no data, not 0 %). */
  readonly dauMauPercent: number | null;
}

/** What the route reads; the PostgreSQL implementation is `pgEngagementSource`. */
export interface EngagementSource {
  read(organizationId: string): Promise<{
    timeZone: string;
    engagement: { userId: string; visitDays: string[] }[];
  }>;
}

export function pgEngagementSource(db: Database): EngagementSource {
  return {
    read: (organizationId) =>
      db.withIdentity(systemIdentity(organizationId), async (client) => {
        const { rows: orgs } = await client.query<{ time_zone: string }>(
          'SELECT time_zone FROM organizations WHERE id = $1',
          [organizationId],
        );
        const { rows } = await client.query<{ user_id: string; visit_days: string[] }>(
          'SELECT user_id, visit_days FROM engagement WHERE organization_id = $1 AND NOT deleted',
          [organizationId],
        );
        return {
          timeZone: orgs[0]?.time_zone ?? 'America/Sao_Paulo',
          engagement: rows.map((r) => ({ userId: r.user_id, visitDays: r.visit_days })),
        };
      }),
  };
}

export function portfolioRoutes(deps: { source: EngagementSource; clock?: Clock }): Hono<AuthedEnv> {
  const clock = deps.clock ?? systemClock;
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.get('/engagement', async (c) => {
    const user = c.get('user');
    if (user.role !== 'admin') throw forbidden('Only an admin sees the agency dashboard.');
    const { timeZone, engagement } = await deps.source.read(user.organizationId);
    const now = clock.now();
    const { portal } = portfolioKpis({ customers: [], health: [], engagement }, now, timeZone);
    const body: PortalEngagement = {
      computedAt: now.toISOString(),
      timeZone,
      from: portal.from,
      to: portal.to,
      averageDailyActiveUsers: portal.averageDailyActiveUsers,
      monthlyActiveUsers: portal.monthlyActiveUsers,
      dauMauPercent: portal.dauMauPercent,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
  return app;
}
