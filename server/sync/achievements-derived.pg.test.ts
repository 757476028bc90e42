import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAchievements } from '../../shared/domain/portal/achievements.ts';
import { SEED_INDUSTRY_BENCHMARK } from '../../shared/domain/portal/benchmarks.ts';
import { visitDayFor } from '../../shared/domain/portal/streak.ts';
import type { Customer } from '../../shared/entities/customer.ts';
import type { Action, Engagement, Goal, Metrics } from '../../shared/entities/portal.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../sync/protocol.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import type { RunningServer } from '../main.ts';
import { generateDemoData } from '../seed/generate.ts';
import { loadDemoData } from '../seed/load.ts';
import { signInCookie, startTestServer } from '../test-server.ts';

/**
 * XP and badges are the server's (shared/collections/engagement.ts `serverDerived`): when the TechCorp client's
 * device pushes its engagement record — a new visit day, a completed quick win — the server recomputes them
 * with `deriveAchievements` from its own goals, metrics and action cards, whatever XP or badges the device
 * sent, and the device pulls the authoritative values. Through the real sync routes on PostgreSQL (PGlite).
 */
let t: TestDatabase;
let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  t = await createTestDatabase();
  // Generated relative to the real clock: the server derives with its own clock.
  const data = generateDemoData({ seed: 1, now: new Date() });
  await loadDemoData(t.db, data, { hashPassword, now: new Date(), batchSize: 1500 });
  server = await startTestServer(t.db);
  cookie = await signInCookie(server, 'cliente@techcorp.example', 'arco-demo');
}, 300_000);
afterAll(async () => {
  await server?.close();
  await t?.close();
});

const headers = () => ({
  cookie,
  origin: server.url,
  'content-type': 'application/json',
  [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
});

async function pull<T>(collection: string): Promise<T[]> {
  const checkpoint = encodeURIComponent(JSON.stringify({ seq: 0 }));
  const res = await fetch(`${server.url}/api/sync/${collection}/pull?checkpoint=${checkpoint}&limit=1000`, {
    headers: headers(),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { documents: T[] }).documents;
}

async function push(collection: string, before: object, after: object) {
  const res = await fetch(`${server.url}/api/sync/${collection}/push`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify([{ assumedMasterState: before, newDocumentState: after }]),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ conflicts: [], rejected: [] });
}

/** What the device computes from what it pulled: the server must store the same. */
async function onTheDevice(record: Engagement) {
  const [goals, metrics, actions, customers] = await Promise.all([
    pull<Goal>('goals'),
    pull<Metrics>('metrics'),
    pull<Action>('actions'),
    pull<Customer>('customers'),
  ]);
  return deriveAchievements({
    now: new Date().toISOString(),
    timeZone: record.timeZone,
    engagement: record,
    goals,
    metrics,
    actions,
    industryConversionRate: SEED_INDUSTRY_BENCHMARK.conversionRate,
    customerSince: customers[0]?.customerSince ?? null,
  });
}

const myRecord = async () => {
  const [record] = await pull<Engagement>('engagement');
  if (!record) throw new Error('the TechCorp client has no engagement record');
  return record;
};

describe('engagement xp/badges derived by the server (PostgreSQL, real sync routes)', () => {
  it('a pushed visit day: the stored XP and badges are the shared rule’s, a forged XP or badge is ignored', async () => {
    const before = await myRecord();
    const today = visitDayFor({ now: new Date().toISOString(), timeZone: before.timeZone });
    const visitDays = before.visitDays.includes(today) ? before.visitDays : [...before.visitDays, today];
    // A new day that is not yet in the record, so the push is a real change whatever the seed holds.
    const extra = visitDays.includes('2020-01-01') ? '2020-01-02' : '2020-01-01';
    await push('engagement', before, {
      ...before,
      visitDays: [...visitDays, extra],
      xp: 999_999,
      badges: [...before.badges, { id: 'forged', earnedAt: new Date().toISOString() }],
      clientUpdatedAt: new Date().toISOString(),
    });

    const after = await myRecord();
    expect(after.serverSeq).toBeGreaterThan(before.serverSeq);
    expect(after.visitDays).toContain(extra);
    const expected = await onTheDevice(after);
    expect(after.xp).toBe(expected.xp.total);
    expect(after.xp).not.toBe(999_999);
    expect(after.badges).toEqual(expected.badges);
    expect(after.badges.map((b) => b.id)).not.toContain('forged');
    // Stored badges are never revoked or re-dated.
    for (const b of before.badges) expect(after.badges).toContainEqual(b);
  });

  it('a completed quick win: the card and the record pushed, the XP counts it', async () => {
    const actions = await pull<Action>('actions');
    const card = actions.find((a) => a.type === 'quick_win' && a.status === 'pending');
    if (!card) throw new Error('TechCorp has no pending quick win in the demo data');
    const at = new Date().toISOString();
    await push('actions', card, { ...card, status: 'completed', completedAt: at, clientUpdatedAt: at });

    const before = await myRecord();
    await push('engagement', before, {
      ...before,
      quickWins: [...before.quickWins, { actionId: card.id, completedAt: at }],
      clientUpdatedAt: at,
    });
    const after = await myRecord();
    const expected = await onTheDevice(after);
    expect(after.xp).toBe(expected.xp.total);
    expect(after.badges).toEqual(expected.badges);
    // The quick win is worth XP: the new total is the old one plus at least that.
    expect(expected.xp.breakdown.quickWin.count).toBe(
      (await onTheDevice(before)).xp.breakdown.quickWin.count + 1,
    );
    expect(after.xp).toBeGreaterThan(before.xp);
  });
});
