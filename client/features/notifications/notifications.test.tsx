// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { notificationSchema } from '../../../shared/entities/support.ts';
import { NOW } from '../../test/portal-fixtures.ts';
import { portalRenderer } from '../../test/render-portal.tsx';
import { memoryStore } from '../../platform/key-value-store.ts';
import type { PushPermission, PushPlatform } from '../../platform/push.ts';
import { PUSH_DECLINED_KEY } from './push-subscription.ts';
import { techCorpInbox, TICKET_ID } from './test-fixtures.ts';

/** The bell and the inbox in the real app over a real device database, offline (test/render-portal.tsx). */
const { renderPortal, removeDatabases } = portalRenderer();
afterEach(async () => {
  cleanup();
  await removeDatabases();
});

const readAtOf = async (
  database: Awaited<ReturnType<typeof renderPortal>>['database'],
  id: string,
): Promise<string | null> =>
  notificationSchema.parse((await database.collections.notifications!.findOne(id).exec())!.toJSON()).readAt;

describe('notifications (offline, device database)', () => {
  it('the header bell shows the unread count and opens the inbox, newest first', async () => {
    const user = userEvent.setup();
    await renderPortal('/inicio', async (db) => {
      await db.collections.notifications!.bulkInsert(techCorpInbox());
    });
    const bell = await screen.findByRole('link', { name: 'Notificações: 3 não lidas' });
    // In the shell's top bar, beside the sync status (not a page's own header).
    expect(bell.closest('header')).toContainElement(screen.getByTestId('sync-indicator'));
    expect(bell).toHaveTextContent('3');

    await user.click(bell);
    await screen.findByRole('heading', { level: 1, name: 'Notificações' });
    const list = await screen.findByRole('list', { name: 'Notificações, mais recentes primeiro' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('link').firstElementChild?.textContent)).toEqual([
      'Nova conversão',
      'Ticket #2847 resolvido',
      'Retargeting precisa de atenção',
      'Novo lead qualificado: Carlos Mendes',
    ]);
    expect(within(items[0]!).getByText('Não lida')).toBeInTheDocument();
    expect(within(items[3]!).queryByText('Não lida')).not.toBeInTheDocument();
    expect(screen.getByTestId('inbox-unread')).toHaveTextContent('3 não lidas');
  }, 60_000);

  it('marks one item and then all read on the device; the bell follows', async () => {
    const user = userEvent.setup();
    const inbox = techCorpInbox();
    const { database } = await renderPortal('/notificacoes', async (db) => {
      await db.collections.notifications!.bulkInsert(inbox);
    });
    await screen.findByRole('list', { name: 'Notificações, mais recentes primeiro' });
    await user.click(
      screen.getByRole('button', { name: 'Marcar como lida: Retargeting precisa de atenção' }),
    );
    await screen.findByRole('link', { name: 'Notificações: 2 não lidas' });
    expect(await readAtOf(database, inbox[2]!.id)).toBe(NOW.toISOString());
    expect(await readAtOf(database, inbox[0]!.id)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Marcar todas como lidas' }));
    await screen.findByText('Todas marcadas como lidas neste aparelho.');
    await screen.findByRole('link', { name: 'Notificações' });
    expect(screen.getByTestId('inbox-unread')).toHaveTextContent('Tudo lido.');
    for (const n of inbox) expect(await readAtOf(database, n.id)).not.toBeNull();
    // The item read yesterday keeps its first reading time.
    expect(await readAtOf(database, inbox[3]!.id)).toBe(inbox[3]!.readAt);
    expect(screen.getByRole('button', { name: 'Marcar todas como lidas' })).toBeDisabled();
  }, 60_000);

  it('each item opens an existing screen and reads it: its own, or the closest one above it', async () => {
    const user = userEvent.setup();
    const inbox = techCorpInbox();
    const { database, router } = await renderPortal('/notificacoes', async (db) => {
      await db.collections.notifications!.bulkInsert(inbox);
    });
    const list = await screen.findByRole('list', { name: 'Notificações, mais recentes primeiro' });
    const link = (title: string) => within(list).getByRole('link', { name: new RegExp(title) });
    expect(link('Ticket #2847')).toHaveAttribute('href', `/inicio/tickets/${TICKET_ID}`);
    // Screens that are not routes of this build fall back to the portal's home, never "page not found".
    // (Screens other features add later open as themselves: the link is the item's own url then.)
    for (const [title, n] of [
      ['Nova conversão', inbox[0]!],
      ['Retargeting', inbox[2]!],
      ['Carlos Mendes', inbox[3]!],
    ] as const) {
      expect([n.url, '/inicio', '/inicio/leads']).toContain(link(title).getAttribute('href'));
    }
    await user.click(link('Ticket #2847'));
    expect(router.state.location.pathname).toBe(`/inicio/tickets/${TICKET_ID}`);
    expect(await readAtOf(database, inbox[1]!.id)).toBe(NOW.toISOString());
    expect(screen.queryByRole('heading', { name: 'Página não encontrada' })).not.toBeInTheDocument();
  }, 60_000);

  it('offers pushes from the inbox only after a tap, remembers "not now" and explains a blocked browser', async () => {
    const user = userEvent.setup();
    const store = memoryStore();
    const prompts: string[] = [];
    let permission: PushPermission = 'default';
    const push: PushPlatform = {
      permission: () => permission,
      requestPermission: async () => {
        prompts.push('prompt');
        permission = 'denied';
        return permission;
      },
      currentSubscription: async () => null,
      subscribe: () => Promise.reject(new Error('not reached')),
    };
    await renderPortal('/notificacoes', async () => {}, { push, store });
    await screen.findByRole('heading', { level: 2, name: 'Receber avisos neste aparelho?' });
    expect(prompts).toEqual([]); // never on load
    await user.click(screen.getByRole('button', { name: 'Ativar notificações' }));
    await screen.findByRole('heading', { level: 2, name: 'Notificações bloqueadas neste navegador' });
    expect(prompts).toEqual(['prompt']);
    expect(store.getItem(PUSH_DECLINED_KEY)).toBe('denied');
    await user.click(screen.getByRole('button', { name: 'Entendi' }));
    expect(screen.queryByRole('heading', { name: /Notificações bloqueadas/ })).not.toBeInTheDocument();
    cleanup();

    // Another visit: the refusal is remembered, the inbox no longer asks.
    permission = 'default';
    await renderPortal('/notificacoes', async () => {}, { push, store });
    await screen.findByRole('heading', { level: 2, name: 'Nenhuma notificação' });
    expect(screen.queryByRole('button', { name: 'Ativar notificações' })).not.toBeInTheDocument();
  }, 60_000);

  it('"not now" hides the offer; offline, turning on says so in place', async () => {
    const user = userEvent.setup();
    const store = memoryStore();
    const push: PushPlatform = {
      permission: () => 'granted',
      requestPermission: async () => 'granted',
      currentSubscription: async () => null,
      subscribe: () => Promise.reject(new Error('not reached')),
    };
    await renderPortal('/notificacoes', async () => {}, { push, store });
    await user.click(await screen.findByRole('button', { name: 'Ativar notificações' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Sem conexão. Ative as notificações quando estiver online.',
    );
    await user.click(screen.getByRole('button', { name: 'Agora não' }));
    expect(screen.queryByRole('button', { name: 'Ativar notificações' })).not.toBeInTheDocument();
    expect(store.getItem(PUSH_DECLINED_KEY)).toBe('not-now');
  }, 60_000);

  it('an empty inbox says what will appear; no push offer where the browser has no push', async () => {
    await renderPortal('/notificacoes');
    await screen.findByRole('heading', { level: 2, name: 'Nenhuma notificação' });
    expect(screen.queryByRole('button', { name: 'Ativar notificações' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Notificações' })).toBeInTheDocument();
  }, 60_000);
});
