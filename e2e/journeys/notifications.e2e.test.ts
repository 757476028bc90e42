import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  clickFirstNotification,
  openPushChannel,
  pushAndWaitForNotification,
  shownNotifications,
} from '../support/push.ts';
import { signInApi, type SyncDocument } from './support/api-client.ts';
import { captureAtWidths, signInThroughUi, waitForFirstSync, waitForPending } from './support/device.ts';
import { journeyEnvironment } from './support/journey-environment.ts';

/**
 * The notifications journey (issue 13) in headless Chromium against the real built app, the real server and
 * its demo data: the TechCorp client's bell shows the inbox's unread count from the server's data; an item
 * marked read offline reaches the server once the network is back; an item opens its real screen; a push
 * delivered to the service worker (CDP) shows a notification whose tap opens the ticket with the network off.
 * What the server holds is checked through its own API with a separate session — never through the UI alone.
 */
const env = journeyEnvironment();
const PHONE = { width: 360, height: 780 };
const CLIENT = 'cliente@techcorp.example';

const bell = (page: Page): Locator => page.getByRole('banner').getByRole('link', { name: /^Notificações/ });
const inboxList = (page: Page): Locator =>
  page.getByRole('list', { name: 'Notificações, mais recentes primeiro' });

const unreadOf = (docs: readonly SyncDocument[]) => docs.filter((n) => n.readAt === null);
const newestFirst = (docs: readonly SyncDocument[]) =>
  [...docs].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
const unreadLabel = (count: number) =>
  count === 0 ? 'Notificações' : `Notificações: ${count} ${count === 1 ? 'não lida' : 'não lidas'}`;

describe('notifications: bell, inbox offline, deep links, push', () => {
  it('the bell shows the demo unread count; an item read offline reaches the server; an item and a push tap (offline) open the ticket', async () => {
    const origin = env.server().origin;
    const api = await signInApi(origin, CLIENT);
    const inbox = await api.pullAll('notifications');
    const unread = unreadOf(inbox);
    // TechCorp's demo inbox (server/seed/people.ts): a sale, a goal, ticket #2847, a campaign, an invoice…
    expect(unread.length).toBeGreaterThanOrEqual(4);
    const tickets = await api.pullAll('tickets');
    const t2847 = tickets.find((t) => t.number === 2847)!;
    const t2853 = tickets.find((t) => t.number === 2853)!;

    const browser = await env.launch(PHONE);
    const { context } = browser;
    await context.grantPermissions(['notifications'], { origin });
    const page = await signInThroughUi(context, origin, CLIENT, '/inicio');
    await waitForFirstSync(page);

    // The bell: the server's unread count, from the device database.
    await bell(page)
      .and(page.getByRole('link', { name: unreadLabel(unread.length), exact: true }))
      .waitFor();
    expect(await bell(page).textContent()).toBe(String(unread.length));
    await bell(page).click();
    await page.getByRole('heading', { level: 1, name: 'Notificações' }).waitFor();
    await inboxList(page).waitFor();
    const titles = await inboxList(page).getByRole('listitem').locator('a > :first-child').allTextContents();
    expect(titles).toEqual(newestFirst(inbox).map((n) => n.title));
    // The push offer waits for a tap: nothing was asked on load.
    await page.getByRole('heading', { level: 2, name: 'Receber avisos neste aparelho?' }).waitFor();
    await captureAtWidths(page, 'notifications-inbox');

    // Offline: mark the newest unread item read on the device.
    const first = newestFirst(unread)[0]!;
    await context.setOffline(true);
    // The button's name is its text and, hidden, the item's title (Chromium puts a space before the colon).
    await inboxList(page)
      .getByRole('listitem')
      .filter({ hasText: String(first.title) })
      .getByRole('button', { name: /^Marcar como lida/ })
      .click();
    await page.getByRole('link', { name: unreadLabel(unread.length - 1), exact: true }).waitFor();
    await waitForPending(page, 1);
    expect((await api.find('notifications', first.id))?.readAt).toBeNull();

    // Back online: the read flag replicates to the server.
    await context.setOffline(false);
    await expect
      .poll(async () => (await api.find('notifications', first.id))?.readAt ?? null, {
        timeout: 30_000,
        interval: 250,
      })
      .not.toBeNull();
    await waitForPending(page, 0);

    // An item opens its real screen (and reads it): ticket #2847's conversation.
    const ticketItem = inboxList(page).getByRole('link', { name: /Ticket #2847/ });
    expect(await ticketItem.getAttribute('href')).toBe(`/inicio/tickets/${t2847.id}`);
    await ticketItem.click();
    await page.waitForURL(`${origin}/inicio/tickets/${t2847.id}`);
    await page.getByRole('heading', { level: 1, name: String(t2847.subject) }).waitFor();
    expect(await page.getByRole('heading', { name: 'Página não encontrada' }).count()).toBe(0);

    // A push delivered to the service worker while the network is off; its tap opens the ticket.
    await page.goto(`${origin}/notificacoes`);
    await inboxList(page).waitFor();
    const channel = await openPushChannel(context, page, origin);
    await context.setOffline(true);
    const payload = {
      title: 'Ticket #2853 respondido',
      body: 'Dúvida sobre relatório: a equipe respondeu.',
      path: `/inicio/tickets/${t2853.id}`,
      tag: `ticket-${t2853.id}`,
    };
    await pushAndWaitForNotification(channel, page, payload);
    expect(await shownNotifications(page)).toEqual([
      { title: payload.title, body: payload.body, tag: payload.tag, url: payload.path },
    ]);
    await clickFirstNotification(context);
    await page.waitForURL(`${origin}/inicio/tickets/${t2853.id}`);
    await page.getByRole('heading', { level: 1, name: String(t2853.subject) }).waitFor();
    expect(await page.getByTestId('sync-indicator').getAttribute('data-connectivity')).toBe('offline');
    expect(await shownNotifications(page)).toEqual([]);
    await channel.close();
  }, 240_000);
});
