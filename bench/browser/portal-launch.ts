import type { Page } from 'playwright-core';
import { openControlledPage, signInThroughForm } from '../../e2e/support/app.ts';
import { launchChromium } from '../../e2e/support/browser.ts';
import { type Bench } from '../harness/bench.ts';
import { median, summarize, type Sample } from '../harness/measure.ts';
import type { Fact } from '../harness/report.ts';
import { demoAppFixture, requireChromium } from './app-servers.ts';

/**
 * The client portal's offline launch (issue 11, "Done when"): in headless Debian Chromium against the real
 * built app and a real server seeded with the demo data, TechCorp's client signs in once and waits for the
 * first sync; then, offline, the app is opened again and again (a new page of the running browser, as an
 * installed app's window: service worker + IndexedDB, no network), alternating two launches:
 *
 * - (a) baseline, the empty shell: a path no feature claims, until the not-found page's h1 is on screen (the
 *   shell's boot, the session read from the device, routing — no data);
 * - (b) the home, `/inicio`, until Score ARCO is drawn (its `<progress>` has a value) and interactive: the
 *   action cards' "Concluir" buttons are in the page and enabled (the summary's data read from RxDB, the
 *   shared rules applied, React rendered).
 *
 * Marks are `performance.now()` in the page, i.e. milliseconds since the launch's navigation started. The two
 * launches alternate so that load on the shared machine hits both alike. Figures only; the bench checks it
 * measured the right screens (the marks' conditions) and never asserts on time.
 */
const CLIENT = 'cliente@techcorp.example';
const VIEWPORT = { width: 390, height: 844 };
const TIMEOUT_MS = 2 * 60_000;
/** A path no feature claims: the shell's not-found page (public, no data). */
const SHELL_PATH = '/bench-sem-tela';
const HOME_PATH = '/inicio';
const NOT_FOUND_HEADING = 'Página não encontrada';
/** At least this many launches of each kind, whatever `--reps` says: a p95 of three runs means nothing. */
const MIN_LAUNCHES = 10;

type Mark = 'shell' | 'score' | 'interactive';

/**
 * The in-page recorder, as plain JavaScript (a function handed to Playwright would carry the TypeScript
 * loader's helpers with it). It checks on every animation frame and writes each mark once.
 */
const recorderSource = `(() => {
  const marks = {};
  window.__arcoLaunchMarks = marks;
  const mark = (name) => { if (marks[name] === undefined) marks[name] = performance.now(); };
  const check = () => {
    if (document.querySelector('main h1')?.textContent?.trim() === ${JSON.stringify(NOT_FOUND_HEADING)}) mark('shell');
    const score = document.querySelector('progress[aria-label^="Score ARCO:"]');
    if (score && score.hasAttribute('value')) {
      mark('score');
      const buttons = Array.from(document.querySelectorAll('button[aria-label^="Concluir:"]'));
      if (buttons.length > 0 && buttons.every((b) => !b.disabled && b.isConnected)) mark('interactive');
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

export const portalLaunch: Bench = {
  name: 'portal-launch',
  description:
    'headless Chromium + built app, TechCorp client offline after a first sync: launch → home with Score ARCO ' +
    'interactive, vs the empty shell (not-found page) launched in the same runs (baseline)',
  environment: 'browser',
  async run(ctx) {
    requireChromium();
    const server = await demoAppFixture(ctx);
    const launches = Math.max(MIN_LAUNCHES, ctx.options.reps);
    const browser = await launchChromium({ viewport: VIEWPORT });
    try {
      ctx.log('portal-launch: signing in as the TechCorp client and waiting for the first sync…');
      const page = await openControlledPage(browser.context, server.origin, '/entrar');
      await signInThroughForm(page, CLIENT);
      await page.waitForURL(`${server.origin}${HOME_PATH}`);
      await waitForFirstSync(page);
      for (const p of browser.context.pages()) await p.close();

      await browser.context.setOffline(true);
      ctx.log(`portal-launch: ${ctx.options.warmup} warm-up + ${launches} offline launches of each…`);
      const shell: number[] = [];
      const home: number[] = [];
      const score: number[] = [];
      for (let i = 0; i < ctx.options.warmup + launches; i++) {
        const s = await launchOffline(browser.context.newPage(), server.origin, SHELL_PATH, ['shell']);
        const h = await launchOffline(browser.context.newPage(), server.origin, HOME_PATH, [
          'score',
          'interactive',
        ]);
        if (i < ctx.options.warmup) continue;
        shell.push(s.shell!);
        home.push(h.interactive!);
        score.push(h.score!);
      }
      if (browser.blockedRequests.length > 0)
        throw new Error(`the app tried to leave the machine: ${browser.blockedRequests.join(', ')}`);

      const samples = (times: number[]): Sample[] => times.map((ms) => ({ ms, rows: 1 }));
      return {
        tables: [
          {
            title: `portal-launch · offline launch, TechCorp client (390 px), ${launches} launches each, ms`,
            measurements: [
              summarize('empty shell: launch → not-found page on screen', samples(shell), {
                baseline: true,
                note: `${SHELL_PATH}: shell boot, session from the device, routing; no data read`,
              }),
              summarize('home: launch → Score ARCO drawn', samples(score)),
              summarize('home: launch → Score ARCO and action cards interactive', samples(home), {
                note: 'every "Concluir" button of the action cards in the page and enabled',
              }),
            ],
          },
        ],
        facts: [
          latency('offline launch → empty shell (baseline)', shell),
          latency('offline launch → home, Score ARCO drawn', score, shell),
          latency('offline launch → home interactive', home, shell),
        ],
      };
    } finally {
      await browser.close();
    }
  },
};

/** One launch: a new page navigates to `path` offline; returns its marks once every wanted one is recorded. */
async function launchOffline(
  opening: Promise<Page>,
  origin: string,
  path: string,
  wanted: readonly Mark[],
): Promise<Partial<Record<Mark, number>>> {
  const page = await opening;
  try {
    await page.addInitScript({ content: recorderSource });
    await page.goto(`${origin}${path}`);
    try {
      await page.waitForFunction(
        (names) => {
          const marks = (window as unknown as { __arcoLaunchMarks?: Record<string, number> })
            .__arcoLaunchMarks;
          return marks !== undefined && names.every((n) => marks[n] !== undefined);
        },
        wanted,
        { timeout: TIMEOUT_MS, polling: 100 },
      );
    } catch (error) {
      const seen = await page
        .evaluate(() => ({ url: location.href, heading: document.querySelector('main h1')?.textContent }))
        .catch((e: unknown) => String(e));
      throw new Error(
        `launch of ${path}: marks ${wanted.join(', ')} not reached (${String(error)}): ${JSON.stringify(seen)}`,
      );
    }
    return await page.evaluate(() => ({
      ...(window as unknown as { __arcoLaunchMarks: Record<string, number> }).__arcoLaunchMarks,
    }));
  } finally {
    await page.close();
  }
}

/** Until every collection of the role has caught up once (the sync chip says so, no first-sync bar). */
async function waitForFirstSync(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const chip = document.querySelector('[data-testid="sync-indicator"] button');
      return (
        (chip?.getAttribute('aria-label')?.includes('Sincronizado') ?? false) &&
        document.querySelector('header progress') === null
      );
    },
    undefined,
    { timeout: 5 * 60_000, polling: 250 },
  );
}

/** Nearest-rank percentile of `values` (p in 0–100). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function latency(label: string, times: readonly number[], baseline?: readonly number[]): Fact {
  const med = median(times);
  const ratio = baseline ? ` = ${(med / median(baseline)).toFixed(2)}× the baseline's median` : '';
  return {
    label,
    value: `median ${fmt(med)} ms, p95 ${fmt(percentile(times, 95))} ms (min–max ${fmt(Math.min(...times))}–${fmt(Math.max(...times))})${ratio}`,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
