import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS, SORT_KEYS } from './customer-rows.ts';
import { DEFAULT_LIST_STATE, parseListParams, writeListParams, type ListState } from './list-params.ts';

const parse = (query: string) => parseListParams(new URLSearchParams(query));
const CSM = '0190a8e4-0000-7000-8000-000000000003';

describe('list state in the URL', () => {
  it.each<[string, ListState]>([
    ['', DEFAULT_LIST_STATE],
    // The manifest shortcut.
    ['saude=risco', { ...DEFAULT_LIST_STATE, filters: { ...NO_FILTERS, health: 'at_risk' } }],
    ['saude=critico', { ...DEFAULT_LIST_STATE, filters: { ...NO_FILTERS, health: 'critical' } }],
    ['saude=saudavel', { ...DEFAULT_LIST_STATE, filters: { ...NO_FILTERS, health: 'healthy' } }],
    ['plano=enterprise', { ...DEFAULT_LIST_STATE, filters: { ...NO_FILTERS, tier: 'enterprise' } }],
    [`csm=${CSM}`, { ...DEFAULT_LIST_STATE, filters: { ...NO_FILTERS, csm: CSM } }],
    ['csm=sem', { ...DEFAULT_LIST_STATE, filters: { ...NO_FILTERS, csm: 'none' } }],
    ['carteira=minha', { ...DEFAULT_LIST_STATE, filters: { ...NO_FILTERS, mine: true } }],
    ['busca=ag%C3%AAncia', { ...DEFAULT_LIST_STATE, filters: { ...NO_FILTERS, query: 'agência' } }],
    ['ordem=mrr', { ...DEFAULT_LIST_STATE, sort: { key: 'mrr', direction: 'desc' } }],
    ['ordem=mrr&sentido=asc', { ...DEFAULT_LIST_STATE, sort: { key: 'mrr', direction: 'asc' } }],
    ['ordem=saude', { ...DEFAULT_LIST_STATE, sort: { key: 'health', direction: 'asc' } }],
    ['ordem=nome&sentido=desc', { ...DEFAULT_LIST_STATE, sort: { key: 'name', direction: 'desc' } }],
    // Unknown values fall back to the defaults: a hand-edited URL still opens a working list.
    ['saude=boa&plano=gold&ordem=x&sentido=up&carteira=sim', DEFAULT_LIST_STATE],
  ])('?%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });

  it.each<[ListState, string]>([
    [DEFAULT_LIST_STATE, ''],
    [{ ...DEFAULT_LIST_STATE, filters: { ...NO_FILTERS, health: 'at_risk' } }, 'saude=risco'],
    [
      {
        filters: { ...NO_FILTERS, query: 'tech', tier: 'pro', csm: 'none', mine: true },
        sort: { key: 'mrr', direction: 'desc' },
      },
      'busca=tech&plano=pro&csm=sem&carteira=minha&ordem=mrr',
    ],
    [{ ...DEFAULT_LIST_STATE, sort: { key: 'since', direction: 'desc' } }, 'ordem=desde&sentido=desc'],
    [{ ...DEFAULT_LIST_STATE, filters: { ...NO_FILTERS, query: '   ' } }, ''],
  ])('%j → ?%s', (state, expected) => {
    expect(writeListParams(state).toString()).toBe(expected);
  });

  it('keeps parameters it does not own', () => {
    const next = writeListParams(DEFAULT_LIST_STATE, new URLSearchParams('utm_source=push&saude=risco'));
    expect(next.toString()).toBe('utm_source=push');
  });

  it('round-trips every state', () => {
    fc.assert(
      fc.property(
        fc.record({
          filters: fc.record({
            query: fc.string().filter((q) => q.trim() !== ''),
            health: fc.constantFrom('all', 'healthy', 'at_risk', 'critical'),
            tier: fc.constantFrom('all', 'starter', 'pro', 'enterprise', 'custom'),
            csm: fc.constantFrom('all', 'none', CSM),
            mine: fc.boolean(),
          }),
          sort: fc.record({ key: fc.constantFrom(...SORT_KEYS), direction: fc.constantFrom('asc', 'desc') }),
        }),
        (state) => {
          expect(parseListParams(writeListParams(state as ListState))).toEqual(state);
        },
      ),
    );
  });
});
