import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_DEFS, type CollectionName, type DocOf } from '../../shared/collections/index.ts';
import type { NotificationType } from '../../shared/entities/support.ts';
import { localDatePlus } from '../../shared/domain/notifications/events.ts';
import type { PushMessage } from '../../shared/domain/notifications/push-message.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { PgAccountStore } from '../auth/account-pg-store.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import { testConfig } from '../config.ts';
import { readDocuments } from '../db/index.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { runJob, type JobContext } from '../jobs/define.ts';
import { notifyChangesJob } from '../jobs/notify-changes.ts';
import { notifyScanJob } from '../jobs/notify-scan.ts';
import { createLogger } from '../logger.ts';
import type { PushSender } from '../push/sender.ts';
import { createServerWriter, type ServerWriter } from '../sync/server-writes.ts';
import { writePreferences } from './preferences-store.ts';
import type { TriggerCollection } from './triggers.ts';

/**
 * Every trigger, through its job, with the clock injected (docs/api.md "Notifications"): it fires once for its
 * event (a second run of the same job sends nothing), never for a muted type, and holds its push back in quiet
 * hours while the inbox item still arrives. Each case runs in a fresh organization.
 */

const NOW = new Date('2026-11-20T15:00:00.000Z'); // 12:00 in São Paulo
const TZ = 'America/Sao_Paulo';
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000).toISOString();

let t: TestDatabase;
let writer: ServerWriter;
const pushes: { userId: string; message: PushMessage }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  writer = createServerWriter({ db: t.db, feed: createMemoryChangeFeed(() => undefined), clock: () => NOW });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Records pushes by the subscription's endpoint (one per user, see `subscribe`). */
const fakePush: PushSender = {
  async send(target, message) {
    pushes.push({ userId: target.endpoint.split('/').at(-1)!, message });
    return { result: 'sent', attempts: 1 };
  },
};

function context(): JobContext {
  return {
    db: t.db,
    auth: new PgAuthStore(t.db),
    accounts: new PgAccountStore(t.db),
    clock: () => NOW,
    logger: createLogger({ level: 'silent' }),
    config: testConfig(),
    writer,
    push: fakePush,
    mailer: null,
    jobId: 'test',
    jobs: { send: async () => 'unused', sendDeduplicated: async () => null },
  };
}

/** A live session and a push subscription for the user (the endpoint ends with the user id). */
async function subscribe(tenant: TestTenant, userId: string) {
  await t.db.privileged(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `INSERT INTO sessions (organization_id, user_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [tenant.organizationId, userId, `hash-${uuidv7()}`, new Date(NOW.getTime() + 86_400_000)],
    );
    await c.query(
      `INSERT INTO push_subscriptions (organization_id, user_id, session_id, endpoint, p256dh, auth)
       VALUES ($1, $2, $3, $4, 'k', 'a')`,
      [tenant.organizationId, userId, rows[0]!.id, `https://fcm.googleapis.com/fcm/send/${userId}`],
    );
  });
}

function doc<N extends CollectionName>(
  collection: N,
  tenant: TestTenant,
  overrides: Partial<DocOf<N>>,
): DocOf<N> {
  const base = COLLECTION_DEFS[collection].schema.parse(
    fixture(collection, uuidv7(), { customerId: tenant.customerId, userId: tenant.client.userId }),
  ) as DocOf<N>;
  return { ...base, ...overrides };
}

interface Case {
  readonly type: NotificationType;
  readonly recipient: 'client' | 'csm';
  /** Writes what makes the trigger fire; returns the change to detect, or 'scan' for a time-driven trigger. */
  setup(tenant: TestTenant): Promise<{ collection: TriggerCollection; ids: string[] } | 'scan'>;
}

async function write<N extends CollectionName>(tenant: TestTenant, collection: N, docs: DocOf<N>[]) {
  await writer.transaction(tenant.organizationId, (tx) => tx.write(collection, docs));
  return { collection: collection as TriggerCollection, ids: docs.map((d) => d.id) };
}

const day = (offset: number) => localDatePlus(NOW, TZ, offset);
const campaignDays = (conversions: number[]) =>
  conversions.map((c, i) => ({
    date: day(i - conversions.length + 1),
    impressions: 1000,
    clicks: 100,
    spendCents: 10_000,
    conversions: c,
    revenueCents: c * 10_000,
  }));

const CASES: readonly Case[] = [
  {
    type: 'ticket_answered',
    recipient: 'client',
    setup: (tenant) => {
      const ticket = doc('tickets', tenant, { createdAt: minutes(-3000) });
      return write(tenant, 'tickets', [
        {
          ...ticket,
          messages: [
            { ...ticket.messages[0]!, createdAt: minutes(-3000) },
            {
              id: uuidv7(),
              senderType: 'support',
              senderId: tenant.csm.userId,
              senderName: 'Maria Santos',
              body: 'Resolvido.',
              createdAt: minutes(-1),
            },
          ],
        },
      ]);
    },
  },
  {
    type: 'ticket_created',
    recipient: 'csm',
    setup: (tenant) => write(tenant, 'tickets', [doc('tickets', tenant, { createdAt: minutes(-1) })]),
  },
  {
    type: 'chat_reply',
    recipient: 'client',
    setup: (tenant) => {
      const chat = doc('tickets', tenant, { channel: 'chat', slaDeadline: null, createdAt: minutes(-30) });
      return write(tenant, 'tickets', [
        {
          ...chat,
          messages: [
            { ...chat.messages[0]!, createdAt: minutes(-30) },
            {
              id: uuidv7(),
              senderType: 'support',
              senderId: tenant.csm.userId,
              senderName: 'Maria Santos',
              body: 'Oi! Já vejo isso.',
              createdAt: minutes(-1),
            },
          ],
        },
      ]);
    },
  },
  {
    type: 'chat_message',
    recipient: 'csm',
    setup: (tenant) =>
      write(tenant, 'tickets', [
        doc('tickets', tenant, { channel: 'chat', slaDeadline: null, createdAt: minutes(-1) }),
      ]),
  },
  {
    type: 'meeting_request',
    recipient: 'csm',
    setup: (tenant) =>
      write(tenant, 'meetings', [
        doc('meetings', tenant, {
          accountManagerId: tenant.csm.userId,
          clientRequest: {
            type: 'reschedule',
            proposedAt: minutes(3000),
            reason: null,
            requestedAt: minutes(-2),
            requestedBy: tenant.client.userId,
          },
        }),
      ]),
  },
  {
    type: 'goal_reached',
    recipient: 'client',
    setup: (tenant) =>
      write(tenant, 'goals', [doc('goals', tenant, { currentValue: 200, targetValue: 200 })]),
  },
  {
    type: 'qualified_lead',
    recipient: 'client',
    setup: (tenant) => write(tenant, 'leads', [doc('leads', tenant, { stage: 'qualified' })]),
  },
  {
    type: 'conversion',
    recipient: 'client',
    setup: (tenant) =>
      write(tenant, 'campaigns', [doc('campaigns', tenant, { daily: campaignDays([10, 11, 9, 10, 12]) })]),
  },
  {
    type: 'campaign_anomaly',
    recipient: 'client',
    // 10, 11, 9, 10 on average = 10; 7 today is 30 % below (> 20 %).
    setup: (tenant) =>
      write(tenant, 'campaigns', [doc('campaigns', tenant, { daily: campaignDays([10, 11, 9, 10, 7]) })]),
  },
  {
    type: 'new_article',
    recipient: 'client',
    setup: (tenant) =>
      write(tenant, 'content', [doc('content', tenant, { publishedAt: minutes(-30), industry: null })]),
  },
  {
    type: 'customer_critical',
    recipient: 'csm',
    setup: (tenant) =>
      write(tenant, 'health', [
        doc('health', tenant, { status: 'critical', score: 32, atRiskSince: day(-3) }),
      ]),
  },
  {
    type: 'risk_alert',
    recipient: 'csm',
    setup: (tenant) => write(tenant, 'signals', [doc('signals', tenant, { createdAt: minutes(-5) })]),
  },
  {
    type: 'meeting_reminder',
    recipient: 'client',
    setup: async (tenant) => {
      await write(tenant, 'meetings', [
        doc('meetings', tenant, { accountManagerId: tenant.csm.userId, scheduledAt: minutes(45) }),
      ]);
      return 'scan';
    },
  },
  {
    type: 'invoice_due',
    recipient: 'client',
    setup: async (tenant) => {
      await write(tenant, 'invoices', [doc('invoices', tenant, { dueDate: day(3), status: 'pending' })]);
      return 'scan';
    },
  },
  {
    type: 'renewal_due',
    recipient: 'csm',
    setup: async (tenant) => {
      const [stored] = await t.db.withIdentity(tenant.system, (c) =>
        readDocuments(c, 'customers', { where: 'id = $1', params: [tenant.customerId] }),
      );
      await write(tenant, 'customers', [
        {
          ...stored!.doc,
          contracts: [
            {
              id: uuidv7(),
              name: 'Plano Growth',
              contractNumber: 'CT-2026-001',
              status: 'active',
              monthlyValueCents: 500_000,
              totalValueCents: 6_000_000,
              currency: 'BRL',
              startDate: day(-305),
              endDate: day(60),
              billingCycle: 'monthly',
              renewalType: 'manual',
              renewalNotificationDays: 60,
              items: [],
              documentUrl: null,
              signedAt: null,
              signedBy: null,
              previousContractId: null,
            },
          ],
        },
      ]);
      return 'scan';
    },
  },
  {
    type: 'sla_breach',
    recipient: 'csm',
    setup: async (tenant) => {
      await write(tenant, 'tickets', [
        doc('tickets', tenant, { createdAt: minutes(-3000), slaDeadline: minutes(-5) }),
      ]);
      return 'scan';
    },
  },
];

async function fire(tenant: TestTenant, trigger: { collection: TriggerCollection; ids: string[] } | 'scan') {
  if (trigger === 'scan') await runJob(notifyScanJob, {}, context());
  else await runJob(notifyChangesJob, { organizationId: tenant.organizationId, ...trigger }, context());
}

async function inboxOf(userId: string, type: NotificationType) {
  const { rows } = await t.db.privileged((c) =>
    c.query<{ url: string }>('SELECT url FROM notifications WHERE user_id = $1 AND type = $2', [
      userId,
      type,
    ]),
  );
  return rows;
}
const pushesOf = (userId: string, type: NotificationType) =>
  pushes.filter((p) => p.userId === userId && p.message.type === type);

describe.each(CASES)('trigger $type', ({ type, recipient, setup }) => {
  it('fires once, to its recipient, on every channel by default', async () => {
    const tenant = await createTestTenant(t.db, { now: NOW });
    const userId = tenant[recipient].userId;
    await subscribe(tenant, userId);
    const trigger = await setup(tenant);
    await fire(tenant, trigger);
    const items = await inboxOf(userId, type);
    expect(items).toHaveLength(1);
    expect(items[0]!.url).toMatch(/^\/(inicio|clientes|atendimento)/);
    expect(pushesOf(userId, type)).toHaveLength(1);
    expect(pushesOf(userId, type)[0]!.message.path).toBe(items[0]!.url);
    const { rows } = await t.db.privileged((c) =>
      c.query<{ email_due: boolean }>(
        'SELECT email_due FROM notification_deliveries WHERE user_id = $1 AND type = $2',
        [userId, type],
      ),
    );
    expect(rows).toEqual([{ email_due: true }]);

    await fire(tenant, trigger);
    expect(await inboxOf(userId, type)).toHaveLength(1);
    expect(pushesOf(userId, type)).toHaveLength(1);
  });

  it('sends nothing when the type is muted', async () => {
    const tenant = await createTestTenant(t.db, { now: NOW });
    const userId = tenant[recipient].userId;
    await subscribe(tenant, userId);
    await t.db.withIdentity(tenant[recipient], (c) =>
      writePreferences(
        c,
        { organizationId: tenant.organizationId, userId },
        {
          types: { [type]: { push: false, inApp: false, email: false } },
          quietHours: { enabled: false, start: '22:00', end: '07:00' },
        },
      ),
    );
    await fire(tenant, await setup(tenant));
    expect(await inboxOf(userId, type)).toHaveLength(0);
    expect(pushesOf(userId, type)).toHaveLength(0);
  });

  it('holds the push back in quiet hours; the inbox item still arrives', async () => {
    const tenant = await createTestTenant(t.db, { now: NOW });
    const userId = tenant[recipient].userId;
    await subscribe(tenant, userId);
    await t.db.withIdentity(tenant[recipient], (c) =>
      writePreferences(
        c,
        { organizationId: tenant.organizationId, userId },
        {
          types: {},
          quietHours: { enabled: true, start: '11:30', end: '12:30' },
        },
      ),
    );
    await fire(tenant, await setup(tenant));
    expect(await inboxOf(userId, type)).toHaveLength(1);
    expect(pushesOf(userId, type)).toHaveLength(0);
  });
});
