// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import { LOAD_TIMEOUT, outboxIds, renderOverDevice } from '../../test/render-device.tsx';
import { TECHCORP, TECHCORP_ID } from '../contracts/test-fixtures.ts';
import { ContactsTab } from './contacts-tab.tsx';

/**
 * The Contacts tab over a real RxDB device database, offline: every change is a local patch of the customer
 * document, queued in the outbox, and the one-primary rule holds on the stored list.
 */
const opened: DeviceDatabase[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

function TabRoute() {
  const { id = '' } = useParams();
  return <ContactsTab customer={{ id }} />;
}

async function setup() {
  const view = await renderOverDevice({
    path: `/clientes/${TECHCORP_ID}/contatos`,
    opened,
    customers: [TECHCORP],
    routes: [{ path: 'clientes/:id/contatos', element: <TabRoute /> }],
  });
  await screen.findByRole('button', { name: /Adicionar contato/ }, LOAD_TIMEOUT);
  return view;
}

const cardOf = (name: string) => screen.getByRole('heading', { level: 3, name }).closest('li') as HTMLElement;
const stored = async (database: DeviceDatabase): Promise<Customer> =>
  (await database.collections.customers!.findOne(TECHCORP_ID).exec())!.toMutableJSON();
const primaries = (c: Customer) => c.contacts.filter((x) => x.isPrimary).map((x) => x.firstName);

describe('Contacts tab (device database, offline)', () => {
  it('shows João Silva (CEO) as primary with NPS and tel:/mailto: links named by what they show', async () => {
    await setup();
    const joao = within(cardOf('João Silva'));
    expect(joao.getByText('Principal')).toBeInTheDocument();
    expect(joao.getByText('CEO · Decisor')).toBeInTheDocument();
    expect(joao.getByText('NPS 9')).toBeInTheDocument();
    expect(joao.getByRole('link', { name: 'joao@techcorp.com.br' })).toHaveAttribute(
      'href',
      'mailto:joao@techcorp.com.br',
    );
    expect(joao.getByRole('link', { name: '+55 11 98765-4321' })).toHaveAttribute(
      'href',
      'tel:+5511987654321',
    );
    expect(within(cardOf('Maria Oliveira')).getByText('CTO · Técnico')).toBeInTheDocument();
    expect(within(cardOf('Pedro Santos')).getByText('Sem NPS')).toBeInTheDocument();
    // The primary first.
    expect(
      screen
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent)
        .slice(0, 1),
    ).toEqual(['João Silva']);
  });

  it(
    'adds a contact as primary offline: errors in place, then the other primary is unset and the change queued',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const { database } = await setup();
      await user.click(screen.getByRole('button', { name: /Adicionar contato/ }));
      const dialog = within(await screen.findByRole('dialog', { name: 'Novo contato' }));
      await user.click(dialog.getByRole('button', { name: 'Salvar contato' }));
      const alert = await dialog.findByRole('alert');
      expect(alert).toHaveTextContent('Corrija 2 campos para salvar:');
      expect(dialog.getByLabelText(/^Nome/)).toHaveAccessibleDescription('Preencha este campo.');

      await user.type(dialog.getByLabelText(/^Nome/), 'Ana');
      await user.type(dialog.getByLabelText(/^Sobrenome/), 'Costa');
      await user.type(dialog.getByLabelText(/^E-mail/), 'ana@');
      await user.type(dialog.getByLabelText(/^NPS/), '11');
      await user.click(dialog.getByRole('button', { name: 'Salvar contato' }));
      expect(await dialog.findByText('Informe um e-mail como nome@empresa.com.br.')).toBeInTheDocument();
      expect(dialog.getByLabelText(/^NPS/)).toHaveAccessibleDescription(
        'Informe um número inteiro de 0 a 10. Última nota informada pela pessoa; deixe em branco se não houver.',
      );

      await user.type(dialog.getByLabelText(/^E-mail/), 'techcorp.com.br');
      await user.clear(dialog.getByLabelText(/^NPS/));
      await user.type(dialog.getByLabelText(/^NPS/), '8');
      await user.selectOptions(dialog.getByLabelText('Papel na conta'), 'champion');
      await user.click(dialog.getByLabelText('Contato principal'));
      await user.click(dialog.getByRole('button', { name: 'Salvar contato' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), LOAD_TIMEOUT);

      expect(
        await screen.findByText('Contato salvo neste aparelho. Será enviado quando a conexão voltar.'),
      ).toBeInTheDocument();
      await waitFor(() => expect(within(cardOf('Ana Costa')).getByText('Principal')).toBeInTheDocument());
      expect(within(cardOf('João Silva')).queryByText('Principal')).toBeNull();
      const customer = await stored(database);
      expect(primaries(customer)).toEqual(['Ana']);
      expect(customer.contacts.at(-1)).toMatchObject({
        firstName: 'Ana',
        email: 'ana@techcorp.com.br',
        npsScore: 8,
        role: 'champion',
        createdAt: '2026-11-21T12:00:00.000Z',
      });
      expect(await outboxIds(database, 'customers')).toEqual([TECHCORP_ID]);
      expect(await screen.findByTestId('customer-pending', {}, LOAD_TIMEOUT)).toBeInTheDocument();
    },
  );

  it(
    'the main contact leaving is shown as a risk until another is made primary; removing asks first',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const { database } = await setup();
      await user.click(screen.getByRole('button', { name: 'Saiu da empresa: João Silva' }));
      expect(
        await screen.findByText(
          'O contato principal, João Silva, saiu da empresa em 21/11/2026 — um fator de risco. Escolha um novo contato principal.',
          {},
          LOAD_TIMEOUT,
        ),
      ).toBeInTheDocument();
      expect(within(cardOf('João Silva')).getByText('Saiu em 21/11/2026')).toBeInTheDocument();
      expect((await stored(database)).contacts[0]).toMatchObject({
        isPrimary: true,
        leftCompanyAt: '2026-11-21T12:00:00.000Z',
      });

      await user.click(screen.getByRole('button', { name: 'Tornar principal Maria Oliveira' }));
      await waitFor(() => expect(screen.queryByText(/um fator de risco/)).toBeNull(), LOAD_TIMEOUT);
      expect(primaries(await stored(database))).toEqual(['Maria']);
      const former = within(screen.getByRole('region', { name: 'Saíram da empresa' }));
      expect(former.getByRole('heading', { name: 'João Silva' })).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: 'Remover Pedro Santos' }));
      expect(screen.getByText('Remover Pedro Santos dos contatos?')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Remover contato' }));
      await waitFor(() => expect(screen.queryByRole('heading', { name: 'Pedro Santos' })).toBeNull());
      await user.click(screen.getByRole('button', { name: 'Remover Maria Oliveira' }));
      // Removing the primary says who takes over: the earliest contact still at the company.
      expect(
        screen.getByText('Remover Maria Oliveira? João Silva passa a ser o contato principal.'),
      ).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Cancelar' }));
      expect((await stored(database)).contacts.map((c) => c.firstName)).toEqual(['João', 'Maria']);
    },
  );
});
