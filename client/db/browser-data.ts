/**
 * What logout removes besides what RxDB deleted (docs/architecture.md §6): whatever IndexedDB still holds under
 * the user's database name, runtime caches (the app shell precache stays, so the installed app still opens) and
 * the push subscription.
 *
 * The databases are deleted here by name too because RxDB's own removal is not enough on its own: the logout
 * answer's `Clear-Site-Data` tears the open connections down under it, and a removal racing that (or one that
 * gave up, client/db/device-session.ts) can leave every collection's database behind. Dexie names them
 * `rxdb-dexie-<database>--<version>--<collection>`.
 */
export async function clearBrowserData(win: Window, databaseName: string): Promise<void> {
  const prefix = `rxdb-dexie-${databaseName}--`;
  const stored = (await win.indexedDB.databases?.()) ?? [];
  await Promise.all(
    stored
      .map((d) => d.name ?? '')
      .filter((name) => name.startsWith(prefix))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = win.indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = () => resolve();
            // A connection still open (Dexie closes its own on "versionchange") delays the delete; it still
            // happens when that connection closes, so the sign-out does not wait for it for long.
            win.setTimeout(resolve, 3_000);
          }),
      ),
  );
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
