import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainObject } from '../documents.ts';
import { fixture, T0, T1, T2, uuid } from '../testing/fixtures.ts';
import { resolveConflict } from './handlers.ts';
import { lostWrites, reapplyLost } from './lost-writes.ts';

/**
 * Two devices edit the same customer offline from the same master (`base`, serverSeq 1). One reaches the
 * server first and is stored (serverSeq 2); the other's push conflicts and its device merges against it.
 * `lostWrites` runs on the merging device with what it pushed and what the merge kept. Each case is played
 * from both sides: whichever device merges, the one whose value the rule dropped is the one told.
 */
const ID = uuid(0xc1);
const CONTACT = uuid(0x5001);
const base = (): PlainObject => ({ ...fixture('customers', ID), _deleted: false });

const edit = (doc: PlainObject, at: string, change: (d: PlainObject) => void): PlainObject => {
  const copy = structuredClone(doc);
  change(copy);
  copy.clientUpdatedAt = at;
  return copy;
};
const setContact = (field: string, value: unknown) => (d: PlainObject) => {
  d.contacts = (d.contacts as PlainObject[]).map((c) => (c.id === CONTACT ? { ...c, [field]: value } : c));
};

/** The merging device's view: it pushed `mine` on `base`, the server held `first` (stored at serverSeq 2). */
function mergeOnDevice(mine: PlainObject, first: PlainObject) {
  const real = { ...first, serverSeq: 2 };
  const resolved = resolveConflict('customers', {
    assumedMasterState: base(),
    realMasterState: real,
    newDocumentState: mine,
  });
  return { resolved, lost: lostWrites('customers', { base: base(), mine, resolved }) };
}

describe('lostWrites', () => {
  const cases: {
    name: string;
    a: PlainObject;
    b: PlainObject;
    /** Losses of A's device when A merges (B stored first), and of B's when B merges (A first). */
    aLoses: unknown[];
    bLoses: unknown[];
  }[] = [
    {
      name: 'same field, different values: the earlier write loses, whichever device merges',
      a: edit(base(), T1, (d) => (d.industry = 'Fintech')),
      b: edit(base(), T2, (d) => (d.industry = 'Seguros')),
      aLoses: [{ path: ['industry'], mine: 'Fintech', kept: 'Seguros' }],
      bLoses: [],
    },
    {
      name: 'same field, same value: nothing lost',
      a: edit(base(), T1, (d) => (d.industry = 'Fintech')),
      b: edit(base(), T2, (d) => (d.industry = 'Fintech')),
      aLoses: [],
      bLoses: [],
    },
    {
      name: 'different fields: both kept',
      a: edit(base(), T1, (d) => (d.industry = 'Fintech')),
      b: edit(base(), T2, (d) => (d.location = 'Campinas, SP')),
      aLoses: [],
      bLoses: [],
    },
    {
      name: 'a contact phone changed on both: reported as that phone, with the contact named',
      a: edit(base(), T2, setContact('phone', '+55 11 90000-0001')),
      b: edit(base(), T1, setContact('phone', '+55 21 90000-0002')),
      aLoses: [],
      bLoses: [
        {
          path: ['contacts', CONTACT, 'phone'],
          elementLabel: 'Ana Souza',
          mine: '+55 21 90000-0002',
          kept: '+55 11 90000-0001',
        },
      ],
    },
    {
      name: 'a delete beats a concurrent edit: not reported (the document is gone)',
      a: edit(base(), T1, (d) => (d.industry = 'Fintech')),
      b: edit(base(), T2, (d) => (d._deleted = true)),
      aLoses: [],
      bLoses: [],
    },
  ];

  it.each(cases)('$name', ({ a, b, aLoses, bLoses }) => {
    expect(mergeOnDevice(a, b).lost).toEqual(aLoses);
    expect(mergeOnDevice(b, a).lost).toEqual(bLoses);
  });

  it('with no base (both created the id) every field the device wrote counts', () => {
    const mine = edit(base(), T1, (d) => (d.industry = 'Fintech'));
    const resolved = { ...mine, industry: 'Seguros', name: mine.name };
    expect(lostWrites('customers', { base: null, mine, resolved })).toEqual([
      { path: ['industry'], mine: 'Fintech', kept: 'Seguros' },
    ]);
  });

  it('ignores stamps and server-owned fields', () => {
    const mine = edit(base(), T1, (d) => (d.mrrCents = 1));
    const resolved = { ...base(), serverSeq: 3, updatedAt: T2, clientUpdatedAt: T2 };
    expect(lostWrites('customers', { base: base(), mine, resolved })).toEqual([]);
  });

  it('reapplyLost writes the lost values back, elements included', () => {
    const { resolved, lost } = mergeOnDevice(
      edit(base(), T0, (d) => {
        d.industry = 'Fintech';
        setContact('phone', '+55 21 90000-0002')(d);
      }),
      edit(base(), T2, (d) => {
        d.industry = 'Seguros';
        setContact('phone', '+55 11 90000-0001')(d);
        setContact('jobTitle', 'CMO')(d);
      }),
    );
    expect(lost.map((l) => l.path.join('.'))).toEqual(['industry', `contacts.${CONTACT}.phone`]);
    const patch = reapplyLost(resolved, lost);
    expect(patch.industry).toBe('Fintech');
    expect((patch.contacts as PlainObject[])[0]).toMatchObject({
      phone: '+55 21 90000-0002',
      jobTitle: 'CMO',
    });
  });

  // Random concurrent edits of a customer: whatever each side changed and whichever clock is later.
  const CLOCKS = [T0, T1, T2, '2026-11-20T09:10:00.000-03:00'];
  const customerEdit = fc.oneof(
    fc.constantFrom('Fintech', 'Seguros', null).map((v) => (d: PlainObject) => (d.industry = v)),
    fc.constantFrom('active', 'at_risk', 'paused').map((v) => (d: PlainObject) => (d.status = v)),
    fc.constantFrom('Nota A', 'Nota B').map((v) => (d: PlainObject) => (d.notes = v)),
    fc.constantFrom('+55 11 90000-0001', '+55 21 90000-0002', null).map((v) => setContact('phone', v)),
    fc.constantFrom('CMO', 'CEO').map((v) => setContact('jobTitle', v)),
  );
  const change = fc.record({
    edits: fc.array(customerEdit, { maxLength: 4 }),
    at: fc.constantFrom(...CLOCKS),
  });
  const apply = (c: { edits: ((d: PlainObject) => void)[]; at: string }) =>
    edit(base(), c.at, (d) => c.edits.forEach((e) => e(d)));

  it('property: every reported value is one the device wrote and the merge dropped; writing them again leaves nothing lost', () => {
    fc.assert(
      fc.property(change, change, (mineChange, otherChange) => {
        const mine = apply(mineChange);
        const { resolved, lost } = mergeOnDevice(mine, apply(otherChange));
        for (const l of lost) expect(l.mine).not.toEqual(l.kept);
        const again = { ...resolved, ...reapplyLost(resolved, lost) };
        expect(lostWrites('customers', { base: base(), mine, resolved: again })).toEqual([]);
      }),
    );
  });

  it('property: when the other side changed nothing the device wrote, nothing is lost', () => {
    fc.assert(
      fc.property(change, (mineChange) => {
        const mine = apply(mineChange);
        expect(
          mergeOnDevice(
            mine,
            edit(base(), T0, () => {}),
          ).lost,
        ).toEqual([]);
      }),
    );
  });
});
