import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  openControlledPage,
  startServerForTests,
  type LaunchedBrowser,
} from './support/app.ts';

/**
 * The installable offline PWA (DESIGN §8) in real headless Chromium against the built app and the server:
 * layout at phone and desktop widths, installability, offline start and deep links from the service worker,
 * the update prompt, and push notifications that deep-link into an allow-listed route.
 */
const SCREENSHOTS = resolve(import.meta.dirname, '..', 'test-results', 'screenshots');

const staffProfile = {
  id: '0190a8e4-0000-7000-8000-000000000001',
  email: 'maria@arco.example',
  name: 'Maria Santos',
  role: 'csm',
  organizationId: '0190a8e4-0000-7000-8000-0000000000aa',
  customerId: null,
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
};

let server: Awaited<ReturnType<typeof startServerForTests>>;
let browser: LaunchedBrowser | undefined;

beforeAll(async () => {
  server = await startServerForTests();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await server?.close();
});

afterEach(async () => {
  const blocked = browser?.blockedRequests ?? [];
  await browser?.close();
  browser = undefined;
  // Nothing in the app may reach beyond this machine (e.g. RxDB dev-mode's rxdb.info iframe).
  expect(blocked).toEqual([]);
});

describe('installable offline PWA', () => {
  it.each([
    [360, 780],
    [1280, 800],
  ])('opens in pt-BR at %i px without horizontal scrolling', async (width, height) => {
    browser = await launchChromium({ viewport: { width, height } });
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { level: 1, name: 'Entrar no Arco' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pt-BR');
    expect(page.url()).toBe(`${server.origin}/entrar`);
    expect(await page.getByLabel('E-mail').isVisible()).toBe(true);
    expect(await page.getByTestId('sync-indicator').textContent()).toContain('Online');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SCREENSHOTS, `sign-in-${width}.png`), fullPage: true });
  });

  it('reports no installability errors and a complete manifest', async () => {
    browser = await launchChromium();
    const page = await openControlledPage(browser.context, server.origin);
    const cdp = await browser.context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as Record<string, unknown>;
    expect(parsed).toMatchObject({
      name: 'Arco',
      short_name: 'Arco',
      display: 'standalone',
      lang: 'pt-BR',
      start_url: '/',
      scope: '/',
    });
    expect((parsed.shortcuts as { url: string }[]).map((s) => s.url)).toEqual([
      '/clientes?saude=risco',
      '/inicio/tickets',
    ]);
    // Every icon the manifest names is a real PNG of the size it claims.
    for (const icon of parsed.icons as { src: string; sizes: string }[]) {
      const size = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        return `${bitmap.width}x${bitmap.height}`;
      }, icon.src);
      expect(size).toBe(icon.sizes);
    }
  });

  it('opens offline from the service worker, deep links included', async () => {
    browser = await launchChromium({ viewport: { width: 360, height: 780 } });
    const { context } = browser;
    const page = await openControlledPage(context, server.origin);
    // The device remembers who signed in last (what a real sign-in leaves behind; no secret in it).
    await page.evaluate((p) => localStorage.setItem('arco.profile.v1', JSON.stringify(p)), staffProfile);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Clientes' }).waitFor();
    expect(await page.getByTestId('sync-indicator').getAttribute('data-connectivity')).toBe('offline');

    await page.goto(`${server.origin}/clientes?saude=risco`);
    await page.getByRole('heading', { level: 1, name: 'Clientes em risco' }).waitFor();

    await page.goto(`${server.origin}/caminho/que/nao/existe`);
    await page.getByRole('heading', { level: 1, name: 'Página não encontrada' }).waitFor();

    // API responses are never served from the SW cache: offline they fail, they do not go stale.
    const apiReachable = await page.evaluate(() =>
      fetch('/api/health').then(
        () => true,
        () => false,
      ),
    );
    expect(apiReachable).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'offline-clientes-360.png'), fullPage: true });
    await context.setOffline(false);
  });
});
