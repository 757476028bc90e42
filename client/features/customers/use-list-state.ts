import { useCallback, useState } from 'react';
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
 */
export function useListState(): readonly [ListState, (next: ListState) => void] {
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

  const { key, pathname, hash } = location;
  const update = useCallback(
    (next: ListState) => {
      setEntry({ key, state: next });
      const query = writeListParams(next, new URLSearchParams(window.location.search)).toString();
      window.history.replaceState(window.history.state, '', `${pathname}${query ? `?${query}` : ''}${hash}`);
    },
    [key, pathname, hash],
  );
  return [current.state, update] as const;
}
