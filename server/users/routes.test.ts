import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema, type AuditPage } from '../../shared/audit.ts';
import { errorBodySchema } from '../../shared/api-errors.ts';
import { createApp } from '../app.ts';
import type { LoginRecord } from '../auth/store.ts';
import { MemoryAuthStore } from '../auth/memory-store.ts';
import { testConfig } from '../config.ts';
import {
  CookieJar,
  ORG_ID,
  OTHER_ORG_ID,
  TECHCORP_ID,
  TEST_USERS,
  jsonHeaders,
  login,
  setCookies,
  testClock,
  testLogins,
} from '../http/testing.ts';
import { createLogger } from '../logger.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { firstLink, startTestSmtp, type TestSmtp } from '../mail/testing.ts';
import { MemoryAccountsStore } from './memory-store.ts';
import { invitationRoutes, setupRoutes, usersRoutes } from './routes.ts';

/**
 * The accounts API through app.request(): invitations end to end (the mail really goes through SMTP to a
 * loopback server and the test follows its link), single use, expiry, who may do what, validation errors in
 * the API's one error shape, disabling, the audit log and the first run.
 */
let logins: LoginRecord[];
let smtp: TestSmtp;
let mailer: Mailer;
beforeAll(async () => {
  logins = await testLogins();
  smtp = await startTestSmtp();
  mailer = createMailer(
    testConfig({ mail: { smtpUrl: smtp.url, from: 'Arco <no-reply@arco.example>' } }),
    createLogger({ level: 'silent' }),
  );
});
afterAll(async () => {
  mailer?.close();
  await smtp?.close();
});

const DAY = 86_400_000;
const MARIA = TEST_USERS[1]!;
const NEW_PASSWORD = 'senha-forte-123';

function makeApp(options: { empty?: boolean } = {}) {
  const clock = testClock();
  const auth = new MemoryAuthStore();
  const store = new MemoryAccountsStore(
    auth,
    options.empty
      ? {}
      : {
          organizations: [
            { id: ORG_ID, name: 'Arco Digital' },
            { id: OTHER_ORG_ID, name: 'Outra Agência' },
          ],
          customers: [{ id: TECHCORP_ID, organizationId: ORG_ID, name: 'Fintech ABC' }],
          users: logins,
        },
  );
  const config = testConfig({ trustProxy: 1 });
  const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
  const deps = { store, mailer, clock, random, config };
  const app = createApp({
    config,
    clock,
    random,
    auth,
    health: { check: async () => undefined },
    logger: createLogger({ level: 'silent' }, new Writable({ write: (_c, _e, done) => done() })),
    apiRoutes: {
      users: usersRoutes(deps),
      invitations: invitationRoutes(deps),
      setup: setupRoutes(deps),
    },
  });
  return { app, clock, store, auth };
}
type App = ReturnType<typeof makeApp>['app'];

async function signedIn(app: App, email: string, password?: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const res = await login(app, email, password, { jar });
  expect(res.status).toBe(200);
  return jar;
}

const post = (app: App, path: string, body: unknown, jar?: CookieJar) =>
  app.request(path, {
    method: 'POST',
    headers: jsonHeaders({ cookie: jar?.header() }),
    body: JSON.stringify(body),
  });
const patch = (app: App, path: string, body: unknown, jar: CookieJar) =>
  app.request(path, {
    method: 'PATCH',
    headers: jsonHeaders({ cookie: jar.header() }),
    body: JSON.stringify(body),
  });
const get = (app: App, path: string, jar?: CookieJar) =>
  app.request(path, { headers: jar ? { cookie: jar.header() } : {} });

async function errorOf(res: Response) {
  return errorBodySchema.parse(await res.json()).error;
}

/** Invites `email` and returns the token from the link in the mail that arrived. */
async function inviteAndRead(app: App, admin: CookieJar, body: Record<string, unknown>) {
  const since = smtp.mails().length;
  const res = await post(app, '/api/users/invitations', body, admin);
  expect(res.status).toBe(201);
  const json = (await res.json()) as { invitation: { id: string }; mailed: boolean };
  expect(json.mailed).toBe(true);
  const mail = await smtp.waitForMail(String(body.email), { since });
  const link = new URL(firstLink(mail.text));
  return { id: json.invitation.id, token: link.hash.slice(1), link, mail };
}

describe('invitations', () => {
  it('admin invites a client user of Fintech ABC; the mailed link previews, accepts once and signs the invitee in', async () => {
    const { app } = makeApp();
    const admin = await signedIn(app, 'admin@arco.example');
    const { token, link, mail } = await inviteAndRead(app, admin, {
      email: 'Ana@Fintech.example',
      role: 'client',
      customerId: TECHCORP_ID,
    });
    expect(mail.subject).toBe('Convite para Arco Digital no Arco');
    expect(mail.text).toContain(
      'Ana Admin convidou você para acompanhar Fintech ABC no portal de Arco Digital',
    );
    expect(`${link.origin}${link.pathname}`).toBe('http://localhost/convite');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const preview = await post(app, '/api/invitations/lookup', { token });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({
      invitation: {
        organizationName: 'Arco Digital',
        email: 'ana@fintech.example',
        role: 'client',
        customerName: 'Fintech ABC',
        locale: 'pt-BR',
        expiresAt: new Date(Date.parse('2026-03-02T12:00:00.000Z') + 7 * DAY).toISOString(),
      },
    });

    const jar = new CookieJar();
    const accepted = await post(
      app,
      '/api/invitations/accept',
      { token, name: 'Ana Lima', password: NEW_PASSWORD },
      jar,
    );
    expect(accepted.status).toBe(201);
    jar.store(accepted);
    const me = await get(app, '/api/auth/me', jar);
    expect(await me.json()).toMatchObject({
      user: { email: 'ana@fintech.example', name: 'Ana Lima', role: 'client', customerId: TECHCORP_ID },
    });
    expect((await login(app, 'ana@fintech.example', NEW_PASSWORD)).status).toBe(200);

    const again = await post(app, '/api/invitations/accept', {
      token,
      name: 'Outra',
      password: NEW_PASSWORD,
    });
    expect(again.status).toBe(404);
    expect(await errorOf(again)).toMatchObject({ code: 'not_found', details: { reason: 'used' } });
    expect(await errorOf(await post(app, '/api/invitations/lookup', { token }))).toMatchObject({
      details: { reason: 'used' },
    });
  });

  it('expires 7 days after it was sent; a resend mails a new link and the old one dies; a revoked link is refused', async () => {
    const { app, clock } = makeApp();
    const first = await inviteAndRead(app, await signedIn(app, 'admin@arco.example'), {
      email: 'rui@arco.example',
      role: 'csm',
      locale: 'en',
    });
    expect(first.mail.subject).toBe("You're invited to Arco Digital on Arco");
    clock.advance(7 * DAY - 60_000);
    expect((await post(app, '/api/invitations/lookup', { token: first.token })).status).toBe(200);
    clock.advance(60_000);
    const expired = await post(app, '/api/invitations/accept', {
      token: first.token,
      name: 'Rui',
      password: NEW_PASSWORD,
    });
    expect(expired.status).toBe(404);
    expect(await errorOf(expired)).toMatchObject({ details: { reason: 'expired' } });

    const admin = await signedIn(app, 'admin@arco.example'); // a week later: a fresh session
    const since = smtp.mails().length;
    const resent = await post(app, `/api/users/invitations/${first.id}/resend`, {}, admin);
    expect(resent.status).toBe(200);
    const token2 = new URL(
      firstLink((await smtp.waitForMail('rui@arco.example', { since })).text),
    ).hash.slice(1);
    expect(token2).not.toBe(first.token);
    expect(await errorOf(await post(app, '/api/invitations/lookup', { token: first.token }))).toMatchObject({
      details: { reason: 'unknown' },
    });
    expect((await post(app, '/api/invitations/lookup', { token: token2 })).status).toBe(200);

    expect((await post(app, `/api/users/invitations/${first.id}/revoke`, {}, admin)).status).toBe(204);
    expect((await post(app, `/api/users/invitations/${first.id}/revoke`, {}, admin)).status).toBe(404);
    expect(
      await errorOf(
        await post(app, '/api/invitations/accept', { token: token2, name: 'Rui', password: NEW_PASSWORD }),
      ),
    ).toMatchObject({
      code: 'not_found',
      details: { reason: 'revoked' },
    });
  });

  it('answers conflicts and validation errors in the API’s error shape', async () => {
    const { app } = makeApp();
    const admin = await signedIn(app, 'admin@arco.example');
    const cases: [unknown, number, string][] = [
      [{ email: 'x@y.example', role: 'client' }, 422, 'customerId'],
      [{ email: 'x@y.example', role: 'csm', customerId: TECHCORP_ID }, 422, 'customerId'],
      [{ email: 'not-an-email', role: 'csm' }, 422, 'email'],
      [{ email: 'x@y.example', role: 'owner' }, 422, 'role'],
      [
        { email: 'x@y.example', role: 'client', customerId: '0190a000-0000-7000-8000-0000000000ff' },
        422,
        'customerId',
      ],
    ];
    for (const [body, status, path] of cases) {
      const res = await post(app, '/api/users/invitations', body, admin);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const error = await errorOf(res);
      expect(error.code).toBe('validation_failed');
      expect((error.details?.issues as { path: string }[]).map((i) => i.path)).toContain(path);
    }
    const taken = await post(
      app,
      '/api/users/invitations',
      { email: 'maria@arco.example', role: 'csm' },
      admin,
    );
    expect(taken.status).toBe(409);
    expect(await errorOf(taken)).toMatchObject({ code: 'conflict', details: { reason: 'user_exists' } });
    await inviteAndRead(app, admin, { email: 'novo@arco.example', role: 'admin' });
    expect(
      await errorOf(
        await post(app, '/api/users/invitations', { email: 'NOVO@arco.example', role: 'csm' }, admin),
      ),
    ).toMatchObject({
      code: 'conflict',
      details: { reason: 'already_invited' },
    });
    const shortPassword = await post(app, '/api/invitations/accept', {
      token: 'a'.repeat(43),
      name: 'X',
      password: 'curta',
    });
    expect(shortPassword.status).toBe(422);
    expect(await errorOf(shortPassword)).toMatchObject({ code: 'validation_failed' });
    const badToken = await post(app, '/api/invitations/lookup', { token: '../../etc' });
    expect(badToken.status).toBe(422);
    const notJson = await app.request('/api/invitations/lookup', {
      method: 'POST',
      headers: { ...jsonHeaders(), 'content-type': 'text/plain' },
      body: 'token',
    });
    expect(notJson.status).toBe(415);
  });
});

describe('who manages users', () => {
  it('only admins: a CSM and a client get 403, no session 401, another organization’s ids are not found', async () => {
    const { app } = makeApp();
    for (const email of ['maria@arco.example', 'cliente@techcorp.example']) {
      const jar = await signedIn(app, email);
      for (const res of [
        await get(app, '/api/users', jar),
        await get(app, '/api/users/audit', jar),
        await post(app, '/api/users/invitations', { email: 'x@y.example', role: 'csm' }, jar),
        await patch(app, `/api/users/${MARIA.id}`, { disabled: true }, jar),
      ]) {
        expect(res.status).toBe(403);
        expect(await errorOf(res)).toMatchObject({ code: 'forbidden' });
      }
    }
    expect((await get(app, '/api/users')).status).toBe(401);
    const other = await signedIn(app, 'admin@outra.example');
    expect((await patch(app, `/api/users/${MARIA.id}`, { disabled: true }, other)).status).toBe(404);
    expect((await patch(app, '/api/users/not-a-uuid', { disabled: true }, other)).status).toBe(404);
  });

  it('lists people with role, customer and last activity; changes a role; refuses changing oneself', async () => {
    const { app } = makeApp();
    const admin = await signedIn(app, 'admin@arco.example');
    await signedIn(app, 'cliente@techcorp.example');
    const list = (await (await get(app, '/api/users', admin)).json()) as {
      users: { email: string; role: string; customerName: string | null; lastActiveAt: string | null }[];
    };
    expect(list.users.map((u) => [u.email, u.role, u.customerName, u.lastActiveAt !== null])).toEqual([
      ['admin@arco.example', 'admin', null, true],
      ['cliente@techcorp.example', 'client', 'Fintech ABC', true],
      ['maria@arco.example', 'csm', null, false],
    ]);
    const promoted = await patch(app, `/api/users/${MARIA.id}`, { role: 'admin' }, admin);
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ user: { id: MARIA.id, role: 'admin' } });
    const self = await patch(app, `/api/users/${TEST_USERS[0]!.id}`, { role: 'csm' }, admin);
    expect(self.status).toBe(409);
    expect(await errorOf(self)).toMatchObject({ details: { reason: 'self' } });
    const clientRole = await patch(app, `/api/users/${TEST_USERS[2]!.id}`, { role: 'csm' }, admin);
    expect(await errorOf(clientRole)).toMatchObject({ code: 'conflict', details: { reason: 'client_role' } });
    expect((await patch(app, `/api/users/${MARIA.id}`, {}, admin)).status).toBe(422);
  });

  it('disabling someone ends their sessions: their device hears account_disabled on its next contact', async () => {
    const { app } = makeApp();
    const admin = await signedIn(app, 'admin@arco.example');
    const maria = await signedIn(app, 'maria@arco.example');
    expect((await get(app, '/api/auth/me', maria)).status).toBe(200);
    expect((await patch(app, `/api/users/${MARIA.id}`, { disabled: true }, admin)).status).toBe(200);
    for (const path of ['/api/auth/me', '/api/users']) {
      const res = await get(app, path, maria);
      expect(res.status, path).toBe(401);
      expect(await errorOf(res)).toMatchObject({
        code: 'unauthorized',
        details: { reason: 'account_disabled' },
      });
      // The cookie stays until the device has wiped and signed out (logout clears it).
      expect(setCookies(res).has('arco_session')).toBe(false);
    }
    const out = await post(app, '/api/auth/logout', {}, maria);
    expect(out.status).toBe(204);
    maria.store(out);
    const after = await get(app, '/api/auth/me', maria);
    expect(await errorOf(after)).toEqual({ code: 'unauthorized', message: 'Sign in to continue.' });
    expect((await login(app, 'maria@arco.example')).status).toBe(401);

    const log = auditPageSchema.parse(
      await (await get(app, '/api/users/audit?limit=5', admin)).json(),
    ) as AuditPage;
    expect(log.entries[0]).toMatchObject({
      action: 'user.disabled',
      actor: { email: 'admin@arco.example' },
      subject: { email: 'maria@arco.example' },
      details: { sessionsEnded: 1 },
    });
    const bad = await get(app, '/api/users/audit?limit=0', admin);
    expect(bad.status).toBe(422);
    expect(await errorOf(bad)).toMatchObject({ code: 'validation_failed' });
  });
});

describe('first run', () => {
  it('is refused once an organization exists', async () => {
    const { app } = makeApp();
    expect(await (await get(app, '/api/setup')).json()).toEqual({ needed: false });
    const res = await post(app, '/api/setup', {
      organizationName: 'Intrusa',
      name: 'Eva',
      email: 'eva@intrusa.example',
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: 'conflict', details: { reason: 'already_set_up' } });
  });

  it('on an empty database creates the organization and its admin, signs them in, and only once', async () => {
    const { app } = makeApp({ empty: true });
    expect(await (await get(app, '/api/setup')).json()).toEqual({ needed: true });
    const invalid = await post(app, '/api/setup', {
      organizationName: '',
      name: 'Eva',
      email: 'eva',
      password: 'x',
    });
    expect(invalid.status).toBe(422);
    expect(
      ((await errorOf(invalid)).details?.issues as { path: string }[]).map((i) => i.path).sort(),
    ).toEqual(['email', 'organizationName', 'password']);
    const jar = new CookieJar();
    const res = await post(app, '/api/setup', {
      organizationName: 'Agência Aurora',
      name: 'Eva Souza',
      email: 'eva@aurora.example',
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(201);
    jar.store(res);
    expect(await (await get(app, '/api/auth/me', jar)).json()).toMatchObject({
      user: { email: 'eva@aurora.example', role: 'admin', customerId: null },
    });
    expect(await (await get(app, '/api/setup')).json()).toEqual({ needed: false });
    expect(
      (
        await post(app, '/api/setup', {
          organizationName: 'B',
          name: 'B',
          email: 'b@b.example',
          password: NEW_PASSWORD,
        })
      ).status,
    ).toBe(409);
    const log = auditPageSchema.parse(await (await get(app, '/api/users/audit', jar)).json());
    expect(log.entries.map((e) => e.action)).toEqual(['organization.created']);
  });
});
