import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compareWithBenchmark, SEED_INDUSTRY_BENCHMARK } from '../../shared/domain/portal/benchmarks.ts';
import { liveSnapshotSchema } from '../../shared/domain/portal/live.ts';
import { monthEndOutlook } from '../../shared/domain/portal/outlook.ts';
import { localDateOf } from '../../shared/domain/portal/time.ts';
import { metricsSchema } from '../../shared/entities/portal.ts';
import { signInApi } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
import { captureAtWidths, followNavEntry, signInThroughUi, waitForFirstSync } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * The client's performance screen (issue 11, item 2) in headless Chromium against the real built app, the real
 * server and its demo data, as TechCorp's client on a 390 px phone: the four charts drawn, the comparison with
 * the industry and the month-end projection — their numbers checked against the shared rules applied to what
 * the server holds (read through its own API) — the "ao vivo" panel fed by the live stream, and the screen
 * opening offline after a reload with the panel's last values and their time; axe finds no serious problem.
 */
const env = journeyEnvironment();
const PHONE = { width: 390, height: 844 };
const CLIENT = 'cliente@techcorp.example';
const ZONE = 'America/Sao_Paulo';

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });
const plain = (text: string | null | undefined) => (text ?? '').replace(/\u00a0/g, ' ');
const pt = (value: number) => new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 2 }).format(value);
const brl = (cents: number) =>
  plain(new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(cents / 100));

async function chartsDrawn(page: Page): Promise<void> {
  for (const name of ['Sessões', 'Conversões', 'Receita', 'Leads'])
    await region(page, name).locator('svg.recharts-surface').waitFor({ timeout: 20_000 });
}

describe('performance: charts, industry, projection, live panel — and offline', () => {
  it('draws the charts and the comparison from the synced metrics, streams the live panel, and opens offline after a reload', async () => {
    const origin = env.server().origin;
    const api = await signInApi(origin, CLIENT);
    // The wire rows carry RxDB's `_deleted` too; the rules read the month and its days.
    const metrics = (await api.pullAll('metrics')).map((d) =>
      metricsSchema.pick({ month: true, days: true }).parse({ month: d.month, days: d.days }),
    );
    expect(metrics.length).toBe(12); // a year of customer-months
    const asOf = localDateOf(Date.now(), ZONE);
    const benchmark = compareWithBenchmark({ metrics, asOf, benchmark: SEED_INDUSTRY_BENCHMARK });
    const outlook = monthEndOutlook({ metrics, asOf });
    if (outlook.kind !== 'projected') throw new Error('TechCorp has metrics this month');

    const { context } = await env.launch(PHONE);
    const page = await signInThroughUi(context, origin, CLIENT, '/inicio');
    await waitForFirstSync(page);
    await followNavEntry(page, 'Métricas');
    await page.waitForURL(`${origin}/inicio/desempenho`);
    await page.getByRole('heading', { level: 1, name: 'Desempenho' }).waitFor();

    // The four charts (recharts, fetched lazily) next to their text alternatives: 30 days by default.
    await chartsDrawn(page);
    await expect.poll(() => region(page, 'Sessões').getByRole('table').getByRole('row').count()).toBe(31); // header + 30 days

    // You vs the industry: the shared rule's figures on the server's data.
    const rows = await region(page, 'Você vs indústria').getByRole('listitem').allTextContents();
    const [rate, cpl, bounce] = benchmark.rows;
    expect(plain(rows[0])).toContain(`Taxa de conversão${pt(rate!.youDisplay!)}% vs 1,9%`);
    expect(plain(rows[1])).toContain(`Custo por lead${brl(cpl!.youDisplay!)} vs R$ 18,00`);
    expect(plain(rows[2])).toContain(`Taxa de rejeição${pt(bounce!.youDisplay!)}% vs 55%`);
    expect(plain(rows[0])).toContain('Melhor que a indústria'); // 2,7 % vs 1,9 %

    // The month-end projection, its ROI and the recommendation sentence.
    const projection = region(page, 'Projeção do mês');
    await projection.getByText(`~${pt(outlook.leads.projected)} leads até o fim do mês`).waitFor();
    if (outlook.roi.kind === 'computed')
      await projection.getByText(`ROI projetado: ${pt(outlook.roi.roiPercentDisplay)}%`).waitFor();
    await projection
      .getByText(/^(Aumentar o budget|Manter o budget|Revisar as campanhas|Sem investimento)/)
      .waitFor();

    // Ao vivo: the live stream's snapshot, the month's rate as the server computes it.
    const live = region(page, 'Ao vivo');
    await live.getByText(/^atualizado às \d\d:\d\d$/).waitFor({ timeout: 30_000 });
    const served = liveSnapshotSchema.parse(await api.get('/api/portal/live'));
    expect(served.visitorsNow).not.toBeNull(); // the demo live feed runs outside production
    await live.getByText(`${pt(served.conversionRate!)}%`).waitFor();
    await live.getByText('visitantes ativos').waitFor();

    // No serious or critical accessibility problem (axe) on the screen with its live values and charts.
    expect(await seriousAxeViolations(page)).toEqual([]);
    await captureAtWidths(page, 'portal-performance');

    // 12 months: one bar per month.
    await page.getByRole('group', { name: 'Período' }).getByRole('button', { name: '12 meses' }).click();
    await page.waitForURL(`${origin}/inicio/desempenho?periodo=12m`);
    await expect.poll(() => region(page, 'Receita').getByRole('table').getByRole('row').count()).toBe(13); // header + 12 months
    await chartsDrawn(page);
    await page.mouse.move(0, 0); // no tooltip left open by the tap on "12 meses"
    await captureAtWidths(page, 'portal-performance-charts', {
      scrollTo: page.getByRole('heading', { level: 2, name: 'Evolução' }),
    });

    // Offline, after a reload: everything from the device; the live panel keeps its last values and time.
    const lastTime = plain(await live.getByText(/^atualizado às/).textContent());
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Desempenho' }).waitFor();
    await chartsDrawn(page);
    await region(page, 'Ao vivo').getByText('Offline: mostrando os últimos valores recebidos.').waitFor();
    const offlineTime = plain(
      await region(page, 'Ao vivo')
        .getByText(/^atualizado às/)
        .textContent(),
    );
    expect(offlineTime).toMatch(/^atualizado às \d\d:\d\d$/);
    expect(offlineTime >= lastTime).toBe(true);
    await region(page, 'Você vs indústria').getByText('Melhor que a indústria').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await captureAtWidths(page, 'portal-performance-offline');
  });
});
