import { NAVIGATE_MESSAGE, type NavigateMessage } from './messages.ts';

/**
 * What a notification tap does (client/sw.ts `notificationclick`): an open Arco window is routed in place and
 * focused, else a new window opens on the path — offline too, the app shell being precached. Windows of another
 * origin are never touched. The worker's `clients` is injected so the decision runs in unit tests.
 */
export interface WindowClientLike {
  readonly url: string;
  readonly focused: boolean;
  postMessage(message: NavigateMessage): void;
  focus(): Promise<unknown>;
}

export interface ClientsLike {
  matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClientLike[]>;
  openWindow(url: string): Promise<unknown>;
}

export async function openInApp(
  clients: ClientsLike,
  origin: string,
  path: string,
  notificationId: string | undefined,
): Promise<void> {
  const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  const ours = windows.filter((w) => new URL(w.url).origin === origin);
  const existing = ours.find((w) => w.focused) ?? ours[0];
  if (!existing) {
    await clients.openWindow(path);
    return;
  }
  // Route first: focusing can be refused (no user activation), and that must not strand the click.
  // The page routes in place (client/app/service-worker-navigation.ts): no reload, local databases stay open;
  // it also marks the inbox item read (client/features/notifications/use-inbox.ts).
  existing.postMessage({ type: NAVIGATE_MESSAGE, url: path, notificationId });
  await existing.focus().catch(() => undefined);
}
