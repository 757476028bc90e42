import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../http/testing.ts';
import { IMMUTABLE, REVALIDATE } from './spa.ts';

let root: string;
let outside: string;
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'arco-spa-'));
  root = join(base, 'dist');
  outside = join(base, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(root, 'icons'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-CT6Tif6a.js'), 'console.log(1)');
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("push", () => {})');
  writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Arco"}');
  writeFileSync(join(root, 'icons', 'icon-192.png'), 'png');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(outside, 'top secret');
  // A chunk as the build leaves it: the file and its precompressed siblings (scripts/vite/precompress.ts).
  writeFileSync(join(root, 'assets', 'big-Ab12Cd34.js'), BIG_SCRIPT);
  writeFileSync(join(root, 'assets', 'big-Ab12Cd34.js.br'), brotliCompressSync(BIG_SCRIPT));
  writeFileSync(join(root, 'assets', 'big-Ab12Cd34.js.gz'), gzipSync(BIG_SCRIPT));
  // A file replaced after the build (a redeployed sw.js): its sibling is older and must not be served.
  writeFileSync(join(root, 'stale.js'), BIG_SCRIPT);
  writeFileSync(join(root, 'stale.js.br'), brotliCompressSync('console.log("old build")'));
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(root, 'stale.js.br'), past, past);
});

const BIG_SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ i, name: `row ${i}` })))};`;
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const app = () => makeTestApp([], { staticRoot: root }).app;
const html = { accept: 'text/html,application/xhtml+xml' };

describe('serving the built PWA', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', REVALIDATE],
    ['/index.html', 'text/html; charset=utf-8', REVALIDATE],
    ['/assets/index-CT6Tif6a.js', 'text/javascript; charset=utf-8', IMMUTABLE],
    ['/sw.js', 'text/javascript; charset=utf-8', REVALIDATE],
    ['/manifest.webmanifest', 'application/manifest+json', REVALIDATE],
    ['/icons/icon-192.png', 'image/png', REVALIDATE],
  ])('%s with the right type and caching', async (path, type, cache) => {
    const res = await app().request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe(cache);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('etag')).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
  });

  it('falls back to index.html for app routes (deep links, offline-first navigation)', async () => {
    for (const [path, headers] of [
      ['/customers/42', {}],
      ['/portal/invoices', html],
      ['/customers/acme.com', html],
      ['/x', { 'sec-fetch-mode': 'navigate' }],
    ] as const) {
      const res = await app().request(path, { headers });
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe(REVALIDATE);
    }
  });

  it('answers 404 (never HTML) for a missing asset and for unknown API paths', async () => {
    const missing = await app().request('/assets/index-OLDHASH.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/json/);
    const api = await app().request('/api/nothing', { headers: html });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('revalidates with ETag and If-Modified-Since (304)', async () => {
    const first = await app().request('/sw.js');
    const etag = first.headers.get('etag')!;
    const byEtag = await app().request('/sw.js', { headers: { 'if-none-match': etag } });
    expect(byEtag.status).toBe(304);
    expect(await byEtag.text()).toBe('');
    const byDate = await app().request('/sw.js', {
      headers: { 'if-modified-since': first.headers.get('last-modified')! },
    });
    expect(byDate.status).toBe(304);
    const stale = await app().request('/sw.js', { headers: { 'if-none-match': 'W/"0-0"' } });
    expect(stale.status).toBe(200);
  });

  it('answers HEAD with headers only', async () => {
    const res = await app().request('/sw.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String('self.addEventListener("push", () => {})'.length));
    expect(await res.text()).toBe('');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/.env',
    '/%00index.html',
  ])('never serves a file outside dist/ or a dotfile: %s', async (path) => {
    const res = await app().request(path);
    const body = await res.text();
    expect(body).not.toContain('top secret');
    expect(body).not.toContain('SECRET=1');
  });

  it('does not answer non-GET methods with files', async () => {
    const res = await app().request('/index.html', { method: 'DELETE' });
    expect(res.status).toBe(404);
  });
});

describe('precompressed and compressed static files', () => {
  const accept = (value: string) => ({ headers: { 'accept-encoding': value } });

  it("serves the build's .br or .gz sibling as negotiated, with the original's type and caching", async () => {
    for (const [value, coding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await app().request('/assets/big-Ab12Cd34.js', accept(value));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(coding);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      const wire = Buffer.from(await res.arrayBuffer());
      expect(res.headers.get('content-length')).toBe(String(wire.length));
      expect(decode(wire).toString()).toBe(BIG_SCRIPT);
    }
    const plain = await app().request('/assets/big-Ab12Cd34.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await plain.text()).toBe(BIG_SCRIPT);
  });

  it('gives each representation its own ETag and revalidates it (304)', async () => {
    const br = await app().request('/assets/big-Ab12Cd34.js', accept('br'));
    const plain = await app().request('/assets/big-Ab12Cd34.js');
    const etag = br.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+-br"$/);
    expect(etag).not.toBe(plain.headers.get('etag'));
    const again = await app().request('/assets/big-Ab12Cd34.js', {
      headers: { 'accept-encoding': 'br', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('ignores a sibling older than its file and compresses the current bytes instead', async () => {
    const res = await app().request('/stale.js', accept('br'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(BIG_SCRIPT);
  });

  it('never compresses images (already compressed)', async () => {
    const res = await app().request('/icons/icon-192.png', accept('br, gzip'));
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBeNull();
  });
});
