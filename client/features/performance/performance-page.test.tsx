// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DailyMetric, Metrics } from '../../../shared/entities/portal.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import { CUSTOMER_ID, uid } from '../../test/portal-fixtures.ts';
import { memoryStore } from '../../platform/key-value-store.ts';
import { portalRenderer } from '../../test/render-portal.tsx';
import { LIVE_LOCAL_DOC, LIVE_STREAM_URL } from './use-live-panel.ts';

/**
 * The performance screen in the real app over a real device database, offline (test/render-portal.tsx; the
 * clock is 2026-11-21 09:00 in São Paulo). October: 400 sessions a day; November 1–21: 500 sessions, 14
 * conversions (2,8 %), R$ 2.160 of revenue, R$ 240 of ads and 20 leads (R$ 12 each) a day, 42 % bounce.
 */
const { renderPortal, removeDatabases } = portalRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});

/** An element's text with Intl's no-break spaces as plain spaces. */
const text = (el: Element) => (el.textContent ?? '').replace(/\u00a0/g, ' ');

const day = (date: string, over: Partial<DailyMetric>): DailyMetric => ({
  date,
  sessions: 0,
  pageviews: 0,
  bounceRate: null,
  avgSessionSeconds: null,
  conversions: 0,
  revenueCents: 0,
  adSpendCents: 0,
  leads: 0,
  score: null,
  ...over,
});

function month(n: number, key: string, days: number, over: Partial<DailyMetric>): Metrics {
  return {
    id: uid(n),
    updatedAt: '2026-11-21T06:00:00.000Z',
    serverSeq: n,
    clientUpdatedAt: '2026-11-21T06:00:00.000Z',
    customerId: CUSTOMER_ID,
    month: key,
    days: Array.from({ length: days }, (_, i) => day(`${key}-${String(i + 1).padStart(2, '0')}`, over)),
  };
}

async function seedMetrics(db: DeviceDatabase) {
  await db.collections.metrics!.bulkInsert([
    month(9001, '2026-10', 31, { sessions: 400, conversions: 10, revenueCents: 100_000, leads: 5 }),
    month(9002, '2026-11', 21, {
      sessions: 500,
      conversions: 14,
      revenueCents: 216_000,
      adSpendCents: 24_000,
      leads: 20,
      bounceRate: 42,
    }),
  ]);
}

describe('performance screen (offline, device database)', () => {
  it('compares with the industry, projects the month and charts the last 30 days', async () => {
    await renderPortal('/inicio/desempenho', seedMetrics);
    expect(await screen.findByRole('heading', { level: 1, name: 'Desempenho' })).toBeInTheDocument();

    const benchmark = await screen.findByRole('region', { name: 'Você vs indústria' });
    const rows = within(benchmark).getAllByRole('listitem');
    expect(rows.map(text)).toEqual([
      'Taxa de conversão2,8% vs 1,9%✓ Melhor que a indústria',
      'Custo por leadR$ 12,00 vs R$ 18,00✓ Melhor que a indústria',
      'Taxa de rejeição42% vs 55%✓ Melhor que a indústria',
    ]);
    expect(within(benchmark).getByText('3 de 3 indicadores melhores que a indústria')).toBeInTheDocument();

    // 20 leads, R$ 2.160 and R$ 240 a day for 21 of November's 30 days → 600 leads, R$ 64.800, ROI 800 %.
    const outlook = screen.getByRole('region', { name: 'Projeção do mês' });
    expect(within(outlook).getByText('Se mantiver o ritmo atual (dia 21 de 30):')).toBeInTheDocument();
    expect(within(outlook).getByText('~600 leads até o fim do mês')).toBeInTheDocument();
    expect(within(outlook).getByText('~R$ 64,8 mil de receita estimada')).toBeInTheDocument();
    expect(within(outlook).getByText('ROI projetado: 800%')).toBeInTheDocument();
    expect(
      within(outlook).getByText(
        'Aumentar o budget em 20% para maximizar o momentum: o ROI projetado é de 800%.',
      ),
    ).toBeInTheDocument();

    // 30 days = Oct 23 … Nov 21: 9 × 400 + 21 × 500 = 14.100 sessions vs 22 × 400 = 8.800 before (+60,2 %).
    const sessions = screen.getByRole('region', { name: 'Sessões' });
    expect(within(sessions).getByText('14.100')).toBeInTheDocument();
    expect(within(sessions).getByText('+60,2% vs 30 dias anteriores')).toBeInTheDocument();
    const table = within(sessions).getByRole('table', { name: 'Sessões por dia, 30 dias' });
    const dataRows = within(table).getAllByRole('row').slice(1);
    expect(dataRows).toHaveLength(30);
    expect(dataRows[0]?.textContent).toBe('23/10400');
    expect(dataRows.at(-1)?.textContent).toBe('21/11500');
    for (const name of ['Conversões', 'Receita', 'Leads'])
      expect(screen.getByRole('region', { name })).toBeInTheDocument();
  });

  it('switches to 12 months (one row per month)', async () => {
    const user = userEvent.setup();
    await renderPortal('/inicio/desempenho', seedMetrics);
    const picker = await screen.findByRole('group', { name: 'Período' });
    expect(within(picker).getByRole('button', { name: '30 dias' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(picker).getByRole('button', { name: '12 meses' }));
    expect(within(picker).getByRole('button', { name: '12 meses' })).toHaveAttribute('aria-pressed', 'true');
    const revenue = screen.getByRole('region', { name: 'Receita' });
    const table = within(revenue).getByRole('table', { name: 'Receita por mês, 12 meses' });
    expect(within(table).getAllByRole('row').slice(1).map(text)).toEqual([
      'out/2026R$ 31 mil',
      'nov/2026R$ 45,4 mil',
    ]);
    expect(within(revenue).getByText('sem período anterior para comparar')).toBeInTheDocument();
  });

  it('in English: the same figures, English words and formats, the recommendation as English domain text', async () => {
    await renderPortal('/inicio/desempenho', seedMetrics, { store: memoryStore({ 'arco.language': 'en' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Performance' })).toBeInTheDocument();
    const benchmark = await screen.findByRole('region', { name: 'You vs your industry' });
    expect(within(benchmark).getAllByRole('listitem').map(text)[1]).toBe(
      'Cost per leadR$12.00 vs R$18.00✓ Better than the industry',
    );
    const outlook = screen.getByRole('region', { name: 'Month-end projection' });
    expect(within(outlook).getByText('~600 leads by the end of the month')).toBeInTheDocument();
    expect(
      within(outlook).getByText(
        'Increase the budget by 20% to make the most of the momentum: the projected ROI is 800%.',
      ),
    ).toBeInTheDocument();
    const sessions = screen.getByRole('region', { name: 'Sessions' });
    expect(within(sessions).getByText('14,100')).toBeInTheDocument();
    expect(within(sessions).getByRole('table', { name: 'Sessions per day, 30 days' })).toBeInTheDocument();
  });

  it('without metrics: an empty state, no charts', async () => {
    await renderPortal('/inicio/desempenho');
    expect(await screen.findByRole('heading', { name: 'Ainda não há métricas' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Sessões' })).not.toBeInTheDocument();
  });
});

describe('the "ao vivo" panel', () => {
  const SNAPSHOT = {
    computedAt: '2026-11-21T11:30:00.000Z', // 08:30 in São Paulo
    visitorsNow: 47,
    conversionsLast2h: 3,
    conversionRate: 2.8,
    rateChangePoints: 0.4,
  };

  it('offline: the last values received, with "atualizado às"', async () => {
    await renderPortal('/inicio/desempenho', async (db) => {
      await seedMetrics(db);
      await db.db.upsertLocal(LIVE_LOCAL_DOC, { value: SNAPSHOT });
    });
    const panel = await screen.findByRole('region', { name: 'Ao vivo' });
    expect(await within(panel).findByText('atualizado às 08:30')).toBeInTheDocument();
    expect(within(panel).getByText('Offline: mostrando os últimos valores recebidos.')).toBeInTheDocument();
    expect(within(panel).getAllByRole('listitem').map(text)).toEqual([
      '47 visitantes ativos',
      '3 conversões nas últimas 2h',
      'Taxa de conversão: 2,8% (↑ 0,4 p.p. vs mês anterior)',
    ]);
  });

  it('offline before any snapshot: says it needs the network', async () => {
    await renderPortal('/inicio/desempenho', seedMetrics);
    const panel = await screen.findByRole('region', { name: 'Ao vivo' });
    expect(
      within(panel).getByText('O painel ao vivo aparece quando este aparelho estiver online.'),
    ).toBeInTheDocument();
  });

  it('online: each event of the live stream is shown and kept on the device', async () => {
    const next = {
      ...SNAPSHOT,
      computedAt: '2026-11-21T12:00:00.000Z',
      visitorsNow: 12,
      rateChangePoints: -0.2,
    };
    const { network, database, calls } = await renderPortal('/inicio/desempenho', seedMetrics, {
      fetchHandler: (url) =>
        url === LIVE_STREAM_URL
          ? new Response(`event: live\ndata: ${JSON.stringify(next)}\n\n`, {
              headers: { 'content-type': 'text/event-stream' },
            })
          : new Response(null, { status: 404 }),
    });
    const panel = await screen.findByRole('region', { name: 'Ao vivo' });
    network.set(true);
    expect(await within(panel).findByText('atualizado às 09:00')).toBeInTheDocument();
    expect(within(panel).getAllByRole('listitem').map(text)).toEqual([
      '12 visitantes ativos',
      '3 conversões nas últimas 2h',
      'Taxa de conversão: 2,8% (↓ 0,2 p.p. vs mês anterior)',
    ]);
    expect(calls.some((c) => c.url === LIVE_STREAM_URL)).toBe(true);
    const stored = await database.db.getLocal<{ value: unknown }>(LIVE_LOCAL_DOC);
    // Read leniently: a snapshot without GA4's fields (an older server's) is kept with them null.
    expect(stored?.get('value')).toEqual({ ...next, activeUsersLast30m: null, conversionsLast30m: null });
  });

  it('GA4 realtime as the live source: its 30-minute figures under their own labels, with the source named', async () => {
    await renderPortal('/inicio/desempenho', async (db) => {
      await seedMetrics(db);
      await db.db.upsertLocal(LIVE_LOCAL_DOC, {
        value: {
          ...SNAPSHOT,
          visitorsNow: null,
          conversionsLast2h: null,
          activeUsersLast30m: 23,
          conversionsLast30m: 2,
        },
      });
    });
    const panel = await screen.findByRole('region', { name: 'Ao vivo' });
    expect(await within(panel).findByText('atualizado às 08:30')).toBeInTheDocument();
    expect(within(panel).getAllByRole('listitem').map(text)).toEqual([
      '23 usuários ativos nos últimos 30 min',
      '2 conversões nos últimos 30 min',
      'Taxa de conversão: 2,8% (↑ 0,4 p.p. vs mês anterior)',
      'Fonte: Google Analytics 4 (tempo real)',
    ]);
  });
});
