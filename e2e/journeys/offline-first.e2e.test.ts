import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { revokeSession, signInApi, type SyncDocument } from './support/api-client.ts';
import {
  captureAtWidths,
  deviceDatabases,
  deviceDocuments,
  pendingPhrase,
  signInThroughUi,
  submitSignIn,
  syncSummary,
  waitForFirstSync,
  waitForPending,
} from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * Acceptance journeys of the issue "Installable offline PWA", in headless Debian Chromium against the real
 * built app, the real server and its seeded demo data (one server for the file: it costs about a minute to
 * start). What the server holds is always checked through its own API with a separate session, and what a
 * device holds through its IndexedDB — never through the UI alone.
 *
 * The journeys share the server, so each edits its own customers: Fintech ABC (1), ConsultoriaDEF (4).
 */
const env = journeyEnvironment();

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 800 };

/** Polls the server (through the API client) until `pick` finds what the journey expects. */
async function serverEventually<T>(what: () => Promise<T | undefined>, timeout = 30_000): Promise<T> {
  let found: T | undefined;
  await expect.poll(async () => (found = await what()) !== undefined, { timeout, interval: 250 }).toBe(true);
  return found as T;
}

const customerList = (page: Page) => page.getByRole('table', { name: 'Lista de clientes' });
const customerRow = (page: Page, text: string) =>
  customerList(page).getByRole('row').filter({ hasText: text });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Buscar clientes' });
const listCount = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^Mostrando \d+ de \d+ cliente/ });
const byName = (docs: readonly SyncDocument[], name: string) => docs.find((d) => d.name === name);

/** Opens a customer's edit dialog from the list (found through the search box) and sets text fields. */
async function editCustomer(page: Page, name: string, fields: Record<string, string>): Promise<void> {
  await searchBox(page).fill(name);
  await page.getByRole('button', { name: `Editar ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Editar ${name}` });
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: 'Salvar' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('a CSM works offline and the team sees the result live (journey 1)', () => {
  const EDITED = 'Fintech ABC';
  const NEW_INDUSTRY = 'Fintech e Seguros';
  const CREATED = 'Padaria Pão de Mel Campinas';

  it('lists the demo customers, opens offline from the SW + IndexedDB, queues an edit and a create, and both reach the server and João without a reload', async () => {
    const api = await signInApi(env.server().origin, 'admin@arco.example');
    const before = await api.pullAll('customers');
    const demoCount = before.length;
    expect(byName(before, 'TechCorp LTDA')).toBeDefined();
    expect(byName(before, EDITED)?.industry).not.toBe(NEW_INDUSTRY);
    expect(byName(before, CREATED)).toBeUndefined();

    const [maria, joao] = await Promise.all([env.launch(DESKTOP), env.launch(DESKTOP)]);
    const [page, joaoPage] = await Promise.all([
      signInThroughUi(maria.context, env.server().origin, 'maria@arco.example', '/clientes'),
      signInThroughUi(joao.context, env.server().origin, 'joao@arco.example', '/clientes'),
    ]);
    await Promise.all([waitForFirstSync(page), waitForFirstSync(joaoPage)]);

    // The demo portfolio, all of it, from the device database.
    await page.getByRole('heading', { level: 1, name: 'Clientes' }).waitFor();
    await listCount(page)
      .filter({ hasText: `Mostrando ${demoCount} de ${demoCount} clientes` })
      .waitFor();
    await searchBox(page).fill('TechCorp');
    await customerRow(page, 'TechCorp LTDA').waitFor();
    await searchBox(page).fill('');
    await captureAtWidths(page, 'customer-list');

    // Offline, a reload is served by the service worker and the list by IndexedDB.
    await maria.context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Clientes' }).waitFor();
    await listCount(page)
      .filter({ hasText: `Mostrando ${demoCount} de ${demoCount} clientes` })
      .waitFor();
    expect(await page.getByTestId('sync-indicator').getAttribute('data-connectivity')).toBe('offline');

    await editCustomer(page, EDITED, { Setor: NEW_INDUSTRY });
    await page.getByText('Salvo neste aparelho. Será enviado quando a conexão voltar.').waitFor();
    await customerRow(page, EDITED).filter({ hasText: NEW_INDUSTRY }).waitFor();

    await page.getByRole('button', { name: 'Nova empresa' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nova empresa' });
    await dialog.getByLabel('Nome da empresa').fill(CREATED);
    await dialog.getByLabel('Domínio').fill('paodemel.com.br');
    await dialog.getByLabel('Setor').fill('Alimentação');
    await dialog.getByLabel('Localização').fill('Campinas, SP');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Both writes wait in the queue, and the UI says so.
    await waitForPending(page, 2);
    await page.getByText('2 alterações em clientes aguardando sincronização').waitFor();
    await searchBox(page).fill(CREATED);
    await customerRow(page, CREATED).filter({ hasText: 'Pendente de sincronização' }).waitFor();
    await searchBox(page).fill('');
    await page.getByRole('button', { name: /^Status da sincronização:/ }).click(); // open the details
    await page.getByText('Você pode continuar trabalhando.', { exact: false }).waitFor();
    await captureAtWidths(page, 'offline-customer-list-pending');
    await page.keyboard.press('Escape');

    // Nothing reached the server yet.
    const whileOffline = await api.pullAll('customers');
    expect(byName(whileOffline, CREATED)).toBeUndefined();
    expect(byName(whileOffline, EDITED)?.industry).toBe(byName(before, EDITED)?.industry);

    // João's list is open on his own device; it must update in place, without a reload.
    await joaoPage.evaluate(
      () => ((window as unknown as { journeyMarker: string }).journeyMarker = 'no-reload'),
    );
    await searchBox(joaoPage).fill(CREATED);
    await joaoPage.getByText('Nenhum cliente encontrado').waitFor();

    await maria.context.setOffline(false);
    await waitForPending(page, 0, 60_000);

    const created = await serverEventually(async () => byName(await api.pullAll('customers'), CREATED));
    expect(created).toMatchObject({
      name: CREATED,
      domain: 'paodemel.com.br',
      industry: 'Alimentação',
      location: 'Campinas, SP',
      csmId: (await signInApi(env.server().origin, 'maria@arco.example')).user.id,
    });
    expect(created.serverSeq).toBeGreaterThan(0);
    const edited = await serverEventually(async () => {
      const doc = byName(await api.pullAll('customers'), EDITED);
      return doc?.industry === NEW_INDUSTRY ? doc : undefined;
    });
    expect(edited.serverSeq).toBeGreaterThan(byName(before, EDITED)!.serverSeq as number);
    expect((await api.pullAll('customers')).length).toBe(demoCount + 1);

    await customerRow(joaoPage, CREATED).waitFor({ timeout: 30_000 });
    await searchBox(joaoPage).fill(EDITED);
    await customerRow(joaoPage, EDITED).filter({ hasText: NEW_INDUSTRY }).waitFor({ timeout: 30_000 });
    await searchBox(joaoPage).fill('');
    await listCount(joaoPage)
      .filter({ hasText: `Mostrando ${demoCount + 1} de ${demoCount + 1} clientes` })
      .waitFor();
    expect(
      await joaoPage.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker),
    ).toBe('no-reload');
  });
});

describe('a client opens a ticket offline (journey 2)', () => {
  const SUBJECT = 'Relatório de campanhas não abre no celular';

  it('sees only TechCorp on the device; the offline ticket reaches the server with a number that staff see live', async () => {
    const staffApi = await signInApi(env.server().origin, 'maria@arco.example');
    const clientApi = await signInApi(env.server().origin, 'cliente@techcorp.example');
    const techCorpId = clientApi.user.customerId;
    expect(techCorpId).toBeTruthy();
    const numbersBefore = (await staffApi.pullAll('tickets')).map((t) => t.number as number);

    const [client, staff] = await Promise.all([env.launch(PHONE), env.launch(DESKTOP)]);
    const [page, staffPage] = await Promise.all([
      signInThroughUi(client.context, env.server().origin, 'cliente@techcorp.example', '/inicio'),
      signInThroughUi(staff.context, env.server().origin, 'joao@arco.example', '/clientes'),
    ]);
    await Promise.all([waitForFirstSync(page), waitForFirstSync(staffPage)]);
    await page.getByRole('heading', { level: 1, name: 'Olá, Pedro' }).waitFor();
    await page.getByRole('heading', { name: 'Sua empresa' }).waitFor();
    await captureAtWidths(page, 'client-home');

    // Isolation on the device: the one customer document is TechCorp's, every customer-owned document is
    // TechCorp's, and the staff-only collections do not exist at all.
    const clientId = clientApi.user.id;
    const databases = await deviceDatabases(page, clientId);
    const collections = databases.map((n) => n.split('--').at(-1));
    expect(collections).toEqual(expect.arrayContaining(['customers', 'tickets', 'invoices', 'meetings']));
    for (const staffOnly of ['health', 'signals', 'activities']) expect(collections).not.toContain(staffOnly);
    const customersOnDevice = await deviceDocuments(page, clientId, 'customers');
    expect(customersOnDevice.map((c) => [c.id, c.name])).toEqual([[techCorpId, 'TechCorp LTDA']]);
    const staffCustomerIds = (await staffApi.pullAll('customers')).map((c) => c.id);
    expect(staffCustomerIds.length).toBeGreaterThan(1);
    let customerOwned = 0;
    for (const name of collections) {
      if (!name || name.startsWith('_') || name.startsWith('rx-')) continue;
      for (const doc of await deviceDocuments(page, clientId, name)) {
        if (typeof doc.customerId !== 'string') continue;
        customerOwned += 1;
        expect({ collection: name, customerId: doc.customerId }).toEqual({
          collection: name,
          customerId: techCorpId,
        });
      }
    }
    expect(customerOwned).toBeGreaterThan(0);

    // Offline: the app opens from the SW, and a new ticket is saved on the device.
    await client.context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Olá, Pedro' }).waitFor();
    await page.goto(`${env.server().origin}/inicio/tickets`);
    await page.getByRole('heading', { level: 1, name: 'Meus tickets' }).waitFor();
    await page.getByRole('link', { name: 'Abrir novo ticket' }).click();
    await page.getByRole('heading', { level: 1, name: 'Abrir novo ticket' }).waitFor();
    await page.getByText('Você está offline. O ticket fica salvo neste aparelho').waitFor();
    await page.getByLabel('Assunto').fill(SUBJECT);
    await page
      .getByLabel('Descrição')
      .fill('No Android o relatório fica carregando e não mostra os números.');
    await page.getByRole('radio', { name: /^Alta/ }).check();
    await page.getByRole('button', { name: 'Abrir ticket' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    const ticketId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
    await page.getByText('Este ticket está aguardando sincronização').waitFor();
    await waitForPending(page, 1);
    expect(await staffApi.find('tickets', ticketId)).toBeUndefined();

    await staffPage.evaluate(
      () => ((window as unknown as { journeyMarker: string }).journeyMarker = 'no-reload'),
    );
    await client.context.setOffline(false);
    await waitForPending(page, 0, 60_000);

    // The server accepted it as TechCorp's and gave it the next number.
    const ticket = await serverEventually(async () => {
      const doc = await staffApi.find('tickets', ticketId);
      return doc?.number ? doc : undefined;
    });
    expect(ticket).toMatchObject({
      subject: SUBJECT,
      priority: 'high',
      status: 'open',
      customerId: techCorpId,
      createdBy: clientId,
    });
    expect(ticket.number).toBe(Math.max(...numbersBefore) + 1);

    // The client's screen shows the number, in place.
    await page.getByText(`#${ticket.number}`).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Este ticket está aguardando sincronização').count()).toBe(0);

    // Staff's open app received it over the stream, number included, without a reload.
    const staffId = (await signInApi(env.server().origin, 'joao@arco.example')).user.id;
    await expect
      .poll(
        async () =>
          (await deviceDocuments(staffPage, staffId, 'tickets')).find((t) => t.id === ticketId)?.number ??
          null,
        { timeout: 30_000, interval: 250 },
      )
      .toBe(ticket.number);
    expect(
      await staffPage.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker),
    ).toBe('no-reload');
  });
});

describe('sign-out wipes the device (journey 3)', () => {
  it('removes every IndexedDB database of the user, the runtime caches and the remembered profile', async () => {
    const admin = await env.launch(DESKTOP);
    const page = await signInThroughUi(admin.context, env.server().origin, 'admin@arco.example', '/clientes');
    await waitForFirstSync(page);
    const { user } = await signInApi(env.server().origin, 'admin@arco.example');

    const before = await deviceDatabases(page, user.id);
    // The 12 staff collections, each with data, plus RxDB's own bookkeeping.
    expect(before.filter((n) => /--(customers|health|activities)$/.test(n))).toHaveLength(3);
    expect((await deviceDocuments(page, user.id, 'customers')).length).toBeGreaterThan(0);

    await page.goto(`${env.server().origin}/ajustes`);
    await page.getByRole('button', { name: 'Sair', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Entrar no Arco' }).waitFor();

    expect(await deviceDatabases(page, user.id)).toEqual([]);
    const leftovers = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
      caches: await caches.keys(),
      profile: localStorage.getItem('arco.profile.v1'),
    }));
    expect(leftovers.databases.filter((n) => n.includes('arco-'))).toEqual([]);
    expect(leftovers.caches.filter((n) => !n.startsWith('workbox-precache'))).toEqual([]);
    expect(leftovers.profile).toBeNull();
  });
});

describe('the first visit travels compressed (issue 16)', () => {
  it('receives the main script and the sync pulls with Content-Encoding br or gzip', async () => {
    const admin = await env.launch(DESKTOP);
    const seen: { url: string; encoding: string | undefined; fromServiceWorker: boolean }[] = [];
    admin.context.on('response', (response) => {
      void response.allHeaders().then(
        (headers) =>
          seen.push({
            url: response.url(),
            encoding: headers['content-encoding'],
            fromServiceWorker: response.fromServiceWorker(),
          }),
        () => undefined,
      );
    });
    const page = await signInThroughUi(admin.context, env.server().origin, 'admin@arco.example', '/clientes');
    await waitForFirstSync(page);

    // The entry script named by index.html, fetched from the network on the first visit.
    const entry = await page.evaluate(
      () =>
        document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src') ?? '',
    );
    expect(entry).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    const scripts = seen.filter((r) => r.url.endsWith(entry) && !r.fromServiceWorker);
    expect(scripts.length).toBeGreaterThan(0);
    for (const r of scripts) expect(r.encoding, r.url).toMatch(/^(br|gzip)$/);
    // Every collection's first pull of an admin is several kilobytes of JSON.
    const pulls = seen.filter((r) => /\/api\/sync\/customers\/pull\?/.test(r.url));
    expect(pulls.length).toBeGreaterThan(0);
    for (const r of pulls) expect(r.encoding, r.url).toMatch(/^(br|gzip)$/);
  });
});

describe('a session that expires while offline (journey 4)', () => {
  const EDITED = 'ConsultoriaDEF';
  const NEW_LOCATION = 'Santos, SP';

  it('keeps the queued edit, asks to sign in again in pt-BR, and sends the edit after the new sign-in', async () => {
    const api = await signInApi(env.server().origin, 'admin@arco.example');
    const original = byName(await api.pullAll('customers'), EDITED);
    expect(original?.location).not.toBe(NEW_LOCATION);

    const joao = await env.launch(PHONE);
    const page = await signInThroughUi(joao.context, env.server().origin, 'joao@arco.example', '/clientes');
    await waitForFirstSync(page);
    const joaoId = (await signInApi(env.server().origin, 'joao@arco.example')).user.id;

    await joao.context.setOffline(true);
    await editCustomer(page, EDITED, { Localização: NEW_LOCATION });
    await waitForPending(page, 1);

    // The session ends on the server while the device is offline: signed out with its own cookie.
    const cookie = (await joao.context.cookies(env.server().origin)).find((c) => c.name === 'arco_session');
    expect(cookie).toBeDefined();
    expect(await revokeSession(env.server().origin, cookie!)).toBe(401);

    await joao.context.setOffline(false);
    await page.getByRole('heading', { level: 1, name: 'Entrar no Arco' }).waitFor({ timeout: 30_000 });
    await page.getByText('Sua sessão expirou. Entre novamente para continuar.').waitFor();

    // Still queued on the device, still not on the server.
    const onDevice = (await deviceDocuments(page, joaoId, 'customers')).find((c) => c.name === EDITED);
    expect(onDevice?.location).toBe(NEW_LOCATION);
    expect(byName(await api.pullAll('customers'), EDITED)?.location).toBe(original?.location);

    await submitSignIn(page, 'joao@arco.example');
    await page.getByRole('heading', { level: 1, name: 'Clientes' }).waitFor();
    await waitForPending(page, 0, 60_000);
    const synced = await serverEventually(async () => {
      const doc = byName(await api.pullAll('customers'), EDITED);
      return doc?.location === NEW_LOCATION ? doc : undefined;
    });
    expect(synced.serverSeq).toBeGreaterThan(original!.serverSeq as number);
    expect(await syncSummary(page)).toContain(pendingPhrase(0));
  });
});
