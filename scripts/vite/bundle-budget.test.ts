import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkBudget, chunksForRoute, chunksFromViteManifest, type BudgetChunk } from './bundle-budget.ts';

const chunk = (fileName: string, over: Partial<BudgetChunk> = {}): BudgetChunk => ({
  fileName,
  code: `export const x = ${JSON.stringify(fileName)};`,
  isEntry: false,
  imports: [],
  modules: [],
  ...over,
});

/** An entry with a shared static import, two lazy pages (one with a library of its own) and a lazy chart. */
const graph: BudgetChunk[] = [
  chunk('index.js', { isEntry: true, imports: ['react.js'], modules: ['client/main.tsx'] }),
  chunk('react.js', { modules: ['node_modules/react/index.js'] }),
  chunk('sign-in.js', { imports: ['react.js', 'form.js'], modules: ['client/sign-in-page.tsx'] }),
  chunk('form.js', { modules: ['client/ui/form.tsx'] }),
  chunk('list.js', { imports: ['react.js', 'virtual.js'], modules: ['client/list-page.tsx'] }),
  chunk('virtual.js', { modules: ['node_modules/virtual/index.js'] }),
  chunk('charts.js', { modules: ['node_modules/recharts/index.js'] }),
];

const names = (chunks: readonly BudgetChunk[]) => chunks.map((c) => c.fileName).sort();

describe('chunksForRoute', () => {
  it('is the entry, the route page and their static imports, each once — never another route or a lazy chart', () => {
    const route = { label: 'sign-in', modules: ['client/sign-in-page.tsx'], maxBytes: 1 };
    expect(names(chunksForRoute(graph, route))).toEqual(['form.js', 'index.js', 'react.js', 'sign-in.js']);
    const list = { label: 'list', modules: ['client/list-page.tsx'], maxBytes: 1 };
    expect(names(chunksForRoute(graph, list))).toEqual(['index.js', 'list.js', 'react.js', 'virtual.js']);
  });

  it('refuses a module the build does not have (a renamed page must not leave the check)', () => {
    expect(() =>
      chunksForRoute(graph, { label: 'gone', modules: ['client/renamed-page.tsx'], maxBytes: 1 }),
    ).toThrow(/client\/renamed-page.tsx is in no chunk/);
  });
});

describe('checkBudget', () => {
  it('passes under the budget and names the route and its heaviest chunks past it', () => {
    // Random bytes do not compress: the route then weighs about their size on the wire.
    const heavy = graph.map((c) =>
      c.fileName === 'virtual.js' ? { ...c, code: randomBytes(30_000).toString('base64') } : c,
    );
    const sign = { label: 'sign-in', modules: ['client/sign-in-page.tsx'], maxBytes: 10_000 };
    const list = { label: 'list', modules: ['client/list-page.tsx'], maxBytes: 10_000 };
    const { weights, failures } = checkBudget(heavy, [sign, list]);
    expect(weights.map((w) => w.label)).toEqual(['sign-in', 'list']);
    expect(weights[0]!.brotli).toBeLessThan(10_000);
    expect(weights[1]!.brotli).toBeGreaterThan(30_000);
    expect(weights[1]!.gzip).toBeGreaterThan(weights[1]!.brotli * 0.9);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^list: .* over the budget of 10\.0 KB brotli\. Heaviest: virtual\.js/);
    expect(checkBudget(heavy, [{ ...list, maxBytes: 100_000 }]).failures).toEqual([]);
  });
});

describe('chunksFromViteManifest', () => {
  it('rebuilds the graph from the manifest: static imports by file, pages by their source', () => {
    const manifest = {
      'index.html': { file: 'assets/index-a.js', src: 'index.html', isEntry: true, imports: ['_react-b.js'] },
      '_react-b.js': { file: 'assets/react-b.js' },
      'client/sign-in-page.tsx': {
        file: 'assets/sign-in-c.js',
        src: 'client/sign-in-page.tsx',
        imports: ['_react-b.js'],
      },
      'style.css': { file: 'assets/style.css' },
    };
    const chunks = chunksFromViteManifest(manifest, (file) => `/* ${file} */`);
    expect(names(chunks)).toEqual(['assets/index-a.js', 'assets/react-b.js', 'assets/sign-in-c.js']);
    const route = { label: 'sign-in', modules: ['client/sign-in-page.tsx'], maxBytes: 1 };
    expect(names(chunksForRoute(chunks, route))).toEqual([
      'assets/index-a.js',
      'assets/react-b.js',
      'assets/sign-in-c.js',
    ]);
  });
});
