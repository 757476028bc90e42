/// <reference lib="webworker" />
/**
 * Arco's service worker (docs/architecture.md §8), built by vite-plugin-pwa (`injectManifest`).
 *
 * - Precache the app shell; every navigation outside `/api/` gets `index.html`, so any route opens offline.
 * - Runtime cache only for static media: API data lives in RxDB, never in the SW cache.
 * - `push` shows the payload's notification (title, body, in-app path, tag) — unless a focused, visible window
 *   already shows its screen (sw/on-screen.ts: the chat being read) — and puts the unread count on the
 *   app badge where the browser supports it (a plain mark when the payload has no count); a click focuses an
 *   open window (or opens one) on an in-app, allow-listed route — never a foreign URL. Offline too: the
 *   window's document comes from the precache.
 * - Update flow is "prompt": a new version waits until the page asks for `SKIP_WAITING`.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { notificationTargetPath, parsePushPayload } from './sw/notification-target.ts';
import { SCREEN_QUERY_MESSAGE, type ScreenAnswer } from './sw/messages.ts';
import { isOnScreen } from './sw/on-screen.ts';
import { openInApp } from './sw/open-in-app.ts';

declare let self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//],
  }),
);

registerRoute(
  ({ request, url, sameOrigin }) =>
    sameOrigin &&
    !url.pathname.startsWith('/api/') &&
    ['image', 'font', 'audio', 'video'].includes(request.destination),
  new CacheFirst({
    cacheName: 'arco-static-media',
    plugins: [
      new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true }),
    ],
  }),
);

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('push', (event) => {
  const payload = parsePushPayload(event.data?.text() ?? null, { title: 'Arco' });
  const url = notificationTargetPath(payload.url, self.location.origin);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      await Promise.all([
        (await isOnScreen(windows, self.location.origin, url, askCurrentPath))
          ? undefined
          : self.registration.showNotification(payload.title, {
              body: payload.body,
              tag: payload.tag,
              icon: '/icons/icon-192.png',
              badge: '/icons/badge-96.png',
              lang: 'pt-BR',
              data: { url, notificationId: payload.notificationId },
            }),
        showOnAppBadge(payload.unread),
      ]);
    })(),
  );
});

/**
 * The in-app path a window shows, asked over a MessageChannel (client/app/service-worker-navigation.ts
 * answers). Null when it does not answer in time: a push is never held back by a page that is busy or stale.
 */
function askCurrentPath(window: WindowClient): Promise<string | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), SCREEN_QUERY_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<Partial<ScreenAnswer> | null>) => {
      clearTimeout(timer);
      resolve(typeof event.data?.path === 'string' ? event.data.path : null);
    };
    window.postMessage({ type: SCREEN_QUERY_MESSAGE }, [channel.port2]);
  });
}
const SCREEN_QUERY_TIMEOUT_MS = 500;

/** The Badging API where it exists (installed app): the count, or a plain mark when the payload has none. */
async function showOnAppBadge(unread: number | undefined): Promise<void> {
  // lib.webworker declares it everywhere; browsers without the Badging API do not have it.
  if (!('setAppBadge' in self.navigator)) return;
  try {
    await (unread === undefined ? self.navigator.setAppBadge() : self.navigator.setAppBadge(unread));
  } catch {
    // Not installed or not allowed: the notification itself is what matters.
  }
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  // Re-check: `data` was set by us, but the allow-list is cheap and this is the security boundary.
  const data = event.notification.data as { url?: unknown; notificationId?: unknown } | null;
  const target = notificationTargetPath(data?.url, self.location.origin);
  const notificationId = typeof data?.notificationId === 'string' ? data.notificationId : undefined;
  event.waitUntil(openInApp(self.clients, self.location.origin, target, notificationId));
});
