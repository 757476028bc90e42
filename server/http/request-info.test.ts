import { Hono, type Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress, expectedOrigin, isSecureRequest } from './request-info.ts';

/** Runs `probe` inside a real Hono context built from the given request (and Node socket address). */
async function inContext<T>(
  probe: (c: Context) => T,
  init: { url?: string; headers?: Record<string, string>; socket?: string } = {},
): Promise<T> {
  let result: T | undefined;
  const app = new Hono().get('*', (c) => {
    result = probe(c);
    return c.body(null, 204);
  });
  const env = init.socket ? { incoming: { socket: { remoteAddress: init.socket } } } : undefined;
  await app.request(init.url ?? 'http://localhost/x', { headers: init.headers ?? {} }, env);
  return result as T;
}

const direct = { publicOrigin: undefined, trustProxy: 0 };
const oneProxy = { publicOrigin: undefined, trustProxy: 1 };

describe('clientAddress', () => {
  it('uses the socket address and ignores X-Forwarded-For without a trusted proxy', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    expect(await inContext((c) => clientAddress(c, direct), { headers, socket: '198.51.100.1' })).toBe(
      '198.51.100.1',
    );
  });

  it('takes the N-th address from the right behind N proxies (left entries are client-controlled)', async () => {
    const headers = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.2' };
    expect(await inContext((c) => clientAddress(c, oneProxy), { headers })).toBe('10.0.0.2');
    expect(await inContext((c) => clientAddress(c, { ...oneProxy, trustProxy: 2 }), { headers })).toBe(
      '203.0.113.9',
    );
  });

  it('strips ports and brackets, and falls back to the socket for garbage', async () => {
    expect(
      await inContext((c) => clientAddress(c, oneProxy), {
        headers: { 'x-forwarded-for': '203.0.113.9:4711' },
      }),
    ).toBe('203.0.113.9');
    expect(
      await inContext((c) => clientAddress(c, oneProxy), {
        headers: { 'x-forwarded-for': '[2001:db8::1]:443' },
      }),
    ).toBe('2001:db8::1');
    expect(
      await inContext((c) => clientAddress(c, oneProxy), {
        headers: { 'x-forwarded-for': 'evil' },
        socket: '10.1.1.1',
      }),
    ).toBe('10.1.1.1');
    expect(await inContext((c) => clientAddress(c, direct))).toBe('unknown');
  });
});

describe('addressKey', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s → %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe('isSecureRequest / expectedOrigin', () => {
  it('follow PUBLIC_ORIGIN when set', async () => {
    const config = { publicOrigin: 'https://arco.example.com', trustProxy: 0 };
    expect(await inContext((c) => isSecureRequest(c, config))).toBe(true);
    expect(await inContext((c) => expectedOrigin(c, config))).toBe('https://arco.example.com');
  });

  it('use the request itself otherwise', async () => {
    expect(await inContext((c) => isSecureRequest(c, direct), { url: 'https://a.example:8443/x' })).toBe(
      true,
    );
    expect(await inContext((c) => expectedOrigin(c, direct), { url: 'http://localhost:3000/x' })).toBe(
      'http://localhost:3000',
    );
  });

  it('use X-Forwarded-Proto/Host only behind a trusted proxy', async () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'arco.example.com' };
    expect(await inContext((c) => expectedOrigin(c, oneProxy), { headers })).toBe('https://arco.example.com');
    expect(await inContext((c) => isSecureRequest(c, oneProxy), { headers })).toBe(true);
    expect(await inContext((c) => expectedOrigin(c, direct), { headers })).toBe('http://localhost');
    expect(await inContext((c) => isSecureRequest(c, direct), { headers })).toBe(false);
  });
});
