import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInApi, type SyncDocument } from './support/api-client.ts';
import {
  captureAtWidths,
  deviceDocuments,
  signInThroughUi,
  waitForFirstSync,
  waitForPending,
} from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * A customer's records in the Customer 360 — contracts (with the printable contract), contacts and activity —
 * in headless Debian Chromium against the real built app, the real server and its seeded demo data. What the
 * server holds is checked through its own API with a separate session, and what João's device holds through its
 * IndexedDB and its screen — never through Maria's UI alone.
 *
 * Edits TechCorp LTDA only (a new activity and a new contact), which no other journey edits.
 */
const env = journeyEnvironment();

const DESKTOP = { width: 1280, height: 800 };
const TECHCORP = 'TechCorp LTDA';
const CALL_TEXT = 'Ligação de acompanhamento: proposta do módulo de RH enviada';
const NEW_CONTACT = {
  first: 'Beatriz',
  last: 'Lima',
  email: 'beatriz.lima@techcorp.com.br',
  title: 'Head de RH',
};

/** Polls the server (through the API client) until `what` finds what the journey expects. */
async function serverEventually<T>(what: () => Promise<T | undefined>, timeout = 30_000): Promise<T> {
  let found: T | undefined;
  await expect.poll(async () => (found = await what()) !== undefined, { timeout, interval: 250 }).toBe(true);
  return found as T;
}

const tabBar = (page: Page) => page.getByRole('navigation', { name: 'Seções do cliente' });
const tab = (page: Page, name: string) => tabBar(page).getByRole('link', { name, exact: true });

/** What each tab shows once its content is there (the 360 shell names the tab in a hidden heading of its own). */
const TAB_READY = {
  Contratos: (page: Page) => page.getByRole('heading', { level: 3, name: 'Contratos ativos' }),
  Contatos: (page: Page) => page.getByRole('button', { name: /Adicionar contato/ }),
  Atividades: (page: Page) => page.getByRole('heading', { level: 3, name: 'Linha do tempo' }),
} as const;

async function openTab(page: Page, name: keyof typeof TAB_READY) {
  await tab(page, name).click();
  await TAB_READY[name](page).waitFor({ timeout: 15_000 });
}

describe("TechCorp's contracts, contacts and activity (Customer 360 tabs)", () => {
  it("Maria sees the seed's contract, payments, primary contact and the call about HR; offline she logs a call and adds a contact, and both reach the server and João's device", async () => {
    const origin = env.server().origin;
    const api = await signInApi(origin, 'maria@arco.example');
    const techcorp = (await api.pullAll('customers')).find((c) => c.name === TECHCORP) as SyncDocument & {
      contracts: { contractNumber: string; items: { name: string }[] }[];
      contacts: {
        firstName: string;
        lastName: string;
        jobTitle: string;
        isPrimary: boolean;
        email: string;
      }[];
    };
    // The seed holds what the journey looks for (server/seed/customer-doc.ts, billing.ts, activities.ts).
    expect(
      techcorp.contracts.find((c) => c.contractNumber === 'CTR-2024-0045')?.items.map((i) => i.name),
    ).toEqual(['Platform License (100 seats)', 'Premium Support', 'API Access']);
    expect(techcorp.contacts.find((c) => c.isPrimary)).toMatchObject({
      firstName: 'João',
      lastName: 'Silva',
      jobTitle: 'CEO',
    });
    const invoices = (await api.pullAll('invoices')).filter((i) => i.customerId === techcorp.id);
    for (const n of ['INV-1231', 'INV-1232', 'INV-1233', 'INV-1234']) {
      expect(invoices.map((i) => i.number)).toContain(n);
    }
    const activitiesBefore = (await api.pullAll('activities')).filter((a) => a.customerId === techcorp.id);
    expect(activitiesBefore.some((a) => String(a.description ?? '').includes('expansão para RH'))).toBe(true);
    expect(techcorp.contacts.some((c) => c.email === NEW_CONTACT.email)).toBe(false);

    const [maria, joao] = await Promise.all([env.launch(DESKTOP), env.launch(DESKTOP)]);
    const [page, joaoPage] = await Promise.all([
      signInThroughUi(maria.context, origin, 'maria@arco.example', '/clientes'),
      signInThroughUi(joao.context, origin, 'joao@arco.example', '/clientes'),
    ]);
    await Promise.all([waitForFirstSync(page), waitForFirstSync(joaoPage)]);

    // From the list to the Customer 360 (names are links), then its tabs.
    const customerUrl = `${origin}/clientes/${encodeURIComponent(techcorp.id)}`;
    await page.getByRole('searchbox', { name: 'Buscar clientes' }).fill('TechCorp');
    await page.getByRole('link', { name: TECHCORP }).click();
    await page.waitForURL(customerUrl);
    await page.getByRole('heading', { level: 1, name: TECHCORP }).waitFor();

    // Contracts: CTR-2024-0045 with its three items, the payments INV-1231…1234.
    await openTab(page, 'Contratos');
    // The active license; the one it amended (CTR-2024-0044, R$ 4.000 before the API Access) is listed as completed.
    const license = page
      .getByRole('article', { name: 'Enterprise Annual License' })
      .filter({ hasText: 'Contrato CTR-2024-0045' });
    await license.getByText('Contrato CTR-2024-0045').waitFor();
    for (const item of ['Platform License (100 seats)', 'Premium Support', 'API Access']) {
      await license.getByText(item).waitFor();
    }
    await license.getByText('R$ 54.000,00/ano').waitFor();
    await license.getByText('R$ 4.500,00/mês').first().waitFor();
    const payments = page.getByRole('table', { name: 'Faturas, mais recentes primeiro' });
    await captureAtWidths(page, 'customer-contracts', { scrollTo: tabBar(page) });
    const viewAll = page.getByRole('button', { name: /^Ver todas/ });
    if (await viewAll.isVisible()) await viewAll.click();
    for (const n of ['INV-1234', 'INV-1233', 'INV-1232', 'INV-1231']) {
      await payments.getByRole('link', { name: n }).waitFor();
    }
    await page.getByRole('region', { name: 'Histórico de pagamentos' }).getByText('Total recebido').waitFor();

    // The printable contract, on screen and as the print stylesheet lays it out.
    await page.getByRole('link', { name: 'Ver contrato CTR-2024-0045 para imprimir' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contrato CTR-2024-0045' }).waitFor();
    await page.getByRole('cell', { name: 'Platform License (100 seats)', exact: false }).waitFor();
    await captureAtWidths(page, 'contract-print');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Navegação principal' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimir ou salvar PDF' }).isVisible()).toBe(false);
    await captureAtWidths(page, 'contract-print-media');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: /Voltar aos contratos/ }).click();
    await TAB_READY.Contratos(page).waitFor();

    // Contacts: João Silva, CEO, the primary one.
    await openTab(page, 'Contatos');
    const joaoCard = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'João Silva' }) });
    await joaoCard.getByText('Principal').waitFor();
    await joaoCard.getByText(/^CEO · /).waitFor();
    await captureAtWidths(page, 'customer-contacts', { scrollTo: tabBar(page) });

    // Activity: the call about "expansão para RH".
    await openTab(page, 'Atividades');
    const timeline = page.getByRole('list', { name: 'Linha do tempo, mais recentes primeiro' });
    await timeline
      .getByText(/expansão para RH/)
      .first()
      .waitFor();
    await captureAtWidths(page, 'customer-activity', { scrollTo: tabBar(page) });

    // João keeps TechCorp's activity open on his own device.
    await joaoPage.goto(`${customerUrl}/atividades`);
    await TAB_READY.Atividades(joaoPage).waitFor();
    await joaoPage.evaluate(
      () => ((window as unknown as { journeyMarker: string }).journeyMarker = 'no-reload'),
    );

    // Offline: a call in the quick log (type already "Ligação" → text → save), and a new contact.
    await maria.context.setOffline(true);
    const quickLog = page.getByRole('region', { name: 'Registrar atividade' });
    await quickLog.getByRole('radio', { name: 'Ligação' }).check();
    await quickLog.getByLabel('O que aconteceu? (opcional)').fill(CALL_TEXT);
    await quickLog.getByRole('button', { name: 'Registrar' }).click();
    await quickLog.getByText('Registrado neste aparelho: Ligação.', { exact: false }).waitFor();
    const logged = timeline.getByRole('listitem').filter({ hasText: CALL_TEXT });
    await logged.getByText('aguardando sincronização').waitFor();
    await captureAtWidths(page, 'customer-activity-offline', { scrollTo: tabBar(page) });

    await openTab(page, 'Contatos');
    await page.getByRole('button', { name: /Adicionar contato/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Novo contato' });
    await dialog.getByRole('button', { name: 'Salvar contato' }).click();
    await dialog.getByRole('alert').getByText('Corrija 2 campos para salvar:').waitFor();
    await dialog.getByLabel(/^Nome/).fill(NEW_CONTACT.first);
    await dialog.getByLabel(/^Sobrenome/).fill(NEW_CONTACT.last);
    await dialog.getByLabel(/^E-mail/).fill(NEW_CONTACT.email);
    await dialog.getByLabel(/^Cargo/).fill(NEW_CONTACT.title);
    await dialog.getByLabel('Papel na conta').selectOption('champion');
    await dialog.getByRole('button', { name: 'Salvar contato' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Contato salvo neste aparelho. Será enviado quando a conexão voltar.').waitFor();
    await page.getByTestId('customer-pending').waitFor();
    await waitForPending(page, 2);
    await captureAtWidths(page, 'customer-contacts-offline', { scrollTo: tabBar(page) });

    // Nothing reached the server yet.
    const callOnServer = async () =>
      (await api.pullAll('activities')).find(
        (a) => a.customerId === techcorp.id && a.description === CALL_TEXT,
      );
    expect(await callOnServer()).toBeUndefined();
    const contactOnServer = async () => {
      const doc = await api.find('customers', techcorp.id);
      return (doc?.contacts as { email: string; firstName: string; role: string; isPrimary: boolean }[]).find(
        (c) => c.email === NEW_CONTACT.email,
      );
    };
    expect(await contactOnServer()).toBeUndefined();

    // Back online: both reach the server…
    await maria.context.setOffline(false);
    await waitForPending(page, 0, 60_000);
    const call = await serverEventually(callOnServer);
    expect(call).toMatchObject({
      type: 'call',
      title: CALL_TEXT,
      performedBy: api.user.id,
      performedByName: 'Maria Santos',
    });
    expect(call.serverSeq as number).toBeGreaterThan(0);
    expect(await serverEventually(contactOnServer)).toMatchObject({
      firstName: NEW_CONTACT.first,
      role: 'champion',
      isPrimary: false,
    });
    const after = await api.find('customers', techcorp.id);
    expect((after?.contacts as { isPrimary: boolean }[]).filter((c) => c.isPrimary)).toHaveLength(1);
    await page.getByTestId('customer-pending').waitFor({ state: 'detached', timeout: 30_000 });

    // … and João's device, live, without a reload.
    await joaoPage
      .getByRole('list', { name: 'Linha do tempo, mais recentes primeiro' })
      .getByText(CALL_TEXT)
      .waitFor({ timeout: 30_000 });
    await openTab(joaoPage, 'Contatos');
    await joaoPage
      .getByRole('heading', { level: 3, name: `${NEW_CONTACT.first} ${NEW_CONTACT.last}` })
      .waitFor({
        timeout: 30_000,
      });
    expect(
      await joaoPage.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker),
    ).toBe('no-reload');
    const joaoId = (await signInApi(origin, 'joao@arco.example')).user.id;
    const onJoaosDevice = await deviceDocuments(joaoPage, joaoId, 'activities');
    expect(onJoaosDevice.some((a) => a.id === call.id)).toBe(true);
  });
});
