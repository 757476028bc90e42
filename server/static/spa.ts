import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import {
  isCompressibleType,
  negotiateEncoding,
  varyOnAcceptEncoding,
  type ContentCoding,
} from '../http/compression.ts';

/**
 * Serves the built PWA (Vite's `dist/`) with the caching a service-worker app needs:
 * - `/assets/*` carry a content hash in their name → cached for a year, `immutable`;
 * - everything else (`index.html`, `sw.js`, `manifest.webmanifest`, icons…) → `no-cache`: the browser may keep
 *   a copy but revalidates (ETag / Last-Modified → 304), so a new deploy is picked up at once and the service
 *   worker's update check always sees the current `sw.js`.
 * SPA fallback: a GET navigation to a path that is not a file (`/customers/42`) gets `index.html`; a missing
 * *asset* (`/assets/gone.js`, anything with an extension that is not a navigation) falls through to 404, so a
 * stale chunk never receives HTML. `/api/*` is never handled here.
 *
 * Precompressed files: the build writes `x.js.br` and `x.js.gz` beside each textual file worth it
 * (scripts/vite/precompress.ts, brotli at its maximum quality). A client that accepts one gets that file as it
 * is, with `Content-Encoding`, the original's `Content-Type`, `Vary: Accept-Encoding` and an ETag of its own
 * (the representation differs). A sibling older than its original is ignored (a file replaced after the
 * build, e.g. a redeployed `sw.js`), and then the app's compression middleware compresses on the fly.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function serveSpa(options: { readonly root: string }): MiddlewareHandler {
  const root = resolve(options.root);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();

    const target = safeJoin(root, path);
    if (target) {
      const file = await fileAt(target.endsWith(sep) ? join(target, 'index.html') : target);
      if (file)
        return sendFile(c, file.path, file.stats, path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
      const dirIndex = await fileAt(join(target, 'index.html'));
      if (dirIndex) return sendFile(c, dirIndex.path, dirIndex.stats, REVALIDATE);
    }
    if (isNavigation(c, path)) {
      const index = await fileAt(join(root, 'index.html'));
      if (index) return sendFile(c, index.path, index.stats, REVALIDATE);
    }
    return next();
  };
}

/** Decoded request path inside `root`, or null for anything that could escape it or is not a plain path. */
function safeJoin(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.' || (s.startsWith('.') && s !== '.well-known')))
    return null;
  const full = resolve(root, `.${decoded}`);
  if (full !== root && !full.startsWith(root + sep)) return null;
  return decoded.endsWith('/') ? full + sep : full;
}

async function fileAt(path: string): Promise<{ path: string; stats: Stats } | null> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? { path, stats } : null;
  } catch {
    return null;
  }
}

/** A page load (not a fetch of a script, image or JSON): asked-for HTML, or an extension-less path. */
function isNavigation(c: Context, path: string): boolean {
  if (c.req.header('sec-fetch-mode') === 'navigate') return true;
  if ((c.req.header('accept') ?? '').includes('text/html')) return true;
  return extname(path) === '';
}

const PRECOMPRESSED: Readonly<Record<ContentCoding, string>> = { br: '.br', gzip: '.gz' };

async function sendFile(c: Context, path: string, stats: Stats, cacheControl: string): Promise<Response> {
  const contentType = getMimeType(path) ?? 'application/octet-stream';
  const compressible = isCompressibleType(contentType);
  const variant = compressible ? await precompressedVariant(c, path, stats) : null;
  const body = variant ?? { path, stats, coding: null };
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${body.coding ? `-${body.coding}` : ''}"`;
  c.header('Cache-Control', cacheControl);
  c.header('ETag', etag);
  c.header('Last-Modified', stats.mtime.toUTCString());
  c.header('Content-Type', contentType);
  if (compressible) c.header('Vary', varyOnAcceptEncoding(c.res.headers.get('Vary')));
  if (notModified(c, etag, stats.mtime)) return c.body(null, 304);
  if (body.coding) c.header('Content-Encoding', body.coding);
  c.header('Content-Length', String(body.stats.size));
  if (c.req.method === 'HEAD') return c.body(null, 200);
  const stream = Readable.toWeb(createReadStream(body.path)) as ReadableStream<Uint8Array>;
  return c.body(stream, 200);
}

/** The precompressed sibling the client accepts best, if one exists and is not older than the file. */
async function precompressedVariant(
  c: Context,
  path: string,
  original: Stats,
): Promise<{ path: string; stats: Stats; coding: ContentCoding } | null> {
  const accept = c.req.header('accept-encoding');
  if (!accept) return null;
  const found: { path: string; stats: Stats; coding: ContentCoding }[] = [];
  for (const coding of Object.keys(PRECOMPRESSED) as ContentCoding[]) {
    const file = await fileAt(path + PRECOMPRESSED[coding]);
    if (file && file.stats.mtimeMs >= original.mtimeMs) found.push({ ...file, coding });
  }
  const chosen = negotiateEncoding(
    accept,
    found.map((f) => f.coding),
  );
  return found.find((f) => f.coding === chosen) ?? null;
}

function notModified(c: Context, etag: string, mtime: Date): boolean {
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === '*' || t === etag.replace(/^W\//, ''));
  }
  const ifModifiedSince = c.req.header('if-modified-since');
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince);
    return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}
