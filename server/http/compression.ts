import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import {
  brotliCompress,
  constants,
  createBrotliCompress,
  createGzip,
  gzip,
  type BrotliCompress,
  type BrotliOptions,
  type Gzip,
  type ZlibOptions,
} from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/**
 * Negotiated response compression (issue 16): brotli or gzip, whichever the client accepts, br preferred at
 * equal weight (≈ 15–25 % smaller than gzip on our JSON and scripts). A CSM's first sync is megabytes of JSON
 * on a weak mobile signal, so the bytes matter more than the server's few milliseconds of CPU.
 *
 * Invariants:
 * - Server-Sent Events (`text/event-stream`: the sync stream, the performance "ao vivo" panel) are never
 *   compressed: a compressor buffers until its block fills, which would hold events back indefinitely.
 * - Only textual types are compressed (JSON, text, scripts, SVG, the web manifest); images and fonts already
 *   are. A response that already has a `Content-Encoding` (the static server's precompressed files,
 *   server/static/spa.ts), a body under `threshold` bytes, `HEAD`, 204/206/304 or `Cache-Control: no-transform`
 *   is left as it is.
 * - Every response of a compressible type says `Vary: Accept-Encoding`, compressed or not, so no shared cache
 *   hands a gzip body to a client that did not ask for it.
 *
 * - A body that arrives whole within `wholeBodyLimit` bytes (every API answer: Hono hands over a string it already
 *   built, as one chunk) is compressed in one call on libuv's threadpool and sent with its `Content-Length`: no
 *   web-stream ⇄ Node-stream round trips, no per-16-KB callbacks on the event loop (issue 16: for a 330 KB sync
 *   page those callbacks and the streams' chunk copies were ≈ 10 % of the server's main-thread time under
 *   load), and concurrent compressions use every core. Only a longer body (a large uncompressed static file) is
 *   compressed as a stream, with the bytes read so far in front.
 *
 * Levels: brotli quality 4 and gzip level 6 are the usual choice for responses built per request — close to
 * the best ratio for JSON at a fraction of quality 11's CPU (static files are precompressed at build with the
 * maximum instead, scripts/vite/precompress.ts).
 */
export type ContentCoding = 'br' | 'gzip';

export const DEFAULT_THRESHOLD_BYTES = 1024;
/** Past this a body is compressed as a stream (the largest pull page, 1,000 customers, is ≈ 4 MB of JSON). */
export const DEFAULT_WHOLE_BODY_LIMIT_BYTES = 16 * 1024 * 1024;
const CODINGS: readonly ContentCoding[] = ['br', 'gzip'];

const COMPRESSIBLE =
  /^\s*(?:text\/(?!event-stream)[\w.+-]+|application\/(?:[\w.+-]+\+)?(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)\s*(?:;|$)/i;

export function isCompressibleType(contentType: string | null | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType);
}

/**
 * The coding to answer with for an `Accept-Encoding` header, among `available` (in the server's order of
 * preference), or null for the identity encoding. Honors q-values, `q=0` refusals and `*`.
 */
export function negotiateEncoding(
  acceptEncoding: string | null | undefined,
  available: readonly ContentCoding[] = CODINGS,
): ContentCoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k?.toLowerCase() === 'q') q = Number(v);
    }
    if (Number.isFinite(q)) weights.set(name.trim().toLowerCase(), Math.min(1, Math.max(0, q)));
  }
  let best: { coding: ContentCoding; q: number } | null = null;
  for (const coding of available) {
    const q = weights.get(coding) ?? weights.get('*') ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { coding, q };
  }
  return best?.coding ?? null;
}

/** Adds `Accept-Encoding` to a `Vary` header value unless it (or `*`) is already there. */
export function varyOnAcceptEncoding(current: string | null): string {
  if (!current) return 'Accept-Encoding';
  if (current.trim() === '*' || /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(current)) return current;
  return `${current}, Accept-Encoding`;
}

const GZIP_OPTIONS: ZlibOptions = { level: 6 };
const brotliOptions = (sizeHint: number | null): BrotliOptions => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 4,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    ...(sizeHint ? { [constants.BROTLI_PARAM_SIZE_HINT]: sizeHint } : {}),
  },
});

function compressor(coding: ContentCoding, sizeHint: number | null): BrotliCompress | Gzip {
  if (coding === 'gzip') return createGzip(GZIP_OPTIONS);
  return createBrotliCompress(brotliOptions(sizeHint));
}

const brotliOnce = promisify(brotliCompress);
const gzipOnce = promisify(gzip);

/** A whole body compressed in one call, on libuv's threadpool (the event loop only gets the result). */
function compressWhole(coding: ContentCoding, body: Buffer): Promise<Buffer> {
  return coding === 'gzip' ? gzipOnce(body, GZIP_OPTIONS) : brotliOnce(body, brotliOptions(body.byteLength));
}

export function compressResponses(
  options: { threshold?: number; wholeBodyLimit?: number } = {},
): MiddlewareHandler {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD_BYTES;
  const wholeBodyLimit = Math.max(threshold, options.wholeBodyLimit ?? DEFAULT_WHOLE_BODY_LIMIT_BYTES);
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!isCompressibleType(res.headers.get('Content-Type'))) return;
    res.headers.set('Vary', varyOnAcceptEncoding(res.headers.get('Vary')));
    if (
      c.req.method === 'HEAD' ||
      !res.body ||
      res.status === 204 ||
      res.status === 206 ||
      res.status === 304 ||
      res.headers.has('Content-Encoding') ||
      /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')
    )
      return;
    const declared = res.headers.get('Content-Length');
    const length = declared === null ? null : Number(declared);
    if (length !== null && length < threshold) return;
    const coding = negotiateEncoding(c.req.header('Accept-Encoding'));
    if (!coding) return;

    // Read up to `wholeBodyLimit` bytes: a body that ends by then is answered whole — as it is under `threshold`
    // (c.json() declares no length), compressed in one call above it. A longer one is streamed.
    const reader = res.body.getReader();
    const head: Uint8Array[] = [];
    let headBytes = 0;
    let ended = false;
    while ((length === null || length <= wholeBodyLimit) && headBytes <= wholeBodyLimit) {
      const chunk = await reader.read();
      if (chunk.done) {
        ended = true;
        break;
      }
      head.push(chunk.value);
      headBytes += chunk.value.byteLength;
    }
    if (ended) {
      const whole =
        head.length === 1
          ? Buffer.from(head[0]!.buffer, head[0]!.byteOffset, headBytes)
          : Buffer.concat(head);
      const headers = new Headers(res.headers);
      let body = whole;
      if (whole.byteLength >= threshold) {
        body = await compressWhole(coding, whole);
        headers.set('Content-Encoding', coding);
        weakenETag(headers);
      }
      headers.set('Content-Length', String(body.byteLength));
      c.res = undefined;
      c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
      return;
    }
    async function* everything() {
      yield* head;
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return;
        yield chunk.value;
      }
    }

    const zip = compressor(coding, length);
    const source = Readable.from(everything(), { objectMode: false });
    // A failing source (a client gone mid-response) must end the compressor too, not leave it open.
    source.on('error', (error) => zip.destroy(error));
    zip.on('close', () => void reader.cancel().catch(() => undefined));
    source.pipe(zip);
    const headers = new Headers(res.headers);
    headers.delete('Content-Length');
    headers.set('Content-Encoding', coding);
    weakenETag(headers);
    c.res = undefined;
    c.res = new Response(Readable.toWeb(zip) as unknown as ReadableStream<Uint8Array>, {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
  };
}

/** A compressed body is not byte-identical to the uncompressed one: a strong validator becomes weak. */
function weakenETag(headers: Headers): void {
  const etag = headers.get('ETag');
  if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
}
