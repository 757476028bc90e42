import { defineConfig } from 'vitest/config';

/**
 * Three projects so the fast suite needs no database and no browser (docs/architecture.md §11):
 * - unit: colocated `*.test.ts(x)` in shared/, sync/, server/, client/ (client files opt into jsdom per file).
 * - pg:   `*.pg.test.ts`, against PostgreSQL (DATABASE_URL when set, else embedded PGlite).
 * - e2e:  `e2e/**\/*.e2e.test.ts`, headless Debian Chromium against the real built app and server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,sync,server,client,bench,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.pg.test.ts', '**/node_modules/**'],
          environment: 'node',
          setupFiles: ['client/test/setup-unit.ts'],
          // No test asserts on time; the generous limit only keeps a loaded 2-core machine from failing
          // heavy-but-correct tests (seed generation, jsdom + RxDB) on the 5 s default.
          testTimeout: 30_000,
          // Projects with different worker settings must run as separate groups: fast suite first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'pg',
          include: ['{sync,server}/**/*.pg.test.ts', 'e2e/**/*.pg.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite is single-threaded and costs ~5 s cold per file; two workers fit two cores.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
