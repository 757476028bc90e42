import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engagement } from '../../shared/entities/portal.ts';
import { writeDocument } from '../db/collections/mapper.ts';
import { nextServerFields } from '../db/ordering.ts';
import {
  createSignInUsers,
  createTestDatabase,
  createTestTenant,
  type TestDatabase,
  type TestTenant,
} from '../db/testing.ts';
import type { RunningServer } from '../main.ts';
import { signInCookie, startTestServer } from '../test-server.ts';

/**
 * `GET /api/portfolio/engagement` on PostgreSQL (PGlite) through the real server: the admin's figures come
 * from every client user's engagement row of their organization although RLS shows a user only their own
 * row, and nothing of another organization counts.
 */
let t: TestDatabase;
let tenant: TestTenant;
let other: TestTenant;
let server: RunningServer;
const PASSWORD = 'senha-de-teste-123';

/** Visit days relative to today in São Paulo (the organization's default zone). */
function daysAgo(n: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

async function addEngagement(of: TestTenant, userId: string, customerId: string, visitDays: string[]) {
  const now = new Date();
  const doc: Engagement = {
    id: uuidv7(),
    updatedAt: now.toISOString(),
    serverSeq: 0,
    clientUpdatedAt: now.toISOString(),
    userId,
    customerId,
    timeZone: 'America/Sao_Paulo',
    visitDays,
    reading: [],
    eventRegistrations: [],
    quickWins: [],
    xp: 0,
    badges: [],
  };
  await t.db.withIdentity(of.system, async (c) =>
    writeDocument(
      c,
      { organizationId: of.organizationId },
      'engagement',
      doc,
      await nextServerFields(c, of.organizationId, now),
    ),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { name: 'Arco Digital' });
  other = await createTestTenant(t.db, { name: 'Outra Agência' });
  await createSignInUsers(t.db, PASSWORD, [
    { organizationId: tenant.organizationId, email: 'admin@portfolio.example', name: 'Admin', role: 'admin' },
    { organizationId: tenant.organizationId, email: 'csm@portfolio.example', name: 'Maria', role: 'csm' },
  ]);
  // Two client users of the tenant: one visited on 3 of the last 30 days (and today), one on 1.
  await addEngagement(tenant, tenant.client.userId, tenant.customerId, [
    daysAgo(0),
    daysAgo(1),
    daysAgo(2),
    daysAgo(3),
  ]);
  await addEngagement(tenant, tenant.otherClient.userId, tenant.otherCustomerId, [daysAgo(10), daysAgo(45)]);
  // Another organization's very active user must not count.
  await addEngagement(
    other,
    other.client.userId,
    other.customerId,
    Array.from({ length: 30 }, (_, i) => daysAgo(i + 1)),
  );
  server = await startTestServer(t.db);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await t?.close();
});

async function engagementAs(email: string) {
  const cookie = await signInCookie(server, email, PASSWORD);
  const res = await fetch(`${server.url}/api/portfolio/engagement`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('GET /api/portfolio/engagement (PostgreSQL)', () => {
  it("counts every client user's visits of the admin's organization, and only those", async () => {
    const { status, body } = await engagementAs('admin@portfolio.example');
    expect(status).toBe(200);
    // 3 + 1 user-days over 30 days = 0,13 → 0,1 DAU; 2 MAU; 4 / 30 / 2 = 6,7 %.
    expect(body).toMatchObject({
      timeZone: 'America/Sao_Paulo',
      from: daysAgo(30),
      to: daysAgo(1),
      averageDailyActiveUsers: 0.1,
      monthlyActiveUsers: 2,
      dauMauPercent: 6.7,
    });
  });

  it('refuses a CSM', async () => {
    const { status, body } = await engagementAs('csm@portfolio.example');
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: 'forbidden' } });
  });
});
