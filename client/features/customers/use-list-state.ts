import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { parseListParams, writeListParams, type ListState } from './list-params.ts';

/**
 * The list's search, filters and sort, mirrored in the URL query (bookmarkable; `/clientes?saude=risco` opens
 * the at-risk list).
 *
 * Why not `setSearchParams`: a router navigation per keystroke or filter change makes the shell treat it as a
 * new page — client/app/route-focus.ts moves focus to the `<h1>` on every pathname+search change, which
 * would pull the caret out of the search box. So the list updates the address with `history.replaceState`
 * (no history entry, no focus move, no scroll reset), and a real navigation — a nav tab, the manifest
 * shortcut, back/forward — still resets the state from its URL (keyed by `location.key`).
 * If route-focus learns to skip same-page updates, this can become `setSearchParams(…, { replace: true })`.
 *
 * Typing writes the address once the typing pauses (`QUERY_URL_DELAY_MS`), not per key: `replaceState` costs a
 * few milliseconds of main thread each time (a profile of 10,000 customers at load ≈ 19 put it at 6–11 ms a
 * key, the largest single cost of a keystroke — issue 16 item 4), and Chromium ignores it past ~200 calls in
 * 10 s. A sort or filter change (one click) is written at once. Invariants: the address never lags the list by
 * more than the delay while the list is open; a click anywhere (a row's link, a nav tab) writes a pending
 * address first, so the history entry being left holds the search as typed; a pending write is dropped,
 * never applied, once the list unmounts (it would overwrite the next page's address).
 */
export const QUERY_URL_DELAY_MS = 300;

type ListStateUpdate = ListState | ((current: ListState) => ListState);

export function useListState(): readonly [ListState, (next: ListStateUpdate) => void] {
  const location = useLocation();
  const [entry, setEntry] = useState(() => ({
    key: location.key,
    state: parseListParams(new URLSearchParams(location.search)),
  }));
  let current = entry;
  if (entry.key !== location.key) {
    // Adjusting state while rendering (React's documented pattern for state derived from a changed input).
    current = { key: location.key, state: parseListParams(new URLSearchParams(location.search)) };
    setEntry(current);
  }

  // The state as last rendered, for functional updates: a discrete event (a key, a click) is rendered and its
  // layout effects run before the next one is dispatched, so this is never behind what the user saw.
  const latest = useRef(current.state);
  useLayoutEffect(() => {
    latest.current = current.state;
  });

  const { key, pathname, hash } = location;
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; write: () => void } | null>(null);
  const flush = useCallback(() => {
    const write = pending.current;
    if (!write) return;
    clearTimeout(write.timer);
    pending.current = null;
    write.write();
  }, []);

  useEffect(() => {
    // Capture phase: before a link's own handler pushes the next history entry.
    document.addEventListener('click', flush, true);
    return () => {
      document.removeEventListener('click', flush, true);
      // Unmounted: the app is elsewhere (back/forward, a navigation without a click), the address is no longer
      // the list's to write.
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = null;
    };
  }, [flush]);

  const update = useCallback(
    (change: ListStateUpdate) => {
      const previous = latest.current;
      const next = typeof change === 'function' ? change(previous) : change;
      latest.current = next;
      setEntry({ key, state: next });
      const write = () => {
        const query = writeListParams(next, new URLSearchParams(window.location.search)).toString();
        window.history.replaceState(
          window.history.state,
          '',
          `${pathname}${query ? `?${query}` : ''}${hash}`,
        );
      };
      if (pending.current) clearTimeout(pending.current.timer);
      const onlyQuery = next.sort === previous.sort && sameExceptQuery(next, previous);
      if (!onlyQuery) {
        pending.current = null;
        write();
        return;
      }
      pending.current = {
        timer: setTimeout(() => {
          pending.current = null;
          write();
        }, QUERY_URL_DELAY_MS),
        write,
      };
    },
    [key, pathname, hash],
  );
  return [current.state, update] as const;
}

function sameExceptQuery(a: ListState, b: ListState): boolean {
  const { query: _a, ...restA } = a.filters;
  const { query: _b, ...restB } = b.filters;
  return (Object.keys(restA) as (keyof typeof restA)[]).every((k) => restA[k] === restB[k]);
}
