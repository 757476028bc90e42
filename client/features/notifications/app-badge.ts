import { useEffect } from 'react';

/**
 * The installed app's icon badge (Badging API) shows the unread count where the browser supports it; a
 * browser without it (or refusing, e.g. not installed) just has no badge — never an error on screen.
 */
export interface BadgeTarget {
  setAppBadge?(contents?: number): Promise<void>;
  clearAppBadge?(): Promise<void>;
}

export async function showUnreadOnBadge(target: BadgeTarget | undefined, count: number): Promise<void> {
  try {
    if (count > 0) await target?.setAppBadge?.(count);
    else await target?.clearAppBadge?.();
  } catch {
    // Not supported in this context (e.g. not installed, or the page lost focus): the bell still shows it.
  }
}

/** Keeps the app badge equal to `count` while mounted (the bell is mounted for every signed-in user). */
export function useAppBadge(count: number | null): void {
  useEffect(() => {
    if (count === null || typeof navigator === 'undefined') return;
    void showUnreadOnBadge(navigator, count);
  }, [count]);
  // Signed out (the bell goes away with the session): no count of someone else's inbox stays on the icon.
  useEffect(
    () => () => {
      if (typeof navigator !== 'undefined') void showUnreadOnBadge(navigator, 0);
    },
    [],
  );
}
