/**
 * Which health score the Customer 360 shows: the server's `health` document (authoritative) or a provisional
 * one computed on this device with the same shared rule (`assessCustomer`, docs/domain.md §7) after a local
 * change to the customer's inputs. Pure, so the decision is table-tested (provisional-health.test.ts).
 *
 * Invariants (clock-free: only the server's own `serverSeq` order is compared, never device time with server
 * time):
 * - a local write of one of the customer's input documents still in the outbox (not acknowledged by the
 *   server) makes the score provisional: the server's score cannot include it;
 * - once acknowledged, the write stays "awaiting" until the server's copy of that document is back on the
 *   device (its `serverSeq` moved past the one it had while pending) and the server's health document is newer
 *   than it (`health.serverSeq` greater): only then does the server's score include the change;
 * - without any such write the server's document is shown as is (also when there is none: "no data").
 */
export interface InputDocState {
  readonly id: string;
  /** The document's `serverSeq` on the device now (0 for a document the server has not stamped yet). */
  readonly serverSeq: number;
}

/** A write that left the outbox: the document and the `serverSeq` it had while the write was pending. */
export interface AwaitingWrite {
  readonly id: string;
  readonly seqWhilePending: number;
}

export interface HealthSourceInput {
  /** Ids of this customer's input documents with a write in the outbox. */
  readonly pendingIds: ReadonlySet<string>;
  /** Writes of this customer's input documents acknowledged while the screen was open. */
  readonly awaiting: readonly AwaitingWrite[];
  /** The input documents as they are on the device (looked up by id). */
  readonly docs: ReadonlyMap<string, InputDocState>;
  /** The server's health document's `serverSeq`, or null when there is none. */
  readonly healthSeq: number | null;
}

export type HealthSource = 'server' | 'provisional';

/** Whether an acknowledged write is already part of the server's health document. */
export function writeIncluded(
  write: AwaitingWrite,
  input: Pick<HealthSourceInput, 'docs' | 'healthSeq'>,
): boolean {
  const doc = input.docs.get(write.id);
  // A document no longer on the device (its removal was pulled back) leaves nothing to wait for.
  if (doc === undefined) return true;
  const stamped = doc.serverSeq > write.seqWhilePending;
  return stamped && input.healthSeq !== null && input.healthSeq > doc.serverSeq;
}

export function healthSource(input: HealthSourceInput): HealthSource {
  if (input.pendingIds.size > 0) return 'provisional';
  return input.awaiting.every((w) => writeIncluded(w, input)) ? 'server' : 'provisional';
}

/**
 * The next `awaiting` list: writes that were pending on the previous look and are not any more join it (with the
 * `serverSeq` they had then); writes the server's health now includes leave it. A write pending again is
 * dropped (the pending set covers it).
 */
export function nextAwaiting(
  previous: {
    readonly pendingIds: ReadonlySet<string>;
    readonly awaiting: readonly AwaitingWrite[];
    readonly seqs: ReadonlyMap<string, number>;
  },
  current: Pick<HealthSourceInput, 'pendingIds' | 'docs' | 'healthSeq'>,
): AwaitingWrite[] {
  const acked: AwaitingWrite[] = [...previous.pendingIds]
    .filter((id) => !current.pendingIds.has(id))
    .map((id) => ({ id, seqWhilePending: previous.seqs.get(id) ?? 0 }));
  const byId = new Map<string, AwaitingWrite>();
  for (const w of [...previous.awaiting, ...acked]) {
    if (current.pendingIds.has(w.id)) continue;
    const earlier = byId.get(w.id);
    // Two rounds of the same document: wait for the server to pass the later one's pending seq.
    if (earlier === undefined || earlier.seqWhilePending < w.seqWhilePending) byId.set(w.id, w);
  }
  return [...byId.values()].filter((w) => !writeIncluded(w, current));
}
