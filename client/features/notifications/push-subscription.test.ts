import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../platform/key-value-store.ts';
import type { DevicePushSubscription, PushPermission, PushPlatform } from '../../platform/push.ts';
import {
  base64UrlToBytes,
  disablePush,
  enablePush,
  PUSH_DECLINED_KEY,
  pushDeclined,
  pushState,
  declinePush,
  reregisterPush,
} from './push-subscription.ts';

/** A P-256 public key as the server would publish it (65 bytes, uncompressed point), base64url. */
const PUBLIC_KEY = Buffer.from(Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : i))).toString(
  'base64url',
);
const OTHER_KEY = Buffer.from(Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : 200 - i))).toString(
  'base64url',
);

function fakeSubscription(endpoint: string, key: Uint8Array, log: string[]): DevicePushSubscription {
  return {
    endpoint,
    applicationServerKey: key.slice().buffer,
    toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'BPUB', auth: 'AUTH' } }),
    unsubscribe: async () => {
      log.push(`unsubscribe ${endpoint}`);
      return true;
    },
  };
}

function fakePlatform(opts: {
  permission?: PushPermission;
  answer?: PushPermission;
  existing?: { endpoint: string; key: string };
  subscribeFails?: boolean;
}) {
  const log: string[] = [];
  let permission = opts.permission ?? 'default';
  let current: DevicePushSubscription | null = opts.existing
    ? fakeSubscription(opts.existing.endpoint, base64UrlToBytes(opts.existing.key), log)
    : null;
  const platform: PushPlatform = {
    permission: () => permission,
    requestPermission: async () => {
      log.push('prompt');
      permission = opts.answer ?? 'granted';
      return permission;
    },
    currentSubscription: async () => current,
    subscribe: async (key) => {
      if (opts.subscribeFails) throw new Error('Registration failed - push service error');
      log.push(`subscribe ${Buffer.from(key).toString('base64url')}`);
      const subscription = fakeSubscription('https://fcm.googleapis.com/fcm/send/new', key, log);
      current = {
        ...subscription,
        unsubscribe: async () => {
          current = null;
          return subscription.unsubscribe();
        },
      };
      return current;
    },
  };
  return { platform, log };
}

type Route = (init: RequestInit | undefined) => Response;
function fakeFetch(routes: Record<string, Route>, calls: { method: string; path: string; body: unknown }[]) {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const route = routes[`${method} ${path}`];
    if (!route) throw new TypeError('Failed to fetch');
    return route(init);
  }) as typeof fetch;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const serverRoutes: Record<string, Route> = {
  'GET /api/push/vapid-public-key': () => json(200, { publicKey: PUBLIC_KEY }),
  'POST /api/push/subscriptions': () => json(201, { ok: true }),
  'DELETE /api/push/subscriptions': () => new Response(null, { status: 204 }),
};

describe('enablePush', () => {
  it('asks the browser, subscribes with the server key and registers the subscription JSON', async () => {
    const { platform, log } = fakePlatform({});
    const calls: { method: string; path: string; body: unknown }[] = [];
    const store = memoryStore();
    const result = await enablePush({ platform, fetch: fakeFetch(serverRoutes, calls), baseUrl: '' }, store);
    expect(result).toEqual({ status: 'on' });
    expect(log).toEqual(['prompt', `subscribe ${PUBLIC_KEY}`]);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/push/vapid-public-key',
      'POST /api/push/subscriptions',
    ]);
    expect(calls[1]!.body).toEqual({
      endpoint: 'https://fcm.googleapis.com/fcm/send/new',
      expirationTime: null,
      keys: { p256dh: 'BPUB', auth: 'AUTH' },
    });
    expect(await pushState(platform)).toBe('on');
    expect(pushDeclined(store)).toBe(false);
  });

  it('remembers a refusal by the browser and never asks the server', async () => {
    const { platform, log } = fakePlatform({ answer: 'denied' });
    const calls: { method: string; path: string; body: unknown }[] = [];
    const store = memoryStore();
    expect(await enablePush({ platform, fetch: fakeFetch(serverRoutes, calls), baseUrl: '' }, store)).toEqual(
      {
        status: 'denied',
      },
    );
    expect(log).toEqual(['prompt']);
    expect(calls).toEqual([]);
    expect(store.getItem(PUSH_DECLINED_KEY)).toBe('denied');
    expect(await pushState(platform)).toBe('denied');
  });

  it('a prompt closed without an answer is not a refusal', async () => {
    const { platform } = fakePlatform({ answer: 'default' });
    const store = memoryStore();
    const result = await enablePush({ platform, fetch: fakeFetch(serverRoutes, []), baseUrl: '' }, store);
    expect(result).toEqual({ status: 'dismissed' });
    expect(pushDeclined(store)).toBe(false);
  });

  it('reuses a subscription made with the same key and replaces one made with another key', async () => {
    const same = fakePlatform({
      permission: 'granted',
      existing: { endpoint: 'https://fcm.googleapis.com/fcm/send/old', key: PUBLIC_KEY },
    });
    const calls: { method: string; path: string; body: unknown }[] = [];
    await enablePush(
      { platform: same.platform, fetch: fakeFetch(serverRoutes, calls), baseUrl: '' },
      memoryStore(),
    );
    expect(same.log).toEqual([]);
    expect(calls[1]!.body).toMatchObject({ endpoint: 'https://fcm.googleapis.com/fcm/send/old' });

    const other = fakePlatform({
      permission: 'granted',
      existing: { endpoint: 'https://fcm.googleapis.com/fcm/send/old', key: OTHER_KEY },
    });
    await enablePush(
      { platform: other.platform, fetch: fakeFetch(serverRoutes, []), baseUrl: '' },
      memoryStore(),
    );
    expect(other.log).toEqual([
      'unsubscribe https://fcm.googleapis.com/fcm/send/old',
      `subscribe ${PUBLIC_KEY}`,
    ]);
  });

  it('says what went wrong: no browser support, offline, the push service, the server', async () => {
    const store = memoryStore();
    expect(
      await enablePush({ platform: null, fetch: fakeFetch(serverRoutes, []), baseUrl: '' }, store),
    ).toEqual({
      status: 'unsupported',
    });
    const granted = () => fakePlatform({ permission: 'granted' }).platform;
    expect(await enablePush({ platform: granted(), fetch: fakeFetch({}, []), baseUrl: '' }, store)).toEqual({
      status: 'offline',
    });
    expect(
      await enablePush(
        {
          platform: fakePlatform({ permission: 'granted', subscribeFails: true }).platform,
          fetch: fakeFetch(serverRoutes, []),
          baseUrl: '',
        },
        store,
      ),
    ).toEqual({ status: 'failed', message: 'Registration failed - push service error' });
    const refusing = {
      ...serverRoutes,
      'POST /api/push/subscriptions': () =>
        json(422, {
          error: { code: 'validation_failed', message: 'endpoint host is not an allowed push service' },
        }),
    };
    expect(
      await enablePush({ platform: granted(), fetch: fakeFetch(refusing, []), baseUrl: '' }, store),
    ).toEqual({
      status: 'failed',
      message: 'endpoint host is not an allowed push service',
    });
  });
});

describe('disablePush', () => {
  it('removes the subscription from the server (by endpoint), then from the browser', async () => {
    const { platform, log } = fakePlatform({
      permission: 'granted',
      existing: { endpoint: 'https://fcm.googleapis.com/fcm/send/old', key: PUBLIC_KEY },
    });
    const calls: { method: string; path: string; body: unknown }[] = [];
    expect(await disablePush({ platform, fetch: fakeFetch(serverRoutes, calls), baseUrl: '' })).toBe('off');
    expect(calls).toEqual([
      {
        method: 'DELETE',
        path: '/api/push/subscriptions',
        body: { endpoint: 'https://fcm.googleapis.com/fcm/send/old' },
      },
    ]);
    expect(log).toEqual(['unsubscribe https://fcm.googleapis.com/fcm/send/old']);
  });

  it('still unsubscribes the browser when the server cannot be reached; nothing to do without a subscription', async () => {
    const { platform, log } = fakePlatform({
      permission: 'granted',
      existing: { endpoint: 'https://fcm.googleapis.com/fcm/send/old', key: PUBLIC_KEY },
    });
    expect(await disablePush({ platform, fetch: fakeFetch({}, []), baseUrl: '' })).toBe('off-locally');
    expect(log).toEqual(['unsubscribe https://fcm.googleapis.com/fcm/send/old']);
    const calls: { method: string; path: string; body: unknown }[] = [];
    expect(
      await disablePush({
        platform: fakePlatform({}).platform,
        fetch: fakeFetch(serverRoutes, calls),
        baseUrl: '',
      }),
    ).toBe('off');
    expect(await disablePush({ platform: null, fetch: fakeFetch(serverRoutes, calls), baseUrl: '' })).toBe(
      'off',
    );
    expect(calls).toEqual([]);
  });
});

describe('reregisterPush (after a sign-in)', () => {
  it('posts an existing subscription again; never asks, never subscribes', async () => {
    const existing = { endpoint: 'https://fcm.googleapis.com/fcm/send/old', key: PUBLIC_KEY };
    const granted = fakePlatform({ permission: 'granted', existing });
    const calls: { method: string; path: string; body: unknown }[] = [];
    expect(
      await reregisterPush({
        platform: granted.platform,
        fetch: fakeFetch(serverRoutes, calls),
        baseUrl: '',
      }),
    ).toBe(true);
    expect(calls.map((c) => [c.method, c.path, (c.body as { endpoint: string }).endpoint])).toEqual([
      ['POST', '/api/push/subscriptions', 'https://fcm.googleapis.com/fcm/send/old'],
    ]);
    expect(granted.log).toEqual([]);

    const none: { method: string; path: string; body: unknown }[] = [];
    const asking = fakePlatform({ permission: 'default', existing });
    expect(
      await reregisterPush({ platform: asking.platform, fetch: fakeFetch(serverRoutes, none), baseUrl: '' }),
    ).toBe(false);
    const empty = fakePlatform({ permission: 'granted' });
    expect(
      await reregisterPush({ platform: empty.platform, fetch: fakeFetch(serverRoutes, none), baseUrl: '' }),
    ).toBe(false);
    expect(
      await reregisterPush({ platform: granted.platform, fetch: fakeFetch({}, none), baseUrl: '' }),
    ).toBe(false);
    expect(none.filter((c) => c.path !== '/api/push/subscriptions' || c.method !== 'POST')).toEqual([]);
    expect([...asking.log, ...empty.log]).toEqual([]);
  });
});

describe('the remembered "not now"', () => {
  it('is kept on the device until a later tap turns pushes on', async () => {
    const store = memoryStore();
    declinePush(store);
    expect(pushDeclined(store)).toBe(true);
    await enablePush(
      { platform: fakePlatform({}).platform, fetch: fakeFetch(serverRoutes, []), baseUrl: '' },
      store,
    );
    expect(pushDeclined(store)).toBe(false);
  });
});

describe('base64UrlToBytes', () => {
  it('decodes base64url without padding', () => {
    expect([...base64UrlToBytes('-_8')]).toEqual([0xfb, 0xff]);
    expect(Buffer.from(base64UrlToBytes(PUBLIC_KEY)).toString('base64url')).toBe(PUBLIC_KEY);
  });
});
