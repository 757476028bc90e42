// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { meetingSchema } from '../../../shared/entities/support.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import {
  ago,
  CSM_ID,
  CUSTOMER_ID,
  customer,
  DAY,
  meeting,
  NOW,
  techCorpTickets,
  uid,
} from '../../test/portal-fixtures.ts';
import { clientUser } from '../../test/render-app.tsx';
import { portalRenderer } from '../../test/render-portal.tsx';
import { ACCOUNT_MANAGER_LOCAL_DOC } from '../account-manager/account-manager.ts';

/** The client portal home in the real app over a real device database, offline (test/render-portal.tsx). */
const { renderPortal, removeDatabases } = portalRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});

const nextMeeting = meeting({ scheduledAt: '2026-11-25T18:00:00.000Z' });

async function seedTechCorp(db: DeviceDatabase) {
  await db.collections.customers!.insert(customer());
  await db.collections.tickets!.bulkInsert(Object.values(techCorpTickets()));
  await db.collections.meetings!.bulkInsert([
    meeting({ scheduledAt: '2026-09-15T17:00:00.000Z', status: 'completed' }),
    nextMeeting,
  ]);
  await db.db.upsertLocal(ACCOUNT_MANAGER_LOCAL_DOC, {
    value: { id: CSM_ID, name: 'Ana Paula Souza', email: 'ana@arco.com', phone: '(11) 99999-9999' },
  });
}

describe('client portal home (offline, device database)', () => {
  it('shows the company, the account manager and the tickets; a meeting request is written locally', async () => {
    const user = userEvent.setup();
    const { database } = await renderPortal('/inicio', seedTechCorp);
    expect(await screen.findByRole('heading', { level: 1, name: 'Olá, Carla' })).toBeInTheDocument();

    const company = await screen.findByRole('region', { name: 'Sua empresa' });
    expect(within(company).getByText('TechCorp Soluções')).toBeInTheDocument();
    expect(within(company).getByText('Cliente desde jan/2024')).toBeInTheDocument();
    expect(within(company).getByText('Pro')).toBeInTheDocument();
    expect(within(company).getByText('4 de 10 licenças em uso')).toBeInTheDocument();

    const tickets = screen.getByRole('region', { name: 'Seus tickets' });
    expect(within(tickets).getByText('1 em aberto')).toBeInTheDocument();
    const links = within(tickets).getAllByRole('link', { name: /^#\d+/ });
    expect(links.map((l) => l.textContent)).toEqual([
      '#2847 Ajuste em campanha',
      '#2853 Dúvida sobre relatório',
      '#2831 Acesso de novo usuário',
    ]);
    expect(within(tickets).getByText('Resolvido (há 2 horas)')).toBeInTheDocument();
    expect(within(tickets).getByText('Em andamento (SLA: 1h)')).toBeInTheDocument();
    expect(within(tickets).getByRole('link', { name: 'Abrir novo ticket' })).toHaveAttribute(
      'href',
      '/inicio/tickets/novo',
    );

    const manager = await screen.findByRole('region', { name: 'Seu gerente de conta' });
    expect(await within(manager).findByText('Ana Paula Souza')).toBeInTheDocument();
    expect(within(manager).getByRole('link', { name: /^ana@arco\.com/ })).toHaveAttribute(
      'href',
      'mailto:ana@arco.com',
    );
    expect(within(manager).getByText('Última reunião: 15/09')).toBeInTheDocument();
    expect(within(manager).getByText('Próxima reunião: 25/11 às 15h')).toBeInTheDocument();

    await user.click(within(manager).getByRole('button', { name: 'Cancelar' }));
    await user.type(within(manager).getByLabelText('Motivo (opcional)'), 'Feriado na empresa');
    await user.click(within(manager).getByRole('button', { name: 'Enviar pedido de cancelamento' }));
    expect(await within(manager).findByText(/Você pediu o cancelamento em 21\/11\./)).toBeInTheDocument();

    const stored = (await database.collections.meetings!.findOne(nextMeeting.id).exec())!.toJSON();
    expect(meetingSchema.parse(stored).clientRequest).toEqual({
      type: 'cancel',
      proposedAt: null,
      reason: 'Feriado na empresa',
      requestedAt: NOW.toISOString(),
      requestedBy: clientUser.id,
    });
  }, 60_000);
});

// ------------------------------------------------------------------------------- the executive summary

const OCT = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
const NOV = Array.from({ length: 21 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
const stamp = { updatedAt: NOW.toISOString(), serverSeq: 1, clientUpdatedAt: NOW.toISOString() };

/** Spreads `total` over `n` days (the remainder on the first days), so sums are exact. */
const spread = (total: number, n: number) =>
  Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));

function metricsMonth(
  id: number,
  month: string,
  dates: string[],
  totals: Record<string, number>,
  lastScore: number,
) {
  const parts = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, spread(v, dates.length)]));
  return {
    id: uid(id),
    ...stamp,
    customerId: CUSTOMER_ID,
    month,
    days: dates.map((date, i) => ({
      date,
      sessions: parts.sessions?.[i] ?? 0,
      pageviews: 0,
      bounceRate: null,
      avgSessionSeconds: null,
      conversions: parts.conversions?.[i] ?? 0,
      revenueCents: parts.revenueCents?.[i] ?? 0,
      adSpendCents: parts.adSpendCents?.[i] ?? 0,
      leads: parts.leads?.[i] ?? 0,
      score: i === dates.length - 1 ? lastScore : null,
    })),
  };
}

function goal(
  id: number,
  type: 'traffic' | 'leads' | 'revenue',
  title: string,
  target: number,
  current: number,
) {
  return {
    id: uid(id),
    ...stamp,
    customerId: CUSTOMER_ID,
    type,
    title,
    unit: type === 'revenue' ? ('cents' as const) : ('count' as const),
    targetValue: target,
    currentValue: current,
    period: 'monthly' as const,
    startDate: '2026-11-01',
    endDate: '2026-11-30',
    status: current >= target ? ('completed' as const) : ('active' as const),
    progress: [{ date: '2026-11-21', value: current }],
  };
}

function action(id: number, type: 'urgent' | 'insight' | 'quick_win', title: string, priority: number) {
  return {
    id: uid(id),
    ...stamp,
    customerId: CUSTOMER_ID,
    title,
    description: null,
    type,
    priority,
    status: 'pending' as const,
    estimatedImpact: 'high' as const,
    estimatedTime: '5min',
    url: '/inicio/metas',
    completedAt: null,
    dismissedAt: null,
    createdAt: ago(DAY),
  };
}

const ENGAGEMENT_ID = uid(900);

async function seedSummary(db: DeviceDatabase) {
  await seedTechCorp(db);
  await db.collections.metrics!.bulkInsert([
    metricsMonth(801, '2026-10', OCT, { sessions: 4_600, conversions: 120, revenueCents: 3_510_000 }, 82),
    metricsMonth(
      802,
      '2026-11',
      NOV,
      { sessions: 10_442, conversions: 292, revenueCents: 4_320_000, adSpendCents: 850_000, leads: 38 },
      87,
    ),
  ]);
  await db.collections.goals!.bulkInsert([
    goal(811, 'traffic', '10.000 visitas no mês', 10_000, 10_442),
    goal(812, 'leads', '50 leads no mês', 50, 38),
    goal(813, 'revenue', 'R$ 20.000 em novos contratos', 2_000_000, 1_200_000),
  ]);
  await db.collections.actions!.bulkInsert([
    action(821, 'quick_win', 'Ligue hoje para Carlos Mendes', 5),
    action(822, 'urgent', 'Meta Ads precisa de otimização', 9),
    action(823, 'insight', 'Variante B converte mais', 7),
  ]);
  await db.collections.engagement!.insert({
    id: ENGAGEMENT_ID,
    ...stamp,
    userId: clientUser.id,
    customerId: CUSTOMER_ID,
    timeZone: 'America/Sao_Paulo',
    // A 12-day streak ending yesterday: today's visit is recorded when the home opens.
    visitDays: Array.from({ length: 12 }, (_, k) => `2026-11-${String(9 + k).padStart(2, '0')}`),
    reading: [],
    eventRegistrations: [],
    quickWins: [],
    xp: 0,
    badges: [],
  });
}

describe('client portal home: the executive summary (offline, device database)', () => {
  it('shows Score ARCO, the impact, the three kinds of cards, the goals and the streak; a card completes and undoes', async () => {
    const user = userEvent.setup();
    const { database } = await renderPortal('/inicio', seedSummary);

    const score = await screen.findByRole('region', { name: 'Seu Score ARCO' });
    // Provisional on the device, from the shared rule over these rows (no campaigns: that part is left out).
    // Over the 28 days to 21/11: platform 70 (13 visit days → full 70 %, 0 of 3 cards done) × 20, conversion
    // 2,78 % vs 1,9 % → 73,1 × 25, goals 95,2 (traffic reached, leads ahead, revenue 60 % of the 70 % expected
    // by now) × 25; no campaigns, so over 70: 80. Last month ended at 82.
    expect(await within(score).findByText('80/100')).toBeInTheDocument();
    expect(within(score).getByText('−2 este mês')).toBeInTheDocument();
    expect(within(score).getByRole('progressbar', { name: /^Score ARCO: \d+ de 100$/ })).toBeInTheDocument();
    expect(within(score).getByText('+127% tráfego vs mês passado')).toBeInTheDocument();
    expect(within(score).getByText('R$ 43.200 em conversões este mês')).toBeInTheDocument();
    expect(within(score).getByText('38 leads qualificados capturados')).toBeInTheDocument();

    const goals = screen.getByRole('list', { name: 'Metas do mês' });
    const rows = within(goals).getAllByRole('listitem');
    // The seed's ✅ / ⏳ / 🔄, drawn as icons, are named by `data-icon`.
    const head = (r: HTMLElement) => {
      const p = r.querySelector('p');
      return `${p?.querySelector('[data-icon]')?.getAttribute('data-icon') ?? ''}${p?.textContent ?? ''}`;
    };
    expect(rows.map(head)).toEqual([
      '✅10.000 visitas no mêsMeta atingida',
      '⏳50 leads no mês38/50',
      '🔄R$ 20.000 em novos contratos60%',
    ]);
    expect(
      within(screen.getByRole('region', { name: 'Metas do mês' })).getByRole('link', {
        name: 'Ver todas as metas',
      }),
    ).toHaveAttribute('href', '/inicio/metas');

    const streak = screen.getByRole('region', { name: 'Sequência de visitas' });
    // Today (21/11) is recorded on opening: 12 days ending yesterday + today.
    expect(await within(streak).findByText('13 dias seguidos')).toBeInTheDocument();
    const stored = (await database.collections.engagement!.findOne(ENGAGEMENT_ID).exec())!.toJSON();
    expect(stored.visitDays.at(-1)).toBe('2026-11-21');

    const cards = screen.getByRole('list', { name: 'Ações recomendadas' });
    expect(
      within(cards)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual([
      'Meta Ads precisa de otimização',
      'Variante B converte mais',
      'Ligue hoje para Carlos Mendes',
    ]);
    expect(within(cards).getByText('Ação urgente')).toBeInTheDocument();
    expect(within(cards).getByText('Insight relevante')).toBeInTheDocument();
    expect(within(cards).getByText('Ganho rápido')).toBeInTheDocument();

    await user.click(within(cards).getByRole('button', { name: 'Concluir: Ligue hoje para Carlos Mendes' }));
    expect(await screen.findByText('“Ligue hoje para Carlos Mendes” concluída.')).toBeInTheDocument();
    expect(within(cards).queryByText('Ligue hoje para Carlos Mendes')).toBeNull();
    const done = (await database.collections.actions!.findOne(uid(821)).exec())!.toJSON();
    expect([done.status, done.completedAt]).toEqual(['completed', NOW.toISOString()]);
    const withWin = (await database.collections.engagement!.findOne(ENGAGEMENT_ID).exec())!.toJSON();
    expect(withWin.quickWins).toEqual([{ actionId: uid(821), completedAt: NOW.toISOString() }]);

    await user.click(screen.getByRole('button', { name: 'Desfazer' }));
    expect(
      await screen.findByText('“Ligue hoje para Carlos Mendes” voltou para a lista.'),
    ).toBeInTheDocument();
    expect(await within(cards).findByText('Ligue hoje para Carlos Mendes')).toBeInTheDocument();
    const undone = (await database.collections.actions!.findOne(uid(821)).exec())!.toJSON();
    expect([undone.status, undone.completedAt]).toEqual(['pending', null]);

    await user.click(within(cards).getByRole('button', { name: 'Dispensar: Variante B converte mais' }));
    expect(await screen.findByText('“Variante B converte mais” dispensada.')).toBeInTheDocument();
    const dismissed = (await database.collections.actions!.findOne(uid(823)).exec())!.toJSON();
    expect([dismissed.status, dismissed.dismissedAt]).toEqual(['dismissed', NOW.toISOString()]);
  }, 60_000);

  it('opens the goals and achievements screens from the device', async () => {
    await renderPortal('/inicio/metas', seedSummary);
    const current = await screen.findByRole('list', { name: 'Em andamento' });
    expect(within(current).getAllByRole('listitem')).toHaveLength(3);
    expect(within(current).getByText(/Esperado até hoje: 35/)).toBeInTheDocument();
    cleanup();
    await removeDatabases();

    await renderPortal('/inicio/conquistas', seedSummary);
    const badges = await screen.findByRole('list', { name: 'Badges' });
    expect(within(badges).getAllByRole('listitem')).toHaveLength(6);
    // The 12-day streak earned 🔥 on the device; the server has not stored it yet.
    expect(within(badges).getByText(/^Conquistado em 15\/11\/2026/)).toBeInTheDocument();
    expect(within(badges).getAllByText(/A confirmar pelo servidor/).length).toBeGreaterThan(0);
    expect(await screen.findByText('13 dias seguidos')).toBeInTheDocument();
    expect(screen.getByText(/^Nível \d · /)).toBeInTheDocument();
  }, 60_000);
});
