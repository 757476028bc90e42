import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { Config } from '../config.ts';

/**
 * Facts about a request that depend on how we are deployed (directly, or behind TRUST_PROXY reverse proxies).
 * X-Forwarded-* headers are honoured only when TRUST_PROXY says a proxy sets them — otherwise any client
 * could spoof its address or scheme.
 */
type Deployment = Pick<Config, 'publicOrigin' | 'trustProxy'>;

const firstValue = (header: string | undefined) => header?.split(',')[0]?.trim().toLowerCase() || undefined;

/** Whether the user reached us over HTTPS (decides Secure/__Host- cookies and HSTS). */
export function isSecureRequest(c: Context, config: Deployment): boolean {
  if (config.publicOrigin) return config.publicOrigin.startsWith('https:');
  if (config.trustProxy > 0) {
    const proto = firstValue(c.req.header('x-forwarded-proto'));
    if (proto) return proto === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

/** The origin a same-origin request carries in its `Origin` header. */
export function expectedOrigin(c: Context, config: Deployment): string {
  if (config.publicOrigin) return config.publicOrigin;
  const url = new URL(c.req.url);
  if (config.trustProxy > 0) {
    const host = firstValue(c.req.header('x-forwarded-host'));
    const proto = firstValue(c.req.header('x-forwarded-proto'));
    if (host || proto) return `${proto ?? url.protocol.replace(':', '')}://${host ?? url.host}`;
  }
  return url.origin;
}

/**
 * The client's address. With N trusted proxies, each appends the address it received from, so the client is
 * the N-th entry from the right of X-Forwarded-For (entries further left are client-controlled).
 */
export function clientAddress(c: Context, config: Deployment): string {
  if (config.trustProxy > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const candidate = chain[Math.max(0, chain.length - config.trustProxy)];
    if (candidate && isIP(stripPort(candidate))) return stripPort(candidate);
  }
  return socketAddress(c) ?? 'unknown';
}

function socketAddress(c: Context): string | undefined {
  // @hono/node-server passes the Node request as `env.incoming` (see @hono/node-server/conninfo).
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) return bracketed[1];
  return /^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address) ? address.slice(0, address.lastIndexOf(':')) : address;
}

/**
 * The key rate limits count by: the IPv4 address, or the /64 prefix of an IPv6 address (one subscriber gets
 * a whole /64, so per-address limits on IPv6 are trivially bypassed). IPv4-mapped IPv6 becomes IPv4.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIP(address) !== 6) return address;
  const groups = expandIPv6(address.split('%')[0] ?? address);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  // An embedded IPv4 tail (e.g. 64:ff9b::1.2.3.4) becomes two hex groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}
