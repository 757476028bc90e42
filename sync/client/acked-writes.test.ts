import { describe, expect, it } from 'vitest';
import { resolveConflict } from '../conflicts/handlers.ts';
import type { PlainObject } from '../documents.ts';
import { fixture, uuid } from '../testing/fixtures.ts';
import {
  ACKED_WRITES_KEY,
  ackedWritesOf,
  createAckedWrites,
  judgePulled,
  type AckedWrite,
} from './acked-writes.ts';
import type { KeyValueStore } from './outbox.ts';

/**
 * Maria's offline edit reaches the server first and is stored; João's concurrent one arrives later, his device
 * merges against hers, and the merge's rule keeps his. Maria's device only pulls the result: it must still tell
 * her, and must not mistake a later edit for a lost conflict.
 */
const ID = uuid(0xc1);
const base = (): PlainObject => ({ ...fixture('customers', ID), _deleted: false }); // serverSeq 1
const MARIA_AT = '2026-11-20T12:01:00.000Z';
const JOAO_AT = '2026-11-20T12:02:00.000Z';
const MARIA_ACKED = '2026-11-20T12:05:00.000Z';
const LATER = '2026-11-20T12:06:00.000Z';

const marias = { ...base(), industry: 'Pagamentos', clientUpdatedAt: MARIA_AT };
const entry: AckedWrite = {
  collection: 'customers',
  id: ID,
  stamp: MARIA_AT,
  ackedAt: MARIA_ACKED,
  base: base(),
  mine: marias,
};
/** João's device merges his write against Maria's stored one and pushes the result (stored at serverSeq 3). */
const joaosMerge = (change: PlainObject, at: string): PlainObject => ({
  ...resolveConflict('customers', {
    assumedMasterState: base(),
    realMasterState: { ...marias, serverSeq: 2 },
    newDocumentState: { ...base(), ...change, clientUpdatedAt: at },
  }),
  serverSeq: 3,
});

function memoryKv(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (k) => structuredClone(data.get(k)),
    set: async (k, v) => void data.set(k, structuredClone(v)),
  };
}

describe('judgePulled', () => {
  it('a concurrent write that won the merge: Maria is told what she wrote and what stands', () => {
    const verdict = judgePulled(entry, joaosMerge({ industry: 'Seguros' }, JOAO_AT), LATER);
    expect(verdict).toMatchObject({
      kind: 'lost',
      notice: {
        id: `customers:${ID}`,
        label: 'TechCorp LTDA',
        fields: [{ path: ['industry'], mine: 'Pagamentos', kept: 'Seguros' }],
      },
    });
  });

  it.each([
    ['her own write coming back', { ...marias, serverSeq: 2 }, 'keep'],
    ['an older state arriving late', { ...base(), clientUpdatedAt: '2026-11-20T11:00:00.000Z' }, 'keep'],
    [
      'a concurrent write to another field (both kept)',
      joaosMerge({ location: 'Recife, PE' }, JOAO_AT),
      'keep',
    ],
    [
      'an edit stamped after hers was accepted',
      { ...marias, industry: 'Seguros', clientUpdatedAt: LATER },
      'forget',
    ],
  ])('%s → %s', (_, pulled, kind) => {
    expect(judgePulled(entry, pulled, LATER).kind).toBe(kind);
  });
});

describe('acked writes store', () => {
  it('remembers an accepted write across a reload and tells the loss once when the winning merge is pulled', async () => {
    const kv = memoryKv();
    let now = new Date(MARIA_ACKED);
    const first = createAckedWrites({ store: kv, now: () => now });
    await first.remember('customers', [{ assumedMasterState: base(), newDocumentState: marias }]);
    expect(ackedWritesOf(kv.data.get(ACKED_WRITES_KEY))).toHaveLength(1);

    now = new Date(LATER);
    const reloaded = createAckedWrites({ store: kv, now: () => now });
    expect(await reloaded.inspect('customers', [{ ...marias, serverSeq: 2 }])).toEqual([]);
    const merged = joaosMerge({ industry: 'Seguros' }, JOAO_AT);
    const notices = await reloaded.inspect('customers', [merged]);
    expect(notices.map((n) => n.fields)).toEqual([
      [{ path: ['industry'], mine: 'Pagamentos', kept: 'Seguros' }],
    ]);
    expect(await reloaded.inspect('customers', [merged])).toEqual([]);
    expect(ackedWritesOf(kv.data.get(ACKED_WRITES_KEY))).toEqual([]);
  });

  it('forgets writes past their age and beyond the bound', async () => {
    const kv = memoryKv();
    let now = new Date(MARIA_ACKED);
    const store = createAckedWrites({ store: kv, now: () => now });
    await store.remember('customers', [{ assumedMasterState: base(), newDocumentState: marias }]);
    now = new Date(Date.parse(MARIA_ACKED) + 15 * 24 * 60 * 60 * 1000);
    await store.remember('customers', [
      { assumedMasterState: null, newDocumentState: { ...marias, id: uuid(0xc2) } },
    ]);
    expect(ackedWritesOf(kv.data.get(ACKED_WRITES_KEY)).map((e) => e.id)).toEqual([uuid(0xc2)]);
  });
});
