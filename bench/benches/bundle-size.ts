import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET_ROUTES } from '../../scripts/vite/budget-routes.ts';
import {
  chunksFromViteManifest,
  weighRoute,
  type ViteManifestChunk,
} from '../../scripts/vite/bundle-budget.ts';
import { benchBuildFixture } from '../browser/app-servers.ts';
import type { Bench } from '../harness/bench.ts';
import { STATED_ROWS } from '../harness/issue-table.ts';
import type { IssueFigure } from '../harness/report.ts';

/**
 * The first route's JavaScript on the wire (issue 16): a fresh production build (the browser benches' build,
 * `vite build` with the project's config) weighed from its manifest — for the sign-in route and the customer
 * list, the entry, the page and everything they import statically, each chunk once. The baseline is the same
 * bytes uncompressed (what the server sent before compression); gzip (level 9) and brotli (quality 11) are what
 * the build's precompressed siblings hold. The device database, loaded beside the page when a session opens,
 * is reported on its own line. Sizes only, no timings: printed as facts.
 */
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export const bundleSize: Bench = {
  name: 'bundle-size',
  description:
    "the first route's JavaScript of a fresh build: uncompressed (baseline) vs gzip vs brotli, per route",
  environment: 'node',
  async run(ctx) {
    const built = await benchBuildFixture(ctx);
    const read = (file: string) => readFileSync(join(built.dir, file), 'utf8');
    const manifest = JSON.parse(read('.vite/manifest.json')) as Record<string, ViteManifestChunk>;
    const chunks = chunksFromViteManifest(manifest, read);
    const weighed = BUDGET_ROUTES.map((route) => ({ route, w: weighRoute(chunks, route) }));
    const facts = weighed.map(({ route, w }) => {
      return {
        label: `first route · ${route.label}`,
        value:
          `${kb(w.raw)} uncompressed (baseline) → ${kb(w.gzip)} gzip (${((w.gzip / w.raw) * 100).toFixed(0)} %) → ` +
          `${kb(w.brotli)} brotli (${((w.brotli / w.raw) * 100).toFixed(0)} %), ${w.chunks.length} chunks; ` +
          `budget ${kb(route.maxBytes)} brotli${w.brotli > route.maxBytes ? ' — OVER' : ''}`,
      };
    });
    const database = weighRoute(chunks, {
      label: 'device database',
      modules: ['client/db/browser-device-sessions.ts'],
      maxBytes: Number.POSITIVE_INFINITY,
    });
    const entryOnly = weighRoute(chunks, { label: 'entry', modules: [], maxBytes: Number.POSITIVE_INFINITY });
    facts.push({
      label: 'device database (loads when a session opens)',
      value: `+${kb(database.gzip - entryOnly.gzip)} gzip, +${kb(database.brotli - entryOnly.brotli)} brotli beyond the entry`,
    });
    const firstRoute: IssueFigure = {
      what: STATED_ROWS.firstRoute,
      figure: weighed.map(({ route, w }) => `${route.label} ${kb(w.brotli)}`).join('; '),
      baseline: `uncompressed: ${weighed.map(({ route, w }) => `${route.label} ${kb(w.raw)}`).join('; ')}`,
      met: weighed.every(({ route, w }) => w.brotli <= route.maxBytes),
    };
    return { tables: [], facts, issueFigures: [firstRoute] };
  },
};
