import { beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, TEST_PASSWORD, TEST_USERS, jsonHeaders, login, testLogins } from '../http/testing.ts';
import { makeAccountsApp, type AccountsTestApp } from './account-testing.ts';
import { RESET_LIMITS, RESET_LINK_MINUTES } from './password-reset-routes.ts';
import type { LoginRecord } from './store.ts';

let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

const MARIA = TEST_USERS[1]!;
const NEW_PASSWORD = 'nova-senha-forte-1';
const MINUTE = 60_000;

const post = (t: AccountsTestApp, path: string, body: unknown, ip = '203.0.113.20') =>
  t.app.request(`/api/auth/password-reset${path}`, {
    method: 'POST',
    headers: jsonHeaders({ ip }),
    body: JSON.stringify(body),
  });

/** Asks for a link for `email` and returns the token of the mail it produced (if any). */
async function requestLink(t: AccountsTestApp, email: string): Promise<string> {
  const before = t.sent.length;
  expect((await post(t, '', { email })).status).toBe(202);
  await t.settle();
  const mail = t.sent[before];
  if (!mail) throw new Error(`no mail for ${email}`);
  const token = /#token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no token in ${mail.text}`);
  return token;
}

describe('POST /api/auth/password-reset', () => {
  it('mails a single-use link to PUBLIC_ORIGIN for a known address, in the user\u2019s language', async () => {
    const t = makeAccountsApp(logins, { config: { publicOrigin: 'https://arco.example.com' } });
    const res = await t.app.request('https://arco.example.com/api/auth/password-reset', {
      method: 'POST',
      headers: jsonHeaders({ origin: 'https://arco.example.com', ip: '203.0.113.20' }),
      body: JSON.stringify({ email: '  Maria@Arco.example ' }),
    });
    expect(res.status).toBe(202);
    await t.settle();
    expect(t.sent).toHaveLength(1);
    const mail = t.sent[0]!;
    expect(mail.to).toBe('maria@arco.example');
    expect(mail.subject).toBe('Redefina sua senha do Arco');
    expect(mail.text).toMatch(/^Olá, Maria Santos\./);
    expect(mail.text).toMatch(/https:\/\/arco\.example\.com\/redefinir-senha#token=[A-Za-z0-9_-]{43}\n/);
    expect(mail.text).toContain('expira em 1 hora');
    expect(mail.html).toContain('href="https://arco.example.com/redefinir-senha#token=');
  });

  it('writes English mail for an English-speaking user', async () => {
    const english = logins.map((l) =>
      l.user.id === MARIA.id ? { ...l, user: { ...l.user, locale: 'en' } } : l,
    );
    const t = makeAccountsApp(english);
    await requestLink(t, 'maria@arco.example');
    expect(t.sent[0]?.subject).toBe('Reset your Arco password');
    expect(t.sent[0]?.text).toContain('expires in 1 hour');
  });

  it('answers an unknown or disabled address exactly like a known one, and mails nothing', async () => {
    const t = makeAccountsApp(logins);
    t.store.setDisabled(TEST_USERS[2]!.id, true);
    const answers = [];
    for (const email of ['maria@arco.example', 'ninguem@arco.example', TEST_USERS[2]!.email]) {
      const res = await post(t, '', { email });
      answers.push({ status: res.status, body: await res.text(), type: res.headers.get('content-type') });
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toEqual({ status: 202, body: '{"accepted":true}', type: 'application/json' });
    await t.settle();
    expect(t.sent.map((m) => m.to)).toEqual(['maria@arco.example']);
  });

  it('refuses a body that is not an address with 422', async () => {
    const t = makeAccountsApp(logins);
    const res = await post(t, '', { email: 'not-an-address' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });

  it(`limits mails per address as typed (${RESET_LIMITS.perEmail} an hour), known or not, with Retry-After`, async () => {
    const t = makeAccountsApp(logins);
    for (const email of ['maria@arco.example', 'ninguem@arco.example']) {
      for (let i = 0; i < RESET_LIMITS.perEmail; i += 1)
        expect((await post(t, '', { email }, `198.51.100.${i}`)).status).toBe(202);
      t.clock.advance(MINUTE);
      const limited = await post(t, '', { email }, '198.51.100.99');
      expect(limited.status).toBe(429);
      expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    await t.settle();
    expect(t.sent).toHaveLength(RESET_LIMITS.perEmail);
    // The window slides: an hour after the first request, one more is allowed.
    t.clock.advance(RESET_LIMITS.windowMs);
    expect((await post(t, '', { email: 'maria@arco.example' })).status).toBe(202);
  });

  it(`limits requests per client address (${RESET_LIMITS.perAddress} an hour)`, async () => {
    const t = makeAccountsApp(logins);
    for (let i = 0; i < RESET_LIMITS.perAddress; i += 1)
      expect((await post(t, '', { email: `pessoa${i}@x.example` }, '192.0.2.7')).status).toBe(202);
    expect((await post(t, '', { email: 'maria@arco.example' }, '192.0.2.7')).status).toBe(429);
    expect((await post(t, '', { email: 'maria@arco.example' }, '192.0.2.8')).status).toBe(202);
  });
});

describe('verify and confirm', () => {
  it('sets the new password once: the old one stops working, every session ends, the link is spent', async () => {
    const t = makeAccountsApp(logins);
    const phone = new CookieJar();
    const laptop = new CookieJar();
    expect((await login(t.app, MARIA.email, TEST_PASSWORD, { jar: phone })).status).toBe(200);
    expect((await login(t.app, MARIA.email, TEST_PASSWORD, { jar: laptop })).status).toBe(200);
    const token = await requestLink(t, MARIA.email);

    const verify = await post(t, '/verify', { token });
    expect(verify.status).toBe(200);
    expect(await verify.json()).toEqual({
      email: MARIA.email,
      expiresAt: new Date(t.clock.now().getTime() + RESET_LINK_MINUTES * MINUTE).toISOString(),
    });

    expect((await post(t, '/confirm', { token, password: NEW_PASSWORD })).status).toBe(204);
    for (const jar of [phone, laptop])
      expect((await t.app.request('/api/auth/me', { headers: { cookie: jar.header() } })).status).toBe(401);
    expect((await login(t.app, MARIA.email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(t.app, MARIA.email, NEW_PASSWORD)).status).toBe(200);

    const again = await post(t, '/confirm', { token, password: 'outra-senha-forte' });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await post(t, '/verify', { token })).status).toBe(404);
    expect((await login(t.app, MARIA.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('spends every open link of the user when one is used', async () => {
    const t = makeAccountsApp(logins);
    const first = await requestLink(t, MARIA.email);
    const second = await requestLink(t, MARIA.email);
    expect((await post(t, '/confirm', { token: second, password: NEW_PASSWORD })).status).toBe(204);
    expect((await post(t, '/confirm', { token: first, password: 'outra-senha-forte' })).status).toBe(404);
  });

  it(`expires a link after ${RESET_LINK_MINUTES} minutes`, async () => {
    const t = makeAccountsApp(logins);
    const token = await requestLink(t, MARIA.email);
    t.clock.advance(RESET_LINK_MINUTES * MINUTE - 1000);
    expect((await post(t, '/verify', { token })).status).toBe(200);
    t.clock.advance(1000);
    expect((await post(t, '/verify', { token })).status).toBe(404);
    expect((await post(t, '/confirm', { token, password: NEW_PASSWORD })).status).toBe(404);
    expect((await login(t.app, MARIA.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses a short password with 422 and keeps the link usable', async () => {
    const t = makeAccountsApp(logins);
    const token = await requestLink(t, MARIA.email);
    const res = await post(t, '/confirm', { token, password: 'curta' });
    expect(res.status).toBe(422);
    expect((await post(t, '/confirm', { token, password: NEW_PASSWORD })).status).toBe(204);
  });

  it('answers an unknown or malformed token with the same 404 / 422 as always, and a disabled user\u2019s link never works', async () => {
    const t = makeAccountsApp(logins);
    const unknown = 'A'.repeat(43);
    expect((await post(t, '/verify', { token: unknown })).status).toBe(404);
    expect((await post(t, '/confirm', { token: 'short', password: NEW_PASSWORD })).status).toBe(422);
    const token = await requestLink(t, MARIA.email);
    t.store.setDisabled(MARIA.id, true);
    expect((await post(t, '/confirm', { token, password: NEW_PASSWORD })).status).toBe(404);
  });
});
