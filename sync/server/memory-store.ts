import { definitionOf, type CollectionName } from '../../shared/collections/index.ts';
import { entityFields, isDeleted, type PlainObject, type SyncDocument } from '../documents.ts';
import {
  rejectIdTaken,
  rejectUnwritable,
  referencedCustomerIds,
  referencedUserIds,
  rowOwnerOf,
  type PushDecision,
  type RowOwner,
} from '../push/decide.ts';
import { rowsNeeding, withServerDerivation } from '../push/server-fields.ts';
import { matchesReadFilter } from '../visibility.ts';
import type { ChangeFeed, PullQuery, PushBatch, SyncStore } from './store.ts';

interface StoredRow {
  readonly organizationId: string;
  readonly owner: RowOwner;
  readonly doc: SyncDocument;
}

interface OrganizationCounters {
  seq: number;
  ticketNumber: number;
}

export interface MemorySyncStore extends SyncStore {
  /**
   * A server-side write (seed loader, a job recomputing `health`): validated, stamped and published through
   * the same path as a push, bypassing only the device rules.
   */
  writeAsServer(organizationId: string, collection: CollectionName, doc: PlainObject): SyncDocument;
  /** A user of the organization (a row of the server's `users` table): what a `userRefs` field may name. */
  writeUser(organizationId: string, userId: string): void;
  /** The stored row with this id, whatever its organization (tests check a master stayed unchanged). */
  peek(collection: CollectionName, id: string): { organizationId: string; doc: SyncDocument } | undefined;
  /** The organization's last assigned `serverSeq`. */
  lastSeq(organizationId: string): number;
}

/**
 * A faithful in-memory `SyncStore`: one global id space per collection (like a primary key), per-organization
 * gap-free `serverSeq`, all-or-nothing batches, and publication in commit order. Each `push` runs without
 * yielding between reading the current rows and writing, which is what the PostgreSQL store gets from its
 * organization lock.
 *
 * Like the database's foreign keys, it refuses to store a pushed row naming a customer or a user (`userRefs`)
 * the organization does not have, whatever the decision said: that row alone is rejected (`rejectUnwritable`)
 * and the rest of the batch is stored, as the PostgreSQL store does with a savepoint per row. Users are
 * registered with `writeUser` (it keeps no `users` table of its own).
 */
export function createMemorySyncStore(deps: { feed: ChangeFeed; clock: () => Date }): MemorySyncStore {
  const rows = new Map<CollectionName, Map<string, StoredRow>>();
  const counters = new Map<string, OrganizationCounters>();
  /** `organizationId:userId` of every registered user. */
  const users = new Set<string>();
  const isUser = (organizationId: string, userId: string) => users.has(`${organizationId}:${userId}`);

  /** Whether `doc` names only customers and users the organization has (the foreign keys of the tables). */
  function referencesResolve(collection: CollectionName, organizationId: string, doc: PlainObject): boolean {
    const def = definitionOf(collection);
    if (collection !== 'customers' && def.scope !== 'organization' && typeof doc.customerId === 'string') {
      const customer = table('customers').get(doc.customerId);
      if (customer?.organizationId !== organizationId) return false;
    }
    return def.userRefs.every((f) => typeof doc[f] !== 'string' || isUser(organizationId, doc[f]));
  }

  const table = (c: CollectionName) => {
    let t = rows.get(c);
    if (!t) rows.set(c, (t = new Map()));
    return t;
  };
  const countersOf = (organizationId: string) => {
    let c = counters.get(organizationId);
    if (!c) counters.set(organizationId, (c = { seq: 0, ticketNumber: 0 }));
    return c;
  };

  /**
   * The definitions' server derivations with the inputs this store has: its per-organization ticket counter.
   * It keeps no payments, so `customerRevenue` is not loaded here (a customer keeps its server-owned money
   * values), nor `achievements` (an engagement record keeps its stored XP and badges); the PostgreSQL store
   * loads every input.
   */
  function derived(
    org: OrganizationCounters,
    collection: CollectionName,
    writes: readonly { doc: SyncDocument; owner: RowOwner }[],
  ): { doc: SyncDocument; owner: RowOwner }[] {
    let docs: PlainObject[] = writes.map((w) => w.doc);
    for (const derivation of definitionOf(collection).serverDerived) {
      if (derivation.input !== 'ticketNumber') continue;
      const rows = rowsNeeding(derivation, docs);
      docs = withServerDerivation(
        derivation,
        docs,
        rows,
        rows.map(() => ++org.ticketNumber),
      );
    }
    return writes.map((w, i) => ({ ...w, doc: docs[i] as SyncDocument }));
  }

  /** Stamps and stores a batch of accepted documents, then publishes them as one change. */
  function commit(
    organizationId: string,
    collection: CollectionName,
    writes: readonly { doc: SyncDocument; owner: RowOwner }[],
    now: string,
  ): SyncDocument[] {
    const org = countersOf(organizationId);
    const written: SyncDocument[] = [];
    for (const w of derived(org, collection, writes)) {
      const stamped: PlainObject = { ...w.doc, serverSeq: ++org.seq, updatedAt: now };
      const doc = stamped as unknown as SyncDocument;
      table(collection).set(doc.id, { organizationId, owner: w.owner, doc });
      written.push(doc);
    }
    if (written.length > 0) {
      deps.feed.publish({
        organizationId,
        collection,
        documents: written,
        checkpoint: { seq: written[written.length - 1]!.serverSeq },
      });
    }
    return written;
  }

  function pull({ collection, after, limit, filter }: PullQuery): SyncDocument[] {
    const out: SyncDocument[] = [];
    for (const row of table(collection).values()) {
      if (row.doc.serverSeq > after.seq && matchesReadFilter(filter, row.organizationId, row.doc))
        out.push(row.doc);
    }
    return out.sort((a, b) => a.serverSeq - b.serverSeq).slice(0, limit);
  }

  return {
    pull: async (query) => pull(query),

    async pullJson(query) {
      const documents = pull(query);
      return {
        json: JSON.stringify(documents),
        count: documents.length,
        lastSeq: documents.at(-1)?.serverSeq ?? null,
      };
    },

    async push({ identity, collection, rows: batch, decide }: PushBatch) {
      const { organizationId } = identity;
      const now = deps.clock().toISOString();
      const existingCustomerIds = new Set(
        referencedCustomerIds(collection, batch).filter((id) => {
          const c = table('customers').get(id);
          return c !== undefined && c.organizationId === organizationId && !isDeleted(c.doc);
        }),
      );
      const existingUserIds = new Set(
        referencedUserIds(collection, batch).filter((id) => isUser(organizationId, id)),
      );
      // Rows written earlier in this batch are the "current" rows of later ones (ids are distinct in
      // practice; this keeps a repeated id correct anyway).
      const staged = new Map<string, { doc: SyncDocument; owner: RowOwner }>();
      const decisions: PushDecision[] = [];
      for (const row of batch) {
        const id = row.newDocumentState.id;
        const stored = table(collection).get(id);
        const foreign = stored !== undefined && stored.organizationId !== organizationId;
        const current = staged.get(id)?.doc ?? (stored && !foreign ? stored.doc : null);
        let decision = decide({ row, current, identity, now, existingCustomerIds, existingUserIds });
        if (decision.kind === 'write' && foreign) decision = rejectIdTaken(row);
        else if (
          decision.kind === 'write' &&
          !referencesResolve(collection, organizationId, decision.document as unknown as PlainObject)
        )
          decision = rejectUnwritable(row, current);
        if (decision.kind === 'write') staged.set(id, { doc: decision.document, owner: decision.owner });
        decisions.push(decision);
      }
      commit(organizationId, collection, [...staged.values()], now);
      return decisions;
    },

    writeAsServer(organizationId, collection, doc) {
      const now = deps.clock().toISOString();
      const parsed = definitionOf(collection).schema.parse(entityFields(doc)) as PlainObject;
      const stored = table(collection).get(String(parsed.id));
      if (stored && stored.organizationId !== organizationId)
        throw new Error('id belongs to another organization');
      const document = { ...parsed, _deleted: isDeleted(doc) } as unknown as SyncDocument;
      const [written] = commit(
        organizationId,
        collection,
        [{ doc: document, owner: rowOwnerOf(collection, organizationId, parsed) }],
        now,
      );
      return written!;
    },

    writeUser(organizationId, userId) {
      users.add(`${organizationId}:${userId}`);
    },

    peek(collection, id) {
      const row = table(collection).get(id);
      return row && { organizationId: row.organizationId, doc: row.doc };
    },

    lastSeq: (organizationId) => countersOf(organizationId).seq,
  };
}
