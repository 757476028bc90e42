import { describe, expect, it } from 'vitest';
import { deepEqual, deviceContent, isDeleted, sameDeviceContent, type PlainObject } from './documents.ts';

describe('sameDeviceContent', () => {
  const base: PlainObject = {
    id: 'a',
    serverSeq: 3,
    name: 'TechCorp',
    mrrCents: 100,
    contacts: [{ id: 'c', email: 'x@y.z' }],
    notes: null,
    _deleted: false,
  };
  const cases: [string, PlainObject, PlainObject, boolean][] = [
    ['the same document', base, { ...base }, true],
    [
      'server-owned fields and RxDB bookkeeping differ',
      base,
      { ...base, mrrCents: 1, _rev: '2-x', _meta: {} },
      true,
    ],
    ['an undefined member is an absent one', { ...base, extra: undefined }, base, true],
    ['key order does not count', { notes: null, ...base }, base, true],
    ['a device field differs', base, { ...base, name: 'TechCorp LTDA' }, false],
    ['a nested value differs', base, { ...base, contacts: [{ id: 'c', email: 'w@y.z' }] }, false],
    ['a member only one side has', base, { ...base, extra: 1 }, false],
    [
      'null is not absent',
      base,
      Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'notes')),
      false,
    ],
    ['the deletion differs', base, { ...base, _deleted: true }, false],
  ];
  it.each(cases)('%s', (_, a, b, expected) => {
    expect(sameDeviceContent('customers', a, b)).toBe(expected);
    expect(sameDeviceContent('customers', b, a)).toBe(expected);
    // The definition it computes without copies.
    const defined =
      isDeleted(a) === isDeleted(b) &&
      deepEqual(deviceContent('customers', a), deviceContent('customers', b));
    expect(defined).toBe(expected);
  });
});
