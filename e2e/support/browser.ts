import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/**
 * Debian's Chromium through playwright-core (no browser downloads on these machines — docs/architecture.md §11), in a fresh
 * profile, with every request that leaves the machine blocked so a test can never depend on the internet
 * (and RxDB dev-mode's rxdb.info iframe would show up as a failure, not a silent fetch).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  /** Every non-loopback URL the page or its service worker tried to reach (blocked). */
  readonly blockedRequests: readonly string[];
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
    return LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

export async function launchChromium(options: BrowserContextOptions = {}): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'arco-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    serviceWorkers: 'allow',
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    ...options,
  });
  const blockedRequests: string[] = [];
  await context.route(
    (url) => !isLoopbackUrl(url.href),
    async (route) => {
      blockedRequests.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  return {
    context,
    blockedRequests,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
