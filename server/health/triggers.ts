import type { ChangeFeed } from '../../sync/server/store.ts';
import { customersTouchedBy } from './inputs.ts';

/**
 * Health that follows the data: every committed change to a customer's inputs (a push, a server write, on this
 * instance or — through LISTEN/NOTIFY — another) asks for that customer's recompute. Subscribing to the change
 * feed, rather than hooking the push path, covers every writer at once.
 *
 * Invariants:
 * - the recompute's own `health` writes are not inputs, so they never ask again (no loop);
 * - a request is per organization and deduplicated by the queue (server/jobs/recompute-changed-health.ts: one
 *   waiting run per organization, which scores every customer with an input written since the last run): a
 *   burst of changes while it waits costs one pass; a change while it runs queues exactly one more. The run finds
 *   the changed customers by server_seq, so a request names only the organization;
 * - requests are sent after the change committed (the feed only carries committed changes), never inside a
 *   transaction; a failed send is reported and left to the next change's run or the nightly recompute.
 */
/** Asks for the recompute of the organization's changed customers. */
export type RequestRecompute = (organizationId: string) => Promise<unknown>;

export function subscribeHealthTriggers(
  feed: ChangeFeed,
  request: RequestRecompute,
  onError: (error: unknown) => void,
): () => void {
  return feed.subscribe((event) => {
    // RESYNC (changes possibly missed by this instance): the nightly recompute catches up.
    if (event === 'RESYNC') return;
    if (customersTouchedBy(event).length > 0) request(event.organizationId).catch(onError);
  });
}
