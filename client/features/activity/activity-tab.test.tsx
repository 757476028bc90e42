// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceDatabase } from '../../db/database.ts';
import { findHeading, LOAD_TIMEOUT, outboxIds, renderOverDevice } from '../../test/render-device.tsx';
import { activity, RH_CALL, TECHCORP, TECHCORP_ID } from '../contracts/test-fixtures.ts';
import { ActivityTab } from './activity-tab.tsx';

/**
 * The Activity tab over a real RxDB device database, offline: the timeline from the `activities` collection,
 * filters and paging, and the quick log writing a new activity the outbox holds for the server.
 */
const opened: DeviceDatabase[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(opened.splice(0).map((d) => d.remove()));
});

function TabRoute() {
  const { id = '' } = useParams();
  return <ActivityTab customer={{ id }} />;
}

const NEWSLETTER = activity(
  2,
  'email',
  '2026-11-16T13:00:00.000Z',
  'Email enviado: Newsletter mensal',
  'Newsletter mensal com novidades da plataforma.',
  { direction: 'outbound', bulk: true },
);
const TICKET = activity(3, 'support_ticket', '2026-11-14T13:00:00.000Z', 'Ticket #2847 resolvido', null, {
  rating: 4.8,
});
/** 25 older notes, so the timeline has more than one page. */
const NOTES = Array.from({ length: 25 }, (_, i) =>
  activity(10 + i, 'note', `2026-10-${String(i + 1).padStart(2, '0')}T13:00:00.000Z`, `Nota ${i + 1}`),
);

async function setup() {
  const view = await renderOverDevice({
    path: `/clientes/${TECHCORP_ID}/atividades`,
    opened,
    customers: [TECHCORP],
    activities: [RH_CALL, NEWSLETTER, TICKET, ...NOTES],
    routes: [{ path: 'clientes/:id/atividades', element: <TabRoute /> }],
  });
  await findHeading('Linha do tempo');
  const list = await screen.findByRole(
    'list',
    { name: 'Linha do tempo, mais recentes primeiro' },
    LOAD_TIMEOUT,
  );
  return { ...view, list };
}

const titles = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('p')!.textContent);

describe('Activity tab (device database, offline)', () => {
  it('shows the timeline newest first, filters by type and loads more', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    const { list } = await setup();
    expect(titles(list).slice(0, 3)).toEqual([
      'Ligação com João Silva (CEO)',
      'Email enviado: Newsletter mensal',
      'Ticket #2847 resolvido',
    ]);
    const call = within(within(list).getAllByRole('listitem')[0]!);
    expect(call.getByText('Ligação')).toBeInTheDocument();
    expect(
      call.getByText('Muito satisfeitos com a plataforma, discutimos expansão para RH.'),
    ).toBeInTheDocument();
    expect(call.getByText(/^Maria Santos · /)).toBeInTheDocument();
    expect(call.getByText(/30 min/)).toBeInTheDocument();
    expect(within(list).getByText(/Avaliação 4,8\/5/)).toBeInTheDocument();
    expect(within(list).queryByText('aguardando sincronização')).toBeNull();

    // Paging: 20 of 28, then the rest.
    expect(titles(list)).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: 'Carregar mais' }));
    await waitFor(() => expect(titles(list)).toHaveLength(28));
    expect(screen.queryByRole('button', { name: 'Carregar mais' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Ligações' }));
    await waitFor(() => expect(titles(list)).toEqual(['Ligação com João Silva (CEO)']));
    await user.click(screen.getByRole('radio', { name: 'Tickets' }));
    await waitFor(() => expect(titles(list)).toEqual(['Ticket #2847 resolvido']));
    await user.click(screen.getByRole('radio', { name: 'Reuniões' }));
    expect(await screen.findByRole('heading', { name: 'Nenhuma atividade deste tipo' })).toBeInTheDocument();
  });

  it(
    'logs a call and an NPS answer offline in at most three taps, each pending until synced',
    { timeout: 30_000 },
    async () => {
      const user = userEvent.setup();
      const { database, list } = await setup();
      const log = within(screen.getByRole('region', { name: 'Registrar atividade' }));
      expect(log.getByRole('radio', { name: 'Ligação' })).toBeChecked();

      // A call: type (already chosen) → text → save.
      await user.type(log.getByLabelText('O que aconteceu? (opcional)'), 'Retorno sobre a proposta de RH');
      await user.click(log.getByRole('button', { name: 'Registrar' }));
      expect(
        await log.findByText('Registrado neste aparelho: Ligação. Será enviado quando a conexão voltar.'),
      ).toBeInTheDocument();
      await waitFor(() => expect(titles(list)[0]).toBe('Retorno sobre a proposta de RH'), LOAD_TIMEOUT);
      const first = within(within(list).getAllByRole('listitem')[0]!);
      expect(first.getByText('aguardando sincronização')).toBeInTheDocument();
      expect(log.getByLabelText('O que aconteceu? (opcional)')).toHaveValue('');

      // NPS: type → score → save (three taps); without a score it says what is missing.
      await user.click(log.getByRole('radio', { name: 'NPS' }));
      await user.click(log.getByRole('button', { name: 'Registrar' }));
      expect(await log.findByRole('alert')).toHaveTextContent('Escolha a nota de 0 a 10.');
      await user.click(
        within(log.getByRole('group', { name: 'Nota NPS' })).getByRole('radio', { name: '9' }),
      );
      await user.click(log.getByRole('button', { name: 'Registrar' }));
      await waitFor(() => expect(titles(list)[0]).toBe('Resposta NPS'), LOAD_TIMEOUT);
      expect(within(within(list).getAllByRole('listitem')[0]!).getByText(/Nota 9/)).toBeInTheDocument();

      const logged = await database.collections
        .activities!.find({ selector: { serverSeq: 0 }, sort: [{ occurredAt: 'desc' }, { id: 'desc' }] })
        .exec();
      expect(logged.map((d) => [d.type, d.title, d.metadata, d.performedByName, d.customerId])).toEqual([
        ['nps_response', 'Resposta NPS', { npsScore: 9 }, 'Maria Santos', TECHCORP_ID],
        ['call', 'Retorno sobre a proposta de RH', {}, 'Maria Santos', TECHCORP_ID],
      ]);
      expect((await outboxIds(database, 'activities')).sort()).toEqual(logged.map((d) => d.id).sort());
    },
  );
});
