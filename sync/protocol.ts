import { z } from 'zod';
import { errorBodySchema } from '../shared/api-errors.ts';
import { COLLECTION_NAMES } from '../shared/collections/index.ts';

/**
 * The Arco replication protocol (docs/sync-protocol.md): RxDB 17's pull/push/stream contract over
 * HTTP, versioned as a whole.
 *
 * Versioning rule: any change to a message schema below, to an entity schema in shared/entities, or to a
 * collection's scope / server-owned / embedded fields changes the fingerprint checked by protocol.test.ts.
 * Then bump `PROTOCOL_VERSION`, append one history line with the new fingerprint, and raise
 * `MIN_SUPPORTED_PROTOCOL_VERSION` only when the server can no longer serve older apps correctly (they get
 * 426 and ask the user to update).
 */
export const PROTOCOL_VERSION = 12;
export const MIN_SUPPORTED_PROTOCOL_VERSION = 12;
export const PROTOCOL_HEADER = 'x-arco-protocol';

export interface ProtocolHistoryEntry {
  readonly version: number;
  /** SHA-256 of the canonical JSON-schema export (`protocolFingerprint()`). */
  readonly fingerprint: string;
  readonly change: string;
}

/** One line per bump, oldest first; the last line is the current version. */
export const PROTOCOL_HISTORY: readonly ProtocolHistoryEntry[] = [
  {
    version: 1,
    fingerprint: '0e3fba784e8050f0fbcb9702001146c792d7bf26a3225ef7d4d14c3621e1c492',
    change:
      'Initial protocol: {seq} checkpoint, pull/push/stream, rejected rows with master states, 15 collections.',
  },
  {
    version: 2,
    fingerprint: 'b7a479a4f49ab1c3d9a00dcada2ff83b2a1915c966c43e9cb1244588ef75b693',
    change:
      "HTTP errors use the API's one error family (shared/api-errors.ts); sync-only distinctions move to details.reason. Version 1 apps are still served: they act on statuses only (401, 426), which did not change.",
  },
  {
    version: 3,
    fingerprint: '1ef4fb3e4247dcd159d06aecc697983ce2b19822632c923380233f35358df81c',
    change:
      'Alert lifecycle on signals (risk alerts gain in_progress and dismissed; acknowledgedAt, startedAt, dismissReason) and tasks as activities (type task; signalId, dueAt, completedAt, assignedTo); the staff side of tickets and meetings: internal ticket notes (activities.ticketId), the answer to a client meeting request (meetings.requestAnswer), tickets.firstResponseAt server-owned (derived from the first support message). New fields default to null, so older apps are still served.',
  },
  {
    version: 4,
    fingerprint: '2d00e1315bf8afdd4f30e477f64096e73a0aa64c0da65883da671fb8dd08d1d6',
    change:
      'Rule texts are domain-text codes {code, params} (health factors, risk/churn factors, signals, actions); ' +
      'health factors lose `name`. Older apps would send and show sentences, so 4 is the minimum.',
  },
  {
    version: 5,
    fingerprint: '7015890ae1f31805aad25ac1ff105804d855b2b448f190017dec12b581af764f',
    change:
      'Four domain-text codes for the client portal month-end outlook (outlook.increaseBudget, keepBudget, ' +
      'reviewCampaigns, noInvestment). Additive and never stored in a synced document today, so 4 is still served.',
  },
  {
    version: 6,
    fingerprint: '7468f2284527c2f971e2160a63745020f3387d05c032a2e90e8721e067c588c1',
    change:
      'Three domain-text codes for the default playbooks (playbook.name, taskTitle, taskDescription). Additive; ' +
      'task activities still store their words as text, so 4 is still served.',
  },
  {
    version: 7,
    fingerprint: 'b6c8fb76ed883e79d3ee57b18801256b83a870bd3bc3b004fc0be8289ca497e9',
    change:
      'Notification types of the notification system: customer_critical, renewal_due, sla_breach, ' +
      'meeting_request added, health_change retired (migration 0114). An older app would refuse the new ' +
      'types when it pulls its inbox, so 7 is the minimum.',
  },
  {
    version: 8,
    fingerprint: 'c6ad746d71ef75d3d6144ccfc2509dead9b6cdafd66fd8002e66c3c3c49bcb5f',
    change:
      'Event waiting list: engagement.eventRegistrations[].status gains waitlisted and the server-owned ' +
      'waitlistPosition (the server settles seats on push: shared/domain/portal/event-seats.ts). An older app ' +
      'would refuse a waitlisted registration when it pulls its record, so 8 is the minimum.',
  },
  {
    version: 9,
    fingerprint: 'dfd8fc47eec37dc6374b4721ba565807af2eb043275cc3889e6b920e98d4948d',
    change:
      "NFS-e: invoices gain nfeNumber (the issued nota's number beside nfeUrl, written by the issue-nfse job's " +
      'server write; null by default). An older app would refuse an invoice carrying the unknown field when it ' +
      'pulls it, so 9 is the minimum.',
  },
  {
    version: 10,
    fingerprint: 'ef0de982446286bbb8c4803fe56e43fff5c3b3e123bbf706e0980593f31049b7',
    change:
      "Chat with the agency: tickets gain channel ('ticket' | 'chat', default 'ticket'; set at creation, never " +
      'changed; a chat has no SLA deadline). An older app would refuse a ticket carrying the unknown field when it ' +
      'pulls it (and would list chats as tickets), so 10 is the minimum.',
  },
  {
    version: 11,
    fingerprint: '6ddfb4a035c887b46e98117d845cfee594537d9979884e7ef24454d15d29c2ff',
    change:
      "Customers gain cnpj (the company's CNPJ, digits only, check digits validated by shared/domain/cnpj.ts; " +
      "null by default): the NFS-e's taker. An older app would refuse a customer carrying the unknown field " +
      'when it pulls it, so 11 is the minimum.',
  },
  {
    version: 12,
    fingerprint: 'f2126180fdc155e8b678b2b5073652dc24e1ff9de762f45b851997281b814978',
    change:
      'The alphanumeric CNPJ (IN RFB 2.229/2024, issued since July 2026): customers.cnpj takes 12 digits or ' +
      'capital letters then 2 check digits (shared/domain/cnpj.ts; migration 0320). An older app would refuse ' +
      "such a customer when it pulls it and could not save the company's CNPJ. In the same release, chat " +
      'messages notify the other side: notification types chat_reply (clients) and chat_message (staff), ' +
      'which an older app would refuse in its inbox (migration 0322). So 12 is the minimum.',
  },
];

export const PULL_LIMIT_DEFAULT = 100;
export const PULL_LIMIT_MAX = 1000;
/**
 * Push batch sizes. Every push pays fixed costs (a transaction, its statements' planning, the masters' read, the
 * change feed), so larger batches store more rows per second (issue 16: 1,000 customers pushed in batches of 100
 * vs 500, interleaved in one process, median 585 → 422 ms).
 * - `PUSH_ROWS_ANY_SERVER`: every server of this protocol version accepts this many rows in one push (servers
 *   before December 2026 accept no more); the fingerprinted request schema (`pushRequestSchema`) states it.
 * - `PUSH_MAX_ROWS`: what this server accepts (`pushBatchSchema`); more → 413 `too_many_rows` with
 *   `details.max`. Accepting more than the protocol promises is compatible: older apps send at most 100.
 * - `PUSH_BATCH_ROWS`: what the app sends (RxDB's push batch, sync/client/replicate.ts). A server that refuses a
 *   batch with 413 — an older one (`too_many_rows`, max 100), or a body over its byte limit (`MAX_BODY_BYTES`,
 *   8 MiB by default: 500 customers with their contacts and contracts are ≈ 2 MB of JSON) — gets the same rows again
 *   in smaller pushes, so the app works with every server of this protocol version.
 */
export const PUSH_ROWS_ANY_SERVER = 100;
export const PUSH_MAX_ROWS = 1000;
export const PUSH_BATCH_ROWS = 500;

/**
 * Opaque to clients: send back exactly what the last pull or stream event returned (omit it the first time).
 * `seq` is the organization's gap-free `server_seq` of the last document delivered; a pull returns the
 * documents strictly after it, in `serverSeq` order.
 */
export const checkpointSchema = z.strictObject({
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;
export const INITIAL_CHECKPOINT: Checkpoint = { seq: 0 };

/** A document on the wire: the collection's entity (shared/entities) plus `_deleted`. */
export const wireDocumentSchema = z.looseObject({
  id: z.string(),
  serverSeq: z.number().int().min(0),
  _deleted: z.boolean(),
});

/** `GET /:collection/pull?checkpoint=<url-encoded JSON>&limit=<n>` — both optional; other parameters are ignored. */
export const pullQuerySchema = z.object({
  checkpoint: z.string().max(1000).optional(),
  limit: z
    .string()
    .regex(/^\d{1,9}$/, 'expected a positive integer')
    .optional(),
});

export const pullResponseSchema = z.strictObject({
  documents: z.array(wireDocumentSchema),
  checkpoint: checkpointSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

const isWireDocument = (d: unknown): boolean => {
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return false;
  const { id, serverSeq, _deleted } = d as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    Number.isInteger(serverSeq) &&
    (serverSeq as number) >= 0 &&
    typeof _deleted === 'boolean'
  );
};

/**
 * `pullResponseSchema.parse`, for the app's pull loop: the same checks and the same error, without copying
 * every document. Why: zod's `looseObject` builds a new object of every key of every document — for a
 * 1,000-document page as much main-thread time as `JSON.parse` of it (issue 16: a first sync runs it over
 * every document of the organization while the list renders). Invariant: whatever this accepts,
 * `pullResponseSchema` accepts too, with the same documents (here the parsed objects themselves); anything
 * else is handed to the schema, which throws its usual error.
 */
export function parsePullResponse(body: unknown): PullResponse {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const { documents, checkpoint, ...rest } = body as Record<string, unknown>;
    if (
      Object.keys(rest).length === 0 &&
      Array.isArray(documents) &&
      documents.every(isWireDocument) &&
      checkpointSchema.safeParse(checkpoint).success
    )
      return { documents: documents as PullResponse['documents'], checkpoint: checkpoint as Checkpoint };
  }
  return pullResponseSchema.parse(body);
}

/**
 * A pushed document before validation: only the envelope is checked for the whole request (400 otherwise);
 * its content is validated per row against the collection's schema, so one bad row is rejected alone.
 */
export const pushedDocumentSchema = z.looseObject({ id: z.string().min(1).max(64) });

export const pushRowSchema = z.strictObject({
  /** RxDB omits it (undefined) for a document the device believes is new. */
  assumedMasterState: pushedDocumentSchema.nullish(),
  newDocumentState: pushedDocumentSchema,
});
export type PushRow = z.infer<typeof pushRowSchema>;

/** A push every server of this protocol version accepts (the protocol's fingerprint covers this one). */
export const pushRequestSchema = z.array(pushRowSchema).max(PUSH_ROWS_ANY_SERVER);
/** A push this server accepts: the same rows, up to `PUSH_MAX_ROWS` of them. */
export const pushBatchSchema = z.array(pushRowSchema).max(PUSH_MAX_ROWS);

/**
 * A push row as the app sends it. The server reads nothing of the assumed master but its `serverSeq` (conflict
 * detection, sync/push/decide.ts), so only `{id, serverSeq, _deleted}` of it travels: RxDB hands the push
 * handler whole documents, and the assumed master was half of a batch's bytes — and of the JSON the server
 * parses per batch (issue 16). Valid under `pushRowSchema` for every server of this protocol version; the
 * device keeps the whole assumed master locally (acked writes, conflict notices).
 */
export function pushRowForWire(row: {
  readonly assumedMasterState?: Readonly<Record<string, unknown>> | null | undefined;
  readonly newDocumentState: Readonly<Record<string, unknown>>;
}): PushRow {
  const assumed = row.assumedMasterState;
  const newDocumentState = row.newDocumentState as PushRow['newDocumentState'];
  if (assumed === undefined) return { newDocumentState };
  if (assumed === null) return { assumedMasterState: null, newDocumentState };
  const { id, serverSeq, _deleted } = assumed;
  return { assumedMasterState: { id, serverSeq, _deleted } as PushRow['newDocumentState'], newDocumentState };
}

/** Why one pushed row was not written (the row's master state is also returned in `conflicts`). */
export const REJECTION_CODES = [
  'invalid_document',
  'forbidden',
  'unknown_customer',
  'immutable_field',
  'field_not_writable',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const rejectedRowSchema = z.strictObject({
  id: z.string(),
  code: z.enum(REJECTION_CODES),
  message: z.string(),
});
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

export const pushResponseSchema = z.strictObject({
  /** Master states the device must resolve against: real conflicts and rejected rows. */
  conflicts: z.array(wireDocumentSchema),
  rejected: z.array(rejectedRowSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** SSE `event: change` data: one committed batch, filtered to what the user may see. */
export const streamChangeSchema = z.strictObject({
  collection: z.enum(COLLECTION_NAMES as [string, ...string[]]),
  documents: z.array(wireDocumentSchema),
  checkpoint: checkpointSchema,
});
export type StreamChange = z.infer<typeof streamChangeSchema>;
export const RESYNC = 'RESYNC';
/** SSE `event: resync` carries `RESYNC`: pull from the stored checkpoint (sent on every (re)connect). */
export const streamEventSchema = z.union([z.literal(RESYNC), streamChangeSchema]);
export type StreamEvent = z.infer<typeof streamEventSchema>;
export const STREAM_EVENT_NAMES = { change: 'change', resync: 'resync' } as const;

/**
 * Sync errors are the API's one error family (shared/api-errors.ts: codes and statuses, one handler). What only
 * the sync protocol distinguishes travels as `details.reason`:
 * - `protocol_outdated` (426 `upgrade_required`): the app is older than `MIN_SUPPORTED_PROTOCOL_VERSION`;
 * - `protocol_unsupported` (400 `bad_request`): a newer app than this server, or a malformed header;
 * - `invalid_query` / `invalid_checkpoint` (400 `bad_request`): a malformed pull query / checkpoint;
 * - `too_many_rows` (413 `payload_too_large`): more than the server's `PUSH_MAX_ROWS` rows in one push; its
 *   `details.max` says how many it accepts (an app sends the rows again in pushes of that many).
 */
export const SYNC_ERROR_REASONS = [
  'protocol_outdated',
  'protocol_unsupported',
  'invalid_query',
  'invalid_checkpoint',
  'too_many_rows',
] as const;
export type SyncErrorReason = (typeof SYNC_ERROR_REASONS)[number];

export const errorResponseSchema = errorBodySchema.extend({
  error: errorBodySchema.shape.error.extend({
    details: z.looseObject({ reason: z.enum(SYNC_ERROR_REASONS).optional() }).optional(),
  }),
});
export type SyncErrorBody = z.infer<typeof errorResponseSchema>;

/** Every message schema of the protocol, by name; all of them are part of the fingerprint. */
export const PROTOCOL_MESSAGE_SCHEMAS = {
  checkpoint: checkpointSchema,
  pullQuery: pullQuerySchema,
  pullResponse: pullResponseSchema,
  pushRequest: pushRequestSchema,
  pushResponse: pushResponseSchema,
  streamEvent: streamEventSchema,
  error: errorResponseSchema,
} as const;

export type ProtocolHeaderCheck =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly reason: 'outdated' | 'unsupported' };

/**
 * A missing header is served as the current version (scripts, test tools). Below the minimum → the app must
 * update (426). A malformed value or one newer than this server (mid-rollout) is refused, so a newer app
 * never has its changes rejected by an older schema.
 */
export function checkProtocolHeader(value: string | null | undefined): ProtocolHeaderCheck {
  if (value === null || value === undefined || value.trim() === '')
    return { ok: true, version: PROTOCOL_VERSION };
  if (!/^\d{1,6}$/.test(value.trim())) return { ok: false, reason: 'unsupported' };
  const version = Number(value.trim());
  if (version < MIN_SUPPORTED_PROTOCOL_VERSION) return { ok: false, reason: 'outdated' };
  if (version > PROTOCOL_VERSION) return { ok: false, reason: 'unsupported' };
  return { ok: true, version };
}
