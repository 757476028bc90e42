import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { notificationTargetPath, parsePushPayload } from './notification-target.ts';

const ORIGIN = 'https://app.arco.example';

describe('notificationTargetPath', () => {
  it.each([
    // In-app routes pass through with their query and hash.
    ['/clientes?saude=risco', '/clientes?saude=risco'],
    ['/inicio/tickets', '/inicio/tickets'],
    ['/inicio/tickets/123#mensagem-9', '/inicio/tickets/123#mensagem-9'],
    ['/clientes', '/clientes'],
    ['/ajustes', '/ajustes'],
    [`${ORIGIN}/inicio`, '/inicio'],
    // Relative paths resolve against the origin.
    ['inicio/tickets', '/inicio/tickets'],
    // Not allow-listed or not an app route.
    ['/', '/'],
    ['/api/auth/logout', '/'],
    ['/clientesfalsos', '/'],
    ['/entrar', '/'],
    // Foreign or dangerous.
    ['https://evil.example/inicio', '/'],
    ['//evil.example/inicio', '/'],
    ['/\\evil.example/inicio', '/'],
    ['javascript:alert(1)', '/'],
    ['data:text/html,<script>alert(1)</script>', '/'],
    ['http://app.arco.example/inicio', '/'], // other scheme = other origin
    ['https://app.arco.example:8443/inicio', '/'],
    ['', '/'],
    ['   ', '/'],
  ])('%s → %s', (input, expected) => {
    expect(notificationTargetPath(input, ORIGIN)).toBe(expected);
  });

  it.each([[null], [undefined], [42], [{ url: '/inicio' }]])('non-string %j → /', (input) => {
    expect(notificationTargetPath(input, ORIGIN)).toBe('/');
  });

  it('resolves dot segments before checking the prefix', () => {
    expect(notificationTargetPath('/inicio/../api/sync/stream', ORIGIN)).toBe('/');
    expect(notificationTargetPath('/api/../clientes', ORIGIN)).toBe('/clientes');
  });

  it('never returns anything but a same-origin absolute path', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath()), (input) => {
        const out = notificationTargetPath(input, ORIGIN);
        expect(out.startsWith('/')).toBe(true);
        expect(out.startsWith('//')).toBe(false);
        expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
      }),
    );
  });
});

describe('parsePushPayload', () => {
  const defaults = { title: 'Arco' };

  it('reads title, body, url and tag', () => {
    expect(
      parsePushPayload(
        JSON.stringify({
          title: 'Ticket respondido',
          body: 'Seu ticket #42 tem uma resposta',
          url: '/inicio/tickets',
          tag: 't42',
        }),
        defaults,
      ),
    ).toEqual({
      title: 'Ticket respondido',
      body: 'Seu ticket #42 tem uma resposta',
      url: '/inicio/tickets',
      tag: 't42',
      unread: undefined,
      notificationId: undefined,
    });
  });

  it("reads the in-app path as `path` (the server's name) before `url`, and the unread count", () => {
    expect(
      parsePushPayload(
        JSON.stringify({
          title: 'Ticket respondido',
          path: '/inicio/tickets/1',
          url: '/x',
          tag: 't',
          unread: 4,
        }),
        defaults,
      ),
    ).toEqual({
      title: 'Ticket respondido',
      body: '',
      url: '/inicio/tickets/1',
      tag: 't',
      unread: 4,
      notificationId: undefined,
    });
    expect(parsePushPayload(JSON.stringify({ notificationId: 'n-1' }), defaults).notificationId).toBe('n-1');
    for (const unread of [-1, 1.5, '3', null]) {
      expect(parsePushPayload(JSON.stringify({ unread }), defaults).unread).toBeUndefined();
    }
  });

  it('fills in what is missing', () => {
    expect(parsePushPayload('{}', defaults)).toEqual({
      title: 'Arco',
      body: '',
      url: '/',
      tag: undefined,
      unread: undefined,
      notificationId: undefined,
    });
    expect(parsePushPayload(null, defaults)).toEqual({
      title: 'Arco',
      body: '',
      url: '/',
      tag: undefined,
      unread: undefined,
      notificationId: undefined,
    });
    expect(parsePushPayload('[1,2]', defaults).title).toBe('Arco');
  });

  it('shows plain text as the body instead of failing silently', () => {
    expect(parsePushPayload('Nova mensagem', defaults)).toEqual({
      title: 'Arco',
      body: 'Nova mensagem',
      url: '/',
      tag: undefined,
      unread: undefined,
      notificationId: undefined,
    });
  });

  it('bounds every field', () => {
    const p = parsePushPayload(JSON.stringify({ title: 'x'.repeat(1000), body: 'y'.repeat(5000) }), defaults);
    expect(p.title).toHaveLength(200);
    expect(p.body).toHaveLength(500);
  });
});
