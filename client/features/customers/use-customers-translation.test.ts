import { describe, expect, it, vi } from 'vitest';
import { cachingT, type CustomersT } from './use-customers-translation.ts';

describe('cachingT', () => {
  const spy = () => vi.fn<CustomersT>((key, options) => `${key}|${JSON.stringify(options ?? null)}`);

  it('asks i18next once per key and primitive options, then answers the same text', () => {
    const t = spy();
    const cached = cachingT(t);
    expect(cached('list.showing', { shown: 3, count: 10 })).toBe('list.showing|{"shown":3,"count":10}');
    expect(cached('list.showing', { shown: 3, count: 10 })).toBe('list.showing|{"shown":3,"count":10}');
    expect(cached('title')).toBe('title|null');
    expect(cached('title')).toBe('title|null');
    expect(t).toHaveBeenCalledTimes(2);
    expect(cached('list.showing', { shown: 4, count: 10 })).toBe('list.showing|{"shown":4,"count":10}');
    expect(t).toHaveBeenCalledTimes(3);
  });

  it('tells a number from a string of the same digits (plural forms differ)', () => {
    const t = spy();
    const cached = cachingT(t);
    expect(cached('row.users', { count: 1 })).toBe('row.users|{"count":1}');
    expect(cached('row.users', { count: '1' })).toBe('row.users|{"count":"1"}');
    expect(t).toHaveBeenCalledTimes(2);
  });

  it('never caches an answer whose options hold an object or a function', () => {
    const t = spy();
    const cached = cachingT(t);
    cached('row.users', { count: 2, context: { a: 1 } });
    cached('row.users', { count: 2, context: { a: 1 } });
    expect(t).toHaveBeenCalledTimes(2);
  });
});
