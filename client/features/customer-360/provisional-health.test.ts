import { describe, expect, it } from 'vitest';
import {
  healthSource,
  nextAwaiting,
  writeIncluded,
  type AwaitingWrite,
  type InputDocState,
} from './provisional-health.ts';

const docs = (...list: InputDocState[]) => new Map(list.map((d) => [d.id, d]));
const ids = (...list: string[]) => new Set(list);

describe('healthSource', () => {
  it.each<[string, Parameters<typeof healthSource>[0], 'server' | 'provisional']>([
    [
      'no local write: the server’s score',
      { pendingIds: ids(), awaiting: [], docs: docs({ id: 'a', serverSeq: 5 }), healthSeq: 9 },
      'server',
    ],
    [
      'no local write and no server score: still the server’s (no data), never a guess',
      { pendingIds: ids(), awaiting: [], docs: docs(), healthSeq: null },
      'server',
    ],
    [
      'a write in the outbox: provisional, whatever the server has',
      { pendingIds: ids('a'), awaiting: [], docs: docs({ id: 'a', serverSeq: 0 }), healthSeq: 9 },
      'provisional',
    ],
    [
      'acknowledged, but the server’s copy of the document is not back yet',
      {
        pendingIds: ids(),
        awaiting: [{ id: 'a', seqWhilePending: 0 }],
        docs: docs({ id: 'a', serverSeq: 0 }),
        healthSeq: 9,
      },
      'provisional',
    ],
    [
      'acknowledged and stamped, but the health document is older than the change',
      {
        pendingIds: ids(),
        awaiting: [{ id: 'a', seqWhilePending: 0 }],
        docs: docs({ id: 'a', serverSeq: 12 }),
        healthSeq: 9,
      },
      'provisional',
    ],
    [
      'the server recomputed after the change: its score',
      {
        pendingIds: ids(),
        awaiting: [{ id: 'a', seqWhilePending: 0 }],
        docs: docs({ id: 'a', serverSeq: 12 }),
        healthSeq: 13,
      },
      'server',
    ],
    [
      'an edit of an existing document waits for a seq past the one it had',
      {
        pendingIds: ids(),
        awaiting: [{ id: 'a', seqWhilePending: 7 }],
        docs: docs({ id: 'a', serverSeq: 7 }),
        healthSeq: 9,
      },
      'provisional',
    ],
    [
      'one of two changes included, the other not yet',
      {
        pendingIds: ids(),
        awaiting: [
          { id: 'a', seqWhilePending: 0 },
          { id: 'b', seqWhilePending: 0 },
        ],
        docs: docs({ id: 'a', serverSeq: 12 }, { id: 'b', serverSeq: 14 }),
        healthSeq: 13,
      },
      'provisional',
    ],
  ])('%s', (_, input, expected) => {
    expect(healthSource(input)).toBe(expected);
  });
});

describe('writeIncluded', () => {
  it('counts a document no longer on the device as included (nothing left to wait for)', () => {
    expect(writeIncluded({ id: 'gone', seqWhilePending: 3 }, { docs: docs(), healthSeq: null })).toBe(true);
  });
});

describe('nextAwaiting', () => {
  const empty = { pendingIds: ids(), awaiting: [] as AwaitingWrite[], seqs: new Map<string, number>() };

  it('follows a write from the outbox to the server’s score', () => {
    // 1. Logged offline: pending, nothing awaiting yet.
    const pending = { pendingIds: ids('a'), docs: docs({ id: 'a', serverSeq: 0 }), healthSeq: 9 };
    const step1 = nextAwaiting(empty, pending);
    expect(step1).toEqual([]);
    // 2. Pushed and acknowledged: the outbox forgot it; it waits with the seq it had while pending.
    const acked = { pendingIds: ids(), docs: docs({ id: 'a', serverSeq: 0 }), healthSeq: 9 };
    const step2 = nextAwaiting({ pendingIds: ids('a'), awaiting: step1, seqs: new Map([['a', 0]]) }, acked);
    expect(step2).toEqual([{ id: 'a', seqWhilePending: 0 }]);
    expect(healthSource({ ...acked, awaiting: step2 })).toBe('provisional');
    // 3. The stamped document is pulled back; the health is still the old one.
    const stamped = { pendingIds: ids(), docs: docs({ id: 'a', serverSeq: 12 }), healthSeq: 9 };
    const step3 = nextAwaiting({ pendingIds: ids(), awaiting: step2, seqs: new Map() }, stamped);
    expect(step3).toEqual([{ id: 'a', seqWhilePending: 0 }]);
    // 4. The recomputed health arrives: nothing left to wait for.
    const recomputed = { ...stamped, healthSeq: 13 };
    const step4 = nextAwaiting({ pendingIds: ids(), awaiting: step3, seqs: new Map() }, recomputed);
    expect(step4).toEqual([]);
    expect(healthSource({ ...recomputed, awaiting: step4 })).toBe('server');
  });

  it('drops a write that is pending again and keeps the later round of the same document', () => {
    const current = { pendingIds: ids('a'), docs: docs({ id: 'a', serverSeq: 12 }), healthSeq: 9 };
    expect(
      nextAwaiting(
        { pendingIds: ids(), awaiting: [{ id: 'a', seqWhilePending: 0 }], seqs: new Map() },
        current,
      ),
    ).toEqual([]);
    const acked = { pendingIds: ids(), docs: docs({ id: 'a', serverSeq: 12 }), healthSeq: 13 };
    expect(
      nextAwaiting(
        { pendingIds: ids('a'), awaiting: [{ id: 'a', seqWhilePending: 0 }], seqs: new Map([['a', 12]]) },
        acked,
      ),
    ).toEqual([{ id: 'a', seqWhilePending: 12 }]);
  });
});
