import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInApi } from './support/api-client.ts';
import { captureAtWidths, followNavEntry, signInThroughUi, waitForFirstSync } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * The settings screen offline, in headless Debian Chromium against the real built app, the real server and its
 * seeded demo data. What the server holds is checked through its own API (`GET /api/settings`) with a separate
 * session of the same user — never through the UI alone.
 */
const env = journeyEnvironment();

/** `GET /api/settings` as `email`, in its own session (this test process, not the browser). */
async function serverSettings(email: string): Promise<() => Promise<{ profile: { phone: string | null } }>> {
  const api = await signInApi(env.server().origin, email);
  return async () => (await api.get('/api/settings')) as { profile: { phone: string | null } };
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

    const browser = await env.launch({ width: 360, height: 780 });
    const page = await signInThroughUi(
      browser.context,
      env.server().origin,
      'maria@arco.example',
      '/clientes',
    );
    await waitForFirstSync(page);

    await followNavEntry(page, 'Ajustes');
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
