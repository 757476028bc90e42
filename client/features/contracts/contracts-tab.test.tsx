// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceDatabase } from '../../db/database.ts';
import { ContractPrintPage } from './contract-print-page.tsx';
import { ContractsTab } from './contracts-tab.tsx';
import { json } from '../../test/render-app.tsx';
import { findHeading, LOAD_TIMEOUT, outboxIds, renderOverDevice } from '../../test/render-device.tsx';
import { TECHCORP, TECHCORP_ID, TECHCORP_INVOICES } from './test-fixtures.ts';

/**
 * The Contracts tab and the printable contract over a real RxDB device database (memory storage), inside the
 * real shell, offline: what the CSM sees comes from the device, and what they save is a local patch of the
 * customer document that the outbox holds for the server. jsdom + RxDB are slow: few, broad tests.
 */
const opened: DeviceDatabase[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

function TabRoute() {
  const { id = '' } = useParams();
  return <ContractsTab customer={{ id }} />;
}

const setup = (path = `/clientes/${TECHCORP_ID}/contratos`) =>
  renderOverDevice({
    path,
    opened,
    customers: [TECHCORP],
    invoices: TECHCORP_INVOICES,
    routes: [
      { path: 'clientes/:id/contratos', element: <TabRoute /> },
      { path: 'clientes/:id/contratos/:contractId/imprimir', element: <ContractPrintPage /> },
    ],
  });

const card = (name: string) => screen.getByRole('article', { name });

describe('Contracts tab (device database, offline)', () => {
  it("shows TechCorp's contracts, items, revenue and payment history as the wireframe does", async () => {
    await setup();
    await findHeading('Contratos ativos');
    const license = within(card('Enterprise Annual License'));
    expect(license.getByText('Ativo')).toBeInTheDocument();
    expect(license.getByText('Contrato CTR-2024-0045')).toBeInTheDocument();
    expect(license.getByText('R$ 54.000,00/ano')).toBeInTheDocument();
    expect(license.getByText('R$ 4.500,00/mês')).toBeInTheDocument();
    expect(license.getByText('jan/2024 – jan/2027')).toBeInTheDocument();
    expect(license.getByText('Renovação automática')).toBeInTheDocument();
    expect(license.getByText('em 15/01/2027')).toBeInTheDocument();
    const items = license.getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' '));
    expect(items).toEqual([
      'Platform License (100 seats)R$ 3.500,00/mês',
      'Premium SupportR$ 500,00/mês',
      'API AccessR$ 500,00/mês',
    ]);

    expect(screen.getByRole('heading', { name: 'Contratos encerrados' })).toBeInTheDocument();
    const training = within(card('Training Package'));
    expect(training.getByText('Concluído')).toBeInTheDocument();
    expect(training.getByText('R$ 5.000,00 (pagamento único)')).toBeInTheDocument();
    expect(training.getByText('fev/2024 – abr/2024')).toBeInTheDocument();
    expect(training.queryByRole('button', { name: /Renovar/ })).toBeNull();

    // Revenue: the server's figures, nothing pending.
    const revenue = within(screen.getByRole('region', { name: 'Receita' }));
    expect(revenue.getByText('R$ 4.500,00')).toBeInTheDocument();
    expect(revenue.getByText('R$ 54.000,00')).toBeInTheDocument();
    expect(revenue.getByText('R$ 58.500,00')).toBeInTheDocument();
    expect(revenue.queryByText('provisório')).toBeNull();

    // Payment history: the last four, then all five on request; total collected and on-time share.
    const table = screen.getByRole('table', { name: 'Faturas, mais recentes primeiro' });
    const numbers = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[4]!.textContent);
    expect(numbers()).toEqual(['INV-1234', 'INV-1233', 'INV-1232', 'INV-1231']);
    const jan = within(table).getAllByRole('row')[1]!;
    expect(within(jan).getByText('15/01/2026')).toBeInTheDocument();
    expect(within(jan).getByText('R$ 4.500,00')).toBeInTheDocument();
    expect(within(jan).getByText('Paga')).toBeInTheDocument();
    expect(within(jan).getByRole('link', { name: 'INV-1234' })).toHaveAttribute(
      'href',
      'https://nfe.arco.example/INV-1234.pdf',
    );
    const payments = within(screen.getByRole('region', { name: 'Histórico de pagamentos' }));
    expect(payments.getByText('Total recebido').nextSibling).toHaveTextContent('R$ 21.500,00');
    expect(payments.getByText('Em dia').nextSibling).toHaveTextContent('100%');
    await userEvent.click(payments.getByRole('button', { name: 'Ver todas (5)' }));
    expect(numbers()).toHaveLength(5);
  });

  it(
    'new contract: errors in place, then saved offline with the pending marker and provisional revenue',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const { database } = await setup();
      await findHeading('Contratos ativos');
      await user.click(screen.getByRole('button', { name: /Novo contrato/ }));
      const dialog = within(await screen.findByRole('dialog', { name: 'Novo contrato' }));
      expect(dialog.getByLabelText(/Nome do contrato/)).toHaveFocus();

      await user.click(dialog.getByRole('button', { name: 'Salvar contrato' }));
      const alert = await dialog.findByRole('alert');
      expect(alert).toHaveTextContent('Corrija 4 campos para salvar:');
      await waitFor(() => expect(alert).toHaveFocus());
      expect(dialog.getByLabelText(/Nome do contrato/)).toHaveAccessibleDescription('Preencha este campo.');
      expect(dialog.getByLabelText(/Nome do contrato/)).toHaveAttribute('aria-invalid', 'true');
      expect(within(alert).getByRole('link', { name: 'Item 1: Preço unitário (R$)' })).toBeInTheDocument();

      await user.type(dialog.getByLabelText(/Nome do contrato/), 'Módulo RH');
      await user.type(dialog.getByLabelText(/Número do contrato/), 'CTR-2024-0045');
      await user.type(dialog.getByLabelText(/Nome do item/), 'RH Suite');
      await user.type(dialog.getByLabelText(/Preço unitário/), '1.500,5');
      await user.click(dialog.getByRole('button', { name: 'Salvar contrato' }));
      expect(await dialog.findByText('Este cliente já tem um contrato com este número.')).toBeInTheDocument();
      expect(dialog.getByLabelText(/Preço unitário/)).not.toHaveAttribute('aria-invalid');
      expect(
        dialog.getByText('Valor mensal R$ 1.500,50 · total do contrato R$ 18.006,00'),
      ).toBeInTheDocument();

      await user.clear(dialog.getByLabelText(/Número do contrato/));
      await user.type(dialog.getByLabelText(/Número do contrato/), 'CTR-2026-0101');
      await user.click(dialog.getByRole('button', { name: 'Salvar contrato' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), LOAD_TIMEOUT);

      expect(
        await screen.findByText('Contrato salvo neste aparelho. Será enviado quando a conexão voltar.'),
      ).toBeInTheDocument();
      // The contract's monthly value and its one item's.
      expect(within(card('Módulo RH')).getAllByText('R$ 1.500,50/mês')).toHaveLength(2);
      const stored = (await database.collections.customers!.findOne(TECHCORP_ID).exec())!.toJSON();
      expect(stored.contracts.map((c: { contractNumber: string }) => c.contractNumber)).toEqual([
        'CTR-2024-0045',
        'CTR-2024-0046',
        'CTR-2026-0101',
      ]);
      expect(stored.contracts[2]).toMatchObject({ monthlyValueCents: 150_050, totalValueCents: 1_800_600 });
      // Queued for the server, and the screen says so: pending marker, provisional revenue by the shared rule.
      expect(await outboxIds(database, 'customers')).toEqual([TECHCORP_ID]);
      expect(await screen.findByTestId('customer-pending', {}, LOAD_TIMEOUT)).toHaveTextContent(
        'Alterações deste cliente aguardando sincronização.',
      );
      const revenue = within(screen.getByRole('region', { name: 'Receita' }));
      expect(revenue.getByText('R$ 6.000,50')).toBeInTheDocument();
      expect(revenue.getAllByText('provisório')).toHaveLength(3);
      expect(stored.mrrCents).toBe(TECHCORP.mrrCents); // server-owned: never written by the device
    },
  );

  it('renews a contract for the next period, and prints a contract', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    const { database, router } = await setup();
    await findHeading('Contratos ativos');
    await user.click(screen.getByRole('button', { name: 'Renovar contrato CTR-2024-0045' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Renovar contrato CTR-2024-0045' }));
    expect(dialog.getByLabelText(/Número do contrato/)).toHaveValue('CTR-2027-0045');
    expect(dialog.getByLabelText(/^Início/)).toHaveValue('2027-01-16');
    expect(dialog.getByLabelText(/^Fim/)).toHaveValue('2030-01-15');
    expect(dialog.getAllByLabelText(/Preço unitário/).map((i) => (i as HTMLInputElement).value)).toEqual([
      '3.500,00',
      '500,00',
      '500,00',
    ]);
    await user.click(dialog.getByRole('button', { name: 'Salvar contrato' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), LOAD_TIMEOUT);

    const renewals = await screen.findAllByRole('article', { name: 'Enterprise Annual License' });
    expect(renewals).toHaveLength(2);
    const renewal = within(renewals[0]!);
    expect(renewal.getByText('Começa em 16/01/2027')).toBeInTheDocument();
    expect(renewal.getByText('Contrato CTR-2027-0045 · Renovação de CTR-2024-0045')).toBeInTheDocument();
    // Renewal starts after the current ends: today's provisional MRR is unchanged.
    const revenue = within(screen.getByRole('region', { name: 'Receita' }));
    await waitFor(() => expect(revenue.getAllByText('provisório')).toHaveLength(3), LOAD_TIMEOUT);
    expect(revenue.getByText('R$ 4.500,00')).toBeInTheDocument();
    const stored = (await database.collections.customers!.findOne(TECHCORP_ID).exec())!.toJSON();
    expect(stored.contracts[2]).toMatchObject({
      contractNumber: 'CTR-2027-0045',
      previousContractId: TECHCORP.contracts[0]!.id,
      startDate: '2027-01-16',
      endDate: '2030-01-15',
    });

    await user.click(screen.getByRole('link', { name: 'Ver contrato CTR-2024-0045 para imprimir' }));
    await findHeading('Contrato CTR-2024-0045');
    expect(router.state.location.pathname).toBe(
      `/clientes/${TECHCORP_ID}/contratos/${TECHCORP.contracts[0]!.id}/imprimir`,
    );
    expect(document.title).toContain('Contrato CTR-2024-0045');
    const items = screen.getByRole('table');
    expect(within(items).getAllByRole('row')).toHaveLength(4);
    expect(within(items).getByText('Platform License (100 seats)')).toBeInTheDocument();
    expect(screen.getByText('TechCorp LTDA')).toBeInTheDocument();
    expect(screen.getByText('Assinado por João Silva em 09/01/2024')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Imprimir ou salvar PDF' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: /Voltar aos contratos/ }));
    await findHeading('Contratos ativos');
  });

  it('"Emitir NFS-e" online: sent, processing, then "Baixar NFe"; offline the button waits, disabled', async () => {
    const user = userEvent.setup();
    const invoices = TECHCORP_INVOICES.map((i) =>
      i.number === 'INV-1234' ? { ...i, nfeUrl: null, nfeNumber: null } : i,
    );
    const target = invoices.find((i) => i.number === 'INV-1234')!;
    const posts: string[] = [];
    let step = 0;
    const issuance = (status: string, extra = {}) => ({
      issuance: {
        status,
        number: null,
        url: null,
        errors: null,
        updatedAt: '2026-01-20T12:00:00.000Z',
        ...extra,
      },
    });
    await renderOverDevice({
      path: `/clientes/${TECHCORP_ID}/contratos`,
      opened,
      customers: [TECHCORP],
      invoices,
      online: true,
      fetchHandler: (url, init) => {
        if (url.endsWith(`/api/nfse/invoices/${target.id}`)) {
          if (init?.method !== 'POST') return json(200, { issuance: null });
          posts.push(url);
          step++;
          return json(
            200,
            step === 1
              ? issuance('processing')
              : issuance('issued', { number: '1001', url: 'https://focus.example/notas/1.pdf' }),
          );
        }
        return json(404, { error: { code: 'not_found', message: 'Not found.' } });
      },
      routes: [{ path: 'clientes/:id/contratos', element: <TabRoute /> }],
    });
    await findHeading('Contratos ativos');
    const table = screen.getByRole('table', { name: 'Faturas, mais recentes primeiro' });
    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('INV-1234'))!;
    await user.click(await within(row).findByRole('button', { name: 'Emitir NFS-e' }, LOAD_TIMEOUT));
    expect(await within(row).findByText('Em processamento na prefeitura.')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Atualizar situação' }));
    expect(await within(row).findByRole('link', { name: 'Baixar NFe' })).toHaveAttribute(
      'href',
      'https://focus.example/notas/1.pdf',
    );
    expect(within(row).getByText('nº 1001')).toBeInTheDocument();
    expect(posts).toHaveLength(2);
  });

  it('a refused nota shows the city hall’s words and "Reenviar NFS-e", which sends it again', async () => {
    const user = userEvent.setup();
    const invoices = TECHCORP_INVOICES.map((i) =>
      i.number === 'INV-1234' ? { ...i, nfeUrl: null, nfeNumber: null } : i,
    );
    const target = invoices.find((i) => i.number === 'INV-1234')!;
    const posts: string[] = [];
    const issuance = (status: string, errors: string | null) => ({
      issuance: { status, number: null, url: null, errors, updatedAt: '2026-01-20T12:00:00.000Z' },
    });
    await renderOverDevice({
      path: `/clientes/${TECHCORP_ID}/contratos`,
      opened,
      customers: [TECHCORP],
      invoices,
      online: true,
      fetchHandler: (url, init) => {
        if (!url.endsWith(`/api/nfse/invoices/${target.id}`))
          return json(404, { error: { code: 'not_found', message: 'Not found.' } });
        if (init?.method !== 'POST')
          return json(200, issuance('failed', 'E165: CNPJ do tomador não está ativo na Receita Federal'));
        posts.push(url);
        return json(200, issuance('processing', null));
      },
      routes: [{ path: 'clientes/:id/contratos', element: <TabRoute /> }],
    });
    await findHeading('Contratos ativos');
    const table = screen.getByRole('table', { name: 'Faturas, mais recentes primeiro' });
    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('INV-1234'))!;
    const resend = await within(row).findByRole('button', { name: 'Reenviar NFS-e' }, LOAD_TIMEOUT);
    expect(within(row).getByRole('alert')).toHaveTextContent('Nota recusada pela prefeitura.');
    expect(
      within(row).getByText('E165: CNPJ do tomador não está ativo na Receita Federal'),
    ).toBeInTheDocument();
    expect(resend).toHaveAccessibleDescription(
      'Corrija o motivo (por exemplo, o CNPJ do cliente em “Editar dados”) e reenvie.',
    );
    await user.click(resend);
    expect(await within(row).findByText('Em processamento na prefeitura.')).toBeInTheDocument();
    expect(posts).toHaveLength(1);
  });

  it('offline, a paid invoice without its nota shows the button disabled with the reason', async () => {
    const invoices = TECHCORP_INVOICES.map((i) =>
      i.number === 'INV-1234' ? { ...i, nfeUrl: null, nfeNumber: null } : i,
    );
    await renderOverDevice({
      path: `/clientes/${TECHCORP_ID}/contratos`,
      opened,
      customers: [TECHCORP],
      invoices,
      routes: [{ path: 'clientes/:id/contratos', element: <TabRoute /> }],
    });
    await findHeading('Contratos ativos');
    const button = await screen.findByRole('button', { name: 'Emitir NFS-e' }, LOAD_TIMEOUT);
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Disponível com conexão: a nota é emitida pelo servidor.');
  });
});
