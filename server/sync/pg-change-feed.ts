import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { isCollectionName } from '../../shared/collections/index.ts';
import type { SyncDocument } from '../../sync/documents.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import type { Change, ChangeFeed } from '../../sync/server/store.ts';
import { readDocumentsJson, type Database, type DbClient } from '../db/index.ts';

/**
 * Fan-out across server instances sharing one PostgreSQL (docs/architecture.md §5 "Fan-out"): `publish` sends a small
 * NOTIFY (organization, collection, server_seq range — payloads are capped at 8000 bytes, so never the
 * documents), and every instance, this one included, LISTENs on a dedicated connection, reads that range back
 * and delivers it to its own SSE streams. So each stream gets each change exactly once, whichever instance
 * committed it.
 *
 * The instance that wrote a change holds its documents (the writer's own, exactly what a pull of the range
 * gives: writeDocuments returns the stored form) from `notifyWithin` until its notice comes back, and delivers
 * those instead of reading the range again — the re-read cost every push batch a second full read of what it had
 * just written (issue 16). Other instances re-read as before. Held changes are keyed by their server_seq range,
 * which no other transaction can ever take (sequence values are never reused), so a held change whose
 * transaction rolled back is never delivered: it waits, unreachable, until MAX_HELD newer ones push it out
 * (then a notice that does arrive for an evicted change is served by the re-read, as on any other instance).
 *
 * Losing the LISTEN connection may lose notifications: on reconnect every subscriber gets RESYNC and devices
 * pull from their checkpoints. Not for the embedded database (cross-connection NOTIFY doesn't work through
 * pglite-socket): there the in-process memory feed is used.
 */
export const CHANGE_CHANNEL = 'arco_changes';

interface Notice {
  o: string;
  c: string;
  from: number;
  to: number;
  /** The writing instance (whose held documents answer the notice; others re-read the range). */
  i?: string;
}

/** Changes held by their writer until their notices come back: a bound for those whose transaction failed. */
const MAX_HELD = 256;

/** Sends a change's notice from inside the writing transaction (see `ChangeNotifier`). */
export interface ChangeNotifier {
  notifyWithin(client: DbClient, change: Change): Promise<void>;
}

export interface PgChangeFeed extends ChangeFeed, ChangeNotifier {
  close(): Promise<void>;
}

const noticeOf = (change: Change): Notice => ({
  o: change.organizationId,
  c: change.collection,
  from: change.documents[0]?.serverSeq ?? change.checkpoint.seq,
  to: change.checkpoint.seq,
});

export async function startPgChangeFeed(deps: {
  db: Database;
  connectionString: string;
  onError: (error: unknown) => void;
  reconnectMs?: number;
}): Promise<PgChangeFeed> {
  const local = createMemoryChangeFeed(deps.onError);
  let closed = false;
  let listener: pg.Client | null = null;
  // Deliveries are chained so changes reach subscribers in notification (= commit) order.
  let deliveries: Promise<void> = Promise.resolve();
  const instance = randomUUID();
  const held = new Map<string, Change>();
  const heldKey = (n: Notice) => `${n.o}/${n.c}/${n.from}/${n.to}`;

  const deliver = async (notice: Notice) => {
    if (!isCollectionName(notice.c)) return;
    const own = notice.i === instance ? held.get(heldKey(notice)) : undefined;
    if (own) {
      held.delete(heldKey(notice));
      local.publish(own);
      return;
    }
    const collection = notice.c;
    // The same documents a pull of that range gives (serialized by PostgreSQL, mapper.ts readDocumentsJson).
    const page = await deps.db.privileged((client) =>
      readDocumentsJson(client, collection, {
        where: 'organization_id = $1 AND server_seq BETWEEN $2 AND $3',
        params: [notice.o, notice.from, notice.to],
      }),
    );
    if (page.count === 0) return; // superseded by a later write; its own notice carries it
    const documents = JSON.parse(page.json) as SyncDocument[];
    local.publish({
      organizationId: notice.o,
      collection,
      documents,
      checkpoint: { seq: documents[documents.length - 1]!.serverSeq },
    });
  };

  async function connect(): Promise<void> {
    const client = new pg.Client({ connectionString: deps.connectionString });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANGE_CHANNEL || !msg.payload) return;
      const notice = JSON.parse(msg.payload) as Notice;
      deliveries = deliveries.then(() => deliver(notice)).catch(deps.onError);
    });
    client.on('error', (error) => {
      deps.onError(error);
      void client.end().catch(() => undefined);
    });
    client.on('end', () => {
      if (closed) return;
      listener = null;
      setTimeout(() => {
        void connect()
          .then(() => local.resync())
          .catch(deps.onError);
      }, deps.reconnectMs ?? 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    listener = client;
  }

  await connect();
  return {
    /**
     * For writers that could not notify inside their transaction. Prefer `notifyWithin`: a notice sent after
     * commit can be lost (crash in between) while a later one arrives, and a device adopting the later
     * checkpoint would never see the earlier rows.
     */
    publish(change: Change) {
      void deps.db
        .query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify(noticeOf(change))])
        .catch(deps.onError);
    },
    /** NOTIFY inside the writing transaction: delivered at commit, in commit order, or not at all. */
    async notifyWithin(client, change) {
      const notice: Notice = { ...noticeOf(change), i: instance };
      held.set(heldKey(notice), change);
      // Map order is insertion order: the oldest held change goes first.
      if (held.size > MAX_HELD) held.delete(held.keys().next().value!);
      await client.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, JSON.stringify(notice)]);
    },
    subscribe: (l) => local.subscribe(l),
    async close() {
      closed = true;
      await listener?.end();
    },
  };
}
