// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { meetingSchema } from '../../../shared/entities/support.ts';
import type { DeviceDatabase } from '../../db/database.ts';
import { CSM_ID, customer, meeting, NOW, techCorpTickets } from '../../test/portal-fixtures.ts';
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
});
