// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { AppShell } from '../../app/shell/app-shell.tsx';
import { openDeviceDatabase, type DeviceDatabase } from '../../db/database.ts';
import { DeviceDataProvider } from '../../db/device-data.tsx';
import { staticDeviceSessions } from '../../test/device-session.ts';
import { renderApp, staffUser } from '../../test/render-app.tsx';
import { customer360Feature } from './manifest.tsx';
import { customerPath } from './paths.ts';
import { TECHCORP_NOW, techCorp360 } from './test-fixtures.ts';

/**
 * The Customer 360 against a real RxDB device database (memory storage) inside the real shell, offline, on
 * TechCorp LTDA (test-fixtures.ts). jsdom + RxDB are slow: few, broad tests.
 */
const opened: DeviceDatabase[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

const LOAD = { timeout: 10_000 };

async function setup(path: (customerId: string) => string) {
  const fx = techCorp360();
  const database = await openDeviceDatabase({
    userId: crypto.randomUUID(),
    role: staffUser.role,
    storage: getRxStorageMemory(),
    now: () => TECHCORP_NOW,
    onPendingCount: () => {},
    multiInstance: false,
  });
  opened.push(database);
  const c = database.collections;
  await c.customers!.insert(fx.customer);
  await c.health!.insert(fx.health);
  await c.activities!.bulkInsert(fx.activities);
  await c.tickets!.bulkInsert(fx.tickets);
  await c.invoices!.bulkInsert(fx.invoices);
  await c.meetings!.bulkInsert(fx.meetings);
  await c.signals!.bulkInsert(fx.signals);
  await c.metrics!.bulkInsert(fx.metrics);
  const inserted: Record<string, readonly { id: string }[]> = {
    customers: [fx.customer],
    health: [fx.health],
    activities: fx.activities,
    tickets: fx.tickets,
    invoices: fx.invoices,
    meetings: fx.meetings,
    signals: fx.signals,
    metrics: fx.metrics,
  };
  // The fixtures' inserts came "from the server": acknowledged as a push answer would, with a stamp after every
  // insert above and before any later write (an ack is remembered, so a far-future stamp would hide the test's
  // own edits).
  const ackAll = database.outbox.nextStamp();
  for (const [name, docs] of Object.entries(inserted))
    database.outbox.ack(
      name,
      docs.map((d) => ({ id: d.id, stamp: ackAll })),
    );
  await database.outbox.flush();
  const sessions = staticDeviceSessions(staffUser, database);
  const route = customer360Feature.routes[0]!;
  const view = renderApp({
    path: path(fx.customer.id),
    user: staffUser,
    online: false,
    now: () => TECHCORP_NOW,
    routes: [
      {
        path: '/',
        element: (
          <DeviceDataProvider sessions={sessions} user={staffUser}>
            <AppShell />
          </DeviceDataProvider>
        ),
        children: [{ path: 'clientes', element: <p>lista</p> }, route],
      },
    ],
  });
  return { ...view, fx, database };
}

/** The value next to a term of a description list. */
const figure = (container: HTMLElement, term: string) =>
  within(container).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent?.replace(/\s/g, ' ');

/** Each meter's label (its `aria-labelledby` text) and value. */
const meters = (container: HTMLElement) =>
  within(container)
    .getAllByRole('meter')
    .map((m) => [
      document.getElementById(m.getAttribute('aria-labelledby') ?? '')?.textContent,
      m.getAttribute('aria-valuenow'),
    ]);

describe('Customer 360 (device database, offline)', () => {
  it('shows TechCorp’s header, KPI cards, revenue, health bars, contacts, activity and insights', async () => {
    const { fx } = await setup((id) => customerPath(id));
    const heading = await screen.findByRole('heading', { level: 1, name: 'TechCorp LTDA' }, LOAD);
    expect(heading).toBeInTheDocument();
    expect(screen.getByText(/Cliente desde jan\/2024/)).toBeInTheDocument();
    expect(screen.getByText('techcorp.com.br • São Paulo, SP')).toBeInTheDocument();

    const kpiRegion = screen.getByLabelText('Indicadores do cliente');
    await within(kpiRegion).findByText('Saudável', {}, LOAD);
    expect(within(kpiRegion).getByText('R$ 4.500')).toBeInTheDocument();
    // 2025-12-29: R$ 4.000 (the previous contract) → R$ 4.500: +12,5 %.
    expect(within(kpiRegion).getByText('+12,5% no mês')).toBeInTheDocument();
    expect(within(kpiRegion).getByText(String(fx.health.score))).toBeInTheDocument();
    expect(within(kpiRegion).getByText('Saudável')).toBeInTheDocument();
    expect(within(kpiRegion).getByText('85')).toBeInTheDocument();
    expect(within(kpiRegion).getByText('de 100 licenças')).toBeInTheDocument();
    expect(within(kpiRegion).getByText('24 meses')).toBeInTheDocument();
    expect(screen.getByText('Maria Santos')).toBeInTheDocument();
    expect(screen.getByText('15/01/2027 (em 351 dias)')).toBeInTheDocument();
    expect(screen.queryByText('provisório')).not.toBeInTheDocument();

    const revenue = screen.getByRole('region', { name: 'Receita' });
    expect(figure(revenue, 'MRR atual')).toBe('R$ 4.500');
    expect(figure(revenue, 'ARR contratado')).toBe('R$ 54.000');
    expect(figure(revenue, 'Lifetime value')).toBe('R$ 58.500');
    // The chart's text alternative: six months, the last the current MRR.
    const table = within(revenue).getByRole('table', { name: 'MRR dos últimos 6 meses' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(6);
    expect(rows.at(-1)).toHaveTextContent('jan/2026R$ 4.500');
    expect(rows.at(-2)).toHaveTextContent('dez/2025R$ 4.000');

    const health = screen.getByRole('region', { name: 'Composição do health score' });
    expect(meters(health)).toEqual([
      ['Uso do produto', '85'],
      ['Engajamento', '92'],
      ['Suporte', '95'],
      ['Pagamento', '100'],
      ['Crescimento', '80'],
    ]);

    const contacts = screen.getByRole('region', { name: 'Contatos principais' });
    const items = within(contacts).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('João SilvaPrincipal');
    expect(within(items[0]!).getByRole('link', { name: 'Ligar para João Silva' })).toHaveAttribute(
      'href',
      'tel:+5511988887777',
    );
    expect(within(items[0]!).getByRole('link', { name: 'Enviar e-mail para João Silva' })).toHaveAttribute(
      'href',
      'mailto:joao@techcorp.com',
    );

    const activity = screen.getByRole('region', { name: 'Atividade recente' });
    expect(within(activity).getAllByRole('listitem')).toHaveLength(5);
    expect(within(activity).getByText(/Oportunidade: módulo de RH/)).toBeInTheDocument();

    const insights = screen.getByRole('region', { name: 'Insights e oportunidades' });
    expect(within(insights).getByText('Potencial de upsell: R$ 810/mês')).toBeInTheDocument();
    expect(within(insights).getByRole('button', { name: 'Solicitar case study' })).toBeInTheDocument();
  });

  it('has one URL per tab, marks the current one, and opens the analytics tab at its own URL', async () => {
    const user = userEvent.setup();
    const { router, fx } = await setup((id) => customerPath(id));
    const tabs = await screen.findByRole('navigation', { name: 'Seções do cliente' }, LOAD);
    const links = within(tabs).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Visão geral', customerPath(fx.customer.id)],
      ['Contratos', customerPath(fx.customer.id, 'contracts')],
      ['Contatos', customerPath(fx.customer.id, 'contacts')],
      ['Atividades', customerPath(fx.customer.id, 'activity')],
      ['Análise', customerPath(fx.customer.id, 'analytics')],
    ]);
    expect(within(tabs).getByRole('link', { name: 'Visão geral' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(tabs).getByRole('link', { name: 'Análise' }));
    expect(router.state.location.pathname).toBe(`/clientes/${fx.customer.id}/analise`);
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Análise' })).toHaveAttribute('aria-current', 'page'),
    );
    expect(screen.getByRole('link', { name: 'Visão geral' })).not.toHaveAttribute('aria-current');
    const mrr = await screen.findByRole('table', { name: 'MRR por mês' }, LOAD);
    expect(within(mrr).getAllByRole('row')).toHaveLength(13);
    const history = screen.getByRole('table', { name: 'Health score por mês (último valor de cada mês)' });
    expect(within(history).getAllByRole('row').at(-1)).toHaveTextContent(`jan/2026${fx.health.score}`);
    const churn = screen.getByRole('region', { name: 'Probabilidade de churn' });
    expect(churn).toHaveTextContent(/de probabilidade de churn/);
    expect(screen.getByRole('region', { name: 'Por que o health mudou?' })).toBeInTheDocument();
  });

  it('shows "cliente não encontrado" for an id the device does not have, offline too', async () => {
    await setup(() => customerPath('0190a8e4-0000-7000-8000-00000000dead'));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Cliente não encontrado' }, LOAD),
    ).toBeInTheDocument();
    expect(screen.getByText(/Você está offline/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ver a lista de clientes' })).toHaveAttribute(
      'href',
      '/clientes',
    );
  });

  it('logs a note offline: the activity is pending and the health score turns provisional', async () => {
    const user = userEvent.setup();
    const { database, fx } = await setup((id) => customerPath(id));
    await screen.findByText('Saudável', {}, LOAD);
    expect(screen.queryByText('provisório')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Nota' }));
    const dialog = screen.getByRole('dialog', { name: 'Nova nota' });
    const summary = within(dialog).getByLabelText(/Resumo/);
    await user.clear(summary);
    await user.type(summary, 'Cliente pediu proposta de SEO');
    await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));

    expect(await screen.findByText(/Registro salvo neste aparelho: Nota/, {}, LOAD)).toBeInTheDocument();
    const stored = await database.collections
      .activities!.find({ selector: { title: 'Cliente pediu proposta de SEO' } })
      .exec();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.customerId).toBe(fx.customer.id);
    expect(database.outbox.count('activities')).toBe(1);
    await waitFor(() => expect(screen.getAllByText('provisório').length).toBeGreaterThan(0), LOAD);
    expect(screen.getByText(/Calculado neste aparelho/)).toBeInTheDocument();
  });

  it('edits the CNPJ offline from "Editar dados": a readable error for a wrong one, stored digits-only', async () => {
    const user = userEvent.setup();
    const { database, fx } = await setup((id) => customerPath(id));
    await screen.findByRole('heading', { level: 1, name: 'TechCorp LTDA' }, LOAD);
    expect(figure(document.body, 'CNPJ')).toBe('não informado (necessário para a NFS-e)');

    await user.click(await screen.findByRole('button', { name: 'Editar dados' }, LOAD));
    const dialog = await screen.findByRole('dialog', { name: 'Editar TechCorp LTDA' }, LOAD);
    const cnpj = within(dialog).getByLabelText(/^CNPJ/);
    await user.type(cnpj, '12.345.678/0001-90');
    await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));
    expect(
      await within(dialog).findByText(
        'Este CNPJ não existe: os dígitos verificadores não conferem. Confira o número.',
      ),
    ).toBeInTheDocument();
    expect(cnpj).toHaveAttribute('aria-invalid', 'true');
    expect((await database.collections.customers!.findOne(fx.customer.id).exec())!.cnpj).toBeNull();

    await user.clear(cnpj);
    await user.type(cnpj, '12.345.678/0001-95');
    await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));
    expect(
      await screen.findByText('Salvo neste aparelho. Será enviado quando a conexão voltar.', {}, LOAD),
    ).toBeInTheDocument();
    expect((await database.collections.customers!.findOne(fx.customer.id).exec())!.cnpj).toBe(
      '12345678000195',
    );
    expect(database.outbox.count('customers')).toBe(1);
    await waitFor(() => expect(figure(document.body, 'CNPJ')).toBe('12.345.678/0001-95'), LOAD);
  });
});
