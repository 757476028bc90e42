import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { fixture } from '../../sync/testing/fixtures.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { syncHarness, type SyncHarness } from './testing.ts';

/**
 * The alert lifecycle and tasks (migration 0110, docs/domain.md §6) through the PostgreSQL store and the sync
 * routes: columns and CHECKs, the signals' write rule stamping the first action with the device's clock, the
 * task rules, and a round trip to another staff member.
 */
let t: TestDatabase;
let a: TestTenant;
const now = new Date('2026-01-29T15:00:00.000Z');
let harness: SyncHarness;

beforeAll(async () => {
  t = await createTestDatabase();
  harness = syncHarness(t.db, () => now);
});
afterAll(() => t?.close());
beforeEach(async () => {
  await t.truncateAll();
  a = await createTestTenant(t.db, { now });
});

const row = (doc: Record<string, unknown>, assumed: Record<string, unknown> | null = null) => ({
  assumedMasterState: assumed,
  newDocumentState: { ...doc, _deleted: false },
});
const pulled = async (identity: TestTenant['admin'], collection: 'signals' | 'activities', id: string) =>
  (await harness.pull(identity, collection, 0)).body.documents.find((d) => d.id === id);

const alert = () => ({
  ...fixture('signals', uuidv7()),
  id: uuidv7(),
  customerId: a.customerId,
  subtype: 'critical',
  createdAt: '2026-01-26T10:00:00.000Z',
});
const task = (signalId: string, assignedTo: string) => ({
  ...fixture('activities', uuidv7()),
  id: uuidv7(),
  customerId: a.customerId,
  type: 'task',
  title: 'Ligação de emergência em 24 h',
  description: null,
  signalId,
  dueAt: '2026-01-30T15:00:00.000Z',
  completedAt: null,
  assignedTo,
});

describe('alert lifecycle and tasks through the PostgreSQL store', () => {
  it('an acknowledgement made offline is stamped with the device’s clock and reaches another staff member', async () => {
    const signal = alert();
    expect((await harness.push(a.admin, 'signals', [row(signal)])).body).toEqual({
      conflicts: [],
      rejected: [],
    });
    const master = (await pulled(a.csm, 'signals', signal.id))!;
    // The device sent only the status (an older screen): the write rule stamps the first action.
    const ack = { ...master, status: 'acknowledged', clientUpdatedAt: '2026-01-28T09:30:00.000-03:00' };
    expect((await harness.push(a.csm, 'signals', [row(ack, master)])).body.rejected).toEqual([]);
    expect(await pulled(a.admin, 'signals', signal.id)).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: '2026-01-28T12:30:00.000Z',
      startedAt: null,
      dismissReason: null,
    });
  });

  it('a CSM may not dismiss a critical alert; an admin may, with the reason stored', async () => {
    const signal = alert();
    await harness.push(a.admin, 'signals', [row(signal)]);
    const master = (await pulled(a.csm, 'signals', signal.id))!;
    const dismiss = (by: string) => ({
      ...master,
      status: 'dismissed',
      dismissReason: 'handled_elsewhere',
      resolutionNotes: 'Tratado pelo financeiro.',
      resolvedAt: now.toISOString(),
      resolvedBy: by,
      clientUpdatedAt: now.toISOString(),
    });
    const refused = await harness.push(a.csm, 'signals', [row(dismiss(a.csm.userId), master)]);
    expect(refused.body.rejected).toMatchObject([{ id: signal.id, code: 'field_not_writable' }]);
    expect(
      (await harness.push(a.admin, 'signals', [row(dismiss(a.admin.userId), master)])).body.rejected,
    ).toEqual([]);
    expect(await pulled(a.csm, 'signals', signal.id)).toMatchObject({
      status: 'dismissed',
      dismissReason: 'handled_elsewhere',
      acknowledgedAt: now.toISOString(),
      resolvedBy: a.admin.userId,
    });
  });

  it('a task for an alert round-trips with its fields; its assignee completes it', async () => {
    const signal = alert();
    const doc = task(signal.id, a.csm.userId);
    expect((await harness.push(a.csm, 'activities', [row(doc)])).body).toEqual({
      conflicts: [],
      rejected: [],
    });
    const master = (await pulled(a.admin, 'activities', doc.id))!;
    expect(master).toMatchObject({
      type: 'task',
      signalId: signal.id,
      dueAt: '2026-01-30T15:00:00.000Z',
      completedAt: null,
      assignedTo: a.csm.userId,
    });
    const done = { ...master, completedAt: now.toISOString(), clientUpdatedAt: now.toISOString() };
    expect((await harness.push(a.csm, 'activities', [row(done, master)])).body.rejected).toEqual([]);
    expect(await pulled(a.admin, 'activities', doc.id)).toMatchObject({ completedAt: now.toISOString() });
  });

  it('refuses task fields on another activity type, and a CSM completing someone else’s task', async () => {
    const call = { ...task(uuidv7(), a.csm.userId), type: 'call' };
    const res = await harness.push(a.csm, 'activities', [row(call)]);
    expect(res.body.rejected).toMatchObject([{ id: call.id, code: 'field_not_writable' }]);
    const adminTask = task(uuidv7(), a.admin.userId);
    await harness.push(a.admin, 'activities', [row(adminTask)]);
    const master = (await pulled(a.csm, 'activities', adminTask.id))!;
    const done = { ...master, completedAt: now.toISOString() };
    expect((await harness.push(a.csm, 'activities', [row(done, master)])).body.rejected).toMatchObject([
      { id: adminTask.id, code: 'field_not_writable' },
    ]);
  });

  it('the table refuses what the rules refuse: task fields off a task, a dismissal without a reason', async () => {
    await t.db.privileged(async (c) => {
      const [org, customer] = [a.organizationId, a.customerId];
      await expect(
        c.query(
          `INSERT INTO activities (organization_id, id, server_seq, created_at, updated_at, client_updated_at,
             customer_id, type, title, occurred_at, metadata, due_at)
           VALUES ($1, $2, 999001, now(), now(), now(), $3, 'call', 'x', now(), '{}', now())`,
          [org, uuidv7(), customer],
        ),
      ).rejects.toThrow(/activities_task_fields/);
    });
    await t.db.privileged(async (c) => {
      const [org, customer] = [a.organizationId, a.customerId];
      await expect(
        c.query(
          `INSERT INTO signals (organization_id, id, server_seq, created_at, updated_at, client_updated_at,
             customer_id, kind, status, title, description, source, risk_factors, suggested_actions)
           VALUES ($1, $2, 999002, now(), now(), now(), $3, 'risk_alert', 'dismissed', $4, $4, 'rule', '[]', '[]')`,
          // Title and description are domain-text codes (jsonb) since migration 0113.
          [org, uuidv7(), customer, JSON.stringify({ code: 'text', params: { text: 'x' } })],
        ),
      ).rejects.toThrow(/signals_dismissed_has_reason/);
    });
  });
});
