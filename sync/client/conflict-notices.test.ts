import { describe, expect, it } from 'vitest';
import type { PlainObject } from '../documents.ts';
import { fixture, T1, T2, uuid } from '../testing/fixtures.ts';
import {
  CONFLICT_NOTICES_KEY,
  createConflictNoticeStore,
  noticesFromPush,
  noticesOf,
  type ConflictNotice,
} from './conflict-notices.ts';
import type { KeyValueStore } from './outbox.ts';

const ID = uuid(0xc1);
const base = (): PlainObject => ({ ...fixture('customers', ID), _deleted: false });
const mine = { ...base(), industry: 'Fintech', clientUpdatedAt: T1 };
const theirs = { ...base(), industry: 'Seguros', clientUpdatedAt: T2, serverSeq: 2 };

function memoryKv(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => void data.set(k, structuredClone(v)),
  };
}

describe('conflict notices from a push answer', () => {
  it('a conflict whose merge keeps the other value tells what the device wrote and what stands', () => {
    const notices = noticesFromPush({
      collection: 'customers',
      rows: [{ assumedMasterState: base(), newDocumentState: mine }],
      conflicts: [theirs],
      rejectedIds: new Set(),
      at: T2,
    });
    expect(notices).toEqual([
      {
        id: `customers:${ID}`,
        collection: 'customers',
        documentId: ID,
        label: 'TechCorp LTDA',
        fields: [{ path: ['industry'], mine: 'Fintech', kept: 'Seguros' }],
        at: T2,
      },
    ]);
  });

  it('a rejected row, or a master no newer than the base (a rejection), is no lost conflict', () => {
    const rows = [{ assumedMasterState: base(), newDocumentState: mine }];
    const at = T2;
    expect(
      noticesFromPush({ collection: 'customers', rows, conflicts: [theirs], rejectedIds: new Set([ID]), at }),
    ).toEqual([]);
    expect(
      noticesFromPush({ collection: 'customers', rows, conflicts: [base()], rejectedIds: new Set(), at }),
    ).toEqual([]);
  });

  it('persists, merges a document’s later losses into its notice, survives a new store, and dismisses', async () => {
    const kv = memoryKv();
    const notice = (fields: ConflictNotice['fields'], at: string): ConflictNotice => ({
      id: `customers:${ID}`,
      collection: 'customers',
      documentId: ID,
      label: 'TechCorp LTDA',
      fields,
      at,
    });
    await createConflictNoticeStore(kv).record([notice([{ path: ['industry'], mine: 'A', kept: 'B' }], T1)]);
    const again = createConflictNoticeStore(kv); // a reload
    await again.record([notice([{ path: ['notes'], mine: 'x', kept: null }], T2)]);
    const stored = noticesOf(kv.data.get(CONFLICT_NOTICES_KEY));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.fields.map((f) => f.path[0])).toEqual(['notes', 'industry']);
    await again.dismiss(`customers:${ID}`);
    expect(noticesOf(kv.data.get(CONFLICT_NOTICES_KEY))).toEqual([]);
  });

  it('reads anything malformed as no notices', () => {
    expect(noticesOf(undefined)).toEqual([]);
    expect(noticesOf([{ id: 1 }, 'x'])).toEqual([]);
  });
});
