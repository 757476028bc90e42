// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialSyncStatus, reduceSyncStatus } from '../../sync/client/status.ts';
import { staticSyncStatus } from '../sync-status/sync-status-source.ts';
import { memoryStore } from '../platform/key-value-store.ts';
import { clientUser, json, renderApp, staffUser } from '../test/render-app.tsx';
import { AppShell } from './shell/app-shell.tsx';
import { RouteErrorScreen } from './error-screen.tsx';

afterEach(cleanup);

const meOk =
  (user = staffUser) =>
  () =>
    json(200, { user });

describe('app shell', () => {
  it('opens on the sign-in screen in pt-BR when nobody is remembered', async () => {
    renderApp({ path: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Entrar no Arco' })).toBeInTheDocument();
    expect(screen.getByLabelText('E-mail')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Senha')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('link', { name: 'Pular para o conteúdo' })).toHaveAttribute('href', '#conteudo');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'conteudo');
    expect(screen.getByTestId('sync-indicator')).toHaveAttribute('data-connectivity', 'online');
    expect(document.documentElement).toHaveAttribute('lang', 'pt-BR');
    // The title is set by the page's effect, which may run just after the heading was found.
    await waitFor(() => expect(document.title).toBe('Entrar · Arco'));
    // The redirect of a fresh load (/ → /entrar) does not move focus; only user-caused navigations do.
    expect(document.body).toHaveFocus();
  });

  it('opens a remembered staff user straight into /clientes offline, without asking the server', async () => {
    const { calls } = renderApp({ path: '/', user: staffUser, online: false });
    expect(await screen.findByRole('heading', { level: 1, name: 'Clientes' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Nenhum cliente na sua carteira ainda' })).toBeInTheDocument();
    expect(screen.getByTestId('sync-indicator')).toHaveAttribute('data-connectivity', 'offline');
    expect(screen.getByRole('navigation', { name: 'Navegação principal' })).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('opens a remembered client user into /inicio and keeps staff routes out of reach', async () => {
    const { router } = renderApp({ path: '/clientes', user: clientUser, online: false });
    expect(await screen.findByRole('heading', { level: 1, name: 'Olá, Carla' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/inicio');
  });

  it('sends a signed-out deep link to sign-in and back after signing in', async () => {
    const user = userEvent.setup();
    const { router, calls } = renderApp({
      path: '/clientes?saude=risco',
      fetchHandler: (url) =>
        url === '/api/auth/login'
          ? json(200, { user: staffUser })
          : json(401, { error: { code: 'x', message: 'x' } }),
    });
    await screen.findByRole('heading', { name: 'Entrar no Arco' });
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/clientes?saude=risco')}`);
    await user.type(screen.getByLabelText('E-mail'), ' maria@arco.example ');
    await user.type(screen.getByLabelText('Senha'), 'arco-demo');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Clientes em risco' })).toBeInTheDocument();
    const login = calls.find((c) => c.url === '/api/auth/login');
    expect(login?.init?.method).toBe('POST');
    expect(JSON.parse(String(login?.init?.body))).toEqual({
      email: 'maria@arco.example',
      password: 'arco-demo',
    });
  });

  it('moves focus to the new page heading after navigating', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/clientes', user: staffUser, fetchHandler: meOk() });
    await screen.findByRole('heading', { level: 1, name: 'Clientes' });
    // A staff member has six sections: settings sits behind "Mais" (the bar keeps four and the button).
    await user.click(screen.getByRole('button', { name: 'Mais' }));
    await user.click(screen.getByRole('link', { name: 'Ajustes' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Ajustes' });
    await waitFor(() => expect(heading).toHaveFocus());
    // Following the link closed the sheet; the hidden entry still says which page is current.
    expect(screen.getByRole('button', { name: 'Mais' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('link', { name: 'Ajustes', hidden: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('shows the not-found page inside the shell', async () => {
    renderApp({ path: '/nao-existe', user: staffUser, online: false });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Página não encontrada' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Voltar para o início' })).toHaveAttribute('href', '/');
  });
});

describe('sign-in errors', () => {
  it.each([
    [
      '401',
      () => json(401, { error: { code: 'invalid_credentials', message: 'x' } }),
      'E-mail ou senha incorretos',
    ],
    [
      '429 with Retry-After',
      () => json(429, { error: { code: 'rate_limited', message: 'x' } }, { 'retry-after': '120' }),
      'Tente novamente em 2 minutos',
    ],
    [
      '429 without Retry-After',
      () => json(429, { error: { code: 'rate_limited', message: 'x' } }),
      'Aguarde alguns minutos',
    ],
    [
      '503',
      () => json(503, { error: { code: 'unavailable', message: 'x' } }),
      'Não foi possível entrar agora',
    ],
    ['200 with an unexpected body', () => json(200, { nope: true }), 'Não foi possível entrar agora'],
    [
      'network failure',
      () => {
        throw new TypeError('Failed to fetch');
      },
      'Você está sem conexão',
    ],
  ] as const)('%s', async (_case, respond, message) => {
    const user = userEvent.setup();
    renderApp({ fetchHandler: (url) => (url === '/api/auth/login' ? respond() : json(401, {})) });
    await user.type(await screen.findByLabelText('E-mail'), 'maria@arco.example');
    await user.type(screen.getByLabelText('Senha'), 'errada');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    await waitFor(() => expect(alert).toHaveFocus());
  });

  it('does not even try while the device is offline', async () => {
    const user = userEvent.setup();
    const { calls } = renderApp({ online: false });
    await user.type(await screen.findByLabelText('E-mail'), 'maria@arco.example');
    await user.type(screen.getByLabelText('Senha'), 'arco-demo');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Você está sem conexão');
    expect(calls).toEqual([]);
  });
});

describe('session check', () => {
  it('signs out a remembered user whose session expired, keeping local data', async () => {
    const onLogout = vi.fn(async () => {});
    const store = memoryStore();
    renderApp({ path: '/clientes', user: staffUser, store, lifecycle: { onLogout } });
    expect(
      await screen.findByText('Sua sessão expirou. Entre novamente para continuar.'),
    ).toBeInTheDocument();
    expect(store.getItem('arco.profile.v1')).toBeNull();
    expect(onLogout).not.toHaveBeenCalled();
  });

  it('wipes the device of a remembered user an admin disabled, then ends the dead session', async () => {
    const onLogout = vi.fn(async () => {});
    const store = memoryStore();
    const { calls } = renderApp({
      path: '/clientes',
      user: staffUser,
      store,
      lifecycle: { onLogout },
      fetchHandler: (url) =>
        url.endsWith('/api/auth/logout')
          ? new Response(null, { status: 204 })
          : json(401, {
              error: {
                code: 'unauthorized',
                message: 'This account has been disabled by an administrator.',
                details: { reason: 'account_disabled' },
              },
            }),
    });
    expect(
      await screen.findByText(
        'Sua conta foi desativada por um administrador. Os dados dela foram apagados deste aparelho.',
      ),
    ).toBeInTheDocument();
    expect(onLogout).toHaveBeenCalledWith(staffUser);
    expect(store.getItem('arco.profile.v1')).toBeNull();
    expect(calls.map((c) => c.url)).toContain('/api/auth/logout');
  });

  it('refreshes the remembered profile from /api/auth/me', async () => {
    const store = memoryStore();
    renderApp({
      path: '/inicio',
      user: clientUser,
      store,
      fetchHandler: meOk({ ...clientUser, name: 'Carla Souza' }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Olá, Carla' });
    await waitFor(() =>
      expect(JSON.parse(store.getItem('arco.profile.v1') ?? '{}').name).toBe('Carla Souza'),
    );
  });

  it('checks the session when the network comes back', async () => {
    const { network, calls } = renderApp({
      path: '/clientes',
      user: staffUser,
      online: false,
      fetchHandler: meOk(),
    });
    await screen.findByRole('heading', { level: 1, name: 'Clientes' });
    expect(calls).toHaveLength(0);
    act(() => network.set(true));
    await waitFor(() => expect(calls.map((c) => c.url)).toEqual(['/api/auth/me']));
  });
});

describe('settings', () => {
  it('switches to English, remembers it and updates <html lang>', async () => {
    const user = userEvent.setup();
    const store = memoryStore();
    renderApp({ path: '/ajustes', user: staffUser, store, online: false });
    await screen.findByRole('heading', { level: 1, name: 'Ajustes' });
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(store.getItem('arco.language')).toBe('en');
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('link', { name: 'Customers' })).toBeInTheDocument();
    cleanup();
    // A fresh start on the same device comes up in English.
    renderApp({ path: '/ajustes', user: staffUser, store, online: false });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
  });

  it('signs out: the server-side clean-up hook while the session exists, the server, then the local wipe hook, then back to sign-in', async () => {
    const user = userEvent.setup();
    const order: string[] = [];
    const store = memoryStore();
    const { calls } = renderApp({
      path: '/ajustes',
      user: staffUser,
      store,
      fetchHandler: (url) => {
        if (url === '/api/auth/logout') order.push('server');
        return url === '/api/auth/me' ? json(200, { user: staffUser }) : new Response(null, { status: 204 });
      },
      lifecycle: {
        // The push subscription's DELETE (client/main.tsx) must still carry the session.
        beforeLogout: async (u) => {
          order.push(`before:${u.id}`);
        },
        onLogout: async (u) => {
          order.push(`wipe:${u.id}`);
        },
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Ajustes' });
    await waitFor(() => expect(calls.some((c) => c.url === '/api/auth/me')).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Sair' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Entrar no Arco' })).toBeInTheDocument();
    expect(order).toEqual([`before:${staffUser.id}`, 'server', `wipe:${staffUser.id}`]);
    expect(store.getItem('arco.profile.v1')).toBeNull();
  });

  it('a 401 heard while the device wipes is the sign-out itself: no "session expired", sign-in only once wiped', async () => {
    const user = userEvent.setup();
    let loggedOut = false;
    let askedAfterLogout = false;
    let finishWipe = () => {};
    const online = { ...initialSyncStatus(['customers'], true), connectivity: 'online' as const };
    const source = staticSyncStatus(online);
    renderApp({
      path: '/ajustes',
      user: staffUser,
      syncStatus: source,
      fetchHandler: (url) => {
        if (url === '/api/auth/logout') loggedOut = true;
        if (url === '/api/auth/me' && loggedOut) askedAfterLogout = true;
        if (url === '/api/auth/me') return loggedOut ? json(401, {}) : json(200, { user: staffUser });
        return new Response(null, { status: 204 });
      },
      lifecycle: {
        // The replication's next request after the server ended the session answers 401 mid-wipe.
        onLogout: async () => {
          act(() => source.set(reduceSyncStatus(online, { type: 'unauthorized' }, new Date())));
          await new Promise<void>((resolve) => (finishWipe = resolve));
        },
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Ajustes' });
    await user.click(screen.getByRole('button', { name: 'Sair' }));
    await waitFor(() => expect(loggedOut).toBe(true));
    // Whether or not anything asks the server (an expiry would), the sign-in screen (a lazy page) stays away.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(
      screen.findByRole('heading', { level: 1, name: 'Entrar no Arco' }, { timeout: 1_000 }),
    ).rejects.toThrow();
    expect(askedAfterLogout).toBe(false);
    finishWipe();
    expect(await screen.findByRole('heading', { level: 1, name: 'Entrar no Arco' })).toBeInTheDocument();
    expect(screen.queryByText('Sua sessão expirou. Entre novamente para continuar.')).not.toBeInTheDocument();
  });

  it('signs out even when the server-side clean-up hook fails', async () => {
    const user = userEvent.setup();
    const onLogout = vi.fn(async () => {});
    renderApp({
      path: '/ajustes',
      user: staffUser,
      fetchHandler: (url) =>
        url === '/api/auth/me' ? json(200, { user: staffUser }) : new Response(null, { status: 204 }),
      lifecycle: { beforeLogout: () => Promise.reject(new Error('push service down')), onLogout },
    });
    await user.click(await screen.findByRole('button', { name: 'Sair' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Entrar no Arco' })).toBeInTheDocument();
    expect(onLogout).toHaveBeenCalledOnce();
  });

  it('refuses to sign out offline and says why', async () => {
    const user = userEvent.setup();
    const onLogout = vi.fn(async () => {});
    renderApp({ path: '/ajustes', user: staffUser, online: false, lifecycle: { onLogout } });
    await user.click(await screen.findByRole('button', { name: 'Sair' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Conecte-se à internet para sair com segurança',
    );
    expect(onLogout).not.toHaveBeenCalled();
  });

  it('warns before discarding unsynced changes', async () => {
    const user = userEvent.setup();
    const onLogout = vi.fn(async () => {});
    const status = reduceSyncStatus(
      { ...initialSyncStatus(['customers'], true), connectivity: 'online' },
      { type: 'pending', collection: 'customers', count: 3 },
      new Date(),
    );
    renderApp({
      path: '/ajustes',
      user: staffUser,
      fetchHandler: (url) =>
        url === '/api/auth/me' ? json(200, { user: staffUser }) : new Response(null, { status: 204 }),
      syncStatus: staticSyncStatus(status),
      lifecycle: { onLogout },
    });
    await user.click(await screen.findByRole('button', { name: 'Sair' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Sair com alterações não enviadas?' });
    expect(dialog).toHaveTextContent('Há 3 alterações que ainda não foram enviadas');
    expect(within(dialog).getByRole('button', { name: 'Cancelar' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    expect(onLogout).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Sair' }));
    await user.click(screen.getByRole('button', { name: 'Sair mesmo assim' }));
    await screen.findByRole('heading', { level: 1, name: 'Entrar no Arco' });
    expect(onLogout).toHaveBeenCalledOnce();
  });
});

describe('sync indicator', () => {
  it('announces connectivity and shows pending changes and the last sync', async () => {
    const user = userEvent.setup();
    const source = staticSyncStatus({ ...initialSyncStatus([], true), connectivity: 'online' });
    renderApp({ path: '/clientes', user: staffUser, online: false, syncStatus: source });
    await screen.findByRole('heading', { level: 1, name: 'Clientes' });
    const indicator = screen.getByTestId('sync-indicator');
    expect(within(indicator).getByRole('status')).toHaveTextContent('Online');

    act(() =>
      source.set({
        ...initialSyncStatus([], false),
        pending: { customers: 2 },
        lastSyncedAt: '2026-11-21T11:58:00.000Z',
      }),
    );
    expect(within(indicator).getByRole('status')).toHaveTextContent('Offline, 2 alterações aguardando envio');
    expect(within(indicator).getByText('2 pendentes')).toBeInTheDocument();
    const chip = within(indicator).getByRole('button');
    expect(chip).toHaveAttribute('aria-expanded', 'false');
    await user.click(chip);
    expect(chip).toHaveAttribute('aria-expanded', 'true');
    // Offline with writes waiting: the last sync's time, not a claim that the device is synced.
    expect(within(indicator).getByText('Última sincronização há 2 minutos')).toBeInTheDocument();
    expect(within(indicator).queryByText(/Sincronizado/)).toBeNull();
    expect(within(indicator).getByText(/Você pode continuar trabalhando/)).toBeVisible();
    await user.keyboard('{Escape}');
    expect(chip).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows first-sync progress while the role collections arrive', async () => {
    // Customers pulled and stored; health pulled to its last page but still being stored: not counted yet.
    const status = (
      [
        { type: 'pulled', collection: 'customers', caughtUp: true },
        { type: 'stored', collection: 'customers' },
        { type: 'pulled', collection: 'health', caughtUp: true },
      ] as const
    ).reduce(
      (s, e) => reduceSyncStatus(s, e, new Date()),
      initialSyncStatus(['customers', 'health', 'tickets', 'signals'], true),
    );
    renderApp({ path: '/clientes', user: staffUser, online: false, syncStatus: staticSyncStatus(status) });
    const bar = await screen.findByRole('progressbar', { name: 'Preparando seus dados para uso offline' });
    expect(bar).toHaveAttribute('value', '0.25');
  });

  it('sends the user to sign in when sync learns the session expired, keeping the queue', async () => {
    const onLogout = vi.fn(async () => {});
    const online = { ...initialSyncStatus(['customers'], true), connectivity: 'online' as const };
    const source = staticSyncStatus(online);
    renderApp({
      path: '/clientes',
      user: staffUser,
      online: false,
      syncStatus: source,
      lifecycle: { onLogout },
    });
    await screen.findByRole('heading', { level: 1, name: 'Clientes' });
    act(() => source.set(reduceSyncStatus(online, { type: 'unauthorized' }, new Date())));
    expect(await screen.findByRole('heading', { level: 1, name: 'Entrar no Arco' })).toBeInTheDocument();
    expect(screen.getByText('Sua sessão expirou. Entre novamente para continuar.')).toBeInTheDocument();
    expect(onLogout).not.toHaveBeenCalled();
  });

  it('asks to reload when the server needs a newer app', async () => {
    const user = userEvent.setup();
    const status = reduceSyncStatus(initialSyncStatus([], true), { type: 'upgrade_required' }, new Date());
    const { reloads } = renderApp({
      path: '/clientes',
      user: staffUser,
      online: false,
      syncStatus: staticSyncStatus(status),
    });
    await screen.findByText(/Esta versão do app está desatualizada/);
    await user.click(screen.getByRole('button', { name: 'Recarregar' }));
    expect(reloads).toHaveLength(1);
  });
});

describe('error boundary', () => {
  function Boom(): never {
    throw new Error('tela quebrou');
  }

  it('shows a readable pt-BR message inside the shell with a working reload button', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { reloads } = renderApp({
      path: '/quebrado',
      user: staffUser,
      online: false,
      routes: [
        {
          path: '/',
          element: <AppShell />,
          children: [
            { errorElement: <RouteErrorScreen />, children: [{ path: 'quebrado', element: <Boom /> }] },
          ],
        },
      ],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Algo deu errado' })).toBeInTheDocument();
    expect(screen.getByText(/Seus dados salvos neste aparelho não foram afetados/)).toBeInTheDocument();
    expect(screen.getByTestId('sync-indicator')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Recarregar' }));
    expect(reloads).toHaveLength(1);
    vi.restoreAllMocks();
  });
});
