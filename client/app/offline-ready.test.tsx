// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo, useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, staffUser } from '../test/render-app.tsx';
import { OFFLINE_READY_VISIBLE_MS, OfflineReadyProvider } from './offline-ready.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** What service-worker-updates.tsx provides once the worker has cached the app. */
function ReadyWorker({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(true);
  const value = useMemo(() => ({ ready, dismiss: () => setReady(false) }), [ready]);
  return <OfflineReadyProvider value={value}>{children}</OfflineReadyProvider>;
}

const message = () => screen.queryByText('Pronto para uso offline');

describe('"pronto para uso offline"', () => {
  it('is a status line in the flow above the page, never a layer over it, and can be closed', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/', user: staffUser, online: false, frame: ReadyWorker });
    await screen.findByRole('heading', { level: 1, name: 'Clientes' });
    const line = message();
    expect(line).toBeInTheDocument();
    expect(line!.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    // Before <main> in the document (pushes the page down instead of covering it), outside the header.
    const main = screen.getByRole('main');
    expect(line!.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(main).not.toContainElement(line);
    expect(line!.closest('header')).toBeNull();
    // Nothing takes focus: the heading or body keep it.
    expect(document.activeElement).not.toBe(screen.getByRole('button', { name: 'Fechar' }));

    await user.click(screen.getByRole('button', { name: 'Fechar' }));
    expect(message()).not.toBeInTheDocument();
  });

  it(`goes away on its own after ${OFFLINE_READY_VISIBLE_MS / 1000} s`, async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderApp({ path: '/', user: staffUser, online: false, frame: ReadyWorker });
    await screen.findByRole('heading', { level: 1, name: 'Clientes' });
    expect(message()).toBeInTheDocument();
    await act(async () => {
      vi.advanceTimersByTime(OFFLINE_READY_VISIBLE_MS - 100);
    });
    expect(message()).toBeInTheDocument();
    await act(async () => {
      vi.advanceTimersByTime(200);
    });
    expect(message()).not.toBeInTheDocument();
  });

  it('never shows without a service worker telling it to', async () => {
    renderApp({ path: '/', user: staffUser, online: false });
    await screen.findByRole('heading', { level: 1, name: 'Clientes' });
    expect(message()).not.toBeInTheDocument();
  });
});
