/**
 * What logout removes besides the databases (docs/architecture.md §6): runtime caches (the app shell precache stays, so
 * the installed app still opens) and the push subscription.
 */
export async function clearBrowserData(win: Window): Promise<void> {
  if ('caches' in win) {
    const names = await win.caches.keys();
    await Promise.all(
      names.filter((n) => !n.startsWith('workbox-precache')).map((n) => win.caches.delete(n)),
    );
  }
  const registration = await win.navigator.serviceWorker?.getRegistration();
  const subscription = await registration?.pushManager?.getSubscription();
  await subscription?.unsubscribe();
}
