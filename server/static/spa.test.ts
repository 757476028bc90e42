import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
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
