// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../../platform/key-value-store.ts';
import { json, renderApp, staffUser } from '../../test/render-app.tsx';
import { CalendarFeedSection } from './calendar-feed-section.tsx';

/**
 * Settings → Agenda against a scripted `/api/calendar/feed` that behaves like the server (one feed per user,
 * the URL only in POST's answer, DELETE idempotent): create, copy, regenerate, revoke, the instructions, offline
 * and a failing server, and English.
 */
afterEach(cleanup);

const URL_1 = `http://localhost:3000/api/calendar/${'a'.repeat(43)}.ics`;
const URL_2 = `http://localhost:3000/api/calendar/${'b'.repeat(43)}.ics`;

function scriptedFeedServer(initial: string | null = null, { failing = false } = {}) {
  let createdAt = initial;
  const urls = [URL_1, URL_2];
  const calls: string[] = [];
  const handler = (url: string, init: RequestInit | undefined) => {
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    if (url === '/api/auth/me') return json(200, { user: staffUser });
    if (url !== '/api/calendar/feed') return json(404, { error: { code: 'not_found', message: 'x' } });
    if (failing) return json(500, { error: { code: 'internal', message: 'x' } });
    if (method === 'GET') return json(200, { feed: createdAt ? { createdAt } : null });
    if (method === 'POST') {
      createdAt = '2026-11-21T12:00:00.000Z';
      return json(201, { feed: { url: urls.shift(), createdAt } });
    }
    createdAt = null;
    return new Response(null, { status: 204 });
  };
  return { handler, calls };
}

function renderSection(
  server: ReturnType<typeof scriptedFeedServer>,
  { online = true, language = 'pt-BR' }: { online?: boolean; language?: 'pt-BR' | 'en' } = {},
) {
  const store = memoryStore();
  store.setItem('arco.language', language);
  return renderApp({
    path: '/',
    user: staffUser,
    online,
    store,
    routes: [{ path: '/', element: <CalendarFeedSection /> }],
    fetchHandler: server.handler,
  });
}

describe('settings: the private calendar feed', () => {
  it('creates the link, copies it, replaces it and revokes it; explains Google Calendar', async () => {
    const user = userEvent.setup();
    const server = scriptedFeedServer();
    renderSection(server);
    const section = await screen.findByRole('region', { name: 'Agenda' });
    await within(section).findByText('Nenhum link de agenda ativo.');
    expect(
      within(section).getByRole('heading', { name: 'Como assinar no Google Agenda' }),
    ).toBeInTheDocument();
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain('Ao lado de “Outras agendas”, clique em + e escolha “Do URL”.');

    await user.click(within(section).getByRole('button', { name: 'Criar link da agenda' }));
    const field = await within(section).findByLabelText('Link privado da agenda');
    expect(field).toHaveValue(URL_1);
    expect(within(section).getByText(/ele só aparece esta vez/)).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Copiar link' }));
    await within(section).findByText('Link copiado.');
    expect(await navigator.clipboard.readText()).toBe(URL_1);

    await user.click(within(section).getByRole('button', { name: 'Gerar novo link' }));
    await waitFor(() => expect(within(section).getByLabelText('Link privado da agenda')).toHaveValue(URL_2));

    await user.click(within(section).getByRole('button', { name: 'Revogar link' }));
    await within(section).findByText(/Link revogado/);
    expect(within(section).queryByLabelText('Link privado da agenda')).not.toBeInTheDocument();
    expect(within(section).getByText('Nenhum link de agenda ativo.')).toBeInTheDocument();
    expect(server.calls.filter((c) => c.endsWith('/api/calendar/feed'))).toEqual([
      'GET /api/calendar/feed',
      'POST /api/calendar/feed',
      'POST /api/calendar/feed',
      'DELETE /api/calendar/feed',
    ]);
  });

  it('an active link shows since when (its URL is not shown again) and can be revoked', async () => {
    const user = userEvent.setup();
    renderSection(scriptedFeedServer('2026-10-05T14:00:00.000Z'));
    const section = await screen.findByRole('region', { name: 'Agenda' });
    await within(section).findByText('Link ativo desde 05/10/2026.');
    expect(within(section).queryByLabelText('Link privado da agenda')).not.toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Gerar novo link' })).toBeEnabled();
    await user.click(within(section).getByRole('button', { name: 'Revogar link' }));
    await within(section).findByText('Nenhum link de agenda ativo.');
  });

  it('offline it says the link needs a connection and offers nothing', async () => {
    const server = scriptedFeedServer();
    const { network } = renderSection(server, { online: false });
    const section = await screen.findByRole('region', { name: 'Agenda' });
    expect(
      within(section).getByText('Sem conexão: criar, copiar ou revogar o link da agenda precisa de conexão.'),
    ).toBeInTheDocument();
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
    expect(server.calls.filter((c) => c.includes('/api/calendar'))).toEqual([]);

    network.set(true); // back online: it asks the server and offers the link
    await within(section).findByRole('button', { name: 'Criar link da agenda' });
  });

  it('a failing server is said, with a retry', async () => {
    renderSection(scriptedFeedServer(null, { failing: true }));
    const section = await screen.findByRole('region', { name: 'Agenda' });
    await within(section).findByText(
      'Não foi possível falar com o servidor agora. Tente novamente em instantes.',
    );
    expect(within(section).getByRole('button', { name: 'Tentar de novo' })).toBeInTheDocument();
  });

  it('speaks English when the app does', async () => {
    renderSection(scriptedFeedServer('2026-10-05T14:00:00.000Z'), { language: 'en' });
    const section = await screen.findByRole('region', { name: 'Calendar' });
    await within(section).findByText(/^Link active since /);
    expect(within(section).getByRole('button', { name: 'Revoke link' })).toBeInTheDocument();
    expect(
      within(section).getByRole('heading', { name: 'How to subscribe in Google Calendar' }),
    ).toBeInTheDocument();
  });
});
