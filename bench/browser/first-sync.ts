import type { Page } from 'playwright-core';
import { collectionsForRole, type CollectionName } from '../../shared/collections/index.ts';
import { PULL_LIMIT_MAX } from '../../sync/protocol.ts';
import { openControlledPage } from '../../e2e/support/app.ts';
import { launchChromium, type LaunchedBrowser } from '../../e2e/support/browser.ts';
import { MARIA } from '../fixtures/demo-server.ts';
import { repetitionsOf, type Bench, type BenchContext } from '../harness/bench.ts';
import { median, summarize, type Sample } from '../harness/measure.ts';
import { ceilingLabel, type Fact, type IssueFigure, type ResultTable } from '../harness/report.ts';
import { STATED_ROWS } from '../harness/issue-table.ts';
import { signIn, type HttpSession } from '../support/http-session.ts';
import { demoAppFixture, requireChromium, scaledAppFixture, type AppServer } from './app-servers.ts';
import { BENCH_MODULE_PATH } from './build.ts';
import {
  keystrokes,
  recordMarks,
  recordMarksNow,
  resetKeystrokes,
  waitForMarks,
  type MarkName,
  type Marks,
} from './page-marks.ts';
import type {
  BulkInsertRequest,
  BulkInsertResult,
  LaunchBaselineRequest,
  LaunchBaselineResult,
} from './rxdb-bulk-insert.entry.ts';

/**
 * The device side of first sync and offline start, in headless Debian Chromium against the real server and
 * the real built app (service worker, RxDB on Dexie/IndexedDB), signed in as Maria (CSM: the whole
 * organization, 12 collections). For the demo organization and for the organization at `--customers` scale:
 *
 * - sign-in → `Clientes` on screen (the shell's own cost, the baseline of the latency ratios) → first rows
 *   of the customer list → every customer listed → full first sync (every collection caught up once), each
 *   from the form's submit, in a fresh browser profile per run;
 * - first-sync throughput (documents/s) next to (a) a bare RxDB `bulkInsert` of the *same* documents into a
 *   fresh Dexie database, in the same page and browser run (bench/browser/rxdb-bulk-insert.entry.ts);
 * - offline launch (a new page of the running browser while offline: service worker + IndexedDB) → the
 *   settings screen (the shell's own cost, the baseline) → first rows → every customer listed, then a search
 *   typed into the list → the filtered list (the list is interactive); the list's own part (its heading on
 *   screen → every customer listed) next to a bare RxDB open + `find()` of the same customers on the same
 *   storage, and the first screenful next to a bare `find()` of the first 50 by name;
 * - keystrokes at full size: the search deleted and typed again key by key, each key's main-thread work next to
 *   the list's pure filter of the same rows for the same queries (rxdb-bulk-insert.entry.ts
 *   `measureLaunchBaselines`) and a frame (16 ms). The work is the renderer main thread's CPU time from the key
 *   press until the page is idle again (CDP `Performance.getMetrics` `TaskDuration` in thread ticks, read before
 *   the press and after idle): scripts, style, layout, paint — and, against the app, the typing itself and the
 *   frames the recorder asks for while the key is pending (an empty input outside the app: p95 4.8 ms, median
 *   3.5 at load ≈ 15; page-marks.ts). The wall-clock `input` event → `requestIdleCallback` is kept beside it as a
 *   fact, not as the figure: an idle callback runs after the next frame whatever the app does, so that measure
 *   cannot go under a frame.
 *
 * The demo organization has every collection (≈ 6,900 documents for Maria). At scale the shared `demo-server`
 * fixture seeds only customers and `--collections`, so "every collection caught up" there means those plus
 * the empty rest — the report lists the documents synced.
 *
 * Figures only; nothing here asserts on time. It does check that it measured the right work: the list shows
 * exactly the customers the server holds, and the bulk insert wrote exactly the documents it downloaded.
 */
const SYNC_TIMEOUT_MS = 15 * 60_000;
const LAUNCH_TIMEOUT_MS = 5 * 60_000;
const VIEWPORT = { width: 1280, height: 800 };
const STAFF_COLLECTIONS = collectionsForRole('csm');

export const browserFirstSync: Bench = {
  name: 'browser-sync',
  description:
    'headless Chromium + built app: sign-in → first rows → full first sync, offline launch → interactive list; ' +
    'sync docs/s vs a bare RxDB bulkInsert of the same documents (baseline)',
  environment: 'browser',
  async run(ctx) {
    requireChromium();
    const tables: ResultTable[] = [];
    const facts: Fact[] = [];
    const demo = await benchOne(ctx, await demoAppFixture(ctx));
    const scaled = await benchOne(ctx, await scaledAppFixture(ctx));
    for (const result of [demo, scaled]) {
      tables.push(...result.tables);
      facts.push(...result.facts);
    }
    // The issue's launch and keystroke rows are about the scaled organization (10,000 customers by default).
    return { tables, facts, issueFigures: scaled.issueFigures };
  },
};

interface ServerCounts {
  readonly customers: number;
  readonly byCollection: Partial<Record<CollectionName, number>>;
  readonly total: number;
}

async function benchOne(
  ctx: BenchContext,
  server: AppServer,
): Promise<{ tables: ResultTable[]; facts: Fact[]; issueFigures: IssueFigure[] }> {
  const reps = repetitionsOf(ctx.options);
  const api = await signIn(server.origin, MARIA, 'arco-demo');
  const counts = await countForUser(api);
  const label = `${server.label} (${fmt(counts.customers)} customers, ${fmt(counts.total)} documents)`;
  const say = (what: string) => ctx.log(`browser-sync, ${label}: ${what}`);
  say(`${reps.warmup} warm-up + ${reps.reps} measured first syncs, each in a fresh profile…`);

  const signIns: Marks[] = [];
  let kept: LaunchedBrowser | null = null;
  try {
    for (let i = 0; i < reps.warmup + reps.reps; i++) {
      const last = i === reps.warmup + reps.reps - 1;
      const browser = await launchChromium({ viewport: VIEWPORT });
      if (last) kept = browser;
      try {
        const marks = await firstSync(browser, server.origin, counts.customers);
        if (i >= reps.warmup) signIns.push(marks);
      } finally {
        if (!last) await browser.close();
      }
    }
    const browser = kept!;

    say('bare RxDB bulkInsert of the same documents, in the same page…');
    // The app's page (a persistent context also keeps the about:blank it started with).
    const page = browser.context.pages().find((p) => p.url().startsWith(server.origin));
    if (!page) throw new Error('the signed-in app page is gone');
    const bulk = await bulkInsertInPage(page, { collections: STAFF_COLLECTIONS, ...reps });
    checkBulk(bulk, counts, await countForUser(api));
    say('bare RxDB reads of the customers and the pure filter, in the same page…');
    const bare = await launchBaselinesInPage(page, { ...reps, keystrokes: KEYSTROKE_QUERIES });
    if (bare.customers !== counts.customers)
      throw new Error(
        `the launch baselines read ${bare.customers} customers, the server holds ${counts.customers}`,
      );

    say('offline launches…');
    await browser.context.setOffline(true);
    const shell = (await offlineLaunches(browser, server.origin, SHELL_LAUNCH, counts.customers, reps)).marks;
    const launched = await offlineLaunches(browser, server.origin, LIST_LAUNCH, counts.customers, reps);
    const list = launched.marks;
    if (browser.blockedRequests.length > 0)
      throw new Error(`the app tried to leave the machine: ${browser.blockedRequests.join(', ')}`);

    // Issue 16's "interactive list": the first rows with the right total on screen and the search usable
    // (page-marks.ts `interactive`; a search typed then says it is still searching until every customer is read,
    // never a partial result — customer-list-page.test.tsx). Until the list gave its total before the full read,
    // it fell on `allListed`, this row's figure before 2026-12-07; that figure stays beside it.
    const interactive = median(list.map((m) => m.interactive!));
    const allListed = median(list.map((m) => m.allListed!));
    const keyP95 = percentile(launched.keysCpu, 95);
    const one = (ms: number) => (ms < 10 ? ms.toFixed(1) : fmt(ms));
    const issueFigures: IssueFigure[] = [
      {
        what: STATED_ROWS.offlineLaunch,
        figure:
          `${fmt(interactive)} ms to the first rows with the total (${fmt(counts.customers)}) and search; ` +
          `all listed ${fmt(allListed)} ms (first rows ${fmt(median(list.map((m) => m.firstRows!)))} ms)`,
        baseline:
          `settings screen's own offline launch ${fmt(median(shell.map((m) => m.heading!)))} ms; ` +
          `bare RxDB open + read of every customer ${fmt(median(bare.openAndFindMs))} ms`,
        met: interactive <= 1000,
      },
      {
        what: STATED_ROWS.keystroke,
        figure:
          `main-thread CPU per key p95 ${one(keyP95)} ms, median ${one(median(launched.keysCpu))} ` +
          `(${launched.keysCpu.length} keys; input → idle wall clock p95 ${one(percentile(launched.keys, 95))} ms)`,
        baseline: `the pure filter of the same rows: p95 ${one(percentile(bare.filterMs, 95))} ms`,
        met: keyP95 <= 16,
      },
    ];
    return {
      issueFigures,
      tables: throughputTables(label, counts, signIns, bulk),
      facts: [
        latency(`${server.label}: sign-in → "Clientes" on screen (baseline)`, signIns, 'submit', 'heading'),
        latency(
          `${server.label}: sign-in → first rows (usable list)`,
          signIns,
          'submit',
          'firstRows',
          'heading',
        ),
        latency(
          `${server.label}: sign-in → all ${fmt(counts.customers)} customers listed`,
          signIns,
          'submit',
          'allListed',
          'heading',
        ),
        latency(`${server.label}: sign-in → full first sync`, signIns, 'submit', 'synced', 'heading'),
        latency(`${server.label}: offline launch → settings screen (baseline)`, shell, null, 'heading'),
        latency(`${server.label}: offline launch → first rows`, list, null, 'firstRows', shell),
        latency(
          `${server.label}: offline launch → interactive (first rows, total count, search)`,
          list,
          null,
          'interactive',
          shell,
        ),
        latency(`${server.label}: offline launch → all customers listed`, list, null, 'allListed', shell),
        latency(`${server.label}: offline, search "${SEARCH}" → filtered list`, list, 'input', 'filtered'),
        spread(
          `${server.label}: bare RxDB, database opened cold + find() of every customer (baseline)`,
          bare.openAndFindMs,
        ),
        spread(`${server.label}: bare RxDB find() of every customer alone`, bare.findMs),
        versus(
          `${server.label}: offline launch, the list's own part ("Clientes" on screen → all listed)`,
          list.map((m) => m.allListed! - m.heading!),
          bare.openAndFindMs,
        ),
        spread(`${server.label}: bare RxDB find() of the first 50 by name (baseline)`, bare.firstScreenMs),
        versus(
          `${server.label}: offline launch, "Clientes" on screen → first rows`,
          list.map((m) => m.firstRows! - m.heading!),
          bare.firstScreenMs,
        ),
        keystrokeFact(
          `${server.label}: offline, one keystroke in the search at ${fmt(counts.customers)} customers, ` +
            'main-thread CPU (press → idle)',
          launched.keysCpu,
          bare.filterMs,
        ),
        keystrokeFact(
          `${server.label}: the same keystrokes, wall clock input event → requestIdleCallback (floored at a ` +
            'frame by the recorder)',
          launched.keys,
          bare.filterMs,
        ),
        {
          label: `${server.label}: documents synced`,
          value: Object.entries(counts.byCollection)
            .filter(([, n]) => (n ?? 0) > 0)
            .map(([c, n]) => `${c} ${fmt(n ?? 0)}`)
            .join(', '),
        },
      ],
    };
  } finally {
    await kept?.close();
  }
}

function throughputTables(
  label: string,
  counts: ServerCounts,
  signIns: readonly Marks[],
  bulk: BulkInsertResult,
): ResultTable[] {
  const fromSubmit = (rows: number, to: MarkName): Sample[] =>
    signIns.map((m) => ({ ms: m[to]! - m.submit!, rows }));
  const filled = Object.values(counts.byCollection).filter((n) => (n ?? 0) > 0).length;
  return [
    {
      title: `browser-sync · first sync, ${label}, documents/s`,
      measurements: [
        summarize(`bare RxDB bulkInsert into Dexie, ${filled} collection(s)`, bulk.samples, {
          baseline: true,
          note: 'the documents the app synced, downloaded again untimed; a fresh database per run',
        }),
        summarize('app: sign-in → every collection caught up', fromSubmit(counts.total, 'synced'), {
          note: 'pull + SSE + RxDB replication into Dexie while the UI renders the list',
        }),
        summarize(
          'download alone: the pull API, pages of 1000, nothing stored',
          [{ ms: bulk.downloadMs, rows: counts.total }],
          { note: "the server's share, once: the app's first sync cannot beat it" },
        ),
        summarize(ceilingLabel('download and bare bulkInsert overlapped', 'pages of 1000'), bulk.overlapped, {
          note: 'pages inserted as they arrive while the next downloads, collections side by side: the best overlap of these pages and this storage',
        }),
      ],
    },
    {
      title: `browser-sync · customers, ${label}, customers/s`,
      measurements: [
        summarize(
          'bare RxDB bulkInsert of the customers into Dexie',
          bulk.samples.map((s) => ({ ms: s.perCollection.customers ?? 0, rows: counts.customers })),
          { baseline: true, note: 'the customers part of the runs above' },
        ),
        summarize('app: sign-in → every customer listed', fromSubmit(counts.customers, 'allListed'), {
          note: 'the list renders once the customers are local, while the other collections still sync',
        }),
      ],
    },
  ];
}

/** A fresh profile: open the app (controlled by its service worker), sign in, wait for the full first sync. */
async function firstSync(browser: LaunchedBrowser, origin: string, customers: number): Promise<Marks> {
  const page = await openControlledPage(browser.context, origin, '/entrar');
  await recordMarksNow(page, { heading: 'Clientes', customers });
  await page.getByLabel('E-mail').fill(MARIA);
  await page.getByLabel('Senha').fill('arco-demo');
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  return waitForMarks(page, ['submit', 'heading', 'firstRows', 'allListed', 'synced'], SYNC_TIMEOUT_MS);
}

interface Launch {
  readonly path: string;
  readonly heading: string;
  /** The customer list: also wait for its rows, then search it. */
  readonly list: boolean;
}
const SHELL_LAUNCH: Launch = { path: '/ajustes', heading: 'Ajustes', list: false };
const LIST_LAUNCH: Launch = { path: '/clientes', heading: 'Clientes', list: true };
/** A customer of the seed's own list, present at every scale. */
const SEARCH = 'TechCorp';

/**
 * Offline "launches": a new page (the installed app opened again, in the running browser) navigates to the
 * launch's path while the context is offline; marks are milliseconds since that navigation started. For the
 * list, each launch then types a search, to time the list reacting with every customer loaded.
 */
async function offlineLaunches(
  browser: LaunchedBrowser,
  origin: string,
  launch: Launch,
  customers: number,
  reps: { warmup: number; reps: number },
): Promise<{ marks: Marks[]; keys: number[]; keysCpu: number[] }> {
  const out: Marks[] = [];
  const keys: number[] = [];
  const keysCpu: number[] = [];
  // One app page at a time, like one installed app window (and one RxDB leader).
  for (const page of browser.context.pages()) await page.close();
  for (let i = 0; i < reps.warmup + reps.reps; i++) {
    const page = await browser.context.newPage();
    try {
      await recordMarks(page, { heading: launch.heading, customers });
      await page.goto(`${origin}${launch.path}`);
      let marks = await waitForMarks(
        page,
        launch.list ? ['heading', 'firstRows', 'interactive', 'allListed'] : ['heading'],
        LAUNCH_TIMEOUT_MS,
      );
      if (launch.list) {
        await page.getByRole('searchbox', { name: 'Buscar clientes' }).fill(SEARCH);
        marks = await waitForMarks(page, ['input', 'filtered'], LAUNCH_TIMEOUT_MS);
        // Key by key: each key waits for the previous one's work to finish, so every figure is one key's.
        await resetKeystrokes(page);
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        const mainThreadMs = async () =>
          1000 *
          ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ??
            Number.NaN);
        const cpu: number[] = [];
        for (const [n, key] of KEYS.entries()) {
          const before = await mainThreadMs();
          await page.keyboard.press(key);
          await keystrokes(page, n + 1, LAUNCH_TIMEOUT_MS);
          cpu.push((await mainThreadMs()) - before);
        }
        await cdp.detach();
        if (cpu.some((ms) => !(ms >= 0)))
          throw new Error(`no main-thread time read for a key: ${cpu.join(', ')}`);
        const typed = await keystrokes(page, KEYS.length, LAUNCH_TIMEOUT_MS);
        if (typed.length !== KEYS.length)
          throw new Error(`${typed.length} input events for ${KEYS.length} keys`);
        if (i >= reps.warmup) {
          keys.push(...typed.map((k) => k.idle! - k.at));
          keysCpu.push(...cpu);
        }
      }
      if (i >= reps.warmup) out.push(marks);
    } finally {
      await page.close();
    }
  }
  return { marks: out, keys, keysCpu };
}

/** The search deleted key by key, then typed again: the list's query after each key. */
const KEYS: readonly string[] = [...Array.from(SEARCH, () => 'Backspace'), ...Array.from(SEARCH)];
const KEYSTROKE_QUERIES: readonly string[] = [
  ...Array.from(SEARCH, (_, i) => SEARCH.slice(0, SEARCH.length - 1 - i)),
  ...Array.from(SEARCH, (_, i) => SEARCH.slice(0, i + 1)),
];

async function launchBaselinesInPage(
  page: Page,
  request: LaunchBaselineRequest,
): Promise<LaunchBaselineResult> {
  return page.evaluate(
    async ({ url, req }) => {
      const mod = (await import(url)) as {
        measureLaunchBaselines(r: LaunchBaselineRequest): Promise<LaunchBaselineResult>;
      };
      return mod.measureLaunchBaselines(req);
    },
    { url: BENCH_MODULE_PATH, req: request },
  );
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

function spread(label: string, times: readonly number[]): Fact {
  return {
    label,
    value: `median ${fmt(median(times))} ms (min–max ${fmt(Math.min(...times))}–${fmt(Math.max(...times))})`,
  };
}

function versus(label: string, times: readonly number[], baseline: readonly number[]): Fact {
  const med = median(times);
  return {
    label,
    value: `${spread(label, times).value} = ${(med / median(baseline)).toFixed(2)}× the baseline`,
  };
}

function keystrokeFact(label: string, keys: readonly number[], filter: readonly number[]): Fact {
  const one = (ms: number) => (ms < 10 ? ms.toFixed(1) : fmt(ms));
  return {
    label,
    value:
      `p95 ${one(percentile(keys, 95))} ms, median ${one(median(keys))}, max ${one(Math.max(...keys))} ` +
      `(${keys.length} keys; target p95 ≤ 16 ms) — baseline, the pure filter of the same rows: ` +
      `p95 ${one(percentile(filter, 95))} ms, median ${one(median(filter))}`,
  };
}

/** Imports the bench-only module into the app's page (same origin, CSP 'self') and runs the bare inserts. */
async function bulkInsertInPage(page: Page, request: BulkInsertRequest): Promise<BulkInsertResult> {
  return page.evaluate(
    async ({ url, req }) => {
      const mod = (await import(url)) as {
        measureBulkInsert(r: BulkInsertRequest): Promise<BulkInsertResult>;
      };
      return mod.measureBulkInsert(req);
    },
    { url: BENCH_MODULE_PATH, req: request },
  );
}

/**
 * The bulk insert downloaded and wrote what the server holds. The server may add documents of its own while
 * the bench runs (the sign-ins' notifications, a job's), so each count must lie between the counts taken
 * before the first sync and after the bulk insert — never fewer than before, never more than after.
 */
function checkBulk(bulk: BulkInsertResult, before: ServerCounts, after: ServerCounts): void {
  for (const [collection, n] of Object.entries(before.byCollection)) {
    const got = bulk.documents[collection as CollectionName] ?? 0;
    const most = after.byCollection[collection as CollectionName] ?? n;
    if (got < n || got > most)
      throw new Error(
        `bulk insert downloaded ${got} ${collection}, the server held ${n} before and ${most} after`,
      );
  }
  for (const s of [...bulk.samples, ...bulk.overlapped])
    if (s.rows < before.total || s.rows > after.total)
      throw new Error(`bulk insert wrote ${s.rows} documents, expected ${before.total} to ${after.total}`);
}

/** Documents Maria's device must hold after the first sync, per collection (live ones only). */
async function countForUser(api: HttpSession): Promise<ServerCounts> {
  const byCollection: Partial<Record<CollectionName, number>> = {};
  for (const collection of STAFF_COLLECTIONS) {
    let n = 0;
    let checkpoint: unknown;
    for (;;) {
      const query = new URLSearchParams({ limit: String(PULL_LIMIT_MAX) });
      if (checkpoint !== undefined) query.set('checkpoint', JSON.stringify(checkpoint));
      const page = (await api.syncJson(`/${collection}/pull?${query}`)) as {
        documents: { _deleted?: boolean }[];
        checkpoint: unknown;
      };
      n += page.documents.filter((d) => d._deleted !== true).length;
      checkpoint = page.checkpoint;
      if (page.documents.length < PULL_LIMIT_MAX) break;
    }
    byCollection[collection] = n;
  }
  return {
    customers: byCollection.customers ?? 0,
    byCollection,
    total: Object.values(byCollection).reduce((s, n) => s + (n ?? 0), 0),
  };
}

/**
 * "median 1,234 ms (min–max 1,100–1,400) = 2.10× the baseline": `to` minus `from` (a mark, or null for the
 * navigation start of a launch) in each run; the baseline is another mark of the same runs (same start), or
 * the `heading` of other runs (launches of the shell alone).
 */
function latency(
  label: string,
  runs: readonly Marks[],
  from: MarkName | null,
  to: MarkName,
  baseline?: MarkName | readonly Marks[],
): Fact {
  const start = (m: Marks) => (from === null ? 0 : m[from]!);
  const times = runs.map((m) => m[to]! - start(m));
  const base =
    baseline === undefined
      ? null
      : typeof baseline === 'string'
        ? median(runs.map((m) => m[baseline]! - start(m)))
        : median(baseline.map((m) => m.heading!));
  const med = median(times);
  const ratio = base ? ` = ${(med / base).toFixed(2)}× the baseline` : '';
  return {
    label,
    value: `median ${fmt(med)} ms (min–max ${fmt(Math.min(...times))}–${fmt(Math.max(...times))})${ratio}`,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
