import { describe, expect, it } from 'vitest';
import { customerPath } from './paths.ts';

describe('customerPath', () => {
  it.each([
    [undefined, '/clientes/c-1'],
    ['overview', '/clientes/c-1'],
    ['contracts', '/clientes/c-1/contratos'],
    ['contacts', '/clientes/c-1/contatos'],
    ['activity', '/clientes/c-1/atividades'],
    ['analytics', '/clientes/c-1/analise'],
  ] as const)('tab %s → %s', (tab, path) => {
    expect(customerPath('c-1', tab)).toBe(path);
  });

  it('encodes the id so it stays one path segment', () => {
    expect(customerPath('a/b c')).toBe('/clientes/a%2Fb%20c');
  });
});
