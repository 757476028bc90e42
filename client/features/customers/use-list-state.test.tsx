// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUERY_URL_DELAY_MS, useListState } from './use-list-state.ts';

/** The address the list writes (window.history, beside the router's own location). */
describe('useListState: the list state in the address', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/clientes');
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={['/clientes']}>{children}</MemoryRouter>
  );
  const typed = (query: string) => (s: ReturnType<typeof useListState>[0]) => ({
    ...s,
    filters: { ...s.filters, query },
  });

  it('writes a search once typing pauses, a pending one before any click, a sort at once', async () => {
    const { result } = renderHook(() => useListState(), { wrapper });
    await act(() => result.current[1](typed('te')));
    await act(() => result.current[1](typed('tech')));
    expect(result.current[0].filters.query).toBe('tech'); // the list follows every key
    expect(window.location.search).toBe('');
    await act(() => vi.advanceTimersByTime(QUERY_URL_DELAY_MS));
    expect(window.location.search).toBe('?busca=tech');

    await act(() => result.current[1](typed('techcorp')));
    await act(() => document.body.click()); // e.g. a row's link, before it navigates
    expect(window.location.search).toBe('?busca=techcorp');

    await act(() => result.current[1]((s) => ({ ...s, sort: { key: 'mrr', direction: 'desc' } })));
    expect(window.location.search).toBe('?busca=techcorp&ordem=mrr');
    await act(() => result.current[1]((s) => ({ ...s, filters: { ...s.filters, mine: true } })));
    expect(window.location.search).toBe('?busca=techcorp&carteira=minha&ordem=mrr');
  });

  it('drops a pending search when the list unmounts (the address is the next page’s)', async () => {
    const { result, unmount } = renderHook(() => useListState(), { wrapper });
    await act(() => result.current[1](typed('agencia')));
    unmount();
    window.history.replaceState(null, '', '/clientes/c1');
    vi.advanceTimersByTime(QUERY_URL_DELAY_MS * 2);
    expect(window.location.pathname + window.location.search).toBe('/clientes/c1');
  });
});
