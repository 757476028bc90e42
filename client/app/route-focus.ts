import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After an in-app navigation, move focus to the new page's `<h1>` (or `<main>`), so keyboard and screen-reader
 * users land on the new content instead of on a link that no longer exists.
 *
 * Only once the user has interacted with the page: the redirects of a fresh load (`/` → `/entrar`) keep the
 * browser's default focus, while a redirect the user caused (signing in) does move it.
 */
export function useRouteFocus(main: RefObject<HTMLElement | null>): void {
  const location = useLocation();
  const interacted = useRef(false);
  const target = `${location.pathname}${location.search}`;

  useEffect(() => {
    const mark = () => {
      interacted.current = true;
    };
    document.addEventListener('pointerdown', mark, { capture: true, once: true });
    document.addEventListener('keydown', mark, { capture: true, once: true });
    return () => {
      document.removeEventListener('pointerdown', mark, { capture: true });
      document.removeEventListener('keydown', mark, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (!interacted.current) return;
    const root = main.current;
    if (!root) return;
    // Let the new route's content commit first (redirects, lazy children).
    const frame = requestAnimationFrame(() => {
      const heading = root.querySelector<HTMLElement>('[data-page-heading]');
      (heading ?? root).focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [target, main]);
}
