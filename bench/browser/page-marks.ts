import type { Page } from 'playwright-core';

/**
 * In-page timing for the browser benches. A recorder installed before the app's own scripts (CDP init
 * script, so CSP does not apply) checks a few UI conditions on every animation frame and writes down, once,
 * the `performance.now()` at which each first held — milliseconds since the page's navigation started, i.e.
 * since "launch" for a page load. The sign-in form's `submit` is recorded too, so sign-in timings start at the
 * user's action, not at a round trip of the test driver.
 *
 * The conditions are the ones a user sees (pt-BR UI, accessible roles):
 * - `heading:<text>` — the page's `<h1>` reads `<text>` (the app shell has routed and rendered the screen);
 * - `firstRows` — the customer table shows its first data row;
 * - `allListed` — the list's count reads "Mostrando N de N clientes" for the expected N;
 * - `synced` — the sync chip says it synced and the first-sync progress bar is gone (every collection of the
 *   role caught up once).
 */
export type MarkName = 'submit' | 'heading' | 'firstRows' | 'allListed' | 'synced';
export type Marks = Partial<Record<MarkName, number>>;

export interface RecorderOptions {
  readonly heading: string;
  /** Customers the list must show for `allListed`. */
  readonly customers: number;
}

/**
 * The recorder's source, as plain JavaScript: a function handed to Playwright would be serialized with
 * whatever helpers the TypeScript loader wrapped it in (tsx's `__name`), which do not exist in the page.
 */
const recorderSource = (options: RecorderOptions): string => `(() => {
  const options = ${JSON.stringify(options)};
  const marks = {};
  window.__arcoBenchMarks = marks;
  const mark = (name) => { if (marks[name] === undefined) marks[name] = performance.now(); };
  document.addEventListener('submit', () => mark('submit'), true);
  const listed = 'Mostrando ' + options.customers + ' de ' + options.customers + ' clientes';
  const check = () => {
    if (document.querySelector('main h1')?.textContent?.trim() === options.heading) mark('heading');
    if (document.querySelector('[role="table"] [role="row"][aria-rowindex="2"]')) mark('firstRows');
    document.querySelectorAll('p[role="status"]').forEach((status) => {
      if (status.textContent?.trim() === listed) mark('allListed');
    });
    const chip = document.querySelector('[data-testid="sync-indicator"] button');
    if (chip?.getAttribute('aria-label')?.includes('Sincronizado') && !document.querySelector('header progress'))
      mark('synced');
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Installs the recorder for every later navigation of `page` (call before `goto` / the sign-in submit). */
export async function recordMarks(page: Page, options: RecorderOptions): Promise<void> {
  await page.addInitScript({ content: recorderSource(options) });
}

/** Installs the recorder in the page as it is now (no navigation needed, e.g. before signing in). */
export async function recordMarksNow(page: Page, options: RecorderOptions): Promise<void> {
  await page.evaluate(recorderSource(options));
}

/** Waits until every mark in `names` has been recorded, then returns all marks. */
export async function waitForMarks(
  page: Page,
  names: readonly MarkName[],
  timeoutMs: number,
): Promise<Marks> {
  await page.waitForFunction(
    (wanted) => {
      const marks = (window as unknown as { __arcoBenchMarks?: Record<string, number> }).__arcoBenchMarks;
      return marks !== undefined && wanted.every((n) => marks[n] !== undefined);
    },
    names,
    { timeout: timeoutMs, polling: 250 },
  );
  return page.evaluate(
    () =>
      ({ ...(window as unknown as { __arcoBenchMarks: Record<string, number> }).__arcoBenchMarks }) as Marks,
  );
}
