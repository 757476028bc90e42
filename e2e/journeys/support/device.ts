import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openControlledPage } from '../../support/app.ts';
import { DEMO_PASSWORD } from './api-client.ts';

/**
 * What the acceptance journeys do and look at on a device: the real UI by its pt-BR accessible names, and the
 * device's own IndexedDB read raw (RxDB's Dexie storage keeps one IndexedDB database per collection, named
 * `rxdb-dexie-<database>--<schema version>--<collection>`; the app's database is `arco-<user id>`).
 */

/** Opens the app controlled by its service worker (so it can reload offline) and signs in through the form. */
export async function signInThroughUi(
  context: BrowserContext,
  origin: string,
  email: string,
  home: '/clientes' | '/inicio',
): Promise<Page> {
  const page = await openControlledPage(context, origin, '/entrar');
  await submitSignIn(page, email);
  await page.waitForURL(`${origin}${home}`);
  return page;
}

export async function submitSignIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
}

/** The top bar's sync chip; its accessible name reads "Status da sincronização: Online 2 pendentes · agora. 2 alterações …". */
export const syncChip = (page: Page): Locator =>
  page.getByRole('button', { name: /^Status da sincronização:/ });

export const syncSummary = async (page: Page): Promise<string> =>
  (await syncChip(page).getAttribute('aria-label')) ?? '';

/** "2 alterações aguardando envio" while the queue holds them. */
export const pendingPhrase = (count: number): string =>
  count === 0
    ? 'Nenhuma alteração pendente'
    : `${count} ${count === 1 ? 'alteração' : 'alterações'} aguardando envio`;

/**
 * Until every collection of the role has caught up once: the chip says it synced, and the first-sync progress
 * bar under the top bar is gone (it shows while any collection's first pull is still running).
 */
export async function waitForFirstSync(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const chip = document.querySelector('[data-testid="sync-indicator"] button');
      const synced = chip?.getAttribute('aria-label')?.includes('Sincronizado') ?? false;
      return synced && document.querySelector('header progress') === null;
    },
    undefined,
    { timeout, polling: 100 },
  );
}

export async function waitForPending(page: Page, count: number, timeout = 30_000): Promise<void> {
  const phrase = pendingPhrase(count);
  await page.waitForFunction(
    (p) =>
      document
        .querySelector('[data-testid="sync-indicator"] button')
        ?.getAttribute('aria-label')
        ?.includes(p),
    phrase,
    { timeout, polling: 100 },
  );
}

/**
 * Takes the device's network away (or gives it back): Chromium's offline emulation, which `navigator.onLine`
 * and the app's sync chip follow, plus every `/api/` request from the context refused. Why both: in one CI run
 * (stop 21) a write made under `setOffline(true)` alone was on the server before the test went back online, and
 * a check that "nothing left the device while offline" must test the app, not the emulator's timing.
 */
export async function setDeviceOffline(context: BrowserContext, offline: boolean): Promise<void> {
  if (offline) {
    await context.setOffline(true);
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
  } else {
    await context.unroute('**/api/**');
    await context.setOffline(false);
  }
}

/** Names of the IndexedDB databases RxDB keeps for `userId`'s device database (one per collection). */
export async function deviceDatabases(page: Page, userId: string): Promise<string[]> {
  const prefix = `rxdb-dexie-${deviceDatabaseName(userId)}--`;
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  return names.filter((n) => n.startsWith(prefix)).sort();
}

/** The app's `databaseNameFor` (client/db/database.ts): `arco-` and the user id's letters and digits. */
export const deviceDatabaseName = (userId: string): string =>
  `arco-${userId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;

/**
 * Every document stored on the device for one collection of `userId`'s database, read straight from
 * IndexedDB (not through the app), deleted ones left out. Empty when the collection's database is absent.
 */
export async function deviceDocuments(
  page: Page,
  userId: string,
  collection: string,
): Promise<Record<string, unknown>[]> {
  const name = (await deviceDatabases(page, userId)).find((n) => n.endsWith(`--${collection}`));
  if (!name) return [];
  return page.evaluate(
    (dbName) =>
      new Promise<Record<string, unknown>[]>((resolveDocs, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('docs', 'readonly').objectStore('docs').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            const docs = request.result as Record<string, unknown>[];
            // Dexie storage keeps booleans that are indexed as '1' / '0'.
            resolveDocs(docs.filter((d) => d._deleted !== true && d._deleted !== '1'));
          };
        };
      }),
    name,
  );
}

/** Where screenshots go: `docs/screenshots/` when ARCO_UPDATE_SCREENSHOTS=1, else `test-results/journeys/`. */
const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const SCREENSHOT_DIR = join(
  ROOT,
  process.env.ARCO_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/journeys',
);

export const SCREENSHOT_WIDTHS = [360, 1280] as const;

/** The sticky top bar's height and a margin, left above an element scrolled into a screenshot. */
const TOP_BAR_ROOM = 72;

/**
 * Screenshots of what the screen shows at phone and desktop sizes (`<name>-360.png`, `<name>-1280.png`),
 * checking on the way that neither width scrolls sideways. Viewport, not full page: the lists are long
 * (virtualised against the window) and a full-page capture would paint the phone's fixed bottom navigation in
 * the middle of the page. Restores the viewport.
 */
export async function captureAtWidths(
  page: Page,
  name: string,
  options: {
    /** Scroll this element to just under the sticky top bar at each width (a tab's content below a header). */
    scrollTo?: Locator;
  } = {},
): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  // No focus ring left over from the journey's last keystroke (open popovers stay open).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  try {
    for (const width of SCREENSHOT_WIDTHS) {
      await page.setViewportSize({ width, height: width < 600 ? 780 : 800 });
      await options.scrollTo?.evaluate(
        (el, room) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - room),
        TOP_BAR_ROOM,
      );
      // Let layout, the virtualised list's measurements and web fonts settle.
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
      );
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) throw new Error(`${name} scrolls sideways at ${width} px (${scrollWidth} px)`);
      // A bottom-bar label wider than its cell spills over its neighbour without widening the page.
      const spilling = await page
        .getByRole('navigation', { name: 'Navegação principal' })
        .locator('li > a, li > div > button')
        .evaluateAll((cells) =>
          cells
            .filter((cell) => cell.checkVisibility() && cell.scrollWidth > cell.clientWidth + 1)
            .map((cell) => cell.textContent?.trim() ?? ''),
        );
      if (spilling.length > 0)
        throw new Error(
          `${name} at ${width} px: nav labels spill out of their cells: ${spilling.join(', ')}`,
        );
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}.png`) });
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
}

/**
 * Follows a primary-navigation entry by its name: a link of the bar, or one behind "Mais" (roles with more
 * sections than the bar has cells), which is opened first.
 */
export async function followNavEntry(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Navegação principal' });
  const link = nav.getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await nav.getByRole('button', { name: 'Mais', exact: true }).click();
  await link.click();
}
