// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../../shared/identity.ts';
import { docFactory } from '../../../shared/domain/csm/test-docs.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import { json, staffUser, type FetchHandler } from '../../test/render-app.tsx';
import { staffRenderer } from '../../test/render-staff.tsx';
import { healthDoc } from '../customers/test-fixtures.ts';
import { PORTAL_ENGAGEMENT_DOC, type PortalEngagement } from './portal-engagement.ts';

/**
 * `/agencia` over a real device database (renderApp's clock: 2026-11-21 09:00 in São Paulo). Three customers,
 * MRR by their contracts:
 *              2025-11-21   2026-10-21   2026-11-21
 *   Alfa       1 000        1 000        1 000     healthy, renews 2026-12-31 (in 40 days)
 *   Beta       500          500          500       at risk, renews 2027-05-31 (outside 90 days)
 *   Gama       800          800          0         churned on 2026-11-10 (its "critical" health is ignored)
 * MRR R$ 1.500 vs R$ 2.300 (−R$ 800, −34,8 %); churn 1 of 3 (33,3 %; 34,8 % of MRR); NRR 1.500 / 2.300 = 65,2 %;
 * LTV (20.000 + 10.000 + 16.000) / 3 = R$ 15.333.
 */
const ADMIN: SignedInUser = {
  ...staffUser,
  id: '0190a8e4-0000-7000-8000-000000000009',
  email: 'admin@arco.example',
  name: 'Admin Arco',
  role: 'admin',
};
const { renderStaff, removeDatabases } = staffRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});
const LOAD = { timeout: 10_000 };

const FIGURES: PortalEngagement = {
  computedAt: '2026-11-21T12:00:00.000Z',
  timeZone: 'America/Sao_Paulo',
  from: '2026-10-22',
  to: '2026-11-20',
  averageDailyActiveUsers: 1.1,
  monthlyActiveUsers: 3,
  dauMauPercent: 37.8,
};

function portfolio() {
  const f = docFactory();
  const alfa = f.customer({
    name: 'Alfa Consultoria',
    customerSince: '2025-01-01',
    renewalDate: '2026-12-31',
    lifetimeValueCents: 2_000_000,
    mrrCents: 100_000,
    contracts: [f.contract({ startDate: '2025-01-01', endDate: '2026-12-31', monthlyValueCents: 100_000 })],
  });
  const beta = f.customer({
    name: 'Beta Varejo',
    customerSince: '2025-06-01',
    renewalDate: '2027-05-31',
    lifetimeValueCents: 1_000_000,
    mrrCents: 50_000,
    contracts: [f.contract({ startDate: '2025-06-01', endDate: '2027-05-31', monthlyValueCents: 50_000 })],
  });
  const gama = f.customer({
    name: 'Gama Logística',
    customerSince: '2024-06-01',
    status: 'churned',
    churnedAt: '2026-11-10T15:00:00.000Z',
    lifetimeValueCents: 1_600_000,
    contracts: [
      f.contract({
        status: 'cancelled',
        startDate: '2024-06-01',
        endDate: '2026-11-10',
        monthlyValueCents: 80_000,
      }),
    ],
  });
  const health = [
    healthDoc(1, { customerId: alfa.id, score: 90, status: 'healthy', trend: 0 }),
    healthDoc(2, { customerId: beta.id, score: 60, status: 'at_risk', trend: -5 }),
    healthDoc(3, { customerId: gama.id, score: 20, status: 'critical', trend: -20 }),
  ];
  return { customers: [alfa, beta, gama], health, alfa };
}

const seed =
  (cached?: PortalEngagement) =>
  async (db: DeviceDatabase): Promise<void> => {
    const { customers, health } = portfolio();
    await db.collections.customers!.bulkInsert(customers);
    await db.collections.health!.bulkInsert(health);
    if (cached) await db.kv.set(PORTAL_ENGAGEMENT_DOC, cached);
  };

const server: FetchHandler = (url) =>
  url.endsWith('/api/auth/me')
    ? json(200, { user: ADMIN })
    : url.endsWith('/api/portfolio/engagement')
      ? json(200, FIGURES)
      : json(404, { error: { code: 'not_found', message: 'Not found.' } });

describe('agency dashboard (/agencia)', () => {
  it('shows the shared rule’s figures from the device and the portal DAU/MAU from the server', async () => {
    const { calls } = await renderStaff('/agencia', {
      user: ADMIN,
      seed: seed(),
      online: true,
      fetchHandler: server,
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Painel da agência' }, LOAD),
    ).toBeInTheDocument();
    const revenue = within(await screen.findByRole('region', { name: 'Receita e retenção' }, LOAD));
    expect(revenue.getByText('R$ 1.500')).toBeInTheDocument();
    expect(revenue.getByText('-R$ 800 (-34,8%) vs. mês anterior')).toBeInTheDocument();
    expect(revenue.getByText('33,3%')).toBeInTheDocument();
    expect(revenue.getByText('1 de 3 clientes · 34,8% do MRR')).toBeInTheDocument();
    expect(revenue.getByText('65,2%')).toBeInTheDocument();
    expect(revenue.getByText('R$ 15.333')).toBeInTheDocument();

    const bars = within(screen.getByRole('list', { name: 'Clientes por saúde' }));
    expect(bars.getByText('1 cliente (50%) · R$ 1.000')).toBeInTheDocument(); // healthy
    expect(bars.getByText('1 cliente (50%) · R$ 500')).toBeInTheDocument(); // at risk
    expect(bars.getAllByText('0 clientes (0%) · R$ 0')).toHaveLength(2); // critical (Gama churned), unscored

    const renewals = within(screen.getByRole('list', { name: 'Próximas renovações' }));
    expect(renewals.getByRole('link', { name: 'Alfa Consultoria' })).toHaveAttribute(
      'href',
      `/clientes/${portfolio().alfa.id}`,
    );
    expect(renewals.getByText('31/12/2026 · em 40 dias')).toBeInTheDocument();

    const portal = within(screen.getByRole('region', { name: 'Uso do portal pelos clientes' }));
    expect(await portal.findByText('37,8%', {}, LOAD)).toBeInTheDocument();
    expect(portal.getByText('1,1')).toBeInTheDocument();
    expect(portal.getByText('3')).toBeInTheDocument();
    expect(portal.getByText('Atualizado às 09:00')).toBeInTheDocument();
    expect(calls.some((c) => c.url.endsWith('/api/portfolio/engagement'))).toBe(true);
  });

  it('offline shows the last value received with its time', async () => {
    await renderStaff('/agencia', {
      user: ADMIN,
      seed: seed({ ...FIGURES, computedAt: '2026-11-20T21:30:00.000Z' }),
    });
    const portal = within(await screen.findByRole('region', { name: 'Uso do portal pelos clientes' }, LOAD));
    await waitFor(() => expect(portal.getByText('37,8%')).toBeInTheDocument(), LOAD);
    expect(portal.getByText('Atualizado em 20/11/2026 18:30')).toBeInTheDocument();
    expect(portal.getByText('Você está offline: mostrando o último valor recebido.')).toBeInTheDocument();
  });

  it('offline without a stored value says it is available online; the rest still shows', async () => {
    await renderStaff('/agencia', { user: ADMIN, seed: seed() });
    const portal = within(await screen.findByRole('region', { name: 'Uso do portal pelos clientes' }, LOAD));
    expect(portal.getByText(/^Disponível online/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Receita e retenção' })).toHaveTextContent('R$ 1.500');
  });

  it('is for admins only: a CSM is sent to their home and has no navigation entry', async () => {
    const { router } = await renderStaff('/agencia', { seed: seed() });
    await screen.findByRole('heading', { level: 1, name: 'Clientes' }, LOAD);
    expect(router.state.location.pathname).toBe('/clientes');
    expect(screen.queryByRole('link', { name: 'Agência' })).not.toBeInTheDocument();
  });
});
