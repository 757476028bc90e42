import { describe, expect, it } from 'vitest';
import type { SyncDocument } from '../../sync/documents.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import type { Change } from '../../sync/server/store.ts';
import { localHour } from '../jobs/recompute-all-health.ts';
import { customersTouchedBy, HEALTH_INPUT_COLLECTIONS, isHealthInput } from './inputs.ts';
import { sameJson } from './recompute.ts';
import { subscribeHealthTriggers } from './triggers.ts';

const ORG = '00000000-0000-4000-8000-0000000000aa';
const C1 = '00000000-0000-4000-8000-000000000001';
const C2 = '00000000-0000-4000-8000-000000000002';

const change = (collection: Change['collection'], docs: Record<string, unknown>[]): Change => ({
  organizationId: ORG,
  collection,
  documents: docs.map(
    (d, i) => ({ id: `doc-${i}`, serverSeq: i + 1, _deleted: false, ...d }) as unknown as SyncDocument,
  ),
  checkpoint: { seq: docs.length },
});

describe('which changes start a recompute', () => {
  it('input collections name their customers; a customer document is its own customer', () => {
    expect(
      customersTouchedBy(change('activities', [{ customerId: C1 }, { customerId: C2 }, { customerId: C1 }])),
    ).toEqual([C1, C2]);
    expect(customersTouchedBy(change('customers', [{ id: C2 }]))).toEqual([C2]);
    expect(customersTouchedBy(change('invoices', [{ customerId: C1, _deleted: true }]))).toEqual([C1]);
  });

  it('health (the recompute’s own output) and other collections start nothing', () => {
    expect(isHealthInput('health')).toBe(false);
    expect(customersTouchedBy(change('health', [{ customerId: C1 }]))).toEqual([]);
    expect(customersTouchedBy(change('notifications', [{ userId: C1 }]))).toEqual([]);
    expect([...HEALTH_INPUT_COLLECTIONS].sort()).toEqual(
      ['activities', 'customers', 'invoices', 'meetings', 'metrics', 'signals', 'tickets'].sort(),
    );
  });

  it("the feed subscription asks for one run of the change's organization per input change, none for health or RESYNC", async () => {
    const feed = createMemoryChangeFeed();
    const requested: string[] = [];
    const errors: unknown[] = [];
    const stop = subscribeHealthTriggers(
      feed,
      async (org) => void requested.push(org),
      (e) => errors.push(e),
    );
    feed.publish(change('tickets', [{ customerId: C1 }, { customerId: C2 }, { customerId: C1 }]));
    feed.publish(change('health', [{ customerId: C1 }]));
    feed.resync();
    expect(requested).toEqual([ORG]);

    // A failed request is reported, not thrown into the feed.
    const failing = subscribeHealthTriggers(
      feed,
      async () => Promise.reject(new Error('queue down')),
      (e) => errors.push(e),
    );
    feed.publish(change('metrics', [{ customerId: C1 }]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toHaveLength(1);
    stop();
    failing();
    expect(feed.subscriberCount()).toBe(0);
  });
});

describe('comparing a result with the stored document', () => {
  it('ignores key order and undefined members, not values', () => {
    expect(sameJson({ a: 1, b: { c: [1, { d: null }] } }, { b: { c: [1, { d: null }] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1, x: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, { a: 0 })).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
  });
});

describe('the nightly hour', () => {
  it('is read on each organization’s wall clock', () => {
    expect(localHour(new Date('2026-01-29T06:07:00Z'), 'America/Sao_Paulo')).toBe(3);
    expect(localHour(new Date('2026-01-29T18:07:00Z'), 'Asia/Tokyo')).toBe(3);
    expect(localHour(new Date('2026-01-29T00:30:00Z'), 'UTC')).toBe(0);
  });
});
