import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInApi, type SyncDocument } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { captureAtWidths, signInThroughUi, waitForFirstSync } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * The CSV import (issue 17 item 4), in headless Debian Chromium against the real built app, server and demo
 * data: Maria opens TechCorp's import from its Customer 360, previews a campaign file whose line 3 is malformed
 * (that line's error shown, no import offered, the server's campaign unchanged), previews and imports the good
 * file (one campaign document written), imports it again ("Nada mudou"), and TechCorp's client sees the
 * imported conversions on "Serviços Premium"'s card in /inicio/campanhas.
 */
const env = journeyEnvironment();

type CampaignDay = {
  date: string;
  impressions: number;
  clicks: number;
  spendCents: number;
  conversions: number;
  revenueCents: number;
};
type CampaignDoc = SyncDocument & {
  name: string;
  customerId: string;
  serverSeq: number;
  daily: CampaignDay[];
};

const PREMIUM = 'Serviços Premium';
const brDate = (iso: string) => iso.split('-').reverse().join('/');
const brMoney = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
const localDate = (timeZone: string, at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );

/** A campaign file as a pt-BR spreadsheet writes it (`;`, dd/mm/aaaa, 1234,56). */
function campaignCsv(rows: readonly (readonly string[])[]): string {
  const header = ['Data', 'Campanha', 'Impressões', 'Cliques', 'Investimento', 'Conversões', 'Receita'];
  return [header, ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n';
}
const row = (d: CampaignDay) => [
  brDate(d.date),
  PREMIUM,
  String(d.impressions),
  String(d.clicks),
  brMoney(d.spendCents),
  String(d.conversions),
  brMoney(d.revenueCents),
];

async function choose(page: Page, name: string, csv: string): Promise<void> {
  await page
    .getByLabel('Arquivo CSV')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Pré-visualizar' }).click();
}

async function figure(card: Locator, term: string): Promise<string> {
  const text = await card
    .locator('dt', { hasText: term })
    .locator('xpath=following-sibling::dd[1]')
    .innerText();
  return text.replace(/\s+/g, ' ');
}

describe('CSV import of campaign metrics', () => {
  it('refuses a malformed line with its error, imports the good file once, and the client sees the figure', async () => {
    const origin = env.server().origin;
    const staffApi = await signInApi(origin, 'maria@arco.example');
    const clientApi = await signInApi(origin, 'cliente@techcorp.example');
    const settings = (await clientApi.get('/api/settings')) as { profile: { timeZone: string } };
    const premiumNow = async () =>
      ((await staffApi.pullAll('campaigns')) as CampaignDoc[]).find(
        (c) => c.name === PREMIUM && c.customerId === clientApi.user.customerId,
      )!;
    const before = await premiumNow();
    const today = localDate(settings.profile.timeZone, new Date());
    const yesterday = localDate('UTC', new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000));
    const seeded = (date: string) =>
      before.daily.find((d) => d.date === date) ?? {
        date,
        impressions: 1000,
        clicks: 40,
        spendCents: 7200,
        conversions: 3,
        revenueCents: 90_000,
      };
    // Yesterday as the seed has it (no change); today with 9 more conversions than the seed's.
    const yesterdayRow = seeded(yesterday);
    const todayRow = { ...seeded(today), conversions: seeded(today).conversions + 9 };

    const device = await env.launch({ width: 1280, height: 800 });
    const page = await signInThroughUi(device.context, origin, 'maria@arco.example', '/clientes');
    await waitForFirstSync(page);
    await page.goto(`${origin}/clientes/${clientApi.user.customerId}`);
    await page.getByRole('heading', { level: 1, name: 'TechCorp LTDA' }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Importar dados (CSV)' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Importar dados por CSV' })
      .waitFor({ timeout: 30_000 });
    await page.getByLabel('Métricas de campanhas', { exact: false }).check();

    // Line 3 (the second data line) has a malformed number: its error, and nothing offered to import.
    const broken = row(todayRow);
    broken[2] = '1.3OO';
    await choose(page, 'campanhas-com-erro.csv', campaignCsv([row(yesterdayRow), broken]));
    const errors = page.getByRole('region', { name: /1 erro — corrija o arquivo; nada será importado/ });
    await errors.waitFor({ timeout: 30_000 });
    expect(await errors.getByRole('listitem').allInnerTexts()).toEqual([
      'Linha 3: impressões “1.3OO” não é um número',
    ]);
    expect(await page.getByRole('button', { name: 'Importar', exact: true }).count()).toBe(0);
    await captureAtWidths(page, 'csv-import-errors', {
      scrollTo: page.getByRole('button', { name: 'Pré-visualizar' }),
    });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect((await premiumNow()).serverSeq).toBe(before.serverSeq); // nothing written

    // The good file: two valid lines (yesterday unchanged, today updated), imported as one campaign document.
    const good = campaignCsv([row(yesterdayRow), row(todayRow)]);
    await choose(page, 'campanhas.csv', good);
    const lines = page.getByRole('region', { name: '2 linhas válidas' });
    await lines.waitFor({ timeout: 30_000 });
    const effects = await lines.locator('tbody tr td:last-child').allInnerTexts();
    expect(effects).toEqual([
      before.daily.some((d) => d.date === yesterday) ? 'Sem mudança' : 'Novo dia',
      before.daily.some((d) => d.date === today) ? 'Atualiza' : 'Novo dia',
    ]);
    await captureAtWidths(page, 'csv-import-preview', {
      scrollTo: page.getByRole('button', { name: 'Pré-visualizar' }),
    });
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByText('Importado: 1 documento gravado.').waitFor({ timeout: 30_000 });
    const after = await premiumNow();
    expect(after.serverSeq).toBeGreaterThan(before.serverSeq);
    expect(after.daily.find((d) => d.date === today)).toEqual(todayRow);

    // The same file again: every line "Sem mudança", and the import writes nothing.
    await choose(page, 'campanhas.csv', good);
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: '2 linhas válidas' })
          .locator('tbody tr td:last-child')
          .allInnerTexts(),
      )
      .toEqual(['Sem mudança', 'Sem mudança']);
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByText('Nada mudou: esses números já estavam gravados.').waitFor({ timeout: 30_000 });
    expect((await premiumNow()).serverSeq).toBe(after.serverSeq);

    // TechCorp's client: the card shows today's imported conversions.
    const client = await env.launch({ width: 390, height: 844 });
    const portal = await signInThroughUi(client.context, origin, 'cliente@techcorp.example', '/inicio');
    await waitForFirstSync(portal);
    await portal.goto(`${origin}/inicio/campanhas`);
    const card = portal.getByRole('listitem').filter({ has: portal.getByRole('heading', { name: PREMIUM }) });
    await card.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => figure(card, 'Conversões hoje'), { timeout: 30_000 })
      .toMatch(new RegExp(`^${todayRow.conversions}\\b`));
  }, 300_000);
});
