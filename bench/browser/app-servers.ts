import { existsSync } from 'node:fs';
import { testConfig } from '../../server/config.ts';
import { createTestDatabase } from '../../server/db/testing.ts';
import type { Database } from '../../server/db/database.ts';
import { createLogger } from '../../server/logger.ts';
import { startServer } from '../../server/main.ts';
import { seedDemoData } from '../../server/seed/index.ts';
import { CHROMIUM_PATH } from '../../e2e/support/browser.ts';
import { demoServerFixture } from '../fixtures/demo-server.ts';
import { BenchSkipped, type BenchContext } from '../harness/bench.ts';
import { buildAppForBench, type BenchBuild } from './build.ts';

/**
 * Fixtures of the browser benches: a fresh build of the app (with the bench-only module beside it) and real
 * servers that serve it together with the API, so headless Chromium loads the app, its service worker and its
 * data from one loopback origin — as an installed PWA would from production.
 *
 * - `demo`: the demo organization exactly as `npm start` seeds it (≈ 90 customers, every collection), on its
 *   own in-memory embedded database;
 * - `scaled`: a second HTTP server over the shared benchmark database (`demo-server` fixture: Arco Digital with
 *   `--customers` customers; only `customers` and `--collections` are seeded there).
 */
export interface AppServer {
  /** e.g. `http://localhost:41234`. */
  readonly origin: string;
  readonly label: string;
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH))
    throw new BenchSkipped(
      `no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH or install Debian's chromium)`,
    );
}

export const benchBuildFixture = (ctx: BenchContext): Promise<BenchBuild> =>
  ctx.fixtures.get('browser-app-build', async () => {
    ctx.log('building the app and the bench-only module…');
    const built = await buildAppForBench();
    ctx.runFact('app build (browser benches)', `${built.seconds.toFixed(1)} s, served from ${built.dir}`);
    return { value: built, dispose: () => built.dispose() };
  });

async function serve(db: Database, staticRoot: string) {
  return startServer({
    config: testConfig({ port: 0, host: '127.0.0.1', trustProxy: 0 }),
    logger: createLogger({ level: 'silent' }),
    db,
    seed: false,
    staticRoot,
  });
}

export const demoAppFixture = (ctx: BenchContext): Promise<AppServer> =>
  ctx.fixtures.get('browser-demo-app', async () => {
    const built = await benchBuildFixture(ctx);
    ctx.log('seeding the demo organization (as `npm start` does) into a fresh embedded database…');
    const started = performance.now();
    const test = await createTestDatabase();
    try {
      await seedDemoData(test.db, { log: (m) => ctx.log(`  seed: ${m}`) });
      ctx.runFact(
        'demo organization (browser benches)',
        `created, migrated and seeded in ${((performance.now() - started) / 1000).toFixed(1)} s (${test.kind})`,
      );
      const server = await serve(test.db, built.dir);
      return {
        value: { origin: server.url, label: 'demo organization' },
        async dispose() {
          await server.close();
          await test.close();
        },
      };
    } catch (error) {
      await test.close();
      throw error;
    }
  });

export const scaledAppFixture = (ctx: BenchContext): Promise<AppServer> =>
  ctx.fixtures.get('browser-scaled-app', async () => {
    const built = await benchBuildFixture(ctx);
    const demo = await demoServerFixture(ctx);
    const server = await serve(demo.db, built.dir);
    return {
      value: { origin: server.url, label: 'scaled organization' },
      dispose: () => server.close(),
    };
  });
