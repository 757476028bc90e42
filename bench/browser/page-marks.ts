import type { Page } from 'playwright-core';

/**
 * In-page timing for the browser benches. A recorder installed before the app's own scripts (CDP init
 * script, so CSP does not apply) checks a few UI conditions in the animation frame after a DOM change and
 * writes down, once, the `performance.now()` at which each first held — milliseconds since the page's
 * navigation started, i.e. since "launch" for a page load. The sign-in form's `submit` is recorded too, so sign-in timings start at the
 * user's action, not at a round trip of the test driver.
 *
 * The conditions are the ones a user sees (pt-BR UI, accessible roles):
 * - `heading:<text>` — the page's `<h1>` reads `<text>` (the app shell has routed and rendered the screen);
 * - `firstRows` — the customer table shows its first data row;
 * - `allListed` — the list's count reads "Mostrando N de N clientes" for the expected N (formatted as the page
 *   formats it);
 * - `interactive` — what a user can work with (issue 16 item 4): the first data row on screen, the right total
 *   ("Mostrando K de N clientes…" for the expected N: the first screenful of the whole, or all of it) and the
 *   search box enabled — a search typed from then on is answered from every customer (the list says it is
 *   still searching until the whole portfolio is read: client/features/customers/list-status.ts). Until the
 *   list gave its total before the full read (2026-12-07), this mark fell on `allListed`, the figure issue 16's
 *   table had given as "interactive" before; both are kept, side by side;
 * - `synced` — the sync chip says it synced and the first-sync progress bar is gone (every collection of the
 *   role caught up once);
 * - `input` / `filtered` — the first `input` event (typing in the search box), and the first time the count
 *   reads "Mostrando K de N clientes" with K < N (the list has been filtered).
 *
 * Every `input` event is also kept as a keystroke (`window.__arcoBenchKeys`): when it happened and when the page
 * was next idle (`requestIdleCallback`: no task left — React's deferred render of the filtered list included),
 * so `idle − at` is all the main-thread work one keystroke caused, to compare with a frame (16 ms).
 *
 * The recorder must not be the page's work: the conditions are checked only in a frame after a DOM change (a
 * MutationObserver asks for one animation frame; every condition is something on screen, so it can only start
 * to hold through a DOM change), and frames are asked for only while a keystroke waits for idle (Chromium starts
 * idle periods after frames; with none requested an idle callback can wait hundreds of ms for a long idle
 * period), so the wall clock still waits for the next frame. Until 2026-12-07 it checked every animation frame
 * for as long as the page was open and the driver polled each keystroke every 100 ms: every frame's check and
 * drawing and every poll were counted against the key (an empty input outside the app, same run, load ≈ 15:
 * main-thread CPU per key p95 9.6 → 4.8 ms, median 6.9 → 3.5 ms). The driver now awaits one promise the page
 * answers once idle.
 */
export type MarkName =
  'submit' | 'heading' | 'firstRows' | 'interactive' | 'allListed' | 'synced' | 'input' | 'filtered';
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
  const keys = [];
  window.__arcoBenchKeys = keys;
  // Resolved once n keystrokes have been recorded and each has reached idle (the driver awaits one of these).
  const waiters = [];
  const settle = () => {
    const done = keys.every((k) => k.idle !== null);
    for (let i = waiters.length - 1; i >= 0; i--)
      if (done && keys.length >= waiters[i].n) waiters.splice(i, 1)[0].resolve(keys.slice());
  };
  window.__arcoBenchKeysIdle = (n) => new Promise((resolve) => { waiters.push({ n, resolve }); settle(); });
  document.addEventListener('input', () => {
    mark('input');
    const key = { at: performance.now(), idle: null };
    keys.push(key);
    requestIdleCallback(() => { key.idle = performance.now(); settle(); }, { timeout: 5000 });
    // Frames while the key is pending: Chromium starts its idle periods after a frame, and with no frame
    // requested it may wait for a long idle period (hundreds of ms) before running the idle callback.
    const frame = () => { if (key.idle === null) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  }, true);
  // The count is formatted for the page's language ("1.000" in pt-BR); <html lang> exists only once parsed.
  // Once per language, not per frame: a new Intl.NumberFormat every frame cost the page ≈ 75 ms of main thread
  // during a 3 s launch at load ≈ 19 (a CPU profile of the launch), time the bench then charged to the app.
  const texts = new Map();
  const textsFor = (lang) => {
    const key = lang || 'pt-BR';
    if (!texts.has(key)) {
      const n = new Intl.NumberFormat(key).format(options.customers);
      texts.set(key, {
        listed: 'Mostrando ' + n + ' de ' + n + ' clientes',
        counted: new RegExp('^Mostrando [0-9.,]+ de ' + n.replace(/[.,]/g, '[.,]') + ' clientes'),
        filtered: new RegExp('^Mostrando [0-9.,]+ de ' + n.replace(/[.,]/g, '[.,]') + ' clientes$'),
      });
    }
    return texts.get(key);
  };
  const check = () => {
    const { listed, counted, filtered } = textsFor(document.documentElement?.lang);
    if (document.querySelector('main h1')?.textContent?.trim() === options.heading) mark('heading');
    const rows = document.querySelector('[role="table"] [role="row"][aria-rowindex="2"]');
    if (rows) mark('firstRows');
    const search = document.querySelector('main input[type="search"]');
    document.querySelectorAll('p[role="status"]').forEach((status) => {
      const text = status.textContent?.trim() ?? '';
      if (rows && search && !search.disabled && counted.test(text)) mark('interactive');
      if (text === listed) mark('allListed');
      else if (marks.input !== undefined && filtered.test(text)) mark('filtered');
    });
    const chip = document.querySelector('[data-testid="sync-indicator"] button');
    if (chip?.getAttribute('aria-label')?.includes('Sincronizado') && !document.querySelector('header progress'))
      mark('synced');
  };
  // One check in the next frame after any DOM change (the mutations of a frame share it): marks keep a frame's
  // precision, and a page whose DOM does not change draws no frame for the recorder.
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      check();
    });
  };
  new MutationObserver(schedule).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  schedule();
})();`;

/** Installs the recorder for every later navigation of `page` (call before `goto` / the sign-in submit). */
export async function recordMarks(page: Page, options: RecorderOptions): Promise<void> {
  await page.addInitScript({ content: recorderSource(options) });
}

/** Installs the recorder in the page as it is now (no navigation needed, e.g. before signing in). */
export async function recordMarksNow(page: Page, options: RecorderOptions): Promise<void> {
  await page.evaluate(recorderSource(options));
}

/**
 * Waits until every mark in `names` has been recorded, then returns all marks. On timeout, says which marks
 * were missing and what the page showed, so a bench that measured nothing explains why.
 */
export async function waitForMarks(
  page: Page,
  names: readonly MarkName[],
  timeoutMs: number,
): Promise<Marks> {
  try {
    await page.waitForFunction(
      (wanted) => {
        const marks = (window as unknown as { __arcoBenchMarks?: Record<string, number> }).__arcoBenchMarks;
        return marks !== undefined && wanted.every((n) => marks[n] !== undefined);
      },
      names,
      { timeout: timeoutMs, polling: 250 },
    );
  } catch (error) {
    const seen = await page
      .evaluate(() => ({
        marks: (window as unknown as { __arcoBenchMarks?: Record<string, number> }).__arcoBenchMarks ?? null,
        url: location.href,
        heading: document.querySelector('main h1')?.textContent ?? null,
        statuses: Array.from(document.querySelectorAll('[role="status"]')).map((e) => e.textContent),
        sync:
          document.querySelector('[data-testid="sync-indicator"] button')?.getAttribute('aria-label') ?? null,
        progress: document.querySelector('header progress')?.getAttribute('value') ?? null,
      }))
      .catch((e: unknown) => String(e));
    throw new Error(`waiting for marks ${names.join(', ')}: ${String(error)}\npage: ${JSON.stringify(seen)}`);
  }
  return page.evaluate(
    () =>
      ({ ...(window as unknown as { __arcoBenchMarks: Record<string, number> }).__arcoBenchMarks }) as Marks,
  );
}

/** One keystroke's main-thread work: from its `input` event until the page was idle again (ms). */
export interface Keystroke {
  readonly at: number;
  readonly idle: number | null;
}

/** Forgets the keystrokes recorded so far (the next ones are the measured ones). */
export async function resetKeystrokes(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __arcoBenchKeys: Keystroke[] }).__arcoBenchKeys.length = 0;
  });
}

/** The keystrokes recorded since the last reset, once every one of them has reached idle. */
export async function keystrokes(page: Page, expected: number, timeoutMs: number): Promise<Keystroke[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${expected} keystrokes did not all reach idle within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    // One round trip that the page answers once idle: no polling task on the page's main thread.
    return await Promise.race([
      page.evaluate(
        (n) =>
          (
            window as unknown as { __arcoBenchKeysIdle: (n: number) => Promise<Keystroke[]> }
          ).__arcoBenchKeysIdle(n),
        expected,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
