import { relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * The bundle budget (issue 16): the JavaScript a route needs before it can draw — the entry chunk, the chunks
 * it imports statically, and the route's own lazy chunks with theirs — must stay within `maxBytes` on the wire.
 * Measured after the build renders its chunks, compressed as the static server sends them (the build's .br and
 * .gz siblings, scripts/vite/precompress.ts). The budget applies to brotli — what every current browser
 * accepts and gets — and the gzip figure is printed beside it; the build fails past the budget, naming the
 * heaviest chunks.
 *
 * A route is named by the source modules it waits for (`modules`, paths from the project root), usually its
 * page. A module missing from the build fails it too, so a renamed page cannot silently drop out of the check.
 */
export interface RouteBudget {
  readonly label: string;
  readonly modules: readonly string[];
  /** Brotli bytes the route may load before it renders. */
  readonly maxBytes: number;
}

export interface BudgetChunk {
  readonly fileName: string;
  readonly code: string;
  readonly isEntry: boolean;
  /** Chunks this one imports statically (loaded with it, before it runs). */
  readonly imports: readonly string[];
  /** Source modules rendered into it, relative to the project root with `/` separators. */
  readonly modules: readonly string[];
}

export interface RouteWeight {
  readonly label: string;
  readonly chunks: readonly { fileName: string; raw: number; gzip: number; brotli: number }[];
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

/** Every chunk the route loads before it can render, each once: the entry's and each module's static closure. */
export function chunksForRoute(chunks: readonly BudgetChunk[], route: RouteBudget): BudgetChunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entries = chunks.filter((c) => c.isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
  const roots = [entries[0]!];
  for (const module of route.modules) {
    const home = chunks.find((c) => c.modules.includes(module));
    if (!home) throw new Error(`bundle budget "${route.label}": ${module} is in no chunk of the build`);
    roots.push(home);
  }
  const seen = new Map<string, BudgetChunk>();
  const visit = (chunk: BudgetChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const next = byName.get(name);
      if (next) visit(next);
    }
  };
  roots.forEach(visit);
  return [...seen.values()];
}

export function weighRoute(chunks: readonly BudgetChunk[], route: RouteBudget): RouteWeight {
  const weighed = chunksForRoute(chunks, route).map((c) => {
    const code = Buffer.from(c.code);
    return {
      fileName: c.fileName,
      raw: code.length,
      gzip: gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).length,
      brotli: brotliCompressSync(code, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
      }).length,
    };
  });
  const sum = (k: 'raw' | 'gzip' | 'brotli') => weighed.reduce((s, c) => s + c[k], 0);
  return {
    label: route.label,
    chunks: weighed.sort((a, b) => b.brotli - a.brotli),
    raw: sum('raw'),
    gzip: sum('gzip'),
    brotli: sum('brotli'),
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export function describeWeight(w: RouteWeight): string {
  return `${w.label}: ${kb(w.gzip)} gzip, ${kb(w.brotli)} brotli (${kb(w.raw)} raw) in ${w.chunks.length} chunks`;
}

/** The routes' weights, and an error message for every route whose brotli size exceeds its `maxBytes`. */
export function checkBudget(
  chunks: readonly BudgetChunk[],
  routes: readonly RouteBudget[],
): { weights: RouteWeight[]; failures: string[] } {
  const weights = routes.map((r) => weighRoute(chunks, r));
  const failures = routes
    .map((route, i) => ({ route, w: weights[i]! }))
    .filter(({ route, w }) => w.brotli > route.maxBytes)
    .map(
      ({ route, w }) =>
        `${describeWeight(w)} — over the budget of ${kb(route.maxBytes)} brotli. Heaviest: ${w.chunks
          .slice(0, 5)
          .map((c) => `${c.fileName} ${kb(c.brotli)}`)
          .join(
            ', ',
          )}. Load what the route does not need with lazyPage() or import() (docs/architecture.md §14.2).`,
    );
  return { weights, failures };
}

export function bundleBudget(options: { routes: readonly RouteBudget[] }): Plugin {
  let root = process.cwd();
  let log: (message: string) => void = () => undefined;
  return {
    name: 'arco:bundle-budget',
    apply: 'build',
    configResolved(config) {
      root = resolve(config.root);
      log = (message) => config.logger.info(message);
    },
    generateBundle(_output, bundle) {
      const chunks: BudgetChunk[] = [];
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks.push({
          fileName: item.fileName,
          code: item.code,
          isEntry: item.isEntry,
          imports: item.imports,
          modules: Object.keys(item.modules).map((id) => relative(root, id).split(sep).join('/')),
        });
      }
      const { weights, failures } = checkBudget(chunks, options.routes);
      weights.forEach((w, i) =>
        log(`bundle budget · ${describeWeight(w)} (budget ${kb(options.routes[i]!.maxBytes)} brotli)`),
      );
      if (failures.length > 0) this.error(failures.join('\n'));
    },
  };
}

/** One entry of Vite's build manifest (`build.manifest`, `dist/.vite/manifest.json`). */
export interface ViteManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}

/**
 * The chunks of a finished build from its manifest and files (the bundle-size bench weighs a build it did not
 * run the plugin in). A chunk's modules are known only when it is an entry's facade (`src`): enough for routes
 * named by their page, as BUDGET_ROUTES are.
 */
export function chunksFromViteManifest(
  manifest: Readonly<Record<string, ViteManifestChunk>>,
  readCode: (file: string) => string,
): BudgetChunk[] {
  return Object.values(manifest)
    .filter((c) => c.file.endsWith('.js'))
    .map((c) => ({
      fileName: c.file,
      code: readCode(c.file),
      isEntry: c.isEntry === true,
      imports: (c.imports ?? []).map((key) => manifest[key]?.file ?? key),
      modules: c.src ? [c.src] : [],
    }));
}
