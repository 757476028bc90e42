import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session-context.tsx';
import { useShellNavigation } from '../platform/shell-navigation.tsx';
import { NAVIGATE_MESSAGE, SCREEN_QUERY_MESSAGE, type ScreenAnswer } from '../sw/messages.ts';

/**
 * Answers the service worker's "which screen?" (a push arriving while this window is in front: client/sw/on-screen.ts)
 * and routes in place when it says so (a notification click), keeping local databases open.
 * The SW already checked the URL against its allow-list; here we insist on a same-origin path and, for a
 * signed-in user, open the closest screen their role has (a notification about a screen this build does not
 * have yet opens the one above it, never "page not found").
 */
export function useServiceWorkerNavigation(): void {
  const navigate = useNavigate();
  const { user } = useSession();
  const { openablePath } = useShellNavigation();
  const role = user?.role ?? null;
  useEffect(() => {
    const container = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
    if (!container) return;
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; url?: unknown } | null;
      if (data?.type === SCREEN_QUERY_MESSAGE) {
        const answer: ScreenAnswer = { path: window.location.pathname };
        event.ports[0]?.postMessage(answer);
        return;
      }
      if (data?.type !== NAVIGATE_MESSAGE || typeof data.url !== 'string') return;
      if (!data.url.startsWith('/') || data.url.startsWith('//')) return;
      void navigate(role ? openablePath(data.url, role) : data.url);
    };
    container.addEventListener('message', onMessage);
    return () => container.removeEventListener('message', onMessage);
  }, [navigate, openablePath, role]);
}
