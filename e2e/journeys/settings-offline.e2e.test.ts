import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../support/browser.ts';
import { startAppServer, type AppServer } from '../support/server.ts';
import { DEMO_PASSWORD } from './support/api-client.ts';
import { captureAtWidths, signInThroughUi, waitForFirstSync } from './support/device.ts';

/**
 * The settings screen offline, in headless Debian Chromium against the real built app, the real server and its
 * seeded demo data. What the server holds is checked through its own API (`GET /api/settings`) with a separate
 * session of the same user — never through the UI alone.
 */
let server: AppServer;
let browsers: LaunchedBrowser[] = [];

beforeAll(async () => {
  server = await startAppServer();
});

afterAll(async () => {
  await server?.close();
});

afterEach(async () => {
  const blocked = browsers.flatMap((b) => b.blockedRequests);
  await Promise.all(browsers.map((b) => b.close()));
  browsers = [];
  // Nothing in the app may reach beyond this machine.
  expect(blocked).toEqual([]);
});

/** `GET /api/settings` as `email`, in its own session (this test process, not the browser). */
async function serverSettings(email: string): Promise<() => Promise<{ profile: { phone: string | null } }>> {
  const login = await fetch(`${server.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => /^(__Host-)?arco_session=/.test(c));
  if (!cookie) throw new Error('no session cookie');
  return async () => {
    const res = await fetch(`${server.origin}/api/settings`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as { profile: { phone: string | null } };
  };
}

const profileSection = (page: Page): Locator => page.getByRole('region', { name: 'Seu perfil' });
const healthSection = (page: Page): Locator => page.getByRole('region', { name: 'Health Score' });
const pendingMarker = (page: Page): Locator => profileSection(page).getByText('Alteração pendente de envio');

async function expectWeightsShown(page: Page): Promise<void> {
  const health = healthSection(page);
  await health.getByText('Uso do produto').waitFor();
  const items = await health.getByRole('listitem').allTextContents();
  expect(items).toEqual([
    'Uso do produto30%',
    'Engajamento25%',
    'Suporte20%',
    'Pagamento15%',
    'Crescimento10%',
    'Saudável: 80 ou mais',
    'Em risco: 50 a 79',
    'Crítico: abaixo de 50',
  ]);
  await health.getByText('Somente administradores podem alterar.').waitFor();
}

describe('settings offline (profile and health weights from the device)', () => {
  it('Maria changes her phone offline; the edit survives an offline reload marked pending and reaches the server when she is back online; the health weights read offline', async () => {
    const NEW_PHONE = '(11) 97777-0000';
    const readServer = await serverSettings('maria@arco.example');
    expect((await readServer()).profile.phone).toBe('(11) 99999-9999');

    const browser = await launchChromium({ viewport: { width: 360, height: 780 } });
    browsers.push(browser);
    const page = await signInThroughUi(browser.context, server.origin, 'maria@arco.example', '/clientes');
    await waitForFirstSync(page);

    await page.getByRole('link', { name: 'Ajustes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();
    const phone = profileSection(page).getByLabel('Telefone');
    // From the device's profile document, filled by GET /api/settings when the session opened.
    await expect.poll(() => phone.inputValue(), { timeout: 15_000 }).toBe('(11) 99999-9999');
    await expectWeightsShown(page);
    await captureAtWidths(page, 'settings');

    await browser.context.setOffline(true);
    await phone.fill(NEW_PHONE);
    await profileSection(page).getByRole('button', { name: 'Salvar perfil' }).click();
    await profileSection(page)
      .getByText('Salvo neste aparelho. Será enviado quando a conexão voltar.')
      .waitFor();
    await pendingMarker(page).waitFor();

    // Offline reload: the service worker serves the app, the device database the edit and the weights.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();
    await pendingMarker(page).waitFor();
    await expect.poll(() => profileSection(page).getByLabel('Telefone').inputValue()).toBe(NEW_PHONE);
    await expectWeightsShown(page);
    await healthSection(page).scrollIntoViewIfNeeded();
    await captureAtWidths(page, 'settings-health-offline');
    expect((await readServer()).profile.phone).toBe('(11) 99999-9999');

    // Back online: the queued edit is sent without a reload, and the marker goes away.
    await browser.context.setOffline(false);
    await expect
      .poll(async () => (await readServer()).profile.phone, { timeout: 30_000, interval: 250 })
      .toBe(NEW_PHONE);
    await pendingMarker(page).waitFor({ state: 'detached', timeout: 15_000 });
    expect(await profileSection(page).getByLabel('Telefone').inputValue()).toBe(NEW_PHONE);
  }, 240_000);
});
