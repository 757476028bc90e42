import { describe, expect, it } from 'vitest';
import { homePathFor, postSignInPath } from './paths.ts';

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
