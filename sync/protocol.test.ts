import { describe, expect, it } from 'vitest';
import { protocolFingerprint } from './protocol-fingerprint.ts';
import {
  checkpointSchema,
  checkProtocolHeader,
  MIN_SUPPORTED_PROTOCOL_VERSION,
  parsePullResponse,
  PROTOCOL_HISTORY,
  PROTOCOL_VERSION,
  pullResponseSchema,
  pushBatchSchema,
  PUSH_BATCH_ROWS,
  PUSH_MAX_ROWS,
  PUSH_ROWS_ANY_SERVER,
  pushRequestSchema,
  pushRowForWire,
  streamEventSchema,
} from './protocol.ts';

describe('protocol versioning guard', () => {
  it('the wire surface matches the fingerprint recorded for the current PROTOCOL_VERSION', async () => {
    const current = PROTOCOL_HISTORY.find((h) => h.version === PROTOCOL_VERSION);
    const actual = await protocolFingerprint();
    expect(
      current?.fingerprint,
      `The sync wire surface changed (message schemas, entity schemas or collection scope/server-owned/embedded).\n` +
        `Bump PROTOCOL_VERSION in sync/protocol.ts and append a history line:\n` +
        `  { version: ${PROTOCOL_VERSION + 1}, fingerprint: '${actual}', change: '<what changed>' }`,
    ).toBe(actual);
  });

  it('has one history line per version, in order, ending at the current one', () => {
    expect(PROTOCOL_HISTORY.map((h) => h.version)).toEqual(
      Array.from({ length: PROTOCOL_HISTORY.length }, (_, i) => i + 1),
    );
    expect(PROTOCOL_HISTORY.at(-1)?.version).toBe(PROTOCOL_VERSION);
    expect(new Set(PROTOCOL_HISTORY.map((h) => h.fingerprint)).size).toBe(PROTOCOL_HISTORY.length);
    expect(MIN_SUPPORTED_PROTOCOL_VERSION).toBeGreaterThanOrEqual(1);
    expect(MIN_SUPPORTED_PROTOCOL_VERSION).toBeLessThanOrEqual(PROTOCOL_VERSION);
  });
});

describe('protocol header', () => {
  it.each([
    [undefined, { ok: true, version: PROTOCOL_VERSION }],
    ['', { ok: true, version: PROTOCOL_VERSION }],
    [String(PROTOCOL_VERSION), { ok: true, version: PROTOCOL_VERSION }],
    [String(MIN_SUPPORTED_PROTOCOL_VERSION - 1), { ok: false, reason: 'outdated' }],
    [String(PROTOCOL_VERSION + 1), { ok: false, reason: 'unsupported' }],
    ['1.5', { ok: false, reason: 'unsupported' }],
    ['abc', { ok: false, reason: 'unsupported' }],
  ])('%j → %j', (value, expected) => {
    expect(checkProtocolHeader(value)).toEqual(expected);
  });
});

describe('message schemas', () => {
  it('checkpoints are strict non-negative integers', () => {
    expect(checkpointSchema.safeParse({ seq: 5 }).success).toBe(true);
    expect(checkpointSchema.safeParse({ seq: -1 }).success).toBe(false);
    expect(checkpointSchema.safeParse({ seq: 1.5 }).success).toBe(false);
    expect(checkpointSchema.safeParse({ seq: 1, id: 'x' }).success).toBe(false);
  });

  it('the app’s pull parse accepts and refuses exactly what the pull schema does, documents untouched', () => {
    const doc = { id: 'a', serverSeq: 3, _deleted: false, name: 'TechCorp', contacts: [{ id: 'c' }] };
    const page = { documents: [doc, { id: 'b', serverSeq: 4, _deleted: true }], checkpoint: { seq: 4 } };
    const parsed = parsePullResponse(page);
    expect(parsed).toEqual(pullResponseSchema.parse(page));
    expect(parsed.documents[0]).toBe(doc);
    const refused: unknown[] = [
      null,
      [],
      { documents: [doc] },
      { ...page, extra: 1 },
      { ...page, checkpoint: { seq: -1 } },
      { ...page, documents: {} },
      { ...page, documents: [null] },
      { ...page, documents: [[]] },
      { ...page, documents: [{ ...doc, id: 1 }] },
      { ...page, documents: [{ ...doc, serverSeq: 1.5 }] },
      { ...page, documents: [{ ...doc, serverSeq: -1 }] },
      { ...page, documents: [{ ...doc, serverSeq: '3' }] },
      { ...page, documents: [{ id: 'a', serverSeq: 3 }] },
    ];
    for (const body of refused) {
      expect(pullResponseSchema.safeParse(body).success).toBe(false);
      expect(() => parsePullResponse(body)).toThrow(pullResponseSchema.safeParse(body).error!.message);
    }
  });

  it('push rows accept RxDB’s omitted assumedMasterState; every server takes 100, this one PUSH_MAX_ROWS', () => {
    const row = { newDocumentState: { id: 'a' } };
    expect(pushRequestSchema.safeParse([row, { ...row, assumedMasterState: null }]).success).toBe(true);
    expect(PUSH_ROWS_ANY_SERVER).toBe(100);
    expect(pushRequestSchema.safeParse(Array.from({ length: 101 }, () => row)).success).toBe(false);
    expect(pushBatchSchema.safeParse(Array.from({ length: PUSH_MAX_ROWS }, () => row)).success).toBe(true);
    expect(pushBatchSchema.safeParse(Array.from({ length: PUSH_MAX_ROWS + 1 }, () => row)).success).toBe(
      false,
    );
    // The app's batch fits this server, and a server refusing it is answered in pieces (push-pieces.ts).
    expect(PUSH_BATCH_ROWS).toBeGreaterThan(PUSH_ROWS_ANY_SERVER);
    expect(PUSH_BATCH_ROWS).toBeLessThanOrEqual(PUSH_MAX_ROWS);
    expect(pushRequestSchema.safeParse([{ newDocumentState: {} }]).success).toBe(false);
  });

  it('the app sends only the id, serverSeq and deletion of the assumed master', () => {
    const master = { id: 'a', serverSeq: 7, _deleted: false, name: 'TechCorp', contacts: [{ id: 'c' }] };
    const mine = { ...master, name: 'TechCorp LTDA' };
    const wire = pushRowForWire({ assumedMasterState: master, newDocumentState: mine });
    expect(wire).toEqual({
      assumedMasterState: { id: 'a', serverSeq: 7, _deleted: false },
      newDocumentState: mine,
    });
    expect(pushRequestSchema.safeParse([wire]).success).toBe(true);
    expect(pushRowForWire({ newDocumentState: mine })).toEqual({ newDocumentState: mine });
    expect(pushRowForWire({ assumedMasterState: null, newDocumentState: mine })).toEqual({
      assumedMasterState: null,
      newDocumentState: mine,
    });
  });

  it('stream events are RESYNC or a change batch of a known collection', () => {
    expect(streamEventSchema.safeParse('RESYNC').success).toBe(true);
    expect(
      streamEventSchema.safeParse({ collection: 'tickets', documents: [], checkpoint: { seq: 3 } }).success,
    ).toBe(true);
    expect(
      streamEventSchema.safeParse({ collection: 'users', documents: [], checkpoint: { seq: 3 } }).success,
    ).toBe(false);
  });
});
