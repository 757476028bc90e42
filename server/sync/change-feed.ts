import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import type { ChangeFeed } from '../../sync/server/store.ts';
import type { Database } from '../db/index.ts';
import { startPgChangeFeed, type ChangeNotifier } from './pg-change-feed.ts';

/**
 * The change feed for this deployment: LISTEN/NOTIFY on a real PostgreSQL (several instances share it), an
 * in-process feed on the embedded database (one process; cross-connection NOTIFY doesn't work through
 * pglite-socket, docs/architecture.md §5).
 */
export interface ServerChangeFeed {
  readonly feed: ChangeFeed;
  readonly notifier?: ChangeNotifier;
  close(): Promise<void>;
}

export async function openChangeFeed(
  db: Database,
  onError: (error: unknown) => void,
): Promise<ServerChangeFeed> {
  if (db.kind === 'embedded') return { feed: createMemoryChangeFeed(onError), close: async () => undefined };
  const pgFeed = await startPgChangeFeed({ db, connectionString: db.ownerConnectionString, onError });
  return { feed: pgFeed, notifier: pgFeed, close: () => pgFeed.close() };
}
