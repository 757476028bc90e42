import { describe, expect, it } from 'vitest';
import { homePathFor, openablePath, postSignInPath } from './paths.ts';

describe('homePathFor', () => {
  it.each([
    ['admin', '/clientes'],
    ['csm', '/clientes'],
    ['client', '/inicio'],
  ] as const)('%s → %s', (role, path) => expect(homePathFor(role)).toBe(path));
});

describe('postSignInPath', () => {
  it.each([
    [null, 'csm', '/clientes'],
    ['/clientes?saude=risco', 'csm', '/clientes?saude=risco'],
    ['/ajustes', 'client', '/ajustes'],
    ['/inicio/tickets', 'client', '/inicio/tickets'],
    // Another role's area sends you home instead of bouncing between guards.
    ['/inicio/tickets', 'csm', '/clientes'],
    ['/clientes', 'client', '/inicio'],
    // Open-redirect attempts.
    ['//evil.example/clientes', 'admin', '/clientes'],
    ['https://evil.example/clientes', 'admin', '/clientes'],
    ['/\\evil.example', 'admin', '/clientes'],
    ['/entrar', 'admin', '/clientes'],
    ['/clientes/../api/auth/logout', 'admin', '/clientes'],
  ] as const)('next=%s as %s → %s', (next, role, expected) => {
    expect(postSignInPath(next, role)).toBe(expected);
  });
});

describe('openablePath (a notification opens an existing screen, never "page not found")', () => {
  it.each([
    // Existing screens open as they are, with their query and fragment.
    [
      '/inicio/tickets/0190a8e4-0000-7000-8000-000000000b1f',
      'client',
      '/inicio/tickets/0190a8e4-0000-7000-8000-000000000b1f',
    ],
    ['/inicio/tickets/abc#mensagem-9', 'client', '/inicio/tickets/abc#mensagem-9'],
    ['/clientes?saude=risco', 'csm', '/clientes?saude=risco'],
    [
      '/clientes/0190a8e4-0000-7000-8000-0000000000cc',
      'admin',
      '/clientes/0190a8e4-0000-7000-8000-0000000000cc',
    ],
    ['/atendimento/tickets/abc', 'csm', '/atendimento/tickets/abc'],
    ['/notificacoes', 'client', '/notificacoes'],
    // A screen not in the app (yet) opens the closest one above it, without the query meant for it.
    ['/inicio/uma-tela-futura/123?aba=2', 'client', '/inicio'],
    ['/atendimento/algo/novo', 'csm', '/atendimento'],
    // Another role's screen or anything outside the app: the role's home.
    ['/clientes', 'client', '/inicio'],
    ['/inicio/tickets', 'csm', '/clientes'],
    ['/entrar', 'client', '/inicio'],
    ['/api/auth/logout', 'client', '/inicio'],
    ['//evil.example/inicio', 'client', '/inicio'],
    ['https://evil.example/inicio', 'client', '/inicio'],
    ['/inicio/../api/sync/stream', 'client', '/inicio'],
  ] as const)('%s as %s → %s', (url, role, expected) => {
    expect(openablePath(url, role)).toBe(expected);
  });
});
