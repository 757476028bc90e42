import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  clickFirstNotification,
  openPushChannel,
  pushAndWaitForNotification,
  shownNotifications,
} from '../support/push.ts';
import { signInApi, type SyncDocument } from './support/api-client.ts';
import { seriousAxeViolations } from './support/axe.ts';
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
    expect(await seriousAxeViolations(page)).toEqual([]);
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
    // The push names an inbox item still unread (the shape of docs/api.md "Push message"): the tap reads it.
    // (Not the one just marked, nor #2847's, which opening it read on the device.)
    const about = unreadOf(await api.pullAll('notifications')).find(
      (n) => n.id !== first.id && !String(n.url).includes(String(t2847.id)),
    )!;
    const before = Number(await bell(page).textContent());
    const payload = {
      notificationId: about.id,
      type: 'ticket_answered',
      title: 'Ticket #2853 respondido',
      body: 'Dúvida sobre relatório: a equipe respondeu.',
      path: `/inicio/tickets/${t2853.id}`,
      tag: 'ticket-answered-2853',
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
    await page.getByRole('link', { name: unreadLabel(before - 1), exact: true }).waitFor();

    // A push about the screen already in front of the user (focused, visible) is not shown — that screen
    // updates as the document syncs in — while one about another screen is. Online: CDP's rare dropped
    // delivery was seen only under offline emulation, and a dropped push here would pass unnoticed.
    await context.setOffline(false);
    const onScreen = { ...payload, tag: 'on-screen', path: `/inicio/tickets/${t2853.id}` };
    expect(await page.evaluate(() => document.hasFocus() && document.visibilityState)).toBe('visible');
    await channel.push(onScreen);
    const elsewhere = { ...payload, tag: 'elsewhere', path: `/inicio/tickets/${t2847.id}` };
    await pushAndWaitForNotification(channel, page, elsewhere);
    await page.waitForTimeout(500);
    expect((await shownNotifications(page)).map((n) => n.tag)).toEqual(['elsewhere']);

    await channel.close();
  }, 240_000);

  it('preferences: saved on the server, read back after a reload; an offline change is queued and sent when back online', async () => {
    const origin = env.server().origin;
    const api = await signInApi(origin, CLIENT);
    const serverPreferences = async () =>
      (await api.get('/api/me/notification-preferences')) as {
        types: Record<string, { push: boolean; inApp: boolean; email: boolean }>;
        quietHours: { enabled: boolean; start: string; end: string };
      };
    expect((await serverPreferences()).types.new_article).toEqual({ push: true, inApp: true, email: true });

    const browser = await env.launch(PHONE);
    const { context } = browser;
    const page = await signInThroughUi(context, origin, CLIENT, '/inicio');
    await waitForFirstSync(page);
    await page.goto(`${origin}/ajustes`);
    const prefs = page.getByRole('region', { name: 'Notificações' });
    await prefs.waitFor();

    // Online: mute new articles' push and e-mail, quiet hours 21:30–07:00.
    await prefs.getByRole('checkbox', { name: 'Push: Novo artigo' }).uncheck();
    await prefs.getByRole('checkbox', { name: 'E-mail: Novo artigo' }).uncheck();
    await prefs.getByRole('checkbox', { name: 'Segurar as notificações push neste horário' }).check();
    await prefs.getByLabel('Das').fill('21:30');
    await prefs.getByRole('button', { name: 'Salvar preferências' }).click();
    await prefs.getByText('Preferências salvas.').waitFor();
    const saved = await serverPreferences();
    expect(saved.types.new_article).toEqual({ push: false, inApp: true, email: false });
    expect(saved.types.ticket_answered).toEqual({ push: true, inApp: true, email: true });
    expect(saved.quietHours).toEqual({ enabled: true, start: '21:30', end: '07:00' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await captureAtWidths(page, 'notifications-preferences', { scrollTo: prefs.getByRole('table') });

    // A reload reads them back (from the device, refreshed from the server).
    await page.reload();
    await prefs.waitFor();
    expect(await prefs.getByRole('checkbox', { name: 'Push: Novo artigo' }).isChecked()).toBe(false);
    expect(await prefs.getByRole('checkbox', { name: 'No app: Novo artigo' }).isChecked()).toBe(true);
    expect(await prefs.getByLabel('Das').inputValue()).toBe('21:30');

    // Offline: the change is kept on the device, marked pending, and reaches the server once back online.
    await context.setOffline(true);
    await prefs.getByRole('checkbox', { name: 'Push: Ticket respondido' }).uncheck();
    await prefs.getByRole('button', { name: 'Salvar preferências' }).click();
    await prefs.getByText('Salvo neste aparelho. Será enviado quando a conexão voltar.').waitFor();
    await prefs.getByText('Alteração pendente de envio').waitFor();
    expect((await serverPreferences()).types.ticket_answered?.push).toBe(true);
    await context.setOffline(false);
    await expect
      .poll(async () => (await serverPreferences()).types.ticket_answered?.push, {
        timeout: 30_000,
        interval: 250,
      })
      .toBe(false);
    await prefs.getByText('Alteração pendente de envio').waitFor({ state: 'detached', timeout: 15_000 });
  }, 240_000);
});
