import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes `x.br` and `x.gz` beside every textual file of the build (issue 16), at the best ratio each format has
 * — built once, served many times: server/static/spa.ts sends the sibling the browser accepts, with the
 * original's type and caching. A sibling is kept only if it is meaningfully smaller than the file.
 *
 * Runs after everything else has written `dist/`, the PWA plugin's service worker included (`closeBundle`,
 * `order: 'post'`, listed after VitePWA). The precache manifest never lists the siblings (its glob matches
 * `.js`, `.css`, `.html`… only), so the service worker downloads each file once, compressed on the wire.
 */
const TEXTUAL = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
/** Below this a file fits one packet anyway (the server's on-the-fly threshold is the same). */
export const PRECOMPRESS_MIN_BYTES = 1024;
/** A sibling that saves less than this share is not worth a second copy. */
const MAX_RATIO = 0.9;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export function brotliMax(data: Buffer): Promise<Buffer> {
  return brotli(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

export const gzipMax = (data: Buffer): Promise<Buffer> => gz(data, { level: constants.Z_BEST_COMPRESSION });

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Precompresses the textual files under `dir`; returns how many siblings were written. */
export async function precompressDirectory(dir: string): Promise<number> {
  const paths: string[] = [];
  for await (const path of filesUnder(dir)) {
    if (TEXTUAL.test(path) && (await stat(path)).size >= PRECOMPRESS_MIN_BYTES) paths.push(path);
  }
  const one = async (path: string, suffix: string, compress: (data: Buffer) => Promise<Buffer>) => {
    const data = await readFile(path);
    const packed = await compress(data);
    if (packed.length > data.length * MAX_RATIO) return 0;
    await writeFile(path + suffix, packed);
    return 1;
  };
  // zlib's async calls run on libuv's pool (4 threads): a few files at a time keep it busy.
  const jobs = paths.flatMap((path) => [() => one(path, '.br', brotliMax), () => one(path, '.gz', gzipMax)]);
  let written = 0;
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const n = await job();
      written += n;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return written;
}

export function precompress(): Plugin {
  let outDir = 'dist';
  let log: (message: string) => void = () => undefined;
  return {
    name: 'arco:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      log = (message) => config.logger.info(message);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler(error) {
        if (error) return;
        const started = performance.now();
        const written = await precompressDirectory(outDir);
        log(`precompressed ${written} files (.br, .gz) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
