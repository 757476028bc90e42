// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { slaDeadline } from '../../../shared/domain/portal/sla.ts';
import type { Ticket } from '../../../shared/entities/support.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import {
  ago,
  clientPortalUser,
  customer,
  HOUR,
  meeting,
  NOW,
  ticket,
  uid,
} from '../../test/portal-fixtures.ts';
import { portalRenderer } from '../../test/render-portal.tsx';
import { staffRenderer } from '../../test/render-staff.tsx';

/** The staff's support screens over a real device database, offline (renderApp's clock: 2026-11-21 12:00 UTC). */
const { renderStaff, removeDatabases } = staffRenderer();
const portal = portalRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
  await portal.removeDatabases();
});
const LOAD = { timeout: 10_000 };

const opened = (n: number, subject: string, hoursAgo: number, over: Partial<Ticket> = {}): Ticket => {
  const createdAt = ago(hoursAgo * HOUR);
  const priority = over.priority ?? 'medium';
  return ticket({
    id: uid(n),
    number: n,
    subject,
    createdAt,
    priority,
    slaDeadline: slaDeadline({ priority, createdAt }),
    ...over,
  });
};
const BREACHED = opened(2901, 'Relatório não abre', 11); // medium: due 3 h ago
const DUE = opened(2902, 'Dúvida sobre fatura', 2); // 6 h left
const URGENT = opened(2903, 'Site fora do ar', 0.5, { priority: 'urgent' }); // 30 min left
const REQUESTED = meeting({
  scheduledAt: '2026-11-25T18:00:00.000Z',
  title: 'Reunião mensal de resultados',
  clientRequest: {
    type: 'reschedule',
    proposedAt: '2026-11-26T18:30:00.000Z',
    reason: 'Viagem',
    requestedAt: ago(2 * HOUR),
    requestedBy: clientPortalUser.id,
  },
});

const seed = async (db: DeviceDatabase) => {
  await db.collections.customers!.insert(customer());
  await db.collections.tickets!.bulkInsert([DUE, URGENT, BREACHED]);
  await db.collections.meetings!.insert(REQUESTED);
};

describe('support queue (/atendimento, offline)', () => {
  it('lists the breach first, then the closest deadline; filters live in the URL', async () => {
    const user = userEvent.setup();
    const { router } = await renderStaff('/atendimento', { seed });
    const list = await screen.findByRole('list', { name: 'Tickets, SLA estourado primeiro' }, LOAD);
    const links = within(list)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual(['#2901 Relatório não abre', '#2903 Site fora do ar', '#2902 Dúvida sobre fatura']);
    const summary = within(screen.getByRole('region', { name: 'Resumo da fila' }));
    expect(summary.getByText('SLA estourado').nextSibling).toHaveTextContent('1');
    expect(await within(list).findAllByText('TechCorp Soluções')).toHaveLength(3);
    expect(screen.getByRole('link', { name: '1 pedido de reunião aguardando resposta' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Prioridade'), 'urgent');
    expect(router.state.location.search).toBe('?prioridade=urgent');
    expect(
      within(screen.getByRole('list', { name: 'Tickets, SLA estourado primeiro' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    await user.selectOptions(screen.getByLabelText('Responsável'), 'mine');
    expect(await screen.findByText('Nenhum ticket com estes filtros')).toBeInTheDocument();
  });

  it('staff reply, take the ticket, add an internal note and change the status — offline, marked pending', async () => {
    const user = userEvent.setup();
    const { database } = await renderStaff(`/atendimento/tickets/${BREACHED.id}`, { seed });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Relatório não abre' }, LOAD),
    ).toBeInTheDocument();

    await user.type(screen.getByLabelText('Responder ao cliente'), 'Já estamos verificando o relatório.');
    await user.click(screen.getByRole('button', { name: 'Enviar resposta' }));
    expect(
      await screen.findByText('Resposta salva. Ela chega ao cliente na próxima sincronização.'),
    ).toBeInTheDocument();
    const stored = (await database.collections.tickets!.findOne(BREACHED.id).exec())!.toJSON() as Ticket;
    expect(stored.messages.at(-1)).toMatchObject({
      senderType: 'support',
      senderId: '0190a8e4-0000-7000-8000-000000000001',
      senderName: 'Maria Santos',
      body: 'Já estamos verificando o relatório.',
      createdAt: NOW.toISOString(),
    });
    expect(stored).toMatchObject({ status: 'in_progress', firstResponseAt: NOW.toISOString() });

    await user.click(screen.getByRole('button', { name: 'Assumir' }));
    expect(await screen.findByText('Responsável: você')).toBeInTheDocument();

    const notes = screen.getByRole('region', { name: /Notas internas/ });
    await user.type(within(notes).getByLabelText('Nova nota interna'), 'Cliente ligou irritado; priorizar.');
    await user.click(within(notes).getByRole('button', { name: 'Salvar nota interna' }));
    expect(await within(notes).findByText('Cliente ligou irritado; priorizar.')).toBeInTheDocument();
    expect(within(notes).getByText('aguardando sincronização')).toBeInTheDocument();
    const [note] = (
      await database.collections.activities!.find({ selector: { ticketId: BREACHED.id } }).exec()
    ).map((d) => d.toJSON());
    expect(note).toMatchObject({
      type: 'note',
      customerId: BREACHED.customerId,
      performedByName: 'Maria Santos',
    });
    // The note lives apart from the ticket the client syncs.
    const after = (await database.collections.tickets!.findOne(BREACHED.id).exec())!.toJSON();
    expect(JSON.stringify(after)).not.toContain('priorizar');

    await user.click(screen.getByRole('button', { name: 'Aguardando cliente' }));
    expect(await screen.findByText('Status atualizado: Aguardando cliente.')).toBeInTheDocument();
    expect((await database.collections.tickets!.findOne(BREACHED.id).exec())!.get('status')).toBe(
      'waiting_client',
    );
  });

  it('answers a reschedule request: the meeting moves to the proposed time', async () => {
    const user = userEvent.setup();
    const { database } = await renderStaff('/atendimento/reunioes', { seed });
    const list = await screen.findByRole(
      'list',
      { name: 'Pedidos aguardando resposta, os mais antigos primeiro' },
      LOAD,
    );
    const item = within(list).getByRole('listitem');
    expect(within(item).getByText('Motivo: Viagem')).toBeInTheDocument();
    await user.type(within(item).getByLabelText('Mensagem ao cliente (opcional)'), 'Combinado!');
    await user.click(within(item).getByRole('button', { name: 'Aceitar novo horário' }));
    expect(await screen.findByText('Nenhum pedido aguardando resposta')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Respondidos recentemente' })).toBeInTheDocument();
    const stored = (await database.collections.meetings!.findOne(REQUESTED.id).exec())!.toJSON();
    expect(stored).toMatchObject({
      scheduledAt: '2026-11-26T18:30:00.000Z',
      status: 'rescheduled',
      clientRequest: null,
      requestAnswer: { outcome: 'accepted', message: 'Combinado!' },
    });
  });
});

describe("the client's device shows the answer", () => {
  it('on the account manager card', async () => {
    const answered = {
      ...REQUESTED,
      scheduledAt: '2026-11-26T18:30:00.000Z',
      status: 'rescheduled' as const,
      clientRequest: null,
      requestAnswer: {
        outcome: 'accepted' as const,
        requestType: 'reschedule' as const,
        requestedAt: ago(2 * HOUR),
        scheduledAt: '2026-11-26T18:30:00.000Z',
        message: 'Combinado!',
        answeredAt: ago(HOUR),
        answeredBy: '0190a8e4-0000-7000-8000-000000000001',
      },
    };
    await portal.renderPortal('/inicio', async (db) => {
      await db.collections.customers!.insert(customer());
      await db.collections.meetings!.insert(answered);
    });
    expect(
      await screen.findByText(/Pedido aceito: "Reunião mensal de resultados" remarcada para/, {}, LOAD),
    ).toHaveTextContent('Mensagem: Combinado!');
    await waitFor(() => expect(screen.queryByText(/Aguardando a confirmação/)).toBeNull());
  });
});
