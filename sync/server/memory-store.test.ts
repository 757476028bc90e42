import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainObject, SyncDocument } from '../documents.ts';
import { createPushDecider } from '../push/decide.ts';
import {
  ADMIN,
  CUSTOMER_LOJA,
  CUSTOMER_OTHER_ORG,
  CUSTOMER_TECHCORP,
  fixture,
  LOJA_CLIENT,
  MARIA_CSM,
  ORG_A,
  ORG_B,
  OTHER_ORG_ADMIN,
  TECHCORP_CLIENT,
  uuid,
} from '../testing/fixtures.ts';
import { readFilterFor } from '../visibility.ts';
import { createMemoryChangeFeed } from './memory-feed.ts';
import { createMemorySyncStore } from './memory-store.ts';
import type { Change } from './store.ts';
import { syncStoreContract, type ContractTenant } from './store-contract.ts';

syncStoreContract(
  'memory',
  { serverSeq: 'per-organization', firstTicketNumber: 1, derivesCustomerRevenue: false, idSpace: 'global' },
  async (clock) => {
    const feed = createMemoryChangeFeed();
    const store = createMemorySyncStore({ feed, clock });
    const otherOrgCustomer = uuid(0xc8);
    const a: ContractTenant = {
      organizationId: ORG_A,
      customerId: CUSTOMER_TECHCORP,
      otherCustomerId: CUSTOMER_LOJA,
      admin: ADMIN,
      csm: MARIA_CSM,
      client: TECHCORP_CLIENT,
      otherClient: LOJA_CLIENT,
    };
    const b: ContractTenant = {
      organizationId: ORG_B,
      customerId: CUSTOMER_OTHER_ORG,
      otherCustomerId: otherOrgCustomer,
      admin: OTHER_ORG_ADMIN,
      csm: { ...MARIA_CSM, userId: uuid(0x302), organizationId: ORG_B },
      client: {
        role: 'client',
        userId: uuid(0x303),
        organizationId: ORG_B,
        customerId: CUSTOMER_OTHER_ORG,
      },
      otherClient: {
        role: 'client',
        userId: uuid(0x304),
        organizationId: ORG_B,
        customerId: otherOrgCustomer,
      },
    };
    for (const t of [a, b]) {
      for (const user of [t.admin, t.csm, t.client, t.otherClient])
        store.writeUser(t.organizationId, user.userId);
    }
    for (const t of [a, b])
      for (const id of [t.customerId, t.otherCustomerId])
        store.writeAsServer(t.organizationId, 'customers', { ...fixture('customers', id), contacts: [] });
    return {
      store,
      feed,
      a,
      b,
      seed: async (organizationId, collection, doc) =>
        void store.writeAsServer(organizationId, collection, doc),
    };
  },
);

function setup() {
  const feed = createMemoryChangeFeed();
  const changes: Change[] = [];
  feed.subscribe((e) => void (e !== 'RESYNC' && changes.push(e)));
  let tick = 0;
  const store = createMemorySyncStore({ feed, clock: () => new Date(Date.UTC(2026, 10, 21, 10, 0, tick++)) });
  store.writeAsServer(ORG_A, 'customers', fixture('customers', CUSTOMER_TECHCORP));
  store.writeAsServer(ORG_A, 'customers', { ...fixture('customers', CUSTOMER_LOJA), name: 'Loja Bela' });
  changes.length = 0;
  return { feed, store, changes };
}

const goal = (n: number, customerId = CUSTOMER_TECHCORP): PlainObject => ({
  ...fixture('goals', uuid(0x600 + n), { customerId }),
  serverSeq: 0,
});
const rowsOf = (docs: object[]) =>
  docs.map((d) => ({ assumedMasterState: null, newDocumentState: d as never }));
const decideGoals = createPushDecider('goals', {});

describe('in-memory SyncStore', () => {
  it('assigns gap-free serverSeq per organization and publishes one change per batch, in commit order', async () => {
    const { store, changes } = setup();
    await store.push({
      identity: MARIA_CSM,
      collection: 'goals',
      rows: rowsOf([goal(1), goal(2)]),
      decide: decideGoals,
    });
    await store.push({
      identity: TECHCORP_CLIENT,
      collection: 'goals',
      rows: rowsOf([goal(3)]),
      decide: decideGoals,
    });
    expect(changes.map((c) => c.documents.map((d) => d.serverSeq))).toEqual([[3, 4], [5]]);
    expect(changes.map((c) => c.checkpoint)).toEqual([{ seq: 4 }, { seq: 5 }]);
    expect(store.lastSeq(ORG_A)).toBe(5);
    expect(store.lastSeq(ORG_B)).toBe(0);
  });

  it('pull pages strictly after the checkpoint, ascending, scoped by the filter', async () => {
    const { store } = setup();
    const docs = [goal(1), goal(2, CUSTOMER_LOJA), goal(3), goal(4)];
    await store.push({ identity: ADMIN, collection: 'goals', rows: rowsOf(docs), decide: decideGoals });
    const pull = (after: number, identity = TECHCORP_CLIENT, limit = 2) =>
      store.pull({
        identity,
        collection: 'goals',
        after: { seq: after },
        limit,
        filter: readFilterFor(identity, 'goals')!,
      });
    const seqs = (list: SyncDocument[]) => list.map((d) => d.serverSeq);
    expect(seqs(await pull(0))).toEqual([3, 5]);
    expect(seqs(await pull(5))).toEqual([6]);
    expect(seqs(await pull(6))).toEqual([]);
    expect(seqs(await pull(0, ADMIN, 10))).toEqual([3, 4, 5, 6]);
    expect(await pull(0, OTHER_ORG_ADMIN, 10)).toEqual([]);
  });

  it('an id owned by another organization is refused, not overwritten', async () => {
    const { store } = setup();
    await store.push({ identity: ADMIN, collection: 'goals', rows: rowsOf([goal(1)]), decide: decideGoals });
    store.writeAsServer(ORG_B, 'customers', fixture('customers', uuid(0xc9)));
    const hijack = { ...goal(1), customerId: uuid(0xc9), title: 'Roubado' };
    const [d] = await store.push({
      identity: OTHER_ORG_ADMIN,
      collection: 'goals',
      rows: rowsOf([hijack]),
      decide: decideGoals,
    });
    expect(d).toMatchObject({
      kind: 'rejected',
      code: 'forbidden',
      master: { serverSeq: 0, _deleted: true },
    });
    expect(store.peek('goals', uuid(0x601))).toMatchObject({
      organizationId: ORG_A,
      doc: { title: goal(1).title },
    });
  });

  it('a batch is all or nothing: a failing decision writes none of it', async () => {
    const { store } = setup();
    let calls = 0;
    const failing = createPushDecider('goals', {});
    await expect(
      store.push({
        identity: ADMIN,
        collection: 'goals',
        rows: rowsOf([goal(1), goal(2)]),
        decide: (input) => {
          if (++calls === 2) throw new Error('boom');
          return failing(input);
        },
      }),
    ).rejects.toThrow('boom');
    expect(store.peek('goals', uuid(0x601))).toBeUndefined();
    expect(store.lastSeq(ORG_A)).toBe(2);
  });

  it('assigns ticket numbers per organization on first write', async () => {
    const { store } = setup();
    const ticket = { ...fixture('tickets', uuid(0x700)), number: null, slaDeadline: null, serverSeq: 0 };
    const [d] = await store.push({
      identity: TECHCORP_CLIENT,
      collection: 'tickets',
      rows: rowsOf([ticket]),
      decide: createPushDecider('tickets', {}),
    });
    expect(d?.kind).toBe('write');
    expect(store.peek('tickets', uuid(0x700))?.doc.number).toBe(1);
  });

  it('property: any interleaving of batches yields consecutive seqs 1..n with pulls seeing each row once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
        async (sizes) => {
          const { store } = setup();
          let n = 0;
          await Promise.all(
            sizes.map((size) =>
              store.push({
                identity: ADMIN,
                collection: 'goals',
                rows: rowsOf(Array.from({ length: size }, () => goal(++n))),
                decide: decideGoals,
              }),
            ),
          );
          const seen: number[] = [];
          let after = 0;
          for (;;) {
            const page = await store.pull({
              identity: ADMIN,
              collection: 'goals',
              after: { seq: after },
              limit: 3,
              filter: readFilterFor(ADMIN, 'goals')!,
            });
            if (page.length === 0) break;
            seen.push(...page.map((d) => d.serverSeq));
            after = page.at(-1)!.serverSeq;
          }
          // Seqs 1 and 2 are the two customers written in setup.
          expect(seen).toEqual(Array.from({ length: n }, (_, i) => i + 3));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('in-memory change feed', () => {
  it('delivers in order to every subscriber, isolates failures, and unsubscribes idempotently', () => {
    const errors: unknown[] = [];
    const feed = createMemoryChangeFeed((e) => errors.push(e));
    const got: unknown[] = [];
    const offA = feed.subscribe(() => {
      throw new Error('listener bug');
    });
    const offB = feed.subscribe((e) => got.push(e));
    const change: Change = {
      organizationId: ORG_A,
      collection: 'goals',
      documents: [],
      checkpoint: { seq: 1 },
    };
    feed.publish(change);
    feed.resync();
    expect(got).toEqual([change, 'RESYNC']);
    expect(errors).toHaveLength(2);
    offA();
    offA();
    offB();
    expect(feed.subscriberCount()).toBe(0);
  });
});
