import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * Delivers real `push` events to the page's service worker through CDP (headless Chromium has no push
 * service, so `pushManager.subscribe()` cannot work here; docs/architecture.md §11). Notifications must be granted.
 *
 * Keep the channel open until the notification has been observed: detaching the DevTools session right
 * after `deliverPushMessage` can drop a push that has not been dispatched yet.
 */
export interface PushChannel {
  push(payload: unknown): Promise<void>;
  close(): Promise<void>;
}

/**
 * Pushes and waits until a notification with the payload's `tag` is shown. If it is not shown within a few
 * seconds the push is delivered once more: CDP occasionally drops the first delivery to a worker (seen only
 * under Playwright's offline emulation, 2–3 in 10). The tag makes a second delivery replace, not duplicate,
 * so the assertions stay exact; a broken `push` handler still fails both.
 */
export async function pushAndWaitForNotification(
  channel: PushChannel,
  page: Page,
  payload: { readonly tag: string } & Record<string, unknown>,
): Promise<void> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    await channel.push(payload);
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      if ((await shownNotifications(page)).some((n) => n.tag === payload.tag)) return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`push ${payload.tag} never produced a notification`);
}

export async function openPushChannel(
  context: BrowserContext,
  page: Page,
  origin: string,
): Promise<PushChannel> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return {
    async push(payload) {
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin: `${origin}/`,
        registrationId: await registrationId,
        data: JSON.stringify(payload),
      });
    },
    close: () => cdp.detach(),
  };
}

export interface ShownNotification {
  readonly title: string;
  readonly body: string;
  readonly tag: string;
  readonly url: unknown;
}

/** The notifications the service worker is currently showing, as the page's registration reports them. */
export function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const list = await registration.getNotifications();
    return list.map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      url: (n.data as { url?: unknown } | null)?.url,
    }));
  });
}

/**
 * Clicks the first shown notification. There is no CDP method for that, so the event is dispatched inside the
 * service worker (verified in headless Chromium; docs/architecture.md §11): the real `notificationclick` handler runs.
 */
export async function clickFirstNotification(context: BrowserContext): Promise<void> {
  const [worker] = context.serviceWorkers();
  if (!worker) throw new Error('no service worker running');
  await worker.evaluate(async () => {
    // Runs inside the worker; typed loosely because this project's tools tsconfig has no WebWorker lib.
    const sw = self as unknown as {
      registration: ServiceWorkerRegistration;
      dispatchEvent(event: Event): boolean;
    };
    const NotificationEventCtor = (
      globalThis as unknown as {
        NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
      }
    ).NotificationEvent;
    const [notification] = await sw.registration.getNotifications();
    if (!notification) throw new Error('no notification to click');
    sw.dispatchEvent(new NotificationEventCtor('notificationclick', { notification }));
  });
}
