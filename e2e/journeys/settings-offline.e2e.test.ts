import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInApi } from './support/api-client.ts';
import { captureAtWidths, followNavEntry, signInThroughUi, waitForFirstSync } from './support/device.ts';
import { seriousAxeViolations } from './support/axe.ts';
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

describe('playbooks (admin)', () => {
  it('the admin edits the playbooks: offline the form keeps the edit and waits; online it reaches the server', async () => {
    const admin = await signInApi(env.server().origin, 'admin@arco.example');
    type Served = {
      playbooks: { playbooks: { id: string; tasks: { title: string; dueInHours: number }[] }[] };
    };
    const served = async () => ((await admin.get('/api/settings')) as Served).playbooks.playbooks;
    expect((await served()).map((p) => p.id)).toEqual([
      'risco-critico',
      'cliente-em-risco',
      'contato-principal-saiu',
    ]);

    const browser = await env.launch({ width: 1280, height: 800 });
    const page = await signInThroughUi(
      browser.context,
      env.server().origin,
      'admin@arco.example',
      '/clientes',
    );
    await waitForFirstSync(page);
    await followNavEntry(page, 'Ajustes');
    const section = page.getByRole('region', { name: 'Playbooks' });
    await section.getByRole('heading', { level: 3, name: 'Risco crítico de churn' }).waitFor();
    await section.getByText('Ligação de emergência em 24 h', { exact: true }).waitFor();

    // Offline: the form opens from the device's copy and keeps the edit, but saving waits for the connection.
    await browser.context.setOffline(true);
    await section.getByRole('button', { name: 'Editar playbooks' }).click();
    const warning = section.getByRole('group', { name: 'Cliente em risco' });
    await warning.getByRole('button', { name: 'Adicionar tarefa' }).click();
    const added = warning.getByRole('group', { name: 'Tarefa 2' });
    await added.getByLabel('Título da tarefa').fill('Enviar relatório de ROI');
    await added.getByLabel('Prazo', { exact: true }).fill('3');
    const save = section.getByRole('button', { name: 'Salvar playbooks' });
    expect(await save.isDisabled()).toBe(true);
    await section.getByText(/^Sem conexão: as alterações ficam neste formulário/).waitFor();
    await section.getByRole('group', { name: 'Risco crítico de churn' }).scrollIntoViewIfNeeded();
    await captureAtWidths(page, 'settings-playbooks', {
      scrollTo: section.getByRole('group', { name: 'Cliente em risco' }),
    });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Online again: saved, and the server holds it.
    await browser.context.setOffline(false);
    await expect.poll(() => save.isDisabled(), { timeout: 15_000 }).toBe(false);
    await save.click();
    await section.getByText(/^Playbooks salvos\./).waitFor();
    await section.getByText('Enviar relatório de ROI', { exact: true }).waitFor();
    const warningSaved = (await served()).find((p) => p.id === 'cliente-em-risco');
    expect(warningSaved?.tasks.map((t) => [t.title, t.dueInHours])).toEqual([
      ['Agendar QBR com o decisor', 168],
      ['Enviar relatório de ROI', 72],
    ]);
  }, 240_000);
});

describe('language (strings load on demand, precached)', () => {
  it('Maria switches to English offline: the navigation, the settings and a screen not yet opened speak English, also after an offline reload', async () => {
    const browser = await env.launch({ width: 360, height: 780 });
    const page = await signInThroughUi(
      browser.context,
      env.server().origin,
      'maria@arco.example',
      '/clientes',
    );
    await waitForFirstSync(page);
    await page.getByRole('heading', { level: 1, name: 'Clientes' }).waitFor();
    await followNavEntry(page, 'Ajustes');
    await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();

    // Every feature's strings are chunks of their own (client/app/i18n.ts); offline they come from the
    // service worker's precache, so switching works with no connection.
    await browser.context.setOffline(true);
    // The radio follows the language once its strings are here (changeLanguage resolves), so a click, not check().
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Customers', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // A screen not opened in this session: its English strings arrive with it.
    await nav.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await page.getByLabel('Search customers').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Customers', exact: true })
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 240_000);
});
