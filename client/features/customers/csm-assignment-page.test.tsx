// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../../shared/identity.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import { staffUser } from '../../test/render-app.tsx';
import { LOAD_TIMEOUT, renderOverDevice } from '../../test/render-device.tsx';
import { CustomerListPage } from './customer-list-page.tsx';
import { STAFF_DIRECTORY_KEY } from './staff-directory.ts';
import { JOAO, MARIA, PEDRO, WIREFRAME_CUSTOMERS, WIREFRAME_HEALTH } from './test-fixtures.ts';

/**
 * Portfolio assignment on the customer list (issue 10 item 12) against a real RxDB database, offline: an admin
 * ticks rows and assigns them to a CSM; only `csmId` changes and the change waits in the outbox. CSMs never
 * see the checkboxes.
 */
const opened: DeviceDatabase[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

const ADMIN: SignedInUser = {
  ...staffUser,
  id: '0190a8e4-0000-7000-8000-000000000009',
  email: 'admin@arco.example',
  name: 'Admin Arco',
  role: 'admin',
};
async function setup(user: SignedInUser) {
  const { database } = await renderOverDevice({
    path: '/clientes',
    routes: [{ path: 'clientes', element: <CustomerListPage /> }],
    customers: WIREFRAME_CUSTOMERS,
    health: WIREFRAME_HEALTH,
    user,
    allCollections: true,
    seed: (db) =>
      db.kv.set(STAFF_DIRECTORY_KEY, [
        { ...MARIA, role: 'csm' },
        { ...JOAO, role: 'csm' },
        { ...PEDRO, role: 'csm' },
        { id: ADMIN.id, name: ADMIN.name, role: 'admin' },
      ]),
    opened,
  });
  const table = await screen.findByRole('table', { name: 'Lista de clientes' }, LOAD_TIMEOUT);
  await waitFor(() => expect(table).not.toHaveAttribute('aria-busy'), LOAD_TIMEOUT);
  return { database, table };
}

const csmOf = async (database: DeviceDatabase, name: string) =>
  (await database.collections.customers!.findOne({ selector: { name } }).exec())?.toJSON();

describe('assigning customers to CSMs (admin, offline)', () => {
  it(
    'ticks rows, previews the plan and writes only csmId, pending until synced',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const { database, table } = await setup(ADMIN);
      const before = await csmOf(database, 'Fintech ABC');

      await user.click(within(table).getByRole('checkbox', { name: 'Selecionar StartupXYZ' }));
      await user.click(within(table).getByRole('checkbox', { name: 'Selecionar AgênciaDigital' }));
      await user.click(within(table).getByRole('checkbox', { name: 'Selecionar Fintech ABC' }));
      const bar = screen.getByRole('group', { name: 'Clientes selecionados' });
      expect(within(bar).getByText('3 clientes selecionados')).toBeInTheDocument();
      // Some rows ticked: the header box is "mixed".
      expect(
        within(table).getByRole('checkbox', { name: 'Selecionar os 5 clientes listados' }),
      ).toHaveProperty('indeterminate', true);

      await user.click(within(bar).getByRole('button', { name: 'Atribuir a…' }));
      const dialog = await screen.findByRole('dialog', { name: 'Atribuir 3 clientes' });
      const select = within(dialog).getByLabelText('Novo CSM');
      expect(select).toHaveFocus();
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Admin Arco', 'João Silva', 'Maria Santos', 'Pedro Lima', 'Sem CSM']);
      await user.selectOptions(select, JOAO.id);
      expect(within(dialog).getByText('2 clientes passam para João Silva.')).toBeInTheDocument();
      expect(within(dialog).getByText('1 já está com esse CSM.')).toBeInTheDocument(); // Fintech ABC
      await user.click(within(dialog).getByRole('button', { name: 'Atribuir' }));

      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      expect(
        screen.getByText(
          '2 clientes atribuídos a João Silva. Salvo neste aparelho. Será enviado quando a conexão voltar.',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByRole('group', { name: 'Clientes selecionados' })).not.toBeInTheDocument();
      expect((await csmOf(database, 'StartupXYZ'))?.csmId).toBe(JOAO.id);
      expect((await csmOf(database, 'AgênciaDigital'))?.csmId).toBe(JOAO.id);
      // Fintech ABC was already João's: not written at all.
      expect(await csmOf(database, 'Fintech ABC')).toEqual(before);
      // The other fields are as stored; the write is stamped for the outbox.
      const startup = await csmOf(database, 'StartupXYZ');
      const original = WIREFRAME_CUSTOMERS.find((c) => c.name === 'StartupXYZ')!;
      expect({ ...startup, csmId: original.csmId, clientUpdatedAt: original.clientUpdatedAt }).toEqual(
        original,
      );
      expect(startup?.clientUpdatedAt).not.toBe(original.clientUpdatedAt);
      // Both wait in the device's outbox for the next sync.
      expect(database.outbox.count('customers')).toBe(2);
      await waitFor(() => {
        const row = within(table).getByText('StartupXYZ').closest('[role="row"]') as HTMLElement;
        expect(within(row).getByText('João Silva')).toBeInTheDocument();
      });
    },
  );

  it('selects every listed row at once and can remove their CSM', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    const { database, table } = await setup(ADMIN);
    await user.type(screen.getByRole('searchbox', { name: 'Buscar clientes' }), 'shop');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    await user.click(within(table).getByRole('checkbox', { name: 'Selecionar o cliente listado' }));
    await user.click(screen.getByRole('button', { name: 'Atribuir a…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Atribuir 1 cliente' });
    await user.selectOptions(within(dialog).getByLabelText('Novo CSM'), '');
    expect(within(dialog).getByText('1 cliente fica sem CSM.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Atribuir' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await csmOf(database, 'E-commerce Shop'))?.csmId).toBeNull();
  });

  it('shows no selection to a CSM', async () => {
    const { table } = await setup(staffUser);
    expect(within(table).queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Atribuir a…' })).not.toBeInTheDocument();
  });
});
