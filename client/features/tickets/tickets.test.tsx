// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ticketSchema } from '../../../shared/entities/support.ts';
import { customer } from '../../test/portal-fixtures.ts';
import { clientUser } from '../../test/render-app.tsx';
import { portalRenderer } from '../../test/render-portal.tsx';

/** The client's tickets in the real app over a real device database, offline (test/render-portal.tsx). */
const { renderPortal, removeDatabases } = portalRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});

describe('client tickets (offline, device database)', () => {
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
