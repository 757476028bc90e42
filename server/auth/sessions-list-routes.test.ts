import { beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, TEST_USERS, jsonHeaders, testLogins } from '../http/testing.ts';
import { makeAccountsApp, type AccountsTestApp } from './account-testing.ts';
import { describeUserAgent } from './sessions-list-routes.ts';
import type { LoginRecord } from './store.ts';

let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

const MARIA = TEST_USERS[1]!;
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const MAC_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

async function signIn(t: AccountsTestApp, email: string, userAgent: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { ...jsonHeaders({ ip: '203.0.113.10' }), 'user-agent': userAgent },
    body: JSON.stringify({ email, password: 'arco-demo' }),
  });
  expect(res.status).toBe(200);
  jar.store(res);
  return jar;
}

const list = async (t: AccountsTestApp, jar: CookieJar) => {
  const res = await t.app.request('/api/auth/sessions', { headers: { cookie: jar.header() } });
  return { status: res.status, body: (await res.json()) as { sessions: Record<string, unknown>[] } };
};
const me = async (t: AccountsTestApp, jar: CookieJar) =>
  (await t.app.request('/api/auth/me', { headers: { cookie: jar.header() } })).status;

describe('/api/auth/sessions', () => {
  it('lists the user\u2019s own live devices with browser, system, last use and this device marked', async () => {
    const t = makeAccountsApp(logins);
    const phone = await signIn(t, MARIA.email, ANDROID_CHROME);
    t.clock.advance(60_000);
    const mac = await signIn(t, MARIA.email, MAC_SAFARI);
    await signIn(t, TEST_USERS[0]!.email, MAC_SAFARI); // someone else's: never listed
    const { status, body } = await list(t, mac);
    expect(status).toBe(200);
    expect(body.sessions).toEqual([
      {
        id: expect.any(String),
        browser: 'Safari',
        os: 'macOS',
        device: 'desktop',
        createdAt: '2026-03-02T12:01:00.000Z',
        lastSeenAt: '2026-03-02T12:01:00.000Z',
        current: true,
      },
      {
        id: expect.any(String),
        browser: 'Chrome',
        os: 'Android',
        device: 'mobile',
        createdAt: '2026-03-02T12:00:00.000Z',
        lastSeenAt: '2026-03-02T12:00:00.000Z',
        current: false,
      },
    ]);
    expect(await me(t, phone)).toBe(200);
  });

  it('signs out of one other device, refuses this one and strangers\u2019 ids', async () => {
    const t = makeAccountsApp(logins);
    const phone = await signIn(t, MARIA.email, ANDROID_CHROME);
    const mac = await signIn(t, MARIA.email, MAC_SAFARI);
    const admin = await signIn(t, TEST_USERS[0]!.email, MAC_SAFARI);
    const sessions = (await list(t, mac)).body.sessions;
    const phoneId = sessions.find((s) => !s.current)!.id as string;
    const thisId = sessions.find((s) => s.current)!.id as string;
    const del = (jar: CookieJar, id: string) =>
      t.app.request(`/api/auth/sessions/${id}`, {
        method: 'DELETE',
        headers: jsonHeaders({ cookie: jar.header() }),
      });

    expect((await del(admin, phoneId)).status).toBe(404);
    expect(await me(t, phone)).toBe(200);
    expect((await del(mac, thisId)).status).toBe(409);
    expect((await del(mac, phoneId)).status).toBe(204);
    expect(await me(t, phone)).toBe(401);
    expect(await me(t, mac)).toBe(200);
    expect((await del(mac, phoneId)).status).toBe(404);
    expect((await list(t, mac)).body.sessions.map((s) => s.id)).toEqual([thisId]);
  });

  it('"Sair dos outros dispositivos" ends every other session of the user only', async () => {
    const t = makeAccountsApp(logins);
    const phone = await signIn(t, MARIA.email, ANDROID_CHROME);
    const tablet = await signIn(t, MARIA.email, ANDROID_CHROME);
    const mac = await signIn(t, MARIA.email, MAC_SAFARI);
    const admin = await signIn(t, TEST_USERS[0]!.email, MAC_SAFARI);
    const res = await t.app.request('/api/auth/sessions/revoke-others', {
      method: 'POST',
      headers: jsonHeaders({ cookie: mac.header() }),
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ended: 2 });
    expect([await me(t, phone), await me(t, tablet), await me(t, mac), await me(t, admin)]).toEqual([
      401, 401, 200, 200,
    ]);
  });

  it('leaves out sessions past the idle timeout and needs a session', async () => {
    const t = makeAccountsApp(logins);
    await signIn(t, MARIA.email, ANDROID_CHROME);
    t.clock.advance(t.config.session.idleMs - 60_000);
    const mac = await signIn(t, MARIA.email, MAC_SAFARI);
    t.clock.advance(120_000);
    expect((await list(t, mac)).body.sessions).toHaveLength(1);
    expect((await t.app.request('/api/auth/sessions')).status).toBe(401);
  });
});

describe('describeUserAgent', () => {
  it('names browser, system and kind of device, or nothing', () => {
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null, device: null });
    expect(describeUserAgent('curl/8.0')).toMatchObject({ os: null });
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', os: 'iOS', device: 'mobile' });
  });
});
