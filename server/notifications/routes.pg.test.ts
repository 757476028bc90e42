import { createECDH, randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/api-errors.ts';
import { notificationPreferencesSchema } from '../../shared/domain/notifications/preferences.ts';
import { vapidPublicKeyResponseSchema } from '../../shared/domain/notifications/push-subscription.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import { testConfig } from '../config.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import type { AppEnv } from '../http/context.ts';
import { createLogger } from '../logger.ts';
import { pushRoutes } from '../push/routes.ts';
import { pushSessionHandler } from '../push/subscriptions.ts';
import { loadVapidKeys } from '../push/vapid.ts';
import { meRoutes } from './routes.ts';
import { signedInCookie } from '../http/testing.ts';

/**
 * `/api/me/notification-preferences` and `/api/push/*` through app.request() against PostgreSQL, signed in
 * through the real auth routes (docs/api.md "Notifications").
 */

const PASSWORD = 'senha-de-teste-123';
const ORIGIN = 'http://localhost:3000';
const PUSH_HOST = 'fcm.googleapis.com';

let t: TestDatabase;
let tenant: TestTenant;
let app: Hono<AppEnv>;
let vapidPublicKey: string;
const emails = new Map<string, string>();

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { name: 'Arco Digital' });
  const hash = await hashPassword(PASSWORD);
  await t.db.privileged(async (c) => {
    const { rows } = await c.query<{ id: string; email: string }>(
      'UPDATE users SET password_hash = $1 WHERE organization_id = $2 RETURNING id, email',
      [hash, tenant.organizationId],
    );
    for (const row of rows) emails.set(row.id, row.email);
  });
  const config = testConfig({ publicOrigin: ORIGIN });
  vapidPublicKey = (await loadVapidKeys(t.db, config)).publicKey;
  app = createApp({
    config,
    logger: createLogger({ level: 'silent' }),
    auth: new PgAuthStore(t.db),
    health: { check: async () => undefined },
    apiRoutes: {
      me: meRoutes({ db: t.db }),
      push: pushRoutes({ db: t.db, vapidPublicKey, allowedHosts: config.pushAllowedHosts }),
    },
    onSessionEnded: pushSessionHandler(t.db),
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

type Call = (path: string, init?: { method?: string; body?: unknown }) => Promise<Response>;

/** Signs in through the real auth routes; `cookie` may carry an earlier session (same browser). */
async function signIn(userId: string, previousCookie?: string): Promise<{ call: Call; cookie: string }> {
  const cookie = await signedInCookie(app, {
    email: emails.get(userId),
    password: PASSWORD,
    origin: ORIGIN,
    previousCookie,
  });
  const call: Call = async (path, init = {}) =>
    app.request(`/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        origin: ORIGIN,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  return { call, cookie };
}

/** A browser's PushSubscription JSON with a real P-256 key and auth secret. */
function browserSubscription(host = PUSH_HOST) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://${host}/fcm/send/${randomBytes(12).toString('base64url')}`,
    expirationTime: null,
    keys: {
      p256dh: ecdh.getPublicKey().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
  };
}

const subscriptionsOf = async (userId: string) =>
  (
    await t.db.privileged((c) =>
      c.query<{ endpoint: string; session_id: string }>(
        'SELECT endpoint, session_id FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at',
        [userId],
      ),
    )
  ).rows;

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  return errorBodySchema.parse(await res.json()).error.code === code;
}

describe('GET /api/push/vapid-public-key', () => {
  it('serves the generated public key (base64url, 65-byte P-256 point) to signed-in users', async () => {
    const { call } = await signIn(tenant.client.userId);
    const res = await call('/push/vapid-public-key');
    expect(res.status).toBe(200);
    const body = vapidPublicKeyResponseSchema.parse(await res.json());
    expect(body.publicKey).toBe(vapidPublicKey);
    expect(Buffer.from(body.publicKey, 'base64url')).toHaveLength(65);
    expect(await expectError(await app.request('/api/push/vapid-public-key'), 401, 'unauthorized')).toBe(
      true,
    );
  });

  it('keeps the generated pair in the database: a second start signs with the same keys', async () => {
    const again = await loadVapidKeys(t.db, testConfig());
    expect(again.publicKey).toBe(vapidPublicKey);
    const configured = {
      publicKey: 'B'.repeat(87),
      privateKey: 'k'.repeat(43),
      subject: 'mailto:x@y.example',
    };
    expect(await loadVapidKeys(t.db, testConfig({ vapid: configured }))).toBe(configured);
  });
});

describe('POST/DELETE /api/push/subscriptions', () => {
  it('stores the device’s subscription for the signed-in session, once per endpoint', async () => {
    const { call } = await signIn(tenant.client.userId);
    const sub = browserSubscription();
    const first = await call('/push/subscriptions', { method: 'POST', body: sub });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ endpoint: sub.endpoint });
    expect((await call('/push/subscriptions', { method: 'POST', body: sub })).status).toBe(201);
    expect(
      (await subscriptionsOf(tenant.client.userId)).filter((s) => s.endpoint === sub.endpoint),
    ).toHaveLength(1);

    const deleted = await call('/push/subscriptions', { method: 'DELETE', body: { endpoint: sub.endpoint } });
    expect(deleted.status).toBe(204);
    expect((await subscriptionsOf(tenant.client.userId)).map((s) => s.endpoint)).not.toContain(sub.endpoint);
    // Idempotent: deleting again is the same 204.
    expect(
      (await call('/push/subscriptions', { method: 'DELETE', body: { endpoint: sub.endpoint } })).status,
    ).toBe(204);
  });

  it.each([
    ['an endpoint off the allow-list (SSRF)', { endpoint: 'https://169.254.169.254/latest/meta-data' }],
    ['a plain-http endpoint', { endpoint: `http://${PUSH_HOST}/fcm/send/x` }],
    ['a look-alike host', { endpoint: `https://${PUSH_HOST}.evil.example/x` }],
    ['a short p256dh key', { keys: { p256dh: 'BAAA', auth: randomBytes(16).toString('base64url') } }],
    ['no auth secret', { keys: { p256dh: browserSubscription().keys.p256dh } }],
  ])('refuses %s with 422 and stores nothing', async (_name, change) => {
    const { call } = await signIn(tenant.csm.userId);
    const res = await call('/push/subscriptions', {
      method: 'POST',
      body: { ...browserSubscription(), ...change },
    });
    expect(await expectError(res, 422, 'validation_failed')).toBe(true);
    expect(await subscriptionsOf(tenant.csm.userId)).toEqual([]);
  });

  it('answers 401 without a session and 415 for a form post', async () => {
    const anonymous = await app.request('/api/push/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(browserSubscription()),
    });
    expect(await expectError(anonymous, 401, 'unauthorized')).toBe(true);
    const { cookie } = await signIn(tenant.csm.userId);
    const form = await app.request('/api/push/subscriptions', {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'text/plain' },
      body: JSON.stringify(browserSubscription()),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
  });

  it('sign-out removes the device’s subscriptions and only those', async () => {
    const phone = await signIn(tenant.admin.userId);
    const laptop = await signIn(tenant.admin.userId);
    const onPhone = browserSubscription();
    const onLaptop = browserSubscription();
    expect((await phone.call('/push/subscriptions', { method: 'POST', body: onPhone })).status).toBe(201);
    expect((await laptop.call('/push/subscriptions', { method: 'POST', body: onLaptop })).status).toBe(201);
    expect((await phone.call('/auth/logout', { method: 'POST', body: {} })).status).toBe(204);
    expect((await subscriptionsOf(tenant.admin.userId)).map((s) => s.endpoint)).toEqual([onLaptop.endpoint]);
    expect((await laptop.call('/auth/logout', { method: 'POST', body: {} })).status).toBe(204);
    expect(await subscriptionsOf(tenant.admin.userId)).toEqual([]);
  });

  it('a new sign-in on the same browser keeps the same user’s subscription; another user’s sign-in drops it', async () => {
    const first = await signIn(tenant.otherClient.userId);
    const sub = browserSubscription();
    expect((await first.call('/push/subscriptions', { method: 'POST', body: sub })).status).toBe(201);
    const again = await signIn(tenant.otherClient.userId, first.cookie);
    const [kept] = await subscriptionsOf(tenant.otherClient.userId);
    expect(kept?.endpoint).toBe(sub.endpoint);
    const { rows } = await t.db.privileged((c) =>
      c.query<{ revoked: boolean }>('SELECT revoked_at IS NOT NULL AS revoked FROM sessions WHERE id = $1', [
        kept!.session_id,
      ]),
    );
    expect(rows[0]?.revoked).toBe(false);
    await signIn(tenant.client.userId, again.cookie);
    expect(await subscriptionsOf(tenant.otherClient.userId)).toEqual([]);
  });

  it('an endpoint registered by another user moves to the user who registers it now', async () => {
    const sub = browserSubscription();
    const csm = await signIn(tenant.csm.userId);
    expect((await csm.call('/push/subscriptions', { method: 'POST', body: sub })).status).toBe(201);
    const admin = await signIn(tenant.admin.userId);
    expect((await admin.call('/push/subscriptions', { method: 'POST', body: sub })).status).toBe(201);
    expect((await subscriptionsOf(tenant.csm.userId)).map((s) => s.endpoint)).not.toContain(sub.endpoint);
    expect((await subscriptionsOf(tenant.admin.userId)).map((s) => s.endpoint)).toContain(sub.endpoint);
  });
});

describe('GET/PUT /api/me/notification-preferences', () => {
  it('starts with every type of the role on every channel and quiet hours off', async () => {
    const { call } = await signIn(tenant.client.userId);
    const res = await call('/me/notification-preferences');
    expect(res.status).toBe(200);
    const prefs = notificationPreferencesSchema.parse(await res.json());
    expect(Object.keys(prefs.types)).toEqual([
      'conversion',
      'goal_reached',
      'campaign_anomaly',
      'qualified_lead',
      'ticket_answered',
      'chat_reply',
      'meeting_reminder',
      'invoice_due',
      'new_article',
    ]);
    expect(Object.values(prefs.types).every((c) => c.push && c.inApp && c.email)).toBe(true);
    expect(prefs.quietHours).toEqual({ enabled: false, start: '22:00', end: '07:00' });
    const staff = notificationPreferencesSchema.parse(
      await (await (await signIn(tenant.csm.userId)).call('/me/notification-preferences')).json(),
    );
    expect(Object.keys(staff.types)).toContain('sla_breach');
    expect(Object.keys(staff.types)).not.toContain('ticket_answered');
  });

  it('holds what the user saves, for that user only', async () => {
    const { call } = await signIn(tenant.client.userId);
    const saved = await call('/me/notification-preferences', {
      method: 'PUT',
      body: {
        types: { ticket_answered: { push: false, inApp: true, email: false } },
        quietHours: { enabled: true, start: '21:30', end: '06:45' },
      },
    });
    expect(saved.status).toBe(200);
    const back = notificationPreferencesSchema.parse(
      await (await call('/me/notification-preferences')).json(),
    );
    expect(back.types.ticket_answered).toEqual({ push: false, inApp: true, email: false });
    expect(back.types.invoice_due).toEqual({ push: true, inApp: true, email: true });
    expect(back.quietHours).toEqual({ enabled: true, start: '21:30', end: '06:45' });
    expect(await saved.json()).toEqual(back);

    const other = notificationPreferencesSchema.parse(
      await (await (await signIn(tenant.otherClient.userId)).call('/me/notification-preferences')).json(),
    );
    expect(other.types.ticket_answered).toEqual({ push: true, inApp: true, email: true });
    expect(other.quietHours.enabled).toBe(false);
  });

  it.each([
    ['a staff type for a client', { types: { sla_breach: { push: false, inApp: true, email: true } } }],
    ['a missing channel', { types: { conversion: { push: false, inApp: true } } }],
    ['an impossible time', { quietHours: { enabled: true, start: '25:00', end: '07:00' } }],
    ['an unknown member', { sms: true }],
  ])('refuses %s with 422 and keeps what was saved', async (_name, change) => {
    const { call } = await signIn(tenant.client.userId);
    const before = await (await call('/me/notification-preferences')).json();
    const body = { types: {}, quietHours: { enabled: false, start: '22:00', end: '07:00' }, ...change };
    const res = await call('/me/notification-preferences', { method: 'PUT', body });
    expect(await expectError(res, 422, 'validation_failed')).toBe(true);
    expect(await (await call('/me/notification-preferences')).json()).toEqual(before);
  });
});
