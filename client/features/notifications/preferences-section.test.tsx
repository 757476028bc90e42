// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultNotificationPreferences } from '../../../shared/domain/notifications/preferences.ts';
import {
  NOTIFICATION_PREFERENCES_DOC,
  NOTIFICATION_PREFERENCES_REJECTION_DOC,
  PENDING_NOTIFICATION_PREFERENCES_DOC,
} from '../../db/device-settings.ts';
import { portalRenderer } from '../../test/render-portal.tsx';

/** The notification preferences on `/ajustes`, over a real device database, offline (test/render-portal.tsx). */
const { renderPortal, removeDatabases } = portalRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});

const section = () => screen.findByRole('region', { name: 'Notificações' });

describe('notification preferences on the settings screen', () => {
  it("lists the client's nine types on three channels; an offline change is kept on the device, queued and marked", async () => {
    const user = userEvent.setup();
    const { database } = await renderPortal('/ajustes', async (db) => {
      await db.kv.set(NOTIFICATION_PREFERENCES_DOC, defaultNotificationPreferences('client'));
    });
    const prefs = await section();
    const rows = within(prefs).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Nova conversão',
      'Meta atingida',
      'Anomalia em campanha',
      'Novo lead qualificado',
      'Ticket respondido',
      'Mensagem da agência no chat',
      'Reunião em 1 hora',
      'Fatura vencendo',
      'Novo artigo',
    ]);
    const push = within(prefs).getByRole('checkbox', { name: 'Push: Novo artigo' });
    expect(push).toBeChecked();
    await user.click(push);
    await user.click(within(prefs).getByRole('checkbox', { name: 'E-mail: Novo artigo' }));
    await user.click(
      within(prefs).getByRole('checkbox', { name: 'Segurar as notificações push neste horário' }),
    );
    await user.click(within(prefs).getByRole('button', { name: 'Salvar preferências' }));
    expect(
      await within(prefs).findByText('Salvo neste aparelho. Será enviado quando a conexão voltar.'),
    ).toBeInTheDocument();
    expect(within(prefs).getByText('Alteração pendente de envio')).toBeInTheDocument();
    expect(await database.kv.get(PENDING_NOTIFICATION_PREFERENCES_DOC)).toMatchObject({
      types: { new_article: { push: false, inApp: true, email: false }, conversion: { push: true } },
      quietHours: { enabled: true, start: '22:00', end: '07:00' },
    });
    // What the screen shows is the queued change.
    expect(within(prefs).getByRole('checkbox', { name: 'Push: Novo artigo' })).not.toBeChecked();
    expect(within(prefs).getByLabelText('Das')).toBeEnabled();
  }, 60_000);

  it('refuses equal quiet-hour times in place, without queueing anything; shows a refusal by the server', async () => {
    const user = userEvent.setup();
    const { database } = await renderPortal('/ajustes', async (db) => {
      await db.kv.set(NOTIFICATION_PREFERENCES_DOC, {
        ...defaultNotificationPreferences('client'),
        quietHours: { enabled: true, start: '22:00', end: '07:00' },
      });
      await db.kv.set(NOTIFICATION_PREFERENCES_REJECTION_DOC, {
        message: 'Some notification types are not available to you.',
        fields: ['types.ticket_created'],
        update: {},
        at: '2026-11-21T11:00:00.000Z',
      });
    });
    const prefs = await section();
    expect(await within(prefs).findByRole('alert')).toHaveTextContent(
      'O servidor não aceitou a alteração das preferências.',
    );
    const end = within(prefs).getByLabelText('Até');
    await user.clear(end);
    await user.type(end, '22:00');
    await user.click(within(prefs).getByRole('button', { name: 'Salvar preferências' }));
    expect(await within(prefs).findByText('Confira os campos destacados.')).toBeInTheDocument();
    expect(within(prefs).getByLabelText('Até')).toHaveAccessibleDescription(
      'O início e o fim precisam ser diferentes.',
    );
    expect(await database.kv.get(PENDING_NOTIFICATION_PREFERENCES_DOC)).toBeUndefined();
  }, 60_000);
});
