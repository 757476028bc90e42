// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RxStorage } from 'rxdb/plugins/core';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../../shared/identity.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import { staffUser } from '../../test/render-app.tsx';
import { LOAD_TIMEOUT, renderOverDevice } from '../../test/render-device.tsx';
import { CustomerListPage } from './customer-list-page.tsx';
import { STAFF_DIRECTORY_KEY } from './staff-directory.ts';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Health } from '../../../shared/entities/csm.ts';
import {
  customerDoc,
  healthDoc,
  JOAO,
  MARIA,
  PEDRO,
  WIREFRAME_CUSTOMERS,
  WIREFRAME_HEALTH,
} from './test-fixtures.ts';

/**
 * The list against a real RxDB database (memory storage) inside the real shell and providers, offline.
 * jsdom + RxDB are slow: few, broad tests.
 */
const opened: DeviceDatabase[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

/**
 * Memory storage whose reads of whole `customers` / `health` collections (queries without a limit) wait for
 * `release()`: the list's first-screenful queries answer, the full load is held — as 10,000 customers on a
 * phone's IndexedDB hold it for seconds.
 */
function holdingFullReads(base: RxStorage<unknown, unknown>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const storage: RxStorage<unknown, unknown> = {
    ...base,
    async createStorageInstance(params) {
      const instance = await base.createStorageInstance(params);
      if (params.collectionName === 'customers' || params.collectionName === 'health') {
        const query = instance.query.bind(instance);
        instance.query = async (prepared) => {
          if (prepared.query.limit === undefined) await released;
          return query(prepared);
        };
      }
      return instance;
    },
  };
  return { storage, release };
}

async function setup(
  path = '/clientes',
  user: SignedInUser = staffUser,
  {
    storage = getRxStorageMemory(),
    customers = WIREFRAME_CUSTOMERS,
    health = WIREFRAME_HEALTH,
    waitUntilLoaded = true,
  }: {
    storage?: RxStorage<unknown, unknown>;
    customers?: readonly Customer[];
    health?: readonly Health[];
    waitUntilLoaded?: boolean;
  } = {},
) {
  expect(user.id).toBe(MARIA.id); // the fixtures' "my portfolio" is Maria's
  const view = await renderOverDevice({
    path,
    routes: [{ path: 'clientes', element: <CustomerListPage /> }],
    customers,
    health,
    user,
    storage,
    allCollections: true,
    acknowledge: false,
    seed: (db) => db.kv.set(STAFF_DIRECTORY_KEY, [JOAO, PEDRO]),
    opened,
  });
  // The table's frame shows at once, busy until the whole portfolio is loaded.
  const table = await screen.findByRole('table', { name: 'Lista de clientes' }, LOAD_TIMEOUT);
  if (waitUntilLoaded) await waitForLoaded(table);
  return { ...view, table };
}

const waitForLoaded = (table: HTMLElement) =>
  waitFor(() => expect(table).not.toHaveAttribute('aria-busy'), LOAD_TIMEOUT);

const rowNames = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.querySelector('a')!.textContent);

describe('customer list (device database, offline)', () => {
  it('shows the wireframe portfolio: KPIs, rows with health, CSM and warning lines', async () => {
    const { table } = await setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Clientes' })).toBeInTheDocument();

    const kpis = within(screen.getByRole('region', { name: 'Resumo da carteira' }));
    expect(kpis.getByText('R$ 14.100')).toBeInTheDocument();
    expect(kpis.getByText('3 (60%)')).toBeInTheDocument();
    expect(kpis.getByText('1 (20%)')).toBeInTheDocument();
    expect(kpis.getByText('1 crítico')).toBeInTheDocument();
    expect(screen.getByText('Mostrando 5 de 5 clientes')).toHaveAttribute('role', 'status');

    expect(table).toHaveAttribute('aria-rowcount', '6');
    expect(rowNames(table)).toEqual([
      'AgênciaDigital',
      'E-commerce Shop',
      'Fintech ABC',
      'StartupXYZ',
      'TechCorp LTDA',
    ]);
    const techcorp = within(within(table).getByText('TechCorp LTDA').closest('[role="row"]') as HTMLElement);
    expect(techcorp.getByText('SaaS • 85 usuários')).toBeInTheDocument();
    expect(techcorp.getByText('R$ 4.500')).toBeInTheDocument();
    expect(techcorp.getByText('Saúde 92 de 100')).toBeInTheDocument();
    expect(techcorp.getByText('Saudável')).toBeInTheDocument();
    expect(techcorp.getByText('subiu 5 pontos em 30 dias')).toBeInTheDocument();
    expect(techcorp.getByText('Enterprise')).toBeInTheDocument();
    expect(techcorp.getByText('Desde 2024')).toBeInTheDocument();
    expect(techcorp.getByText('Maria Santos')).toBeInTheDocument();

    expect(within(table).getByText('RISCO DE CHURN - Sem login há 14 dias')).toBeInTheDocument();
    expect(
      within(table).getByText(
        'Baixo engajamento: Uso abaixo de 50% da capacidade (28 de 60 licenças em uso)',
      ),
    ).toBeInTheDocument();
    expect(within(table).getByText('João Silva')).toBeInTheDocument(); // from the staff directory
    expect(within(table).getByText('Pedro Lima')).toBeInTheDocument();
    expect(within(table).getByText('Sem CSM')).toBeInTheDocument(); // StartupXYZ, for screen readers
  });

  it('links every name to its Customer 360, and the KPI cards follow the search and filters', async () => {
    const user = userEvent.setup();
    const { table } = await setup();
    const techcorp = WIREFRAME_CUSTOMERS.find((c) => c.name === 'TechCorp LTDA')!;
    expect(within(table).getByRole('link', { name: 'TechCorp LTDA' })).toHaveAttribute(
      'href',
      `/clientes/${techcorp.id}`,
    );
    const kpis = () => within(screen.getByRole('region', { name: 'Resumo da carteira' }));
    expect(kpis().getByText('R$ 14.100')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Buscar clientes' }), 'agencia');
    await waitFor(() => expect(kpis().getByText('R$ 2.100')).toBeInTheDocument());
    expect(kpis().getByText('0 (0%)')).toBeInTheDocument(); // healthy
    expect(kpis().getByText('1 (100%)')).toBeInTheDocument(); // at risk
    await user.clear(screen.getByRole('searchbox', { name: 'Buscar clientes' }));
    await user.click(screen.getByRole('button', { name: /^Filtros/ }));
    await user.selectOptions(screen.getByLabelText('Plano'), 'pro');
    await waitFor(() => expect(kpis().getByText('R$ 8.100')).toBeInTheDocument());
    expect(kpis().getByText('3')).toBeInTheDocument();
  });

  it(
    'opens the at-risk shortcut, sorts by column and searches without losing focus',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      const { table } = await setup('/clientes?saude=risco');
      expect(screen.getByRole('heading', { level: 1, name: 'Clientes em risco' })).toBeInTheDocument();
      await waitFor(() => expect(rowNames(table)).toEqual(['AgênciaDigital']));
      expect(screen.getByText('Mostrando 1 de 5 clientes')).toBeInTheDocument();
      expect(screen.getByText('Há também 1 cliente em estado crítico.')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Filtros (1 ativo)' })).toHaveAttribute(
        'aria-expanded',
        'true',
      );

      await user.selectOptions(screen.getByLabelText('Saúde'), 'all');
      await waitFor(() => expect(rowNames(table)).toHaveLength(5));
      expect(window.location.search).toBe('');

      await user.click(within(table).getByRole('button', { name: /MRR/ }));
      const mrrHeader = within(table).getByRole('columnheader', { name: /MRR/ });
      expect(mrrHeader).toHaveAttribute('aria-sort', 'descending');
      await waitFor(() =>
        expect(rowNames(table)).toEqual([
          'TechCorp LTDA',
          'Fintech ABC',
          'E-commerce Shop',
          'AgênciaDigital',
          'StartupXYZ',
        ]),
      );
      expect(window.location.search).toBe('?ordem=mrr');

      const search = screen.getByRole('searchbox', { name: 'Buscar clientes' });
      await user.type(search, 'agencia');
      await waitFor(() => expect(rowNames(table)).toEqual(['AgênciaDigital']));
      expect(search).toHaveFocus(); // the URL follows the list without a page navigation
      expect(search).toHaveValue('agencia');
      // Typing writes the address once it pauses (use-list-state.ts), not per key.
      await waitFor(() => expect(window.location.search).toBe('?busca=agencia&ordem=mrr'));

      await user.clear(search);
      await user.click(screen.getByRole('checkbox', { name: 'Minha carteira' }));
      await waitFor(() => expect(rowNames(table)).toEqual(['TechCorp LTDA', 'AgênciaDigital']));
      expect(
        within(screen.getByRole('region', { name: 'Resumo da carteira' })).getByText('R$ 6.600'),
      ).toBeVisible();
    },
  );

  it(
    'creates a company offline: validated, stored in the collection, listed as pending',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const { database, table } = await setup();
      const opener = screen.getByRole('button', { name: 'Nova empresa' });
      await user.click(opener);
      const dialog = await screen.findByRole('dialog', { name: 'Nova empresa' });
      const name = within(dialog).getByLabelText(/Nome da empresa/);
      expect(name).toHaveFocus();

      await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));
      expect(within(dialog).getByRole('alert')).toHaveTextContent('Corrija 1 campo para salvar:');
      expect(name).toHaveAttribute('aria-invalid', 'true');
      expect(name).toHaveAccessibleDescription('Preencha este campo.');
      expect(name).toHaveFocus();

      await user.type(name, 'Padaria Pão Quente LTDA');
      await user.type(within(dialog).getByLabelText(/Domínio/), 'https://www.paoquente.com.br/');
      await user.type(within(dialog).getByLabelText('Setor'), 'Varejo');
      await user.selectOptions(within(dialog).getByLabelText('Plano'), 'pro');
      const seats = within(dialog).getByLabelText(/Licenças contratadas/);
      await user.clear(seats);
      await user.type(seats, '12');
      // A CSM creates as their own or without a CSM, never for a colleague.
      const csm = within(dialog).getByLabelText(/CSM responsável/);
      expect(
        within(csm)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Sem CSM', 'Maria Santos']);
      await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));

      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      const stored = await database.collections
        .customers!.findOne({ selector: { name: 'Padaria Pão Quente LTDA' } })
        .exec();
      expect(stored?.toJSON()).toMatchObject({
        domain: 'paoquente.com.br',
        industry: 'Varejo',
        tier: 'pro',
        status: 'onboarding',
        totalSeats: 12,
        csmId: MARIA.id,
        serverSeq: 0,
        mrrCents: 0,
        customerSince: '2026-11-21',
      });
      const row = (await within(table).findByText('Padaria Pão Quente LTDA', {}, LOAD_TIMEOUT)).closest(
        '[role="row"]',
      ) as HTMLElement;
      expect(within(row).getByText('Pendente de sincronização')).toBeInTheDocument();
      expect(within(row).getByText('Sem dados')).toBeInTheDocument(); // no health document yet
      expect(
        screen.getByText('Salvo neste aparelho. Será enviado quando a conexão voltar.'),
      ).toBeInTheDocument();
      expect(screen.getByText('Mostrando 6 de 6 clientes')).toBeInTheDocument();
      await waitFor(() => expect(opener).toHaveFocus());
    },
  );

  it(
    'edits a company: patches the changed fields; a CSM cannot reassign the CSM',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      const { database, table } = await setup();
      await user.click(within(table).getByRole('button', { name: 'Editar Fintech ABC' }));
      const dialog = await screen.findByRole('dialog', { name: 'Editar Fintech ABC' });
      expect(within(dialog).getByLabelText(/CSM responsável/)).toBeDisabled();
      expect(within(dialog).getByText('Somente um administrador pode trocar o CSM.')).toBeInTheDocument();

      const seats = within(dialog).getByLabelText(/Licenças contratadas/);
      await user.clear(seats);
      await user.type(seats, '75');
      await user.click(within(dialog).getByRole('button', { name: 'Salvar' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

      const stored = (await database.collections
        .customers!.findOne(WIREFRAME_CUSTOMERS[1]!.id)
        .exec())!.toJSON();
      expect(stored).toMatchObject({ totalSeats: 75, csmId: JOAO.id, mrrCents: 320_000 });
    },
  );
  it(
    'shows a first screenful before the whole portfolio; KPIs, count and export wait for all of it',
    { timeout: 30_000 },
    async () => {
      // 60 customers: the wireframe's 5 and 55 more of R$ 20.000 (total R$ 1.114.100, shown compact).
      const more = Array.from({ length: 55 }, (_, i) => i + 6);
      const customers = [
        ...WIREFRAME_CUSTOMERS,
        ...more.map((n) => customerDoc(n, { name: `Cliente ${n}`, mrrCents: 2_000_000, csmId: null })),
      ];
      const health = [
        ...WIREFRAME_HEALTH,
        ...more.map((n) => healthDoc(n, { score: 80, status: 'healthy', trend: null })),
      ];
      const held = holdingFullReads(getRxStorageMemory());
      const user = userEvent.setup();
      const { table } = await setup('/clientes', staffUser, {
        storage: held.storage,
        customers,
        health,
        waitUntilLoaded: false,
      });

      // The preview: the first 50 customers by name as the name index orders them (code points: "Cliente 10"
      // before "Cliente 6"; not "Cliente 59" to "9", nor the wireframe's from "E-commerce Shop" on), in the list's
      // order (pt-BR, numeric), the table busy. (jsdom lays out no rows, so the virtualiser's window is arbitrary.)
      const byIndex = customers.map((c) => c.name).sort();
      await waitFor(() => expect(rowNames(table).length).toBeGreaterThan(0), LOAD_TIMEOUT);
      const preview = rowNames(table);
      expect(preview.filter((name) => !byIndex.slice(0, 50).includes(name!))).toEqual([]);
      expect(byIndex.slice(50)).toContain('TechCorp LTDA');
      expect(preview).toEqual([...preview].sort((a, b) => a!.localeCompare(b!, 'pt-BR', { numeric: true })));
      expect(table).toHaveAttribute('aria-busy', 'true');
      expect(table).toHaveAttribute('aria-rowcount', '-1');
      // No partial numbers anywhere: the KPIs and the count say they are loading.
      const kpis = screen.getByRole('region', { name: 'Resumo da carteira' });
      expect(kpis).toHaveAttribute('aria-busy', 'true');
      expect(within(kpis).getAllByText('carregando')).toHaveLength(4);
      expect(kpis).not.toHaveTextContent(/R\$|\d/);
      // The total is the device's own count from the first rows on (an index count, no document read).
      expect(await screen.findByText('Mostrando 50 de 60 clientes (carregando os demais…)')).toHaveAttribute(
        'role',
        'status',
      );
      expect(screen.getByRole('button', { name: 'Exportar' })).toBeDisabled();

      // Search stays usable: it filters the preview now and the whole portfolio once loaded; until then the
      // status says it is still searching, never counting the preview's matches as the result.
      const search = screen.getByRole('searchbox', { name: 'Buscar clientes' });
      await user.type(search, 'cliente 5');
      expect(search).toHaveValue('cliente 5');
      expect(screen.getByText('Buscando em 60 clientes…')).toHaveAttribute('role', 'status');
      expect(screen.queryByText(/^Mostrando/)).not.toBeInTheDocument();
      // The preview's matches in the list's order; the table renders a window of them (jsdom lays out no rows:
      // the virtualiser's window is its estimate of the viewport plus the overscan).
      const matches = [
        'Cliente 15',
        'Cliente 25',
        'Cliente 35',
        'Cliente 45',
        ...[50, 51, 52, 53, 54, 55, 56, 57, 58].map((n) => `Cliente ${n}`),
      ];
      await waitFor(() => {
        const shown = rowNames(table);
        expect(shown.length).toBeGreaterThanOrEqual(8);
        const from = matches.indexOf(shown[0]!);
        expect(from).toBeGreaterThanOrEqual(0);
        expect(shown).toEqual(matches.slice(from, from + shown.length));
      });
      expect(kpis).toHaveAttribute('aria-busy', 'true');

      held.release();
      await waitForLoaded(table);
      expect(screen.getByText('Mostrando 14 de 60 clientes')).toBeInTheDocument(); // 15 … 45, 50 … 59
      expect(table).toHaveAttribute('aria-rowcount', '15');
      expect(kpis).not.toHaveAttribute('aria-busy');
      expect(within(kpis).queryByText('carregando')).not.toBeInTheDocument();
      // The cards follow the search: the 14 customers listed, R$ 20.000 each.
      expect(within(kpis).getByText('R$ 280.000')).toBeInTheDocument();
      expect(within(kpis).getByText('14')).toBeInTheDocument();
      expect(within(kpis).getByText('14 (100%)')).toBeInTheDocument();

      await user.clear(search);
      await waitFor(() => expect(screen.getByText('Mostrando 60 de 60 clientes')).toBeInTheDocument());
      // R$ 1.114.100 does not fit a phone's card: compact on screen, in full for screen readers.
      expect(within(kpis).getByText('R$ 1,1 mi')).toHaveAttribute('title', 'R$\u00a01.114.100');
      expect(within(kpis).getByText('R$ 1.114.100')).toHaveClass('visually-hidden');
      expect(within(kpis).getByText('60')).toBeInTheDocument();
      expect(within(kpis).getByText('58 (97%)')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Exportar' })).toBeEnabled();
    },
  );
});
