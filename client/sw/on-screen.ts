/**
 * Whether a push's screen is already in front of the user (client/sw.ts `push`): a window of our origin that is
 * focused and visible shows the notification's path. Then the system notification is not shown — the screen
 * updates itself as the document syncs in, as a messaging app stays quiet about the chat you are reading. The
 * notification stays in the in-app inbox and the badge count, which are the record.
 *
 * Invariants:
 * - Only a focused, visible window counts: a chat left open in a background tab or a locked phone still gets
 *   its notification. Chromium requires a shown notification for a push only when no window of the origin is
 *   visible, which this condition implies.
 * - The window's path comes from the page (`currentPath`, the SCREEN_QUERY_MESSAGE round trip): the worker's
 *   `WindowClient.url` stays the address the window loaded while in-app routing moves on. A page that does not
 *   answer (still loading, an old version) counts as another screen: when unsure, notify.
 * - Paths compare without the query and hash (a list's filters do not make it another screen) and without a
 *   trailing slash; windows of another origin are never asked.
 */
export interface VisibleWindowLike {
  readonly url: string;
  readonly focused: boolean;
  readonly visibilityState: DocumentVisibilityState;
}

export async function isOnScreen<W extends VisibleWindowLike>(
  windows: readonly W[],
  origin: string,
  path: string,
  currentPath: (window: W) => Promise<string | null>,
): Promise<boolean> {
  const target = screenOf(path, origin);
  const inFront = windows.filter(
    (w) => w.focused && w.visibilityState === 'visible' && new URL(w.url).origin === origin,
  );
  const shown = await Promise.all(inFront.map((w) => currentPath(w).catch(() => null)));
  return shown.some((p) => p !== null && screenOf(p, origin) === target);
}

const screenOf = (path: string, origin: string) => new URL(path, origin).pathname.replace(/\/+$/, '') || '/';
