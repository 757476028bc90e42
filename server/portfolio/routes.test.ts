import { beforeAll, describe, expect, it } from 'vitest';
import type { LoginRecord } from '../auth/store.ts';
import { CookieJar, login, makeTestApp, ORG_ID, OTHER_ORG_ID, testLogins } from '../http/testing.ts';
import { portfolioRoutes, type EngagementSource } from './routes.ts';

let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

// 2026-03-02 12:00 UTC = 09:00 in São Paulo: the window is 2026-01-31 … 2026-03-01.
const NOW = new Date('2026-03-02T12:00:00.000Z');
const days = (n: number, from = '2026-03-01') => {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (let i = 0; i < n; i += 1) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() - 1);
  }
  return out;
};

/** docs/domain.md §8's example: users active 30, 2 and 2 days of the last 30 → 1,1 DAU for 3 MAU, 37,8 %. */
const source = (reads: string[]): EngagementSource => ({
  read: async (organizationId) => {
    reads.push(organizationId);
    return organizationId === ORG_ID
      ? {
          timeZone: 'America/Sao_Paulo',
          engagement: [
            { userId: 'u1', visitDays: [...days(30), '2026-03-02'] }, // today is not counted
            { userId: 'u2', visitDays: ['2026-02-10', '2026-02-11', '2025-12-01'] },
            { userId: 'u3', visitDays: ['2026-01-31', '2026-02-20'] },
            { userId: 'u4', visitDays: ['2026-01-30'] }, // before the window
          ],
        }
      : { timeZone: 'America/Sao_Paulo', engagement: [] };
  },
});

async function as(email: string | null) {
  const reads: string[] = [];
  const { app } = makeTestApp(logins, {
    apiRoutes: { portfolio: portfolioRoutes({ source: source(reads), clock: { now: () => NOW } }) },
  });
  const jar = new CookieJar();
  if (email) await login(app, email, undefined, { jar });
  const res = await app.request('/api/portfolio/engagement', { headers: { cookie: jar.header() } });
  return { res, reads };
}

describe('GET /api/portfolio/engagement', () => {
  it("gives an admin the portal's DAU/MAU over the last 30 complete days, by the shared rule", async () => {
    const { res, reads } = await as('admin@arco.example');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      computedAt: NOW.toISOString(),
      timeZone: 'America/Sao_Paulo',
      from: '2026-01-31',
      to: '2026-03-01',
      averageDailyActiveUsers: 1.1,
      monthlyActiveUsers: 3,
      dauMauPercent: 37.8,
    });
    expect(reads).toEqual([ORG_ID]);
  });

  it("reads only the admin's own organization; nobody visiting is no data, not 0 %", async () => {
    const { res, reads } = await as('admin@outra.example');
    expect(await res.json()).toMatchObject({ monthlyActiveUsers: 0, dauMauPercent: null });
    expect(reads).toEqual([OTHER_ORG_ID]);
  });

  it.each([
    ['a CSM', 'maria@arco.example', 403, 'forbidden'],
    ['a client user', 'cliente@techcorp.example', 403, 'forbidden'],
    ['nobody signed in', null, 401, 'unauthorized'],
  ])('refuses %s (%i) without reading anything', async (_, email, status, code) => {
    const { res, reads } = await as(email);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
    expect(reads).toEqual([]);
  });
});
