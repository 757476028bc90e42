import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInApi, type SyncDocument } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
import {
  captureAtWidths,
  pendingPhrase,
  signInThroughUi,
  syncSummary,
  waitForFirstSync,
  waitForPending,
} from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Issue 15 item 7, "offline honesty on the device", in headless Chromium against the real built app and server:
 * the pending count in the top bar comes from the persisted queue (it survives a reload while offline), and a
 * person whose offline edit lost a concurrent conflict is told so on their device — what they wrote, what stands
 * now — until they dismiss it or write theirs again. The server's state is checked through its own API.
 */
const env = journeyEnvironment();

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 800 };

const byName = (docs: readonly SyncDocument[], name: string) => docs.find((d) => d.name === name);

async function serverEventually<T>(what: () => Promise<T | undefined>, timeout = 30_000): Promise<T> {
  let found: T | undefined;
  await expect.poll(async () => (found = await what()) !== undefined, { timeout, interval: 250 }).toBe(true);
  return found as T;
}

/** Opens a customer's edit dialog from the list (found through the search box) and sets text fields. */
async function editCustomer(page: Page, name: string, fields: Record<string, string>): Promise<void> {
  await page.getByRole('searchbox', { name: 'Buscar clientes' }).fill(name);
  await page.getByRole('button', { name: `Editar ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Editar ${name}` });
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: 'Salvar' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const conflictRegion = (page: Page) =>
  page.getByRole('region', { name: /alteraç(ão|ões) sua(s)? (foi|foram) substituída/ });

describe('the pending count survives a reload while offline', () => {
  const SUBJECT = 'Painel de leads não atualiza';

  it('a ticket opened offline still counts as pending in the top bar after the page reloads offline', async () => {
    const staffApi = await signInApi(env.server().origin, 'maria@arco.example');
    const client = await env.launch(PHONE);
    const page = await signInThroughUi(
      client.context,
      env.server().origin,
      'cliente@techcorp.example',
      '/inicio',
    );
    await waitForFirstSync(page);

    await client.context.setOffline(true);
    await page.goto(`${env.server().origin}/inicio/tickets`);
    await page.getByRole('heading', { level: 1, name: 'Meus tickets' }).waitFor();
    await page.getByRole('link', { name: 'Abrir novo ticket' }).click();
    await page.getByLabel('Assunto').fill(SUBJECT);
    await page.getByLabel('Descrição').fill('Os leads de ontem não aparecem no painel.');
    await page.getByRole('button', { name: 'Abrir ticket' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    const ticketId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    await page.getByText('Este ticket está aguardando sincronização').waitFor();
    await waitForPending(page, 1);

    // The reload, still offline: served by the service worker, the queue read back from IndexedDB.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByText('Este ticket está aguardando sincronização').waitFor();
    await waitForPending(page, 1);
    // It stays so (the count is not a first paint that the session's start then clears).
    await page.waitForTimeout(1_500);
    expect(await syncSummary(page)).toContain(pendingPhrase(1));
    expect(await staffApi.find('tickets', ticketId)).toBeUndefined();

    await client.context.setOffline(false);
    await waitForPending(page, 0, 60_000);
    await serverEventually(async () => staffApi.find('tickets', ticketId));
  });
});

describe('the person whose offline edit lost a conflict is told on their device', () => {
  const CUSTOMER = 'Fintech ABC';
  const MARIAS = 'Pagamentos digitais';
  const JOAOS = 'Seguros e previdência';

  it('Maria sees what she wrote and what stands, after a reload too, and one tap puts hers back on the server', async () => {
    const api = await signInApi(env.server().origin, 'admin@arco.example');
    expect(byName(await api.pullAll('customers'), CUSTOMER)).toBeDefined();

    const [maria, joao] = await Promise.all([env.launch(DESKTOP), env.launch(DESKTOP)]);
    const [page, joaoPage] = await Promise.all([
      signInThroughUi(maria.context, env.server().origin, 'maria@arco.example', '/clientes'),
      signInThroughUi(joao.context, env.server().origin, 'joao@arco.example', '/clientes'),
    ]);
    await Promise.all([waitForFirstSync(page), waitForFirstSync(joaoPage)]);

    // Both offline; Maria changes the industry first, João a moment later (his is the later write).
    await Promise.all([maria.context.setOffline(true), joao.context.setOffline(true)]);
    await editCustomer(page, CUSTOMER, { Setor: MARIAS });
    await waitForPending(page, 1);
    await editCustomer(joaoPage, CUSTOMER, { Setor: JOAOS });
    await waitForPending(joaoPage, 1);

    // João's device comes back first and its edit is stored; then Maria's, whose push meets his.
    await joao.context.setOffline(false);
    await waitForPending(joaoPage, 0, 60_000);
    await serverEventually(async () => {
      const doc = byName(await api.pullAll('customers'), CUSTOMER);
      return doc?.industry === JOAOS ? doc : undefined;
    });
    await maria.context.setOffline(false);
    await waitForPending(page, 0, 60_000);

    const notice = conflictRegion(page);
    await notice.waitFor({ timeout: 30_000 });
    await notice.getByText(`Sua alteração em ${CUSTOMER} não ficou`, { exact: false }).waitFor();
    await expect
      .poll(() => notice.innerText())
      .toMatch(/Setor\s+Você escreveu: Pagamentos digitais\s+Vale agora: Seguros e previdência/);
    // The rule kept João's, and the server holds it; João, whose value stands, is told nothing.
    expect(byName(await api.pullAll('customers'), CUSTOMER)?.industry).toBe(JOAOS);
    expect(await conflictRegion(joaoPage).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await captureAtWidths(page, 'conflict-notice');

    // The notice is stored on the device: a reload shows it again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Clientes' }).waitFor();
    await conflictRegion(page).getByText(MARIAS).waitFor();

    // One tap writes hers again, as an ordinary edit that reaches the server; the notice goes.
    await conflictRegion(page)
      .getByRole('button', { name: `Aplicar o meu de novo — ${CUSTOMER}` })
      .click();
    await conflictRegion(page).waitFor({ state: 'detached' });
    await waitForPending(page, 0, 60_000);
    await serverEventually(async () => {
      const doc = byName(await api.pullAll('customers'), CUSTOMER);
      return doc?.industry === MARIAS ? doc : undefined;
    });
    // And João's open app receives it live.
    await joaoPage.getByRole('searchbox', { name: 'Buscar clientes' }).fill(CUSTOMER);
    await joaoPage
      .getByRole('table', { name: 'Lista de clientes' })
      .getByRole('row')
      .filter({ hasText: MARIAS })
      .waitFor({ timeout: 30_000 });
  });

  it('also when hers reached the server first (his device merged); the notice can be dismissed, and stays dismissed after a reload', async () => {
    const CUSTOMER2 = 'ConsultoriaDEF';
    const api = await signInApi(env.server().origin, 'admin@arco.example');
    const [maria, joao] = await Promise.all([env.launch(PHONE), env.launch(PHONE)]);
    const [page, joaoPage] = await Promise.all([
      signInThroughUi(maria.context, env.server().origin, 'maria@arco.example', '/clientes'),
      signInThroughUi(joao.context, env.server().origin, 'joao@arco.example', '/clientes'),
    ]);
    await Promise.all([waitForFirstSync(page), waitForFirstSync(joaoPage)]);
    await Promise.all([maria.context.setOffline(true), joao.context.setOffline(true)]);
    await editCustomer(page, CUSTOMER2, { Localização: 'Recife, PE' });
    await waitForPending(page, 1);
    await editCustomer(joaoPage, CUSTOMER2, { Localização: 'Natal, RN' });
    await waitForPending(joaoPage, 1);

    // Maria's edit is stored first; João's device then merges against it, and his later write wins.
    await maria.context.setOffline(false);
    await waitForPending(page, 0, 60_000);
    await serverEventually(async () => {
      const doc = byName(await api.pullAll('customers'), CUSTOMER2);
      return doc?.location === 'Recife, PE' ? doc : undefined;
    });
    await joao.context.setOffline(false);
    await waitForPending(joaoPage, 0, 60_000);
    await serverEventually(async () => {
      const doc = byName(await api.pullAll('customers'), CUSTOMER2);
      return doc?.location === 'Natal, RN' ? doc : undefined;
    });

    // Maria only pulled his result, and is told all the same; João is not.
    const notice = conflictRegion(page);
    await notice.getByText('Recife, PE').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => notice.innerText())
      .toMatch(/Localização\s+Você escreveu: Recife, PE\s+Vale agora: Natal, RN/);
    expect(await conflictRegion(joaoPage).count()).toBe(0);

    await notice.getByRole('button', { name: `Dispensar — ${CUSTOMER2}` }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Clientes' }).waitFor();
    await waitForFirstSync(page);
    expect(await conflictRegion(page).count()).toBe(0);
    expect(byName(await api.pullAll('customers'), CUSTOMER2)?.location).toBe('Natal, RN');
  });
});
