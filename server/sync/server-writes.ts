import type { CollectionName, DocOf } from '../../shared/collections/index.ts';
import type { SyncDocument } from '../../sync/documents.ts';
import type { Change, ChangeFeed } from '../../sync/server/store.ts';
import {
  nextServerSeqsLocked,
  readDocuments,
  writeDocuments,
  type Database,
  type DbClient,
} from '../db/index.ts';
import { systemIdentity } from '../../shared/identity.ts';
import type { ChangeNotifier } from './pg-change-feed.ts';

/**
 * Writes the server makes on its own account (recomputed health after a configuration change, jobs) go
 * through the same path as pushes (docs/sync-protocol.md): one transaction as the organization's `system` identity, the
 * organization's write lock held from before reading until commit, fresh server_seqs, and the change announced
 * in commit order — NOTIFY inside the transaction on a real PostgreSQL, the in-process feed after commit on
 * the embedded database. Devices then pull or stream the new versions like any other change.
 */
export interface ServerWriterDeps {
  readonly db: Database;
  readonly feed: ChangeFeed;
  readonly notifier?: ChangeNotifier;
  readonly clock: () => Date;
}

/** What `ServerWriter.transaction` hands its work: the transaction and a way to store documents in it. */
export interface ServerWriteTransaction {
  /** The transaction, as the organization's `system` identity, with the organization's write lock held. */
  readonly client: DbClient;
  /**
   * Stores `docs` of `collection` with fresh server_seqs and the server's clock (`deleted` makes them
   * tombstones) and returns them as stored. Every document written is published when the transaction commits.
   */
  write<N extends CollectionName>(
    collection: N,
    docs: readonly DocOf<N>[],
    options?: { deleted?: boolean },
  ): Promise<DocOf<N>[]>;
}

export interface ServerWriter {
  /**
   * Runs `work` in one transaction as the organization's `system` identity, holding its write lock from the
   * first statement (so whatever `work` reads stays current until commit), and publishes what it wrote: one
   * change per `write` call, in commit order. A `work` that writes nothing publishes nothing.
   */
  transaction<T>(organizationId: string, work: (tx: ServerWriteTransaction) => Promise<T>): Promise<T>;
  /**
   * Applies `update` to every live document of `collection` in the organization and stores those it changed
   * (compared as JSON; an unchanged document keeps its server_seq, so devices download nothing for it).
   * Returns how many documents were written.
   */
  rewrite<N extends CollectionName>(
    organizationId: string,
    collection: N,
    update: (doc: DocOf<N>) => DocOf<N>,
  ): Promise<number>;
}

export function createServerWriter(deps: ServerWriterDeps): ServerWriter {
  const transaction: ServerWriter['transaction'] = async (organizationId, work) => {
    const changes: Change[] = [];
    // The lock rides in the transaction's first message (BEGIN), and every write below takes its numbers
    // without asking for it again: a recompute or any server write holds it for fewer round trips (issue 16).
    const result = await deps.db.withIdentity(
      systemIdentity(organizationId),
      (client) =>
        work({
          client,
          async write(collection, docs, options = {}) {
            if (docs.length === 0) return [];
            const seqs = await nextServerSeqsLocked(client, docs.length);
            const updatedAt = deps.clock().toISOString();
            const written = await writeDocuments(
              client,
              { organizationId },
              collection,
              docs.map((doc, i) => ({
                doc,
                server: { serverSeq: seqs[i]!, updatedAt, deleted: options.deleted ?? false },
              })),
            );
            const documents = written.map(
              (doc) => ({ ...doc, _deleted: options.deleted ?? false }) as unknown as SyncDocument,
            );
            const change: Change = {
              organizationId,
              collection,
              documents,
              checkpoint: { seq: seqs[seqs.length - 1]! },
            };
            if (deps.notifier) await deps.notifier.notifyWithin(client, change);
            changes.push(change);
            return written;
          },
        }),
      { lockOrganization: organizationId },
    );
    // The embedded database's in-process feed: after commit, in commit order.
    if (!deps.notifier) for (const change of changes) deps.feed.publish(change);
    return result;
  };

  return {
    transaction,
    async rewrite(organizationId, collection, update) {
      return transaction(organizationId, async (tx) => {
        const stored = await readDocuments(tx.client, collection, {
          where: 'organization_id = $1 AND NOT deleted',
          params: [organizationId],
        });
        const changed = stored
          .map(({ doc }) => ({ before: doc, after: update(doc) }))
          .filter(({ before, after }) => JSON.stringify(before) !== JSON.stringify(after));
        return (
          await tx.write(
            collection,
            changed.map(({ after }) => after),
          )
        ).length;
      });
    },
  };
}
