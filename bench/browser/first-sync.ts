import type { Page } from 'playwright-core';
import { collectionsForRole, type CollectionName } from '../../shared/collections.ts';
import { PULL_LIMIT_MAX } from '../../sync/protocol.ts';
import { openControlledPage } from '../../e2e/support/app.ts';
import { launchChromium, type LaunchedBrowser } from '../../e2e/support/browser.ts';
import { MARIA } from '../fixtures/demo-server.ts';
import { repetitionsOf, type Bench, type BenchContext } from '../harness/bench.ts';
import { median, summarize, type Sample } from '../harness/measure.ts';
import type { Fact, ResultTable } from '../harness/report.ts';
import { signIn, type HttpSession } from '../support/http-session.ts';
import { demoAppFixture, requireChromium, scaledAppFixture, type AppServer } from './app-servers.ts';
import { BENCH_MODULE_PATH } from './build.ts';
import { recordMarks, recordMarksNow, waitForMarks, type MarkName, type Marks } from './page-marks.ts';
import type { BulkInsertRequest, BulkInsertResult } from './rxdb-bulk-insert.entry.ts';

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
 * - offline launch (a new page while offline: service worker + IndexedDB) → the settings screen (the shell's
 *   own cost, the baseline) → first rows → every customer listed (the list is interactive).
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
    for (const server of [await demoAppFixture(ctx), await scaledAppFixture(ctx)]) {
      const result = await benchOne(ctx, server);
      tables.push(...result.tables);
      facts.push(...result.facts);
    }
    return { tables, facts };
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
): Promise<{ tables: ResultTable[]; facts: Fact[] }> {
  const reps = repetitionsOf(ctx.options);
  const api = await signIn(server.origin, MARIA, 'arco-demo');
  const counts = await countForUser(api);
  const label = `${server.label} (${fmt(counts.customers)} customers, ${fmt(counts.total)} documents)`;
  ctx.log(`browser-sync, ${label}: ${reps.warmup} warm-up + ${reps.reps} measured first syncs…`);

  const signIns: Marks[] = [];
  let kept: { browser: LaunchedBrowser; page: Page } | null = null;
  try {
    for (let i = 0; i < reps.warmup + reps.reps; i++) {
      const last = i === reps.warmup + reps.reps - 1;
      const browser = await launchChromium({ viewport: VIEWPORT });
      try {
        const { page, marks } = await firstSync(browser, server.origin, counts.customers);
        if (i >= reps.warmup) signIns.push(marks);
        if (last) kept = { browser, page };
      } finally {
        if (!last || !kept) await browser.close();
      }
    }
    const { page, browser } = kept!;

    ctx.log(`browser-sync, ${label}: bare RxDB bulkInsert of the same documents…`);
    const bulk = await bulkInsertInPage(page, { collections: STAFF_COLLECTIONS, ...reps });
    checkBulk(bulk, counts);

    ctx.log(`browser-sync, ${label}: offline launches…`);
    await browser.context.setOffline(true);
    const shell = await offlineLaunches(
      browser,
      server.origin,
      '/ajustes',
      'Ajustes',
      counts.customers,
      reps,
    );
    const list = await offlineLaunches(
      browser,
      server.origin,
      '/clientes',
      'Clientes',
      counts.customers,
      reps,
    );
    if (browser.blockedRequests.length > 0)
      throw new Error(`the app tried to leave the machine: ${browser.blockedRequests.join(', ')}`);

    const syncSamples = (rows: number, to: MarkName): Sample[] =>
      signIns.map((m) => ({ ms: m[to]! - m.submit!, rows }));
    const bulkCustomers = bulk.samples.map((s) => ({
      ms: s.perCollection.customers ?? 0,
      rows: counts.customers,
    }));
    const tables: ResultTable[] = [
      {
        title: `browser-sync — first sync throughput, ${label}, documents/s`,
        measurements: [
          summarize(`bare RxDB bulkInsert, ${STAFF_COLLECTIONS.length} collections (Dexie)`, bulk.samples, {
            baseline: true,
            note: 'same documents as the sync, downloaded again untimed; fresh database per run',
          }),
          summarize(
            'app first sync: sign-in → every collection caught up',
            syncSamples(counts.total, 'synced'),
            {
              note: 'pull + SSE + RxDB replication into Dexie while the UI renders',
            },
          ),
        ],
      },
      {
        title: `browser-sync — customers, ${label}, customers/s`,
        measurements: [
          summarize('bare RxDB bulkInsert of the customers (Dexie)', bulkCustomers, { baseline: true }),
          summarize('app: sign-in → every customer listed', syncSamples(counts.customers, 'allListed')),
        ],
      },
    ];
    const facts: Fact[] = [
      latency(`${server.label}: sign-in → "Clientes" on screen (baseline)`, signIns, 'heading'),
      latency(`${server.label}: sign-in → first rows (usable list)`, signIns, 'firstRows', 'heading'),
      latency(
        `${server.label}: sign-in → all ${fmt(counts.customers)} customers listed`,
        signIns,
        'allListed',
        'heading',
      ),
      latency(`${server.label}: sign-in → full first sync`, signIns, 'synced', 'heading'),
      latency(
        `${server.label}: offline launch → settings screen (baseline)`,
        shell,
        'heading',
        undefined,
        true,
      ),
      latency(`${server.label}: offline launch → first rows`, list, 'firstRows', shell, true),
      latency(
        `${server.label}: offline launch → all customers listed (interactive)`,
        list,
        'allListed',
        shell,
        true,
      ),
      {
        label: `${server.label}: documents synced`,
        value: Object.entries(counts.byCollection)
          .filter(([, n]) => (n ?? 0) > 0)
          .map(([c, n]) => `${c} ${fmt(n ?? 0)}`)
          .join(', '),
      },
    ];
    return { tables, facts };
  } finally {
    await kept?.browser.close();
  }
}

/** A fresh profile: open the app (controlled by its service worker), sign in, wait for the full first sync. */
async function firstSync(
  browser: LaunchedBrowser,
  origin: string,
  customers: number,
): Promise<{ page: Page; marks: Marks }> {
  const page = await openControlledPage(browser.context, origin, '/entrar');
  await recordMarksNow(page, { heading: 'Clientes', customers });
  await page.getByLabel('E-mail').fill(MARIA);
  await page.getByLabel('Senha').fill('arco-demo');
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  const marks = await waitForMarks(
    page,
    ['submit', 'heading', 'firstRows', 'allListed', 'synced'],
    SYNC_TIMEOUT_MS,
  );
  return { page, marks };
}

/**
 * Offline "launches": a new page (the installed app opened again) navigates to `path` while the context is
 * offline; marks are milliseconds since that navigation started. warm-up + reps launches.
 */
async function offlineLaunches(
  browser: LaunchedBrowser,
  origin: string,
  path: string,
  heading: string,
  customers: number,
  reps: { warmup: number; reps: number },
): Promise<Marks[]> {
  const wanted: MarkName[] = path === '/clientes' ? ['heading', 'firstRows', 'allListed'] : ['heading'];
  const out: Marks[] = [];
  // Only one app page at a time, like one installed app window (and one RxDB leader).
  for (const page of browser.context.pages()) await page.close();
  for (let i = 0; i < reps.warmup + reps.reps; i++) {
    const page = await browser.context.newPage();
    try {
      await recordMarks(page, { heading, customers });
      await page.goto(`${origin}${path}`);
      const marks = await waitForMarks(page, wanted, LAUNCH_TIMEOUT_MS);
      if (i >= reps.warmup) out.push(marks);
    } finally {
      await page.close();
    }
  }
  return out;
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

function checkBulk(bulk: BulkInsertResult, counts: ServerCounts): void {
  for (const [collection, n] of Object.entries(counts.byCollection)) {
    const got = bulk.documents[collection as CollectionName] ?? 0;
    if (got !== n) throw new Error(`bulk insert downloaded ${got} ${collection}, the server holds ${n}`);
  }
  for (const s of bulk.samples)
    if (s.rows !== counts.total)
      throw new Error(`bulk insert wrote ${s.rows} documents, expected ${counts.total}`);
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
 * "median 1,234 ms (min–max 1,100–1,400) = 2.10× the baseline" — `to` minus the run's start (the submit for
 * sign-ins, the navigation start for launches); the baseline is another mark of the same runs, or other runs.
 */
function latency(
  label: string,
  runs: readonly Marks[],
  to: MarkName,
  baseline?: MarkName | readonly Marks[],
  fromNavigation = false,
): Fact {
  const start = (m: Marks) => (fromNavigation ? 0 : m.submit!);
  const times = runs.map((m) => m[to]! - start(m));
  const base =
    baseline === undefined
      ? null
      : typeof baseline === 'string'
        ? median(runs.map((m) => m[baseline]! - start(m)))
        : median(baseline.map((m) => m.heading! - start(m)));
  const med = median(times);
  const ratio = base ? ` = ${(med / base).toFixed(2)}× the baseline` : '';
  return {
    label,
    value: `median ${fmt(med)} ms (min–max ${fmt(Math.min(...times))}–${fmt(Math.max(...times))})${ratio}`,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
