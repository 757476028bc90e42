import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './browser.ts';
import { startAppServer, type AppServer } from './server.ts';
import { startStaticServer } from './static-server.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The real server when it exists; until then the temporary static stand-in (shell tests only). */
export async function startServerForTests(): Promise<AppServer & { readonly real: boolean }> {
  if (existsSync(join(ROOT, 'server', 'main.ts'))) return { ...(await startAppServer()), real: true };
  return { ...(await startStaticServer()), real: false };
}

/** Opens the app once and waits until its service worker is active *and* controls the page. */
export async function openControlledPage(context: BrowserContext, origin: string, path = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // registerType 'prompt' has no clientsClaim: the first load is not controlled; the next one is.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page;
}

export type { AppServer, LaunchedBrowser };
export { launchChromium };
