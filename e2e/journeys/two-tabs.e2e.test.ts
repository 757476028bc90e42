import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInApi, type SyncDocument } from './support/api-client.ts';
import { deviceDatabases, signInThroughUi, waitForFirstSync, waitForPending } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Two tabs of the app on one device (one browser profile): only the leader tab replicates, so what the other
 * tab writes reaches the server through the leader, and what the leader pulls reaches the other tab, both over
 * the storage's cross-tab broadcast of the collections' writes. The replication's own meta rows are kept to the
 * leader tab (sync/client/replication-meta-storage.ts); this journey holds that nothing else stopped crossing.
 */
const env = journeyEnvironment();
const DESKTOP = { width: 1280, height: 800 };

const customerList = (page: Page) => page.getByRole('table', { name: 'Lista de clientes' });
const customerRow = (page: Page, text: string) =>
  customerList(page).getByRole('row').filter({ hasText: text });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Buscar clientes' });
const byName = (docs: readonly SyncDocument[], name: string) => docs.find((d) => d.name === name);

async function editIndustry(page: Page, name: string, industry: string): Promise<void> {
  await searchBox(page).fill(name);
  await page.getByRole('button', { name: `Editar ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Editar ${name}` });
  await dialog.getByLabel('Setor').fill(industry);
  await dialog.getByRole('button', { name: 'Salvar' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('two tabs of one device', () => {
  it("the second tab's edit reaches the server through the leader, and the leader's pulls reach the second tab live", async () => {
    const api = await signInApi(env.server().origin, 'admin@arco.example');
    const maria = await env.launch(DESKTOP);
    const first = await signInThroughUi(
      maria.context,
      env.server().origin,
      'maria@arco.example',
      '/clientes',
    );
    await waitForFirstSync(first);
    const mariaId = (await signInApi(env.server().origin, 'maria@arco.example')).user.id;

    // The second tab opens on the stored data; the first one, open since before it, stays the leader.
    const second = await maria.context.newPage();
    await second.goto(`${env.server().origin}/clientes`);
    await second
      .getByRole('status')
      .filter({ hasText: /^Mostrando \d+ de \d+ clientes/ })
      .waitFor();
    // It does not replicate, yet it knows the device holds everything: no first-sync bar, "synced".
    await waitForFirstSync(second, 30_000);

    // An edit in the second tab: only the leader pushes, so it must have seen the write.
    await editIndustry(second, 'ConsultoriaDEF', 'Consultoria em duas abas');
    await expect
      .poll(async () => byName(await api.pullAll('customers'), 'ConsultoriaDEF')?.industry, {
        timeout: 30_000,
      })
      .toBe('Consultoria em duas abas');
    // The write was counted as pending where it was made; the leader's acknowledgement clears it in every tab
    // (the outbox's stored queue is shared, not a copy per tab).
    await waitForPending(second, 0);
    await waitForPending(first, 0);

    // Another device's edit: the leader pulls it, the second tab shows it without a reload.
    const joao = await env.launch(DESKTOP);
    const joaoPage = await signInThroughUi(
      joao.context,
      env.server().origin,
      'joao@arco.example',
      '/clientes',
    );
    await waitForFirstSync(joaoPage);
    await second.evaluate(() => ((window as unknown as { marker: string }).marker = 'no-reload'));
    await editIndustry(joaoPage, 'Fintech ABC', 'Fintech vista nas duas abas');
    await searchBox(second).fill('Fintech ABC');
    await customerRow(second, 'Fintech ABC').filter({ hasText: 'Fintech vista nas duas abas' }).waitFor({
      timeout: 30_000,
    });
    expect(await second.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('no-reload');

    // The replication's meta rows are still stored (in the shared IndexedDB), one database per collection.
    const databases = await deviceDatabases(first, mariaId);
    expect(databases.some((n) => n.includes('--rx-replication-meta-'))).toBe(true);
  });
});
