import { describe, expect, it } from 'vitest';
import type { PushResponse } from '../protocol.ts';
import { pushInPieces } from './push-pieces.ts';
import { smallerPushPiece, SyncHttpError } from './replicate.ts';

/**
 * The app pushes batches of PUSH_BATCH_ROWS; a server of the same protocol that refuses a batch for its size
 * (an older one accepts 100; a body over its byte limit) must get every row, once, in order — else RxDB would
 * retry the refused batch forever.
 */
type Row = { id: number };
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: i }));

/** A fake server: refuses pushes over its limits the way the sync routes do, records what it accepted. */
function server({ maxRows = Infinity, maxBodyRows = Infinity, nameMax = true } = {}) {
  const accepted: number[][] = [];
  let refused = 0;
  const send = async (batch: readonly Row[]): Promise<PushResponse> => {
    if (batch.length > maxRows) {
      refused++;
      throw new SyncHttpError(
        413,
        'payload_too_large',
        'too many',
        'too_many_rows',
        nameMax ? maxRows : undefined,
      );
    }
    if (batch.length > maxBodyRows) {
      refused++;
      throw new SyncHttpError(413, 'payload_too_large', 'body too large');
    }
    accepted.push(batch.map((r) => r.id));
    // Every row with an odd id comes back as a conflict: answers must be merged in order.
    return {
      conflicts: batch
        .filter((r) => r.id % 2 === 1)
        .map((r) => ({ id: String(r.id), serverSeq: r.id, _deleted: false })),
      rejected: [],
    };
  };
  return { send, accepted, refused: () => refused };
}

describe('pushInPieces', () => {
  it('a server that accepts 100 rows gets a batch of 500 as five pushes of 100, once each, in order', async () => {
    const s = server({ maxRows: 100 });
    const answer = await pushInPieces(rows(500), s.send, smallerPushPiece);
    expect(s.refused()).toBe(1);
    expect(s.accepted.map((b) => b.length)).toEqual([100, 100, 100, 100, 100]);
    expect(s.accepted.flat()).toEqual(rows(500).map((r) => r.id));
    expect(answer.conflicts.map((c) => c.id)).toEqual(
      rows(500)
        .filter((r) => r.id % 2 === 1)
        .map((r) => String(r.id)),
    );
  });

  it('without a named maximum, too_many_rows falls back to what every server of the protocol accepts', async () => {
    const s = server({ maxRows: 100, nameMax: false });
    await pushInPieces(rows(250), s.send, smallerPushPiece);
    expect(s.accepted.map((b) => b.length)).toEqual([100, 100, 50]);
  });

  it('a body over the byte limit is halved until it fits; every row still sent once, in order', async () => {
    const s = server({ maxBodyRows: 70 });
    await pushInPieces(rows(500), s.send, smallerPushPiece);
    expect(s.accepted.every((b) => b.length <= 70)).toBe(true);
    expect(s.accepted.flat()).toEqual(rows(500).map((r) => r.id));
  });

  it('a batch that fits is one push; other errors and a single row too large are not retried here', async () => {
    const fits = server({ maxRows: 100 });
    await pushInPieces(rows(100), fits.send, smallerPushPiece);
    expect(fits.accepted.length).toBe(1);

    let calls = 0;
    const failing = async (): Promise<PushResponse> => {
      calls++;
      throw new SyncHttpError(503, 'unavailable', 'try later');
    };
    await expect(pushInPieces(rows(500), failing, smallerPushPiece)).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(1);

    const tiny = server({ maxBodyRows: 0 });
    await expect(pushInPieces(rows(1), tiny.send, smallerPushPiece)).rejects.toMatchObject({ status: 413 });
  });
});
