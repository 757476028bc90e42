import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFactory, DOCS_NOW, techCorpDocs } from '../../shared/domain/csm/test-docs.ts';
import { healthSchema, type Health } from '../../shared/entities/csm.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../sync/protocol.ts';
import { hashPassword } from '../auth/passwords.ts';
import { testConfig } from '../config.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { createLogger } from '../logger.ts';
import { startServer, type RunningServer } from '../main.ts';
import { storeCustomerDocs } from './testing.ts';

/**
 * Health that follows the data, end to end on the real server (startServer: sync routes, change feed, pg-boss
 * jobs) over PostgreSQL: a CSM pushes an activity over HTTP, and a pull of `health` then brings the customer's
 * recomputed document — without anyone asking for it.
 */
const PASSWORD = 'senha-de-teste-123';
let t: TestDatabase;
let tenant: TestTenant;
let server: RunningServer;
let cookie = '';
const techCorp = techCorpDocs(docFactory());
const started = Date.now();
// The documents are dated around DOCS_NOW: the server's clock starts there and runs.
const clock = () => new Date(DOCS_NOW.getTime() + (Date.now() - started));

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { now: DOCS_NOW });
  await storeCustomerDocs(t.db, tenant.organizationId, tenant.csm.userId!, techCorp, DOCS_NOW);
  const hash = await hashPassword(PASSWORD);
  const email = await t.db.privileged(async (c) => {
    const { rows } = await c.query<{ email: string }>(
      'UPDATE users SET password_hash = $1 WHERE id = $2 RETURNING email',
      [hash, tenant.csm.userId],
    );
    return rows[0]!.email;
  });
  server = await startServer({
    config: testConfig({ port: 0, host: '127.0.0.1', trustProxy: 0 }),
    logger: createLogger({ level: (process.env.LOG_LEVEL as 'silent') ?? 'silent' }),
    db: t.db,
    seed: false,
    staticRoot: null,
    clock,
    jobs: { pollingIntervalSeconds: 1 },
  });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await t?.close();
});

async function sync(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${server.url}/api/sync${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      cookie,
      origin: server.url,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

/** The CSM's pull of `health` after `seq`, until it brings a document for `customerId` (or 30 s pass). */
async function pullHealthUntil(customerId: string, seq: number): Promise<Health> {
  const end = Date.now() + 30_000;
  for (;;) {
    const cp = encodeURIComponent(JSON.stringify({ seq }));
    const { documents } = (await sync(`/health/pull?checkpoint=${cp}&limit=100`)) as { documents: unknown[] };
    const found = documents
      .map((d) => {
        const { _deleted, ...doc } = d as Record<string, unknown>;
        return healthSchema.parse(doc);
      })
      .find((h) => h.customerId === customerId);
    if (found) return found;
    if (Date.now() > end) throw new Error('no recomputed health document reached the pull in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const activityRow = (type: 'note' | 'nps_response', title: string, metadata: Record<string, number>) => {
  const now = clock().toISOString();
  return {
    assumedMasterState: null,
    newDocumentState: {
      id: crypto.randomUUID(),
      updatedAt: now,
      serverSeq: 0,
      clientUpdatedAt: now,
      customerId: techCorp.customer.id,
      type,
      title,
      description: null,
      performedBy: tenant.csm.userId,
      performedByName: 'Maria Santos',
      occurredAt: now,
      metadata,
      _deleted: false,
    },
  };
};

describe('health follows the data', () => {
  it('an activity pushed over HTTP leads to the recomputed health document in the next pulls', async () => {
    const push = async (row: ReturnType<typeof activityRow>) => {
      const answer = (await sync('/activities/push', [row])) as { conflicts: unknown[]; rejected: unknown[] };
      expect(answer).toMatchObject({ conflicts: [], rejected: [] });
    };

    // A note changes nothing the score reads, but the customer had no document yet: it gets one (91).
    await push(activityRow('note', 'Ligação de acompanhamento', {}));
    const first = await pullHealthUntil(techCorp.customer.id, 0);
    expect([first.score, first.status]).toEqual([91, 'healthy']);

    // A detractor's NPS answer lowers engagement: a new version reaches the pull after the first.
    await push(activityRow('nps_response', 'Pesquisa NPS', { npsScore: 2 }));
    const second = await pullHealthUntil(techCorp.customer.id, first.serverSeq);
    expect(second.serverSeq).toBeGreaterThan(first.serverSeq);
    expect(second.id).toBe(first.id);
    expect(second.breakdown.engagement.score!).toBeLessThan(first.breakdown.engagement.score!);
    expect(second.score).toBeLessThan(first.score);
  }, 90_000);
});
