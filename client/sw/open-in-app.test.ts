import { describe, expect, it } from 'vitest';
import type { NavigateMessage } from './messages.ts';
import { openInApp, type ClientsLike, type WindowClientLike } from './open-in-app.ts';

const ORIGIN = 'https://app.arco.example';

function fakeClients(windows: { url: string; focused?: boolean; refuseFocus?: boolean }[]) {
  const log: string[] = [];
  const clients: ClientsLike = {
    matchAll: async () =>
      windows.map((w, i): WindowClientLike => ({
        url: w.url,
        focused: w.focused ?? false,
        postMessage: (m: NavigateMessage) =>
          log.push(`post#${i} ${m.type} ${m.url} ${m.notificationId ?? '-'}`),
        focus: async () => {
          if (w.refuseFocus) throw new Error('Not allowed to focus a window.');
          log.push(`focus#${i}`);
        },
      })),
    openWindow: async (url) => {
      log.push(`open ${url}`);
    },
  };
  return { clients, log };
}

describe('openInApp (a notification tap)', () => {
  it('routes the focused Arco window in place, marks the item, then focuses it', async () => {
    const { clients, log } = fakeClients([
      { url: `${ORIGIN}/inicio` },
      { url: `${ORIGIN}/ajustes`, focused: true },
    ]);
    await openInApp(clients, ORIGIN, '/inicio/tickets/42', 'n-1');
    expect(log).toEqual(['post#1 arco:navigate /inicio/tickets/42 n-1', 'focus#1']);
  });

  it('uses any Arco window when none is focused; a refused focus still routes', async () => {
    const { clients, log } = fakeClients([{ url: `${ORIGIN}/inicio`, refuseFocus: true }]);
    await openInApp(clients, ORIGIN, '/inicio/tickets/42', undefined);
    expect(log).toEqual(['post#0 arco:navigate /inicio/tickets/42 -']);
  });

  it('opens a window on the path when no Arco window is open, ignoring other origins', async () => {
    const { clients, log } = fakeClients([{ url: 'https://evil.example/inicio', focused: true }]);
    await openInApp(clients, ORIGIN, '/inicio/tickets/42', 'n-1');
    expect(log).toEqual(['open /inicio/tickets/42']);
    const none = fakeClients([]);
    await openInApp(none.clients, ORIGIN, '/clientes', undefined);
    expect(none.log).toEqual(['open /clientes']);
  });
});
