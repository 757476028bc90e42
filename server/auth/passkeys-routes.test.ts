import { beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, TEST_USERS, jsonHeaders, login, testLogins } from '../http/testing.ts';
import { SoftAuthenticator, makeAccountsApp, type AccountsTestApp } from './account-testing.ts';
import { CHALLENGE_MS, PASSKEY_LIMITS } from './passkeys-routes.ts';
import type { LoginRecord } from './store.ts';

let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

const MARIA = TEST_USERS[1]!;
const ORIGIN = 'http://localhost';

const call = async (t: AccountsTestApp, path: string, body?: unknown, jar?: CookieJar, ip?: string) => {
  const res = await t.app.request(`/api/auth/passkeys${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: jsonHeaders({ cookie: jar?.header(), ...(ip ? { ip } : {}) }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  jar?.store(res);
  return res;
};

type Options = { challenge: string; rp?: { id: string }; rpId?: string; authenticatorSelection?: unknown };

/** Maria signs in with her password and registers `device` as "Celular". */
async function registered(t: AccountsTestApp, device = new SoftAuthenticator(ORIGIN, 'localhost')) {
  const jar = new CookieJar();
  await login(t.app, MARIA.email, undefined, { jar });
  const options = (await (await call(t, '/registration/options', {}, jar)).json()) as Options;
  const res = await call(t, '/registration', { name: 'Celular', response: device.register(options) }, jar);
  expect(res.status).toBe(201);
  return { jar, device };
}

async function signInOptions(t: AccountsTestApp): Promise<Options> {
  const res = await call(t, '/authentication/options', {});
  expect(res.status).toBe(200);
  return (await res.json()) as Options;
}

describe('passkey registration', () => {
  it('asks for a discoverable, user-verifying credential for our RP ID and lists the registered one', async () => {
    const t = makeAccountsApp(logins);
    const jar = new CookieJar();
    await login(t.app, MARIA.email, undefined, { jar });
    const options = (await (await call(t, '/registration/options', {}, jar)).json()) as Options & {
      user: { name: string; displayName: string };
    };
    expect(options.rp).toEqual({ name: 'Arco', id: 'localhost' });
    expect(options.user).toMatchObject({ name: MARIA.email, displayName: 'Maria Santos' });
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'required',
    });
    const device = new SoftAuthenticator(ORIGIN, 'localhost');
    const res = await call(
      t,
      '/registration',
      { name: ' Celular ', response: device.register(options) },
      jar,
    );
    expect(res.status).toBe(201);
    const list = (await (await call(t, '', undefined, jar)).json()) as { passkeys: unknown[] };
    expect(list.passkeys).toEqual([
      {
        id: expect.any(String),
        name: 'Celular',
        createdAt: t.clock.now().toISOString(),
        lastUsedAt: null,
        backedUp: false,
      },
    ]);
  });

  it('needs a session', async () => {
    const t = makeAccountsApp(logins);
    expect((await call(t, '/registration/options', {})).status).toBe(401);
    expect((await call(t, '')).status).toBe(401);
  });

  it('refuses a reused challenge, another user\u2019s challenge, a foreign origin or RP ID, and an expired challenge', async () => {
    const t = makeAccountsApp(logins);
    const maria = new CookieJar();
    await login(t.app, MARIA.email, undefined, { jar: maria });
    const admin = new CookieJar();
    await login(t.app, TEST_USERS[0]!.email, undefined, { jar: admin });
    const optionsFor = async (jar: CookieJar) =>
      (await (await call(t, '/registration/options', {}, jar)).json()) as Options;
    const register = (jar: CookieJar, response: unknown) =>
      call(t, '/registration', { name: 'X', response }, jar);

    const used = await optionsFor(maria);
    expect((await register(maria, new SoftAuthenticator(ORIGIN, 'localhost').register(used))).status).toBe(
      201,
    );
    expect((await register(maria, new SoftAuthenticator(ORIGIN, 'localhost').register(used))).status).toBe(
      401,
    );

    const admins = await optionsFor(admin);
    expect((await register(maria, new SoftAuthenticator(ORIGIN, 'localhost').register(admins))).status).toBe(
      401,
    );

    const evil = new SoftAuthenticator('https://evil.example', 'localhost');
    expect((await register(maria, evil.register(await optionsFor(maria)))).status).toBe(401);
    const otherRp = new SoftAuthenticator(ORIGIN, 'evil.example');
    expect((await register(maria, otherRp.register(await optionsFor(maria)))).status).toBe(401);

    const late = await optionsFor(maria);
    t.clock.advance(CHALLENGE_MS);
    expect((await register(maria, new SoftAuthenticator(ORIGIN, 'localhost').register(late))).status).toBe(
      401,
    );
    const list = (await (await call(t, '', undefined, maria)).json()) as { passkeys: unknown[] };
    expect(list.passkeys).toHaveLength(1);
  });

  it('removes only the user\u2019s own passkey', async () => {
    const t = makeAccountsApp(logins);
    const { jar } = await registered(t);
    const [passkey] = ((await (await call(t, '', undefined, jar)).json()) as { passkeys: { id: string }[] })
      .passkeys;
    const admin = new CookieJar();
    await login(t.app, TEST_USERS[0]!.email, undefined, { jar: admin });
    const remove = (j: CookieJar) =>
      t.app.request(`/api/auth/passkeys/${passkey!.id}`, {
        method: 'DELETE',
        headers: jsonHeaders({ cookie: j.header() }),
      });
    expect((await remove(admin)).status).toBe(404);
    expect((await remove(jar)).status).toBe(204);
    expect((await remove(jar)).status).toBe(404);
    expect(((await (await call(t, '', undefined, jar)).json()) as { passkeys: unknown[] }).passkeys).toEqual(
      [],
    );
  });
});

describe('passkey sign-in', () => {
  it('signs in without an e-mail: a session cookie and the user, and the passkey\u2019s last use', async () => {
    const t = makeAccountsApp(logins);
    const { device } = await registered(t);
    const options = await signInOptions(t);
    expect(options.rpId).toBe('localhost');
    expect(options).toMatchObject({ userVerification: 'required' });
    expect(options).not.toHaveProperty('allowCredentials.0');
    const browser = new CookieJar();
    const res = await call(t, '/authentication', { response: device.assert(options, MARIA.id) }, browser);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { id: string } }).user.id).toBe(MARIA.id);
    const me = await t.app.request('/api/auth/me', { headers: { cookie: browser.header() } });
    expect(me.status).toBe(200);
    const list = (await (await call(t, '', undefined, browser)).json()) as {
      passkeys: { lastUsedAt: string }[];
    };
    expect(list.passkeys[0]?.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('refuses a challenge used twice (replay)', async () => {
    const t = makeAccountsApp(logins);
    const { device } = await registered(t);
    const options = await signInOptions(t);
    expect((await call(t, '/authentication', { response: device.assert(options, MARIA.id) })).status).toBe(
      200,
    );
    const replay = await call(t, '/authentication', { response: device.assert(options, MARIA.id) });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({
      error: { code: 'unauthorized', message: 'This passkey could not be verified.' },
    });
  });

  it('refuses a challenge it never issued, and one past its lifetime', async () => {
    const t = makeAccountsApp(logins);
    const { device } = await registered(t);
    const forged = { challenge: Buffer.alloc(32, 7).toString('base64url') };
    expect((await call(t, '/authentication', { response: device.assert(forged, MARIA.id) })).status).toBe(
      401,
    );
    const options = await signInOptions(t);
    t.clock.advance(CHALLENGE_MS);
    expect((await call(t, '/authentication', { response: device.assert(options, MARIA.id) })).status).toBe(
      401,
    );
  });

  it('refuses a signature counter that goes backwards (a cloned authenticator)', async () => {
    const t = makeAccountsApp(logins);
    const { device } = await registered(t);
    device.counter = 5;
    expect(
      (await call(t, '/authentication', { response: device.assert(await signInOptions(t), MARIA.id) }))
        .status,
    ).toBe(200);
    device.counter = 5; // the clone reports the same count again
    expect(
      (await call(t, '/authentication', { response: device.assert(await signInOptions(t), MARIA.id) }))
        .status,
    ).toBe(401);
    device.counter = 3;
    expect(
      (await call(t, '/authentication', { response: device.assert(await signInOptions(t), MARIA.id) }))
        .status,
    ).toBe(401);
    device.counter = 9;
    expect(
      (await call(t, '/authentication', { response: device.assert(await signInOptions(t), MARIA.id) }))
        .status,
    ).toBe(200);
  });

  it('refuses an unknown credential, a wrong origin, a bad signature and a disabled user, all with the same 401', async () => {
    const t = makeAccountsApp(logins);
    const { device } = await registered(t);
    const stranger = new SoftAuthenticator(ORIGIN, 'localhost');
    const answers: unknown[] = [];
    const attempt = async (response: unknown) => {
      const res = await call(t, '/authentication', { response });
      answers.push({ status: res.status, body: await res.json() });
    };
    await attempt(stranger.assert(await signInOptions(t), MARIA.id));
    await attempt(device.assert(await signInOptions(t), MARIA.id, { origin: 'https://evil.example' }));
    const tampered = device.assert(await signInOptions(t), MARIA.id);
    tampered.response.signature = stranger.assert({ challenge: 'x'.repeat(43) }, MARIA.id).response.signature;
    await attempt(tampered);
    t.store.setDisabled(MARIA.id, true);
    await attempt(device.assert(await signInOptions(t), MARIA.id));
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([
        JSON.stringify({
          status: 401,
          body: { error: { code: 'unauthorized', message: 'This passkey could not be verified.' } },
        }),
      ]),
    );
  });

  it(`limits sign-in options per client address (${PASSKEY_LIMITS.perAddress} per 10 minutes)`, async () => {
    const t = makeAccountsApp(logins);
    for (let i = 0; i < PASSKEY_LIMITS.perAddress; i += 1)
      expect((await call(t, '/authentication/options', {}, undefined, '192.0.2.9')).status).toBe(200);
    expect((await call(t, '/authentication/options', {}, undefined, '192.0.2.9')).status).toBe(429);
    expect((await call(t, '/authentication/options', {}, undefined, '192.0.2.10')).status).toBe(200);
  });
});
