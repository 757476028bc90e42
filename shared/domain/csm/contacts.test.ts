import { describe, expect, it } from 'vitest';
import {
  ensureOnePrimary,
  hasOnePrimary,
  primaryContact,
  removeContact,
  setLeftCompany,
  setPrimary,
  successorIfRemoved,
  upsertContact,
} from './contacts.ts';
import { mainContactLeft } from './risk.ts';

/** Contacts written as `name*` (primary), `name~` (left the company), in creation order a, b, c, … */
interface C {
  id: string;
  firstName: string;
  lastName: null;
  isPrimary: boolean;
  createdAt: string;
  leftCompanyAt: string | null;
}
const LEFT_AT = '2026-01-05T12:00:00.000Z';
const created = (name: string) => `2025-01-${String(name.charCodeAt(0) - 96).padStart(2, '0')}T12:00:00.000Z`;
const list = (spec: string): C[] =>
  spec
    .split(' ')
    .filter(Boolean)
    .map((s) => {
      const name = s.replace(/[*~]/g, '');
      return {
        id: name,
        firstName: name,
        lastName: null,
        isPrimary: s.includes('*'),
        createdAt: created(name),
        leftCompanyAt: s.includes('~') ? LEFT_AT : null,
      };
    });
const show = (contacts: readonly C[]) =>
  contacts.map((c) => `${c.id}${c.isPrimary ? '*' : ''}${c.leftCompanyAt ? '~' : ''}`).join(' ');

describe('the one-primary invariant', () => {
  it.each([
    ['', true],
    ['a*', true],
    ['a* b c', true],
    ['a b c', false],
    ['a* b*', false],
    ['a~*', true],
  ])('hasOnePrimary(%j) = %s', (spec, expected) => {
    expect(hasOnePrimary(list(spec))).toBe(expected);
  });

  it.each([
    ['a* b c', 'c', 'a b c*'],
    ['a* b c', 'a', 'a* b c'],
    ['a* b* c', 'c', 'a b c*'],
    ['a* b', 'zz', 'a* b'],
    ['a~* b', 'b', 'a~ b*'],
  ])('setPrimary(%j, %j) → %j', (spec, id, expected) => {
    expect(show(setPrimary(list(spec), id))).toBe(expected);
  });

  it.each([
    ['', ''],
    ['a b c', 'a* b c'],
    ['a~ b c', 'a~ b* c'],
    ['c b a', 'c b a*'],
    ['a~ b~', 'a*~ b~'],
    ['a b* c*', 'a b* c'],
  ])('ensureOnePrimary(%j) → %j', (spec, expected) => {
    expect(show(ensureOnePrimary(list(spec)))).toBe(expected);
  });
});

describe('list operations keep the invariant', () => {
  it.each([
    // adding
    ['', 'a', 'a*'],
    ['a*', 'b', 'a* b'],
    ['a*', 'b*', 'a b*'],
    // editing
    ['a* b c', 'b*', 'a b* c'],
    ['a* b c', 'a', 'a b* c'], // the primary un-ticked: the earliest other takes over
    ['a* b~ c', 'a', 'a b~ c*'], // … who is still at the company
    ['a*', 'a', 'a*'], // the only contact stays primary
    ['a* b', 'b', 'a* b'],
  ])('upsertContact(%j, %j) → %j', (spec, change, expected) => {
    const [changed] = list(change);
    expect(show(upsertContact(list(spec), changed!))).toBe(expected);
  });

  it.each([
    ['a* b c', 'b', 'a* c'],
    ['a* b c', 'a', 'b* c'],
    ['a* b~ c', 'a', 'b~ c*'],
    ['a*', 'a', ''],
    ['a* b', 'zz', 'a* b'],
  ])('removeContact(%j, %j) → %j', (spec, id, expected) => {
    expect(show(removeContact(list(spec), id))).toBe(expected);
  });

  it.each([
    ['a* b c', 'a', 'b'],
    ['a* b~ c', 'a', 'c'],
    ['a* b c', 'b', null],
    ['a*', 'a', null],
  ])('successorIfRemoved(%j, %j) = %j', (spec, id, expected) => {
    expect(successorIfRemoved(list(spec), id)?.id ?? null).toBe(expected);
  });

  it('never mutates its input', () => {
    const input = list('a* b c');
    const copy = JSON.parse(JSON.stringify(input)) as C[];
    setPrimary(input, 'b');
    upsertContact(input, { ...input[0]!, isPrimary: false });
    removeContact(input, 'a');
    setLeftCompany(input, 'a', LEFT_AT);
    expect(input).toEqual(copy);
  });
});

describe('a main contact leaving is a risk factor (risk.ts mainContactLeft)', () => {
  it('the primary who left stays primary, so the risk rule sees it until someone else is made primary', () => {
    const left = setLeftCompany(list('a* b'), 'a', LEFT_AT);
    expect(show(left)).toBe('a*~ b');
    expect(primaryContact(left)?.id).toBe('a');
    expect(mainContactLeft(left)).toEqual({ name: 'a', leftAt: LEFT_AT });
    expect(mainContactLeft(setPrimary(left, 'b'))).toBeNull();
  });

  it('a non-primary leaving is no risk; coming back (null) clears the date', () => {
    const left = setLeftCompany(list('a* b'), 'b', LEFT_AT);
    expect(mainContactLeft(left)).toBeNull();
    expect(setLeftCompany(left, 'b', null)).toEqual(list('a* b'));
  });
});
