import { Agent } from 'node:https';
import type { Hono } from 'hono';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketSchema, type Ticket } from '../../shared/entities/support.ts';
import { pushMessageSchema } from '../../shared/domain/notifications/push-message.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { PgAccountStore } from '../auth/account-pg-store.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import { testConfig } from '../config.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import type { AppEnv } from '../http/context.ts';
import { runJob, type JobContext } from '../jobs/define.ts';
import { notifyChangesJob } from '../jobs/notify-changes.ts';
import { createLogger } from '../logger.ts';
import { startPushServiceStandIn, type PushServiceStandIn } from '../push/push-service-stand-in.ts';
import { pushRoutes } from '../push/routes.ts';
import { createPushSender } from '../push/sender.ts';
import { pushSessionHandler } from '../push/subscriptions.ts';
import { loadVapidKeys } from '../push/vapid.ts';
import { createServerWriter, type ServerWriter } from '../sync/server-writes.ts';
import { meRoutes } from './routes.ts';
import { subscribeNotificationTriggers } from './triggers.ts';
import { signedInCookie } from '../http/testing.ts';

/**
 * Issue "Done when", end to end on the server: a staff reply to a TechCorp ticket → the change feed → the
 * notify-changes job → one inbox item and exactly one web push to the client's device, received by a local push
 * service that verifies the VAPID JWT and decrypts the aes128gcm payload with the subscription's private key.
 * Then: nothing pushed after unsubscribing, while the type is muted or in quiet hours; a 410 subscription is
 * dropped after one attempt. The clock is injected (12:00 in São Paulo unless a test moves it).
 */

const PASSWORD = 'senha-de-teste-123';
const ORIGIN = 'http://localhost:3000';
let now = new Date('2026-11-20T15:00:00.000Z'); // 12:00 in São Paulo

let t: TestDatabase;
let tenant: TestTenant;
let app: Hono<AppEnv>;
let writer: ServerWriter;
let standIn: PushServiceStandIn;
let agent: Agent;
let ctx: JobContext;
const jobRuns: Promise<void>[] = [];
const emails = new Map<string, string>();
let stopTriggers = () => {};

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { name: 'Arco Digital', now });
  const hash = await hashPassword(PASSWORD);
  await t.db.privileged(async (c) => {
    const { rows } = await c.query<{ id: string; email: string }>(
      'UPDATE users SET password_hash = $1 WHERE organization_id = $2 RETURNING id, email',
      [hash, tenant.organizationId],
    );
    for (const row of rows) emails.set(row.id, row.email);
  });
  const config = testConfig({ publicOrigin: ORIGIN, pushAllowedHosts: ['127.0.0.1'] });
  const vapid = await loadVapidKeys(t.db, config);
  // The push service keeps its own (real) clock: web-push signs `exp` from the real time.
  standIn = await startPushServiceStandIn({ vapidPublicKey: vapid.publicKey });
  agent = new Agent({ ca: standIn.certificate });
  const clock = () => now;
  const feed = createMemoryChangeFeed(() => undefined);
  writer = createServerWriter({ db: t.db, feed, clock });
  const logger = createLogger({ level: 'silent' });
  const push = createPushSender({ vapid, agent, sleep: async () => {}, retries: 2 });
  ctx = {
    db: t.db,
    auth: new PgAuthStore(t.db),
    accounts: new PgAccountStore(t.db),
    clock,
    logger,
    config,
    writer,
    push,
    mailer: null,
    jobId: 'test',
    jobs: {
      send: async () => 'unused',
      sendDeduplicated: async () => null,
    },
  };
  // The production wiring with the queue replaced by a direct run of the job.
  stopTriggers = subscribeNotificationTriggers(
    feed,
    async (organizationId, collection, ids) => {
      const run = runJob(notifyChangesJob, { organizationId, collection, ids }, ctx);
      jobRuns.push(run);
      return run;
    },
    (err) => {
      throw err;
    },
  );
  app = createApp({
    config,
    logger,
    auth: new PgAuthStore(t.db),
    health: { check: async () => undefined },
    apiRoutes: {
      me: meRoutes({ db: t.db }),
      push: pushRoutes({ db: t.db, vapidPublicKey: vapid.publicKey, allowedHosts: config.pushAllowedHosts }),
    },
    onSessionEnded: pushSessionHandler(t.db),
  });
}, 120_000);

afterAll(async () => {
  stopTriggers();
  agent?.destroy();
  await standIn?.close();
  await t?.close();
});

async function signIn(userId: string) {
  const cookie = await signedInCookie(app, {
    email: emails.get(userId),
    password: PASSWORD,
    origin: ORIGIN,
  });
  return async (path: string, method = 'GET', body?: unknown) =>
    app.request(`/api${path}`, {
      method,
      headers: {
        cookie,
        origin: ORIGIN,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

const ticketId = uuidv7();
let replies = 0;

/** Maria (staff) replies on TechCorp's ticket through a server write; waits for the triggered job. */
async function staffReplies(): Promise<void> {
  replies += 1;
  now = new Date(now.getTime() + 60_000);
  await writer.transaction(tenant.organizationId, async (tx) => {
    const base = ticketSchema.parse(
      fixture('tickets', ticketId, { customerId: tenant.customerId, userId: tenant.client.userId }),
    );
    const { rows } = await tx.client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tickets WHERE id = $1',
      [ticketId],
    );
    const ticket: Ticket = {
      ...base,
      createdAt: new Date(now.getTime() - 48 * 3_600_000).toISOString(),
      slaDeadline: null,
      messages: [
        ...base.messages.map((m) => ({
          ...m,
          createdAt: new Date(now.getTime() - 48 * 3_600_000).toISOString(),
        })),
        ...Array.from({ length: replies }, (_, i) => ({
          id: `01900000-0000-7000-8000-0000000a${String(i).padStart(4, '0')}`,
          senderType: 'support' as const,
          senderId: tenant.csm.userId,
          senderName: 'Maria Santos',
          body: `Resposta ${i + 1}: já ajustamos a campanha.`,
          createdAt: now.toISOString(),
        })),
      ],
    };
    expect(rows[0]!.n).toBe(replies === 1 ? 0 : 1);
    await tx.write('tickets', [ticket]);
  });
  await Promise.all(jobRuns.splice(0));
}

const inbox = async () =>
  (
    await t.db.privileged((c) =>
      c.query<{ type: string; url: string; title: string }>(
        'SELECT type, url, title FROM notifications WHERE user_id = $1 ORDER BY server_seq',
        [tenant.client.userId],
      ),
    )
  ).rows;

describe('a staff reply to a TechCorp ticket', () => {
  let device: ReturnType<PushServiceStandIn['subscribe']>;
  let client: Awaited<ReturnType<typeof signIn>>;

  it('sends the client’s device exactly one push pointing at the ticket and puts one item in the inbox', async () => {
    client = await signIn(tenant.client.userId);
    device = standIn.subscribe();
    expect((await client('/push/subscriptions', 'POST', device.json)).status).toBe(201);

    await staffReplies();

    expect(standIn.refused).toEqual([]);
    expect(standIn.received).toHaveLength(1);
    const push = standIn.received[0]!;
    expect(push.subscriptionId).toBe(device.id);
    expect(push.jwtClaims.aud).toBe(standIn.origin);
    expect(push.ttl).toBeGreaterThan(0);
    expect(push.urgency).toBe('normal');
    const message = pushMessageSchema.parse(JSON.parse(push.plaintext));
    expect(message).toMatchObject({
      type: 'ticket_answered',
      path: `/inicio/tickets/${ticketId}`,
      title: 'Seu ticket #2847 foi respondido',
      body: 'Maria Santos: Resposta 1: já ajustamos a campanha.',
      unread: 1,
    });
    expect(push.topic).toBe(message.tag);
    const items = await inbox();
    expect(items).toEqual([
      {
        type: 'ticket_answered',
        url: `/inicio/tickets/${ticketId}`,
        title: 'Seu ticket #2847 foi respondido',
      },
    ]);
    const [{ id }] = (
      await t.db.privileged((c) =>
        c.query<{ id: string }>('SELECT id FROM notifications WHERE user_id = $1', [tenant.client.userId]),
      )
    ).rows as [{ id: string }];
    expect(message.notificationId).toBe(id);
    // Nobody else was notified: not the other customer's client, not staff.
    const others = await t.db.privileged((c) =>
      c.query('SELECT 1 FROM notifications WHERE user_id <> $1', [tenant.client.userId]),
    );
    expect(others.rows).toEqual([]);
  });

  it('fires once per reply: the same change delivered again sends nothing', async () => {
    await runJob(
      notifyChangesJob,
      { organizationId: tenant.organizationId, collection: 'tickets', ids: [ticketId] },
      ctx,
    );
    expect(standIn.received).toHaveLength(1);
    expect(await inbox()).toHaveLength(1);
  });

  it('sends nothing after the device unsubscribes (the inbox item still arrives)', async () => {
    expect((await client('/push/subscriptions', 'DELETE', { endpoint: device.json.endpoint })).status).toBe(
      204,
    );
    await staffReplies();
    expect(standIn.attempts.get(device.id)).toBe(1);
    expect(await inbox()).toHaveLength(2);
    expect((await client('/push/subscriptions', 'POST', device.json)).status).toBe(201);
  });

  it('sends nothing while the type’s push is muted, and nothing at all when every channel is', async () => {
    const muted = {
      types: { ticket_answered: { push: false, inApp: true, email: true } },
      quietHours: { enabled: false, start: '22:00', end: '07:00' },
    };
    expect((await client('/me/notification-preferences', 'PUT', muted)).status).toBe(200);
    await staffReplies();
    expect(standIn.attempts.get(device.id)).toBe(1);
    expect(await inbox()).toHaveLength(3);

    muted.types.ticket_answered = { push: false, inApp: false, email: false };
    expect((await client('/me/notification-preferences', 'PUT', muted)).status).toBe(200);
    await staffReplies();
    expect(standIn.attempts.get(device.id)).toBe(1);
    expect(await inbox()).toHaveLength(3);
  });

  it('sends nothing in quiet hours (the user’s wall clock), then again once they end', async () => {
    const quiet = { types: {}, quietHours: { enabled: true, start: '11:00', end: '13:00' } };
    expect((await client('/me/notification-preferences', 'PUT', quiet)).status).toBe(200);
    await staffReplies(); // 12:0x in São Paulo
    expect(standIn.attempts.get(device.id)).toBe(1);
    expect(await inbox()).toHaveLength(4);

    now = new Date('2026-11-20T16:30:00.000Z'); // 13:30 in São Paulo
    await staffReplies();
    expect(standIn.received).toHaveLength(2);
    expect(await inbox()).toHaveLength(5);
  });

  it('drops a subscription whose push service answers 410 after one attempt', async () => {
    standIn.answer(device.id, 410);
    const before = standIn.attempts.get(device.id)!;
    await staffReplies();
    expect(standIn.attempts.get(device.id)).toBe(before + 1);
    const { rows } = await t.db.privileged((c) =>
      c.query('SELECT 1 FROM push_subscriptions WHERE endpoint = $1', [device.json.endpoint]),
    );
    expect(rows).toEqual([]);
    await staffReplies();
    expect(standIn.attempts.get(device.id)).toBe(before + 1);
  });
});
