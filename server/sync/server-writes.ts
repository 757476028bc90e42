import type { CollectionName, DocOf } from '../../shared/collections/index.ts';
import type { SyncDocument } from '../../sync/documents.ts';
import type { Change, ChangeFeed } from '../../sync/server/store.ts';
import {
  lockOrganizationForWrite,
  nextServerSeqs,
  readDocuments,
  writeDocuments,
  type Database,
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

export interface ServerWriter {
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
  return {
    async rewrite(organizationId, collection, update) {
      let change: Change | null = null;
      await deps.db.withIdentity(systemIdentity(organizationId), async (client) => {
        await lockOrganizationForWrite(client, organizationId);
        const stored = await readDocuments(client, collection, {
          where: 'organization_id = $1 AND NOT deleted',
          params: [organizationId],
        });
        const changed = stored
          .map(({ doc }) => ({ before: doc, after: update(doc) }))
          .filter(({ before, after }) => JSON.stringify(before) !== JSON.stringify(after));
        if (changed.length === 0) return;
        const seqs = await nextServerSeqs(client, organizationId, changed.length);
        const updatedAt = deps.clock().toISOString();
        const written = await writeDocuments(
          client,
          { organizationId },
          collection,
          changed.map(({ after }, i) => ({ doc: after, server: { serverSeq: seqs[i]!, updatedAt } })),
        );
        const documents = written.map((doc) => ({ ...doc, _deleted: false }) as unknown as SyncDocument);
        change = { organizationId, collection, documents, checkpoint: { seq: seqs[seqs.length - 1]! } };
        if (deps.notifier) await deps.notifier.notifyWithin(client, change);
      });
      const published = change as Change | null;
      if (published && !deps.notifier) deps.feed.publish(published);
      return published?.documents.length ?? 0;
    },
  };
}
