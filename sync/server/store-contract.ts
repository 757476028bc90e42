import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../shared/collections/index.ts';
import { slaDeadline } from '../../shared/domain/portal/sla.ts';
import type { PlainObject, SyncDocument } from '../documents.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import type { PushRow } from '../protocol.ts';
import { createPushDecider, type PushDecider, type PushDecision } from '../push/decide.ts';
import { fixture } from '../testing/fixtures.ts';
import { readFilterFor } from '../visibility.ts';
import type { Change, ChangeFeed, SyncStore } from './store.ts';

/**
 * The `SyncStore` contract (store.ts), run against every implementation: the in-memory store
 * (memory-store.test.ts) and the PostgreSQL store (server/sync/pg-store-contract.pg.test.ts). The fast route
 * and replication tests run over the memory store; this suite is what makes their results say something about
 * the PostgreSQL store.
 *
 * Where the two stores legitimately differ, the difference is a named trait (`StoreTraits`) and the test
 * asserts the declared behaviour for each value — nothing is skipped.
 */

/** One organization as the contract needs it: staff, two customers, one client user for each. */
export interface ContractTenant {
  readonly organizationId: string;
  readonly customerId: string;
  readonly otherCustomerId: string;
  readonly admin: UserIdentity;
  readonly csm: UserIdentity;
  /** Client user of `customerId`. */
  readonly client: UserIdentity;
  /** Client user of `otherCustomerId`. */
  readonly otherClient: UserIdentity;
}

export interface ContractWorld {
  readonly store: SyncStore;
  /** The feed the store publishes to. */
  readonly feed: ChangeFeed;
  readonly a: ContractTenant;
  /** A second organization (tenant isolation). */
  readonly b: ContractTenant;
  /**
   * Stores a document on the server's own account (as the seed loader or a job would), bypassing the device
   * rules; the store stamps it. Whether this publishes a change is not part of the contract.
   */
  seed(organizationId: string, collection: CollectionName, doc: PlainObject): Promise<void>;
}

/** Behaviour the interface leaves to the implementation; each store declares its own. */
export interface StoreTraits {
  /**
   * `per-organization`: an organization's serverSeqs are 1, 2, 3… with no holes (memory store).
   * `shared-sequence`: one database sequence for all organizations, so an organization's seqs ascend in
   * commit order but with holes (PostgreSQL: `sync_seq`, and a refused row's number is never reused).
   * Pull checkpoints only need "ascending in commit order", which both give.
   */
  readonly serverSeq: 'per-organization' | 'shared-sequence';
  /** The number an organization's first store-numbered ticket gets (memory: 1, PostgreSQL: 2801). */
  readonly firstTicketNumber: number;
  /**
   * Whether the store derives a customer's revenue fields (`mrrCents`/`arrCents`) from its active contracts on
   * write. The PostgreSQL store does (it reads payments and the organization's time zone); the memory store
   * stores what the decision gave: the create defaults (0) for a new customer.
   */
  readonly derivesCustomerRevenue: boolean;
  /**
   * `global`: one id space per collection (memory: like a primary key on `id`), so another organization's
   * create with a taken id is refused as `forbidden`.
   * `per-organization`: the primary key is `(organization_id, id)` (PostgreSQL), so the same id in another
   * organization is simply a different row. Either way the first organization's row stays as it was and
   * nothing about it is revealed.
   */
  readonly idSpace: 'global' | 'per-organization';
}

/** `clock` is read by the store on every write; the contract moves it. */
export type ContractWorldFactory = (clock: () => Date) => Promise<ContractWorld>;

const T_START = Date.parse('2026-11-21T10:00:00.000Z');
/** A date the device claims; the store must never keep it. */
const DEVICE_CLAIMED_AT = '2001-01-01T00:00:00.000Z';

const newId = (): string => globalThis.crypto.randomUUID();
const create = (doc: PlainObject): PushRow => ({
  assumedMasterState: null,
  newDocumentState: doc as PushRow['newDocumentState'],
});
const edit = (master: PlainObject, next: PlainObject): PushRow => ({
  assumedMasterState: master as PushRow['assumedMasterState'],
  newDocumentState: next as PushRow['newDocumentState'],
});
const seqsOf = (docs: readonly SyncDocument[]) => docs.map((d) => d.serverSeq);
const idsOf = (docs: readonly { id: string }[]) => docs.map((d) => d.id);
const kindsOf = (decisions: readonly PushDecision[]) => decisions.map((d) => d.kind);

/** A pushed document as the contract builds it. */
type Doc = PlainObject & { readonly id: string };

const goal = (customerId: string, title = 'Gerar 200 leads em novembro', id = newId()): Doc => ({
  ...fixture('goals', id, { customerId }),
  id,
  title,
  serverSeq: 0,
  updatedAt: DEVICE_CLAIMED_AT,
  _deleted: false,
});
const ticket = (customerId: string, createdBy: string, id = newId()): Doc => ({
  ...fixture('tickets', id, { customerId, userId: createdBy }),
  id,
  number: null,
  slaDeadline: null,
  messages: [],
  _deleted: false,
});
const meeting = (customerId: string, accountManagerId: string, id = newId()): Doc => ({
  ...fixture('meetings', id, { customerId }),
  id,
  accountManagerId,
  _deleted: false,
});
const customerWithContract = (csmId: string, id = newId()): Doc => ({
  ...fixture('customers', id),
  id,
  csmId,
  contacts: [],
  contracts: [
    {
      id: newId(),
      name: 'Plano Pro Anual',
      contractNumber: 'CTR-2026-0001',
      status: 'active',
      monthlyValueCents: 450_000,
      totalValueCents: 5_400_000,
      currency: 'BRL',
      startDate: '2026-01-01',
      endDate: '2027-01-01',
      billingCycle: 'monthly',
      renewalType: 'auto_renew',
      renewalNotificationDays: 30,
      items: [],
      documentUrl: null,
      signedAt: null,
      signedBy: null,
      previousContractId: null,
    },
  ],
  mrrCents: 1,
  arrCents: 1,
  _deleted: false,
});

export function syncStoreContract(name: string, traits: StoreTraits, factory: ContractWorldFactory): void {
  describe(`SyncStore contract: ${name}`, () => {
    async function setup() {
      let now = T_START;
      const clock = () => new Date(now);
      const world = await factory(clock);
      const changes: Change[] = [];
      world.feed.subscribe((event) => {
        if (event !== 'RESYNC') changes.push(event);
      });
      const deciders = new Map<CollectionName, PushDecider>();
      const deciderFor = (collection: CollectionName) => {
        let d = deciders.get(collection);
        if (!d) deciders.set(collection, (d = createPushDecider(collection, {})));
        return d;
      };
      const push = (identity: UserIdentity, collection: CollectionName, rows: PushRow[]) =>
        world.store.push({ identity, collection, rows, decide: deciderFor(collection) });
      const pullQuery = (identity: UserIdentity, collection: CollectionName, after = 0, limit = 1000) => ({
        identity,
        collection,
        after: { seq: after },
        limit,
        filter: readFilterFor(identity, collection)!,
      });
      /** A page as the pull route sends it (`pullJson`), parsed; its count and last seq checked. */
      const pull = async (identity: UserIdentity, collection: CollectionName, after = 0, limit = 1000) => {
        const page = await world.store.pullJson(pullQuery(identity, collection, after, limit));
        const documents = JSON.parse(page.json) as SyncDocument[];
        expect(page.count).toBe(documents.length);
        expect(page.lastSeq).toBe(documents.at(-1)?.serverSeq ?? null);
        return documents;
      };
      /** Pages through `collection` `limit` at a time until a page comes back empty. */
      async function pullAll(identity: UserIdentity, collection: CollectionName, limit: number) {
        const pages: SyncDocument[][] = [];
        let after = 0;
        for (;;) {
          const page = await pull(identity, collection, after, limit);
          if (page.length === 0) return pages;
          pages.push(page);
          after = page.at(-1)!.serverSeq;
        }
      }
      const find = async (identity: UserIdentity, collection: CollectionName, id: string) =>
        (await pull(identity, collection)).find((d) => d.id === id);
      return {
        ...world,
        changes,
        push,
        pull,
        pullQuery,
        pullAll,
        find,
        /** Moves the store's clock forward and returns the new instant as the store must stamp it. */
        tick(seconds = 60) {
          now += seconds * 1000;
          return new Date(now).toISOString();
        },
      };
    }

    describe('pull', () => {
      it('returns rows strictly after the checkpoint, ascending by serverSeq, at most `limit`', async () => {
        const w = await setup();
        const { customerId } = w.a;
        await w.push(w.a.csm, 'goals', [create(goal(customerId)), create(goal(customerId))]);
        await w.push(w.a.client, 'goals', [create(goal(customerId))]);
        const all = await w.pull(w.a.admin, 'goals');
        expect(all).toHaveLength(3);
        expect(seqsOf(all)).toEqual([...seqsOf(all)].sort((x, y) => x - y));
        expect(new Set(seqsOf(all)).size).toBe(3);

        expect(await w.pull(w.a.admin, 'goals', all[0]!.serverSeq)).toEqual(all.slice(1));
        expect(await w.pull(w.a.admin, 'goals', 0, 2)).toEqual(all.slice(0, 2));
        expect(await w.pull(w.a.admin, 'goals', all[2]!.serverSeq)).toEqual([]);

        // An edit is a new version: the row moves to the end of the order.
        await w.push(w.a.csm, 'goals', [edit(all[0]!, { ...all[0]!, targetValue: 321 })]);
        const reordered = await w.pull(w.a.admin, 'goals');
        expect(idsOf(reordered)).toEqual(idsOf([all[1]!, all[2]!, all[0]!]));
        expect(seqsOf(reordered)).toEqual([...seqsOf(reordered)].sort((x, y) => x - y));
      });

      it('pullJson is pull serialized (what the route sends is what the store reads)', async () => {
        const w = await setup();
        await w.push(w.a.csm, 'goals', [create(goal(w.a.customerId)), create(goal(w.a.otherCustomerId))]);
        for (const [who, collection] of [
          [w.a.admin, 'goals'],
          [w.a.client, 'goals'],
          [w.a.csm, 'customers'],
        ] as const) {
          const query = w.pullQuery(who, collection);
          const documents = await w.store.pull(query);
          expect(documents.length).toBeGreaterThan(0);
          expect(JSON.parse((await w.store.pullJson(query)).json)).toEqual(documents);
        }
        expect(await w.store.pullJson(w.pullQuery(w.b.admin, 'goals'))).toEqual({
          json: '[]',
          count: 0,
          lastSeq: null,
        });
      });

      it('pages through concurrent batches gap-free: every committed row exactly once', async () => {
        const w = await setup();
        const { customerId, otherCustomerId } = w.a;
        const batches = [3, 1, 4, 2, 5].map((size, i) =>
          Array.from({ length: size }, () => create(goal(i % 2 ? customerId : otherCustomerId))),
        );
        // Interleaved with a puller that moves its checkpoint while the writers commit.
        const seen: string[] = [];
        let after = 0;
        const writers = Promise.all(
          batches.map((rows, i) => w.push(i % 2 ? w.a.admin : w.a.csm, 'goals', rows)),
        );
        let done = false;
        void writers.then(
          () => (done = true),
          () => (done = true),
        );
        while (!done) {
          const page = await w.pull(w.a.admin, 'goals', after, 2);
          seen.push(...idsOf(page));
          if (page.length) after = page.at(-1)!.serverSeq;
          else await new Promise((resolve) => setTimeout(resolve, 1));
        }
        const decisions = (await writers).flat();
        expect(decisions.every((d) => d.kind === 'write')).toBe(true);
        for (;;) {
          const page = await w.pull(w.a.admin, 'goals', after, 2);
          if (page.length === 0) break;
          seen.push(...idsOf(page));
          after = page.at(-1)!.serverSeq;
        }
        const pushed = batches.flat().map((r) => r.newDocumentState.id);
        expect([...seen].sort()).toEqual([...pushed].sort());

        const pages = await w.pullAll(w.a.admin, 'goals', 3);
        expect(pages.every((p) => p.length <= 3)).toBe(true);
        const seqs = pages.flat().map((d) => d.serverSeq);
        expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
        expect(new Set(seqs).size).toBe(pushed.length);
      });

      it(`numbers an organization's rows ${traits.serverSeq === 'per-organization' ? '1, 2, 3… without holes' : 'ascending in commit order (holes allowed)'}`, async () => {
        const w = await setup();
        await w.push(w.a.csm, 'goals', [create(goal(w.a.customerId)), create(goal(w.a.customerId))]);
        await w.push(w.b.csm, 'goals', [create(goal(w.b.customerId))]);
        await w.push(w.a.csm, 'goals', [create(goal(w.a.customerId))]);
        const seqs = [
          ...seqsOf(await w.pull(w.a.admin, 'customers')),
          ...seqsOf(await w.pull(w.a.admin, 'goals')),
        ];
        const sorted = [...seqs].sort((x, y) => x - y);
        if (traits.serverSeq === 'per-organization') {
          expect(sorted).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
        } else {
          expect(new Set(sorted).size).toBe(seqs.length);
          expect(sorted.every((s) => Number.isSafeInteger(s) && s > 0)).toBe(true);
        }
      });

      it('includes tombstones: a delete is a new version with `_deleted: true`', async () => {
        const w = await setup();
        const doc = goal(w.a.customerId);
        await w.push(w.a.csm, 'goals', [create(doc)]);
        const master = (await w.find(w.a.csm, 'goals', doc.id))!;
        const [deleted] = await w.push(w.a.csm, 'goals', [edit(master, { ...master, _deleted: true })]);
        expect(deleted?.kind).toBe('write');
        const after = await w.pull(w.a.client, 'goals', master.serverSeq);
        expect(after).toEqual([
          expect.objectContaining({
            id: doc.id,
            _deleted: true,
            title: doc.title,
            customerId: w.a.customerId,
          }),
        ]);
        expect(after[0]!.serverSeq).toBeGreaterThan(master.serverSeq);
        // Deleting it again leaves nothing to do.
        const published = w.changes.length;
        const [again] = await w.push(w.a.csm, 'goals', [edit(after[0]!, { ...after[0]!, _deleted: true })]);
        expect(again?.kind).toBe('unchanged');
        expect(await w.pull(w.a.client, 'goals', after[0]!.serverSeq)).toEqual([]);
        expect(w.changes.length).toBe(published);
      });
    });

    describe('scope', () => {
      it('a client user pulls only their own customer, staff the whole organization, nothing crosses organizations', async () => {
        const w = await setup();
        const mine = goal(w.a.customerId);
        const theirs = goal(w.a.otherCustomerId);
        await w.push(w.a.csm, 'goals', [create(mine), create(theirs)]);
        await w.push(w.b.csm, 'goals', [create(goal(w.b.customerId))]);

        expect(idsOf(await w.pull(w.a.client, 'customers'))).toEqual([w.a.customerId]);
        expect(idsOf(await w.pull(w.a.client, 'goals'))).toEqual([mine.id]);
        expect(idsOf(await w.pull(w.a.otherClient, 'goals'))).toEqual([theirs.id]);
        expect(idsOf(await w.pull(w.a.admin, 'goals')).sort()).toEqual([mine.id, theirs.id].sort());
        expect(idsOf(await w.pull(w.a.csm, 'customers')).sort()).toEqual(
          [w.a.customerId, w.a.otherCustomerId].sort(),
        );
        const other = [...(await w.pull(w.b.admin, 'goals')), ...(await w.pull(w.b.admin, 'customers'))];
        expect(
          other.filter((d) => d.id === mine.id || d.id === theirs.id || d.id === w.a.customerId),
        ).toEqual([]);
        expect(other).toHaveLength(3);
      });

      it('user-scoped rows reach only their owner, whatever the role', async () => {
        const w = await setup();
        const owners = [w.a.client, w.a.otherClient, w.a.csm, w.a.admin];
        const byOwner = new Map<string, string>();
        for (const owner of owners) {
          const id = newId();
          byOwner.set(owner.userId, id);
          await w.seed(owner.organizationId, 'notifications', {
            ...fixture('notifications', id, { customerId: w.a.customerId, userId: owner.userId }),
            _deleted: false,
          });
        }
        for (const owner of owners) {
          expect(idsOf(await w.pull(owner, 'notifications'))).toEqual([byOwner.get(owner.userId)]);
        }
        expect(await w.pull(w.b.admin, 'notifications')).toEqual([]);
      });
    });

    describe('push', () => {
      it('accepts a create and stamps the server-owned fields with its own clock and numbers', async () => {
        const w = await setup();
        const stampedAt = w.tick();
        const before = Math.max(0, ...seqsOf(await w.pull(w.a.admin, 'customers')));
        const pushed = goal(w.a.customerId);
        const doc = { ...pushed, serverSeq: 999_999 };
        const [decision] = await w.push(w.a.client, 'goals', [create(doc)]);
        expect(decision).toMatchObject({ kind: 'write', id: doc.id });
        const stored = (await w.find(w.a.client, 'goals', doc.id))!;
        expect(stored).toMatchObject({ title: pushed.title, customerId: w.a.customerId, _deleted: false });
        expect(stored.updatedAt).toBe(stampedAt);
        expect(stored.serverSeq).toBeGreaterThan(before);
        expect(stored.serverSeq).not.toBe(999_999);
      });

      it(`numbers new tickets per organization, consecutively from ${traits.firstTicketNumber}`, async () => {
        const w = await setup();
        const mine = { ...ticket(w.a.customerId, w.a.client.userId), number: 7 };
        const [d1] = await w.push(w.a.client, 'tickets', [create(mine)]);
        const staff = ticket(w.a.otherCustomerId, w.a.csm.userId);
        const [d2] = await w.push(w.a.csm, 'tickets', [create(staff)]);
        const elsewhere = ticket(w.b.customerId, w.b.csm.userId);
        await w.push(w.b.csm, 'tickets', [create(elsewhere)]);
        expect(kindsOf([d1!, d2!])).toEqual(['write', 'write']);
        // The device's number is server-owned: ignored like any other server-owned value.
        expect((await w.find(w.a.csm, 'tickets', mine.id))?.number).toBe(traits.firstTicketNumber);
        expect((await w.find(w.a.csm, 'tickets', staff.id))?.number).toBe(traits.firstTicketNumber + 1);
        expect((await w.find(w.b.csm, 'tickets', elsewhere.id))?.number).toBe(traits.firstTicketNumber);
        // A later edit keeps the number.
        const master = (await w.find(w.a.client, 'tickets', mine.id))!;
        await w.push(w.a.csm, 'tickets', [edit(master, { ...master, priority: 'high', number: null })]);
        expect((await w.find(w.a.csm, 'tickets', mine.id))?.number).toBe(traits.firstTicketNumber);
      });

      it("stores a client's new ticket with its number and the shared SLA rule's deadline; a retry changes nothing", async () => {
        const w = await setup();
        // The device's values for server-owned fields are ignored; the deadline is the rule's, not the device's.
        const opened = ticket(w.a.customerId, w.a.client.userId);
        const createdAt = String(opened.createdAt);
        const doc = { ...opened, priority: 'high', slaDeadline: DEVICE_CLAIMED_AT };
        const expected = slaDeadline({ priority: 'high', createdAt });
        const [d] = await w.push(w.a.client, 'tickets', [create(doc)]);
        expect(d).toMatchObject({ kind: 'write' });
        const stored = (await w.find(w.a.client, 'tickets', doc.id))!;
        expect(stored).toMatchObject({ number: traits.firstTicketNumber, slaDeadline: expected });
        expect(Date.parse(expected)).toBe(Date.parse(createdAt) + 4 * 3_600_000);

        const published = w.changes.length;
        const [retry] = await w.push(w.a.client, 'tickets', [create(doc)]);
        expect(retry).toEqual({ kind: 'unchanged', id: doc.id });
        expect(w.changes).toHaveLength(published);
        expect(await w.find(w.a.client, 'tickets', doc.id)).toEqual(stored);

        // Staff raising the priority moves the deadline by the same rule; the number stays.
        const [raised] = await w.push(w.a.csm, 'tickets', [edit(stored, { ...stored, priority: 'urgent' })]);
        expect(raised).toMatchObject({ kind: 'write' });
        expect(await w.find(w.a.csm, 'tickets', doc.id)).toMatchObject({
          number: traits.firstTicketNumber,
          slaDeadline: slaDeadline({ priority: 'urgent', createdAt }),
        });
      });

      it(
        traits.derivesCustomerRevenue
          ? "derives a customer's revenue from its active contracts, ignoring the device's values"
          : "stores a new customer's revenue as the create defaults (no derivation), ignoring the device's values",
        async () => {
          const w = await setup();
          const doc = customerWithContract(w.a.csm.userId);
          const [d] = await w.push(w.a.csm, 'customers', [create(doc)]);
          expect(d).toMatchObject({ kind: 'write' });
          const stored = (await w.find(w.a.admin, 'customers', doc.id))!;
          expect(stored).toMatchObject(
            traits.derivesCustomerRevenue
              ? { mrrCents: 450_000, arrCents: 5_400_000 }
              : { mrrCents: 0, arrCents: 0 },
          );
        },
      );

      it('answers a stale assumed master with a conflict carrying the current master, and writes nothing', async () => {
        const w = await setup();
        const doc = goal(w.a.customerId);
        await w.push(w.a.client, 'goals', [create(doc)]);
        const v1 = (await w.find(w.a.csm, 'goals', doc.id))!;
        const [first] = await w.push(w.a.csm, 'goals', [edit(v1, { ...v1, targetValue: 300 })]);
        expect(first?.kind).toBe('write');
        const v2 = (await w.find(w.a.csm, 'goals', doc.id))!;
        expect(v2.serverSeq).toBeGreaterThan(v1.serverSeq);

        const published = w.changes.length;
        const [stale] = await w.push(w.a.client, 'goals', [edit(v1, { ...v1, targetValue: 250 })]);
        expect(stale).toEqual({ kind: 'conflict', id: doc.id, master: v2 });
        expect(await w.find(w.a.csm, 'goals', doc.id)).toEqual(v2);
        expect(w.changes.length).toBe(published);
      });

      it('is idempotent: a retried batch (create or edit) writes and publishes nothing', async () => {
        const w = await setup();
        const doc = goal(w.a.customerId);
        const rows = [create(doc)];
        await w.push(w.a.csm, 'goals', rows);
        const v1 = (await w.find(w.a.csm, 'goals', doc.id))!;
        const published = w.changes.length;
        w.tick();
        expect(kindsOf(await w.push(w.a.csm, 'goals', rows))).toEqual(['unchanged']);

        const editRows = [edit(v1, { ...v1, currentValue: 150 })];
        await w.push(w.a.csm, 'goals', editRows);
        const v2 = (await w.find(w.a.csm, 'goals', doc.id))!;
        const afterEdit = w.changes.length;
        // The response was lost: the device sends the same rows again, still assuming v1.
        expect(kindsOf(await w.push(w.a.csm, 'goals', editRows))).toEqual(['unchanged']);
        expect(await w.find(w.a.csm, 'goals', doc.id)).toEqual(v2);
        expect(await w.pull(w.a.csm, 'goals', v2.serverSeq)).toEqual([]);
        expect(afterEdit).toBe(published + 1);
        expect(w.changes.length).toBe(afterEdit);
      });

      it("rejects a write outside the identity's scope with a tombstone that reveals nothing, per row", async () => {
        const w = await setup();
        const ok = goal(w.a.customerId);
        const forged = goal(w.a.otherCustomerId);
        const published = w.changes.length;
        const decisions = await w.push(w.a.client, 'goals', [create(ok), create(forged)]);
        expect(kindsOf(decisions)).toEqual(['write', 'rejected']);
        expect(decisions[1]).toMatchObject({
          id: forged.id,
          code: 'forbidden',
          master: { id: forged.id, serverSeq: 0, _deleted: true },
        });
        expect(idsOf(await w.pull(w.a.admin, 'goals'))).toEqual([ok.id]);
        expect(w.changes.slice(published).map((c) => idsOf(c.documents))).toEqual([[ok.id]]);

        // A staff write naming a customer that does not exist in the organization.
        const [unknown] = await w.push(w.a.csm, 'goals', [create(goal(w.b.customerId))]);
        expect(unknown).toMatchObject({ kind: 'rejected', code: 'unknown_customer' });
      });

      it("refuses to reuse the id of another customer's row, leaving it intact", async () => {
        const w = await setup();
        const hidden = goal(w.a.otherCustomerId);
        await w.push(w.a.otherClient, 'goals', [create(hidden)]);
        const master = (await w.find(w.a.admin, 'goals', hidden.id))!;
        const published = w.changes.length;

        const attack = { ...hidden, customerId: w.a.customerId, title: 'Sequestro' };
        const [d] = await w.push(w.a.client, 'goals', [create(attack)]);
        expect(d).toMatchObject({
          kind: 'rejected',
          id: hidden.id,
          code: 'forbidden',
          master: { serverSeq: 0, _deleted: true, title: 'Sequestro' },
        });
        expect(await w.find(w.a.admin, 'goals', hidden.id)).toEqual(master);
        expect(await w.pull(w.a.client, 'goals')).toEqual([]);
        expect(w.changes.length).toBe(published);
      });

      it(
        traits.idSpace === 'global'
          ? "refuses another organization's create with a taken id (one id space), leaving the row intact"
          : 'stores the same id in another organization as a separate row (ids are per organization), leaving the first intact',
        async () => {
          const w = await setup();
          const original = goal(w.a.customerId);
          await w.push(w.a.csm, 'goals', [create(original)]);
          const master = (await w.find(w.a.admin, 'goals', original.id))!;
          const published = w.changes.length;

          const copy = { ...original, customerId: w.b.customerId, title: 'Outra meta' };
          const [d] = await w.push(w.b.admin, 'goals', [create(copy)]);
          if (traits.idSpace === 'global') {
            expect(d).toMatchObject({
              kind: 'rejected',
              code: 'forbidden',
              master: { id: original.id, serverSeq: 0, _deleted: true, title: 'Outra meta' },
            });
            expect(await w.pull(w.b.admin, 'goals')).toEqual([]);
            expect(w.changes.length).toBe(published);
          } else {
            expect(d).toMatchObject({ kind: 'write', id: original.id });
            expect(await w.pull(w.b.admin, 'goals')).toEqual([
              expect.objectContaining({ id: original.id, customerId: w.b.customerId, title: 'Outra meta' }),
            ]);
            expect(w.changes.slice(published).map((c) => c.organizationId)).toEqual([w.b.organizationId]);
          }
          expect(await w.find(w.a.admin, 'goals', original.id)).toEqual(master);
        },
      );

      it('rejects alone a row naming a user who is not in the organization, with its master; the rest of the batch is stored', async () => {
        const w = await setup();
        const ok = ticket(w.a.customerId, w.a.csm.userId);
        const stranger = { ...ticket(w.a.customerId, w.a.csm.userId), assignedTo: newId() };
        // A user of another organization is no user of this one.
        const elsewhere = { ...ticket(w.a.otherCustomerId, w.a.csm.userId), assignedTo: w.b.csm.userId };
        const published = w.changes.length;
        const decisions = await w.push(w.a.csm, 'tickets', [create(stranger), create(ok), create(elsewhere)]);
        expect(kindsOf(decisions)).toEqual(['rejected', 'write', 'rejected']);
        for (const [i, doc] of [
          [0, stranger],
          [2, elsewhere],
        ] as const) {
          expect(decisions[i]).toMatchObject({
            id: doc.id,
            code: 'invalid_document',
            message: expect.stringContaining('assignedTo'),
            master: { id: doc.id, serverSeq: 0, _deleted: true },
          });
        }
        expect(idsOf(await w.pull(w.a.admin, 'tickets'))).toEqual([ok.id]);
        expect(w.changes.slice(published).map((c) => idsOf(c.documents))).toEqual([[ok.id]]);
        // A refused row takes no ticket number.
        expect((await w.find(w.a.csm, 'tickets', ok.id))?.number).toBe(traits.firstTicketNumber);

        // An edit naming an unknown user is rejected with the current master, which stays as it was.
        const master = (await w.find(w.a.csm, 'tickets', ok.id))!;
        const [edited] = await w.push(w.a.csm, 'tickets', [edit(master, { ...master, assignedTo: newId() })]);
        expect(edited).toMatchObject({ kind: 'rejected', code: 'invalid_document', master });
        expect(await w.find(w.a.csm, 'tickets', ok.id)).toEqual(master);
        // A user of the organization is accepted.
        const [assigned] = await w.push(w.a.csm, 'tickets', [
          edit(master, { ...master, assignedTo: w.a.admin.userId }),
        ]);
        expect(assigned?.kind).toBe('write');

        // The other user references likewise: a customer's CSM, a meeting's account manager.
        const customers = await w.push(w.a.admin, 'customers', [
          create(customerWithContract(newId())),
          create(customerWithContract(w.a.csm.userId)),
        ]);
        expect(kindsOf(customers)).toEqual(['rejected', 'write']);
        expect(customers[0]).toMatchObject({
          code: 'invalid_document',
          message: expect.stringContaining('csmId'),
        });
        const meetings = await w.push(w.a.csm, 'meetings', [
          create(meeting(w.a.customerId, w.a.csm.userId)),
          create(meeting(w.a.customerId, newId())),
        ]);
        expect(kindsOf(meetings)).toEqual(['write', 'rejected']);
        expect(meetings[1]).toMatchObject({
          code: 'invalid_document',
          message: expect.stringContaining('accountManagerId'),
        });
      });

      it('refuses alone a row whose write breaks a reference the decision let through, and stores the rest', async () => {
        const w = await setup();
        // A decision that believes every named user and customer exists: what the store itself must hold.
        const ghost = newId();
        const lenient =
          (collection: CollectionName): PushDecider =>
          (input) =>
            createPushDecider(
              collection,
              {},
            )({
              ...input,
              existingUserIds: new Set([...input.existingUserIds, ghost]),
              existingCustomerIds: new Set([...input.existingCustomerIds, ghost]),
            });
        const ok = ticket(w.a.customerId, w.a.csm.userId);
        const bad = { ...ticket(w.a.customerId, w.a.csm.userId), assignedTo: ghost };
        const published = w.changes.length;
        const decisions = await w.store.push({
          identity: w.a.csm,
          collection: 'tickets',
          rows: [create(bad), create(ok)],
          decide: lenient('tickets'),
        });
        expect(kindsOf(decisions)).toEqual(['rejected', 'write']);
        expect(decisions[0]).toMatchObject({
          id: bad.id,
          code: 'invalid_document',
          master: { id: bad.id, serverSeq: 0, _deleted: true },
        });
        expect(idsOf(await w.pull(w.a.admin, 'tickets'))).toEqual([ok.id]);
        expect((await w.find(w.a.csm, 'tickets', ok.id))?.number).toBe(traits.firstTicketNumber);
        expect(w.changes.slice(published).map((c) => idsOf(c.documents))).toEqual([[ok.id]]);

        // An edit: rejected with the master as it was; a row of an unknown customer: rejected; the rest stored.
        const master = (await w.find(w.a.csm, 'tickets', ok.id))!;
        const [edited] = await w.store.push({
          identity: w.a.csm,
          collection: 'tickets',
          rows: [edit(master, { ...master, assignedTo: ghost })],
          decide: lenient('tickets'),
        });
        expect(edited).toMatchObject({ kind: 'rejected', code: 'invalid_document', master });
        expect(await w.find(w.a.csm, 'tickets', ok.id)).toEqual(master);
        const mine = goal(w.a.customerId);
        const goals = await w.store.push({
          identity: w.a.csm,
          collection: 'goals',
          rows: [create(mine), create(goal(ghost))],
          decide: lenient('goals'),
        });
        expect(kindsOf(goals)).toEqual(['write', 'rejected']);
        expect(idsOf(await w.pull(w.a.admin, 'goals'))).toEqual([mine.id]);
      });

      it('is all or nothing: a batch whose decision throws writes and publishes none of it', async () => {
        const w = await setup();
        const published = w.changes.length;
        const decide = createPushDecider('goals', {});
        let calls = 0;
        await expect(
          w.store.push({
            identity: w.a.csm,
            collection: 'goals',
            rows: [create(goal(w.a.customerId)), create(goal(w.a.customerId))],
            decide: (input) => {
              if (++calls === 2) throw new Error('boom');
              return decide(input);
            },
          }),
        ).rejects.toThrow('boom');
        expect(await w.pull(w.a.admin, 'goals')).toEqual([]);
        expect(w.changes.length).toBe(published);
      });
    });

    describe('change notifications', () => {
      it('publish one change per committed batch: the documents as stored, the last checkpoint, in commit order', async () => {
        const w = await setup();
        const published = w.changes.length;
        const batches = [
          [create(goal(w.a.customerId)), create(goal(w.a.otherCustomerId))],
          [create(goal(w.a.customerId))],
          [create(goal(w.a.otherCustomerId)), create(goal(w.a.customerId)), create(goal(w.a.customerId))],
        ];
        await Promise.all(batches.map((rows) => w.push(w.a.csm, 'goals', rows)));
        await w.push(w.b.csm, 'goals', [create(goal(w.b.customerId))]);
        const mine = w.changes.slice(published).filter((c) => c.organizationId === w.a.organizationId);
        expect(mine).toHaveLength(3);
        expect(mine.map((c) => c.documents.length).sort()).toEqual([1, 2, 3]);
        const stored = await w.pull(w.a.admin, 'goals');
        const storedById = new Map(stored.map((d) => [d.id, d]));
        for (const change of mine) {
          expect(change.collection).toBe('goals');
          expect(change.documents.map((d) => storedById.get(d.id))).toEqual(change.documents);
          expect(change.checkpoint).toEqual({ seq: change.documents.at(-1)!.serverSeq });
          expect(seqsOf(change.documents)).toEqual([...seqsOf(change.documents)].sort((x, y) => x - y));
        }
        // Commit order: every change's documents come after the previous change's checkpoint.
        const flat = mine.flatMap((c) => seqsOf(c.documents));
        expect(flat).toEqual(seqsOf(stored));
        const theirs = w.changes.slice(published).filter((c) => c.organizationId === w.b.organizationId);
        expect(theirs.map((c) => c.documents.length)).toEqual([1]);
      });

      it('publish nothing for a batch that wrote nothing (unchanged, conflicting or rejected rows)', async () => {
        const w = await setup();
        const retried = goal(w.a.customerId);
        const contested = goal(w.a.customerId);
        await w.push(w.a.csm, 'goals', [create(retried), create(contested)]);
        const v1 = (await w.find(w.a.csm, 'goals', contested.id))!;
        await w.push(w.a.csm, 'goals', [edit(v1, { ...v1, currentValue: 130 })]);
        const published = w.changes.length;
        const decisions = await w.push(w.a.client, 'goals', [
          create(retried),
          edit(v1, { ...v1, currentValue: 140 }),
          create(goal(w.a.otherCustomerId)),
        ]);
        expect(kindsOf(decisions)).toEqual(['unchanged', 'conflict', 'rejected']);
        expect(w.changes.length).toBe(published);
      });
    });
  });
}
