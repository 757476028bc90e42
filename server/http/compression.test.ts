import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './context.ts';
import {
  compressResponses,
  isCompressibleType,
  negotiateEncoding,
  varyOnAcceptEncoding,
} from './compression.ts';
import { makeTestApp } from './testing.ts';

describe('negotiateEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0.1', 'gzip'],
    ['BR', 'br'],
    ['*', 'br'],
    ['*;q=0.2, br;q=0', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['deflate', null],
  ] as const)('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('chooses only among the codings available', () => {
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(negotiateEncoding('br', ['gzip'])).toBeNull();
  });
});

describe('isCompressibleType and Vary', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=UTF-8', true],
    ['application/problem+json', true],
    ['text/html; charset=utf-8', true],
    ['text/javascript; charset=utf-8', true],
    ['text/css', true],
    ['image/svg+xml', true],
    ['application/manifest+json', true],
    ['text/event-stream', false],
    ['text/event-stream; charset=utf-8', false],
    ['image/png', false],
    ['font/woff2', false],
    ['application/octet-stream', false],
  ])('%s → %s', (type, expected) => {
    expect(isCompressibleType(type)).toBe(expected);
  });

  it('adds Accept-Encoding to Vary once', () => {
    expect(varyOnAcceptEncoding(null)).toBe('Accept-Encoding');
    expect(varyOnAcceptEncoding('Origin')).toBe('Origin, Accept-Encoding');
    expect(varyOnAcceptEncoding('origin, accept-encoding')).toBe('origin, accept-encoding');
    expect(varyOnAcceptEncoding('*')).toBe('*');
  });
});

/** Rows shaped like a sync page: repetitive JSON, as large as a real pull. */
const bigBody = {
  documents: Array.from({ length: 400 }, (_, i) => ({
    id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    name: `Cliente ${i} LTDA`,
    status: 'active',
    mrrCents: 150_000 + i,
  })),
};

function appWithRoutes() {
  const demo = new Hono<AppEnv>()
    .get('/big', (c) => c.json(bigBody))
    .get('/small', (c) => c.json({ ok: true }))
    .get('/png', (c) => c.body(new Uint8Array(4096), 200, { 'Content-Type': 'image/png' }))
    .get('/events', (c) =>
      // One event, then the stream stays open until the client goes: what the sync stream does.
      streamSSE(c, async (stream) => {
        await stream.writeSSE({ event: 'hello', data: JSON.stringify(bigBody) });
        await new Promise<void>((resolve) => stream.onAbort(resolve));
      }),
    );
  return makeTestApp([], { apiRoutes: { demo } }).app;
}

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('compressResponses in the app', () => {
  it('answers JSON in brotli or gzip as negotiated, with the API headers kept', async () => {
    const app = appWithRoutes();
    const plain = await app.request('/api/demo/big');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    const raw = await bytes(plain);
    expect(JSON.parse(raw.toString())).toEqual(bigBody);

    for (const [accept, coding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await app.request('/api/demo/big', { headers: { 'accept-encoding': accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(coding);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      const wire = await bytes(res);
      // A whole body is compressed in one call and sent with its length (no chunked stream).
      expect(res.headers.get('content-length')).toBe(String(wire.length));
      expect(wire.length).toBeLessThan(raw.length / 4);
      expect(JSON.parse(decode(wire).toString())).toEqual(bigBody);
    }
  });

  it('leaves small bodies, binary types, HEAD and error answers it cannot shrink alone', async () => {
    const app = appWithRoutes();
    const headers = { 'accept-encoding': 'br, gzip' };
    const small = await app.request('/api/demo/small', { headers });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const png = await app.request('/api/demo/png', { headers });
    expect(png.headers.get('content-encoding')).toBeNull();
    expect(png.headers.get('vary')).toBeNull();
    expect((await bytes(png)).length).toBe(4096);
    const head = await app.request('/api/demo/big', { method: 'HEAD', headers });
    expect(head.headers.get('content-encoding')).toBeNull();
    const missing = await app.request('/api/nothing-here', { headers });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBeNull();
  });

  it('compresses a body longer than wholeBodyLimit as a stream, the bytes read first in front', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => JSON.stringify(bigBody.documents[i]) + '\n');
    const app = new Hono()
      .use(compressResponses({ threshold: 64, wholeBodyLimit: 1024 }))
      .get('/long', (c) => {
        const encoder = new TextEncoder();
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
            controller.close();
          },
        });
        return c.body(body, 200, { 'Content-Type': 'text/plain' });
      })
      .get('/whole', (c) => c.text(chunks.join('').slice(0, 900)));
    for (const [accept, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const long = await app.request('/long', { headers: { 'accept-encoding': accept } });
      expect(long.headers.get('content-encoding')).toBe(accept);
      expect(long.headers.get('content-length')).toBeNull();
      expect(decode(await bytes(long)).toString()).toBe(chunks.join(''));
      const whole = await app.request('/whole', { headers: { 'accept-encoding': accept } });
      expect(whole.headers.get('content-encoding')).toBe(accept);
      const wire = await bytes(whole);
      expect(whole.headers.get('content-length')).toBe(String(wire.length));
      expect(decode(wire).toString()).toBe(chunks.join('').slice(0, 900));
    }
  });

  it('never compresses Server-Sent Events: an event arrives while the stream is still open', async () => {
    const app = appWithRoutes();
    const controller = new AbortController();
    const res = await app.request('/api/demo/events', {
      headers: { 'accept-encoding': 'br, gzip', accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('event: hello');
    controller.abort();
    await reader.cancel();
  });
});
