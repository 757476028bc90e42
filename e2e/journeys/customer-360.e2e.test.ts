import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { customerPath } from '../../client/features/customer-360/paths.ts';
import { signInApi, type SyncDocument } from './support/api-client.ts';
import { captureAtWidths, signInThroughUi, waitForFirstSync, waitForPending } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * The Customer 360 in headless Debian Chromium against the real built app, the real server and its seeded demo
 * data: Maria opens TechCorp LTDA, sees the seed's numbers, switches tabs, and — offline — logs a note, reloads
 * (the 360 still opens, with a provisional health score), and sees the server's score replace it once she is
 * back online. What the server holds is read through its own API with a separate session.
 *
 * Writes one note to TechCorp LTDA (activities), which other journeys do not count.
 */
const env = journeyEnvironment();

const DESKTOP = { width: 1280, height: 800 };
const TECHCORP = 'TechCorp LTDA';
// A second expansion conversation (docs/domain.md §7): growth 75 → 100, so the note moves TechCorp's health.
const NOTE = 'Cliente confirmou a expansão para o módulo de RH (nota do 360)';

const tab = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Seções do cliente' }).getByRole('link', { name, exact: true });

/** The value next to a term of a description list, whitespace normalised (Intl puts a no-break space in R$). */
async function figure(container: Locator, term: string): Promise<string> {
  const text = await container
    .locator('dt', { hasText: term })
    .locator('xpath=following-sibling::dd[1]')
    .innerText();
  return text.replace(/\s/g, ' ');
}

/** Each health bar's label and value, in order. */
async function bars(page: Page): Promise<[string, string | null][]> {
  const section = page.getByRole('region', { name: 'Composição do health score' });
  const meters = section.getByRole('meter');
  const out: [string, string | null][] = [];
  for (const meter of await meters.all()) {
    const labelId = await meter.getAttribute('aria-labelledby');
    const label = await page.locator(`[id="${labelId}"]`).innerText();
    out.push([label, await meter.getAttribute('aria-valuenow')]);
  }
  return out;
}

describe('Customer 360', () => {
  it("Maria opens TechCorp LTDA: the seed's numbers, tabs as URLs, offline reload with a provisional health replaced by the server's", async () => {
    const origin = env.server().origin;
    const api = await signInApi(origin, 'maria@arco.example');
    const techcorp = (await api.pullAll('customers')).find((c) => c.name === TECHCORP) as SyncDocument & {
      mrrCents: number;
      arrCents: number;
      lifetimeValueCents: number;
    };
    // The seed's TechCorp (server/seed): what the screen must show. 13 monthly invoices and the training package
    // paid, whatever the day the demo was generated on: the spec's "Total Collected: R$ 58.500" (§2.3).
    expect(techcorp).toMatchObject({ mrrCents: 450_000, arrCents: 5_400_000, lifetimeValueCents: 5_850_000 });
    const healthBefore = (await api.pullAll('health')).find(
      (h) => h.customerId === techcorp.id,
    ) as SyncDocument & {
      score: number;
      serverSeq: number;
      breakdown: Record<string, { score: number | null }>;
    };
    // The bars are the server's health document. The seed wrote what the server's recompute computes from
    // TechCorp's documents (server/seed/health.ts): the spec's 85 / 92 / 95 / 100, and growth 75 (the spec's 80
    // is not reachable: the R$ 1.500 HR opportunity is full upsell potential, one expansion conversation is 50).
    const dimension = (key: string) => {
      const score = healthBefore.breakdown[key]?.score;
      return score === null || score === undefined ? '0' : String(Math.round(score));
    };
    expect(['productUsage', 'engagement', 'support', 'payment', 'growth'].map(dimension)).toEqual([
      '85',
      '92',
      '95',
      '100',
      '75',
    ]);
    expect(healthBefore.score).toBe(90);

    const browser = await env.launch(DESKTOP);
    const page = await signInThroughUi(browser.context, origin, 'maria@arco.example', '/clientes');
    await waitForFirstSync(page);

    // Opened by its URL (the list's names become links in the customer list's own change).
    await page.goto(`${origin}${customerPath(techcorp.id)}`);
    await page.getByRole('heading', { level: 1, name: TECHCORP }).waitFor({ timeout: 15_000 });
    const kpis = page.getByLabel('Indicadores do cliente');
    expect(await figure(kpis, 'MRR')).toBe('R$ 4.500');
    expect(await figure(kpis, 'Usuários ativos')).toBe('85');
    await kpis.getByText('de 100 licenças').waitFor();
    expect(await figure(kpis, 'Tempo de casa')).toBe('13 meses');
    await kpis.getByText(String(healthBefore.score), { exact: true }).waitFor();
    const revenue = page.getByRole('region', { name: 'Receita' });
    expect(await figure(revenue, 'MRR atual')).toBe('R$ 4.500');
    expect(await figure(revenue, 'ARR contratado')).toBe('R$ 54.000');
    expect(await figure(revenue, 'Lifetime value')).toBe('R$ 58.500');
    expect(await bars(page)).toEqual([
      ['Uso do produto', '85'],
      ['Engajamento', '92'],
      ['Suporte', '95'],
      ['Pagamento', '100'],
      ['Crescimento', '75'],
    ]);
    await page.getByRole('region', { name: 'Contatos principais' }).getByText('João Silva').first().waitFor();
    // The MRR chart is drawn (recharts, fetched lazily) next to its text alternative.
    await revenue.locator('svg.recharts-surface').waitFor({ timeout: 15_000 });
    await captureAtWidths(page, 'customer-360-overview');
    await page.getByRole('region', { name: 'Insights e oportunidades' }).scrollIntoViewIfNeeded();
    await captureAtWidths(page, 'customer-360-overview-insights');

    // Tabs are URLs: the analytics tab at /analise, back to the overview at the bare URL.
    await tab(page, 'Análise').click();
    await page.waitForURL(`${origin}${customerPath(techcorp.id, 'analytics')}`);
    await page.getByRole('heading', { level: 3, name: 'Health nos últimos 12 meses' }).waitFor();
    await page
      .getByRole('region', { name: 'Probabilidade de churn' })
      .getByText(/de probabilidade de churn/)
      .waitFor();
    await page.getByRole('region', { name: 'Por que o health mudou?' }).waitFor();
    await page.locator('svg.recharts-surface').first().waitFor({ timeout: 15_000 });
    expect(await tab(page, 'Análise').getAttribute('aria-current')).toBe('page');
    await captureAtWidths(page, 'customer-360-analytics');
    await page.getByRole('region', { name: 'Por que o health mudou?' }).scrollIntoViewIfNeeded();
    await captureAtWidths(page, 'customer-360-analytics-change');
    for (const other of ['Contratos', 'Contatos', 'Atividades']) {
      if ((await tab(page, other).count()) === 0) continue;
      await tab(page, other).click();
      await page.waitForURL(/\/clientes\/[^/]+\/(contratos|contatos|atividades)$/);
    }
    await tab(page, 'Visão geral').click();
    await page.waitForURL(`${origin}${customerPath(techcorp.id)}`);

    // Offline: a note logged from the quick actions makes the health provisional.
    await browser.context.setOffline(true);
    await page.getByRole('region', { name: 'Ações rápidas' }).getByRole('button', { name: 'Nota' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nova nota' });
    await dialog.getByLabel('Resumo').fill(NOTE);
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await page.getByText(/Registro salvo neste aparelho: Nota/).waitFor();
    await waitForPending(page, 1);
    await kpis.getByText('provisório').waitFor({ timeout: 15_000 });
    await page.getByText(/Calculado neste aparelho/).waitFor();

    // Offline reload: the service worker serves the app, the device database the customer and the queued note.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TECHCORP }).waitFor({ timeout: 15_000 });
    await page.getByRole('region', { name: 'Atividade recente' }).getByText(NOTE, { exact: false }).waitFor();
    await kpis.getByText('provisório').waitFor({ timeout: 15_000 });
    await captureAtWidths(page, 'customer-360-offline-provisional');
    expect((await api.pullAll('activities')).some((a) => a.title === NOTE)).toBe(false);

    // Back online: the note reaches the server, its recompute writes a newer health document (the seeded one was
    // already the rule's: only a changed input moves it), and the device shows the server's score again.
    await browser.context.setOffline(false);
    await expect
      .poll(async () => (await api.pullAll('activities')).some((a) => a.title === NOTE), { timeout: 30_000 })
      .toBe(true);
    await expect
      .poll(
        async () =>
          ((await api.pullAll('health')).find((h) => h.customerId === techcorp.id)?.serverSeq as number) >
          healthBefore.serverSeq,
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    await kpis.getByText('provisório').waitFor({ state: 'detached', timeout: 60_000 });
    await waitForPending(page, 0);
  }, 300_000);
});
