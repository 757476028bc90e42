import { Agent } from 'node:https';
import webpush from 'web-push';
import { v7 as uuidv7 } from 'uuid';
import { ticketSchema } from '../../shared/entities/support.ts';
import type { PushMessage } from '../../shared/domain/notifications/push-message.ts';
import { encodePushMessage } from '../../shared/domain/notifications/push-message.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { createTestDatabase, createTestTenant } from '../../server/db/testing.ts';
import { createLogger } from '../../server/logger.ts';
import { deliverEvents } from '../../server/notifications/deliver.ts';
import { detectChangeEvents } from '../../server/notifications/triggers.ts';
import { startPushServiceStandIn } from '../../server/push/push-service-stand-in.ts';
import { createPushSender } from '../../server/push/sender.ts';
import { createServerWriter } from '../../server/sync/server-writes.ts';
import { repetitionsOf, type Bench } from '../harness/bench.ts';
import { measure } from '../harness/measure.ts';

/**
 * `push` — web push against the local push service stand-in (server/push/push-service-stand-in.ts: HTTPS on
 * loopback, VAPID verified and aes128gcm decrypted on a sample):
 * - fan-out: sends to 10,000 subscriptions (each its own P-256 key and auth secret) through the app's sender
 *   (web-push: encrypt, sign, POST; 64 in flight over keep-alive TLS), next to the same 10,000 payloads only
 *   encrypted in memory (`webpush.encrypt`, the baseline);
 * - event → push sent: a staff reply to a client's ticket, written as a server write, then detected and
 *   delivered (ledger + inbox item + push accepted by the stand-in), next to the server write alone.
 */

const SUBSCRIPTIONS = 10_000;
const IN_FLIGHT = 64;

const message: PushMessage = {
  notificationId: '01900000-0000-7000-8000-000000000001',
  type: 'ticket_answered',
  title: 'Seu ticket #2847 foi respondido',
  body: 'Maria Santos: Já ajustamos a campanha e os números do relatório batem agora.',
  path: '/inicio/tickets/01900000-0000-7000-8000-000000000002',
  tag: 'ticket-019000000000700080000000',
};

async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export const pushBench: Bench = {
  name: 'push',
  description: 'web push fan-out to 10,000 subscriptions and event → push sent, against a local push service',
  environment: 'node',
  async run(ctx) {
    const reps = repetitionsOf(ctx.options);
    const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:bench@arco.example' };
    const standIn = await startPushServiceStandIn({ vapidPublicKey: vapid.publicKey, verifyEvery: 100 });
    const agent = new Agent({ ca: standIn.certificate, keepAlive: true, maxSockets: IN_FLIGHT });
    try {
      const sender = createPushSender({ vapid, agent, retries: 0 });
      const subs = Array.from({ length: SUBSCRIPTIONS }, () => standIn.subscribe().json);
      const payload = encodePushMessage(message);

      const encrypted = await measure(reps, {
        label: 'the same payloads encrypted in memory (webpush.encrypt)',
        baseline: true,
        run: async () => {
          let bytes = 0;
          for (const s of subs)
            bytes += webpush.encrypt(s.keys.p256dh, s.keys.auth, payload, 'aes128gcm').cipherText.length;
          if (bytes === 0) throw new Error('nothing encrypted');
          return subs.length;
        },
      });
      const sent = await measure(reps, {
        label: `sent to the stand-in (${IN_FLIGHT} in flight, keep-alive TLS)`,
        // Warming JIT and the TLS connections needs a few hundred sends, not 10,000.
        warmup: async () => {
          await inParallel(subs.slice(0, 500), IN_FLIGHT, async (s) => {
            await sender.send({ endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth }, message, {
              ttlSeconds: 3600,
              urgency: 'normal',
            });
          });
        },
        setup: async () => {
          standIn.received.length = 0;
          standIn.refused.length = 0;
        },
        run: async () => {
          let ok = 0;
          await inParallel(subs, IN_FLIGHT, async (s) => {
            const outcome = await sender.send(
              { endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth },
              message,
              { ttlSeconds: 3600, urgency: 'normal' },
            );
            if (outcome.result === 'sent') ok++;
          });
          if (ok !== subs.length || standIn.received.length !== subs.length || standIn.refused.length > 0)
            throw new Error(
              `sent ${ok}, received ${standIn.received.length}, refused ${JSON.stringify(standIn.refused[0])}`,
            );
          return ok;
        },
      });
      ctx.report({
        title: `push · fan-out to ${SUBSCRIPTIONS.toLocaleString('en')} subscriptions`,
        measurements: [encrypted, sent],
      });

      // Event → push sent, on a fresh database (embedded PGlite, or DATABASE_URL).
      const t = await createTestDatabase();
      try {
        const now = () => new Date();
        const tenant = await createTestTenant(t.db, { now: now() });
        const writer = createServerWriter({
          db: t.db,
          feed: createMemoryChangeFeed(() => undefined),
          clock: now,
        });
        const device = standIn.subscribe();
        await t.db.privileged(async (c) => {
          const { rows } = await c.query<{ id: string }>(
            `INSERT INTO sessions (organization_id, user_id, token_hash, expires_at)
             VALUES ($1, $2, 'bench', now() + interval '1 day') RETURNING id`,
            [tenant.organizationId, tenant.client.userId],
          );
          await c.query(
            `INSERT INTO push_subscriptions (organization_id, user_id, session_id, endpoint, p256dh, auth)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [
              tenant.organizationId,
              tenant.client.userId,
              rows[0]!.id,
              device.json.endpoint,
              device.json.keys.p256dh,
              device.json.keys.auth,
            ],
          );
        });
        const deps = {
          db: t.db,
          writer,
          clock: now,
          push: sender,
          logger: createLogger({ level: 'silent' }),
        };
        let number = 0;
        const reply = () => {
          number += 1;
          const base = ticketSchema.parse(
            fixture('tickets', uuidv7(), { customerId: tenant.customerId, userId: tenant.client.userId }),
          );
          const at = new Date().toISOString();
          return {
            ...base,
            number,
            createdAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
            messages: [
              {
                ...base.messages[0]!,
                id: uuidv7(),
                createdAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
              },
              {
                id: uuidv7(),
                senderType: 'support' as const,
                senderId: tenant.csm.userId,
                senderName: 'Maria Santos',
                body: 'Pronto.',
                createdAt: at,
              },
            ],
          };
        };
        const writeOnly = await measure(reps, {
          label: 'the reply written alone (server write)',
          baseline: true,
          run: async () => {
            await writer.transaction(tenant.organizationId, (tx) => tx.write('tickets', [reply()]));
            return 1;
          },
        });
        const eventToPush = await measure(reps, {
          label: 'reply written → detected → inbox item + push accepted by the push service',
          run: async () => {
            const before = standIn.attempts.get(device.id) ?? 0;
            const ticket = reply();
            await writer.transaction(tenant.organizationId, (tx) => tx.write('tickets', [ticket]));
            const events = await t.db.withIdentity(tenant.system, (c) =>
              detectChangeEvents(c, tenant.organizationId, 'tickets', [ticket.id], now()),
            );
            const report = await deliverEvents(deps, tenant.organizationId, events);
            if (report.pushed !== 1 || report.inApp !== 1 || standIn.attempts.get(device.id) !== before + 1)
              throw new Error(`expected one push and one inbox item, got ${JSON.stringify(report)}`);
            return 1;
          },
        });
        ctx.report({
          title: 'push · event → push sent (one staff reply)',
          measurements: [writeOnly, eventToPush],
        });
      } finally {
        await t.close();
      }
      return { tables: [], facts: [] };
    } finally {
      agent.destroy();
      await standIn.close();
    }
  },
};
