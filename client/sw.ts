/// <reference lib="webworker" />
/**
 * Arco's service worker (docs/architecture.md §8), built by vite-plugin-pwa (`injectManifest`).
 *
 * - Precache the app shell; every navigation outside `/api/` gets `index.html`, so any route opens offline.
 * - Runtime cache only for static media: API data lives in RxDB, never in the SW cache.
 * - `push` shows the payload's notification (title, body, in-app path, tag) and puts the unread count on the
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
    Promise.all([
      self.registration.showNotification(payload.title, {
        body: payload.body,
        tag: payload.tag,
        icon: '/icons/icon-192.png',
        badge: '/icons/badge-96.png',
        lang: 'pt-BR',
        data: { url, notificationId: payload.notificationId },
      }),
      showOnAppBadge(payload.unread),
    ]),
  );
});

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
