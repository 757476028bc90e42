// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { meetingSchema, ticketSchema } from '../../../shared/entities/support.ts';
import { createAppRoutes } from '../../app/routes.tsx';
import { openDeviceDatabase, type DeviceDatabase } from '../../db/database.ts';
import { DeviceDataProvider } from '../../db/device-data.tsx';
import { clientUser, renderApp } from '../../test/render-app.tsx';
import { ACCOUNT_MANAGER_LOCAL_DOC } from './account-manager.ts';
import { CSM_ID, customer, meeting, NOW, techCorpTickets } from './test-fixtures.ts';
import { staticDeviceSessions } from '../../test/device-session.ts';

/**
 * The real app (routes, shell, i18n) over a real RxDB device database (memory storage, role client), offline:
 * what the client sees comes from the device only, and what they write lands there as valid documents.
 */
const opened: DeviceDatabase[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

async function renderPortal(path: string, seed: (db: DeviceDatabase) => Promise<void> = async () => {}) {
  expect(NOW.toISOString()).toBe('2026-11-21T12:00:00.000Z'); // renderApp's clock
  const database = await openDeviceDatabase({
    userId: clientUser.id,
    role: 'client',
    storage: getRxStorageMemory(),
    now: () => NOW,
    onPendingCount: () => {},
    multiInstance: false,
  });
  opened.push(database);
  await seed(database);
  const sessions = staticDeviceSessions(clientUser, database);
  const routes = [
    {
      element: (
        <DeviceDataProvider sessions={sessions} user={clientUser}>
          <Outlet />
        </DeviceDataProvider>
      ),
      children: createAppRoutes(),
    },
  ];
  const view = renderApp({ path, user: clientUser, online: false, routes });
  return { ...view, database };
}

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
    expect(within(manager).getByRole('link', { name: 'Enviar e-mail para Ana Paula Souza' })).toHaveAttribute(
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

  it('opens a ticket offline: validated, stored as a valid document, listed as pending; reply and close', async () => {
    const user = userEvent.setup();
    const { database, router } = await renderPortal('/inicio/tickets/novo', async (db) => {
      await db.collections.customers!.insert(customer());
    });
    await screen.findByRole('heading', { level: 1, name: 'Abrir novo ticket' });
    expect(screen.getByText(/Você está offline/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Abrir ticket' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Confira os campos destacados.');
    expect(screen.getByLabelText('Assunto')).toHaveAccessibleDescription(/Informe o assunto\./);
    expect(screen.getByLabelText('Assunto')).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByLabelText('Assunto'), 'Relatório não abre');
    await user.type(screen.getByLabelText('Descrição'), 'O relatório mensal dá erro ao abrir.');
    await user.click(screen.getByRole('radio', { name: /Alta/ }));
    await user.click(screen.getByRole('button', { name: 'Abrir ticket' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Relatório não abre' })).toBeInTheDocument();
    expect(screen.getAllByText('aguardando sincronização').length).toBeGreaterThan(0);
    const docs = await database.collections.tickets!.find().exec();
    expect(docs).toHaveLength(1);
    const ticket = ticketSchema.parse(docs[0]!.toJSON());
    expect(router.state.location.pathname).toBe(`/inicio/tickets/${ticket.id}`);
    expect(ticket).toMatchObject({
      customerId: clientUser.customerId,
      createdBy: clientUser.id,
      number: null,
      status: 'open',
      priority: 'high',
      subject: 'Relatório não abre',
      slaDeadline: '2026-11-21T16:00:00.000Z',
    });
    expect(ticket.messages.map((m) => [m.senderType, m.senderId, m.body])).toEqual([
      ['client', clientUser.id, 'O relatório mensal dá erro ao abrir.'],
    ]);

    await user.type(screen.getByLabelText('Sua resposta'), 'Segue o print em anexo por e-mail.');
    await user.click(screen.getByRole('button', { name: 'Enviar resposta' }));
    expect(await screen.findByText('Segue o print em anexo por e-mail.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Encerrar ticket' }));
    await user.click(screen.getByRole('button', { name: 'Sim, encerrar' }));
    expect(await screen.findByText(/Este ticket está encerrado/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Sua resposta')).not.toBeInTheDocument();
    const final = ticketSchema.parse(
      (await database.collections.tickets!.findOne(ticket.id).exec())!.toJSON(),
    );
    expect(final.status).toBe('closed');
    expect(final.messages).toHaveLength(2);

    await user.click(screen.getByRole('link', { name: 'Voltar para meus tickets' }));
    const list = await screen.findByRole('list', { name: 'Tickets de suporte, mais recentes primeiro' });
    const item = within(list).getByRole('link', { name: /Relatório não abre/ });
    expect(item).toHaveTextContent('pendente');
    expect(within(list).getByText('aguardando sincronização')).toBeInTheDocument();
  }, 60_000);
});
