import type { PushResponse } from '../protocol.ts';

/**
 * Sends `rows` as one push; when the server refuses the batch for its size, sends the same rows again in smaller
 * pushes and merges their answers. The app pushes `PUSH_BATCH_ROWS` (sync/protocol.ts); a server of the same
 * protocol version may accept fewer (an older one: 100) or a body may exceed its byte limit, and without this
 * RxDB would retry the same refused batch forever and the device would never push again.
 *
 * `smallerPiece(error, rows)` says how many rows to send per push after `error`, or undefined when the error is
 * not about the batch's size (it is rethrown). Pieces are sent in order, one at a time (as RxDB sends batches);
 * a piece refused again is split again, down to single rows (a single row refused for its size is rethrown).
 * Each piece is its own transaction on the server, exactly as separate batches are.
 */
export async function pushInPieces<R>(
  rows: readonly R[],
  send: (rows: readonly R[]) => Promise<PushResponse>,
  smallerPiece: (error: unknown, rows: readonly R[]) => number | undefined,
): Promise<PushResponse> {
  try {
    return await send(rows);
  } catch (error) {
    const size = smallerPiece(error, rows);
    if (size === undefined || rows.length <= 1) throw error;
    const piece = Math.max(1, Math.min(size, rows.length - 1));
    const merged: PushResponse = { conflicts: [], rejected: [] };
    for (let start = 0; start < rows.length; start += piece) {
      const answer = await pushInPieces(rows.slice(start, start + piece), send, smallerPiece);
      merged.conflicts.push(...answer.conflicts);
      merged.rejected.push(...answer.rejected);
    }
    return merged;
  }
}
