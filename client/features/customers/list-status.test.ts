import { describe, expect, it } from 'vitest';
import { listStatus } from './list-status.ts';

describe('listStatus', () => {
  it('says loading until the device counted its customers', () => {
    expect(listStatus({ loaded: false, shown: 0, total: 0, deviceCount: null, narrowed: false })).toEqual({
      kind: 'loading',
    });
  });

  it('gives the first screenful out of the device count while the whole list is read', () => {
    expect(listStatus({ loaded: false, shown: 50, total: 0, deviceCount: 10_000, narrowed: false })).toEqual({
      kind: 'first',
      shown: 50,
      count: 10_000,
    });
  });

  it('never counts a search of the screenful as its result: it is still searching the whole list', () => {
    expect(listStatus({ loaded: false, shown: 3, total: 0, deviceCount: 10_000, narrowed: true })).toEqual({
      kind: 'searching',
      count: 10_000,
    });
  });

  it('counts the filtered rows out of the whole list once loaded', () => {
    expect(
      listStatus({ loaded: true, shown: 3, total: 10_000, deviceCount: 10_000, narrowed: true }),
    ).toEqual({
      kind: 'listed',
      shown: 3,
      count: 10_000,
    });
  });

  it('never shows more of the screenful than the device holds', () => {
    expect(listStatus({ loaded: false, shown: 5, total: 0, deviceCount: 2, narrowed: false })).toEqual({
      kind: 'first',
      shown: 2,
      count: 2,
    });
  });
});
