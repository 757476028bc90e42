import { z } from 'zod';
import type { CollectionDef, CollectionName } from '../../shared/collections/index.ts';
import { upgradeStoredDomainText } from '../../shared/entities/domain-text.ts';

/**
 * RxDB JSON schemas are derived from the collection definitions (shared/collections/<name>.ts): the zod schema
 * is the type, never written twice; owner keys are indexed by convention, other indexes come from the
 * definition's `indexes`. When a collection's stored shape changes, bump its version in `RX_SCHEMA_VERSIONS`
 * and give the step in `rxMigrationStrategies` (RxDB migrates a device's stored documents when the collection
 * opens; without it, an installed app would refuse to open its database after the update).
 */
export const RX_SCHEMA_VERSION = 0;
/**
 * Collections past version 0, with why. 1 = protocol 3: the alert lifecycle and task fields (migration 0110),
 * internal ticket notes (`activities.ticketId`) and the answer to a meeting request (`meetings.requestAnswer`,
 * migration 0111) — one step per released version, so fields added within the same release share it.
 * Protocol 4: rule texts became domain-text codes (migration 0113): signals 2, health 1.
 * Protocol 7: the notification types of the notification system (migration 0114): notifications 1.
 * Protocol 8: the event waiting list (`waitlisted`, `eventRegistrations[].waitlistPosition`): engagement 1.
 * Protocol 9: the NFS-e number (`invoices.nfeNumber`, default null): invoices 1 (added with protocol 10 — an app
 * of protocol 9 whose device database held invoices of version 0 could not open it).
 * Protocol 10: chats (`tickets.channel`, default 'ticket'): tickets 1.
 * Issue 16, the device only (no protocol change): the customers' name index (the list's first screenful):
 * customers 1 — the stored documents do not change, the step only rebuilds them into the indexed storage.
 * Protocol 11: the customer's CNPJ (`customers.cnpj`, default null): customers 2.
 * Protocol 12: the alphanumeric CNPJ (the field's pattern widens; stored numeric CNPJs stay valid): customers 3;
 * the chat's notification types (`chat_reply`, `chat_message`; the enum widens): notifications 2.
 */
export const RX_SCHEMA_VERSIONS: Readonly<Partial<Record<CollectionName, number>>> = {
  signals: 2,
  activities: 1,
  meetings: 1,
  health: 1,
  notifications: 2,
  engagement: 1,
  tickets: 1,
  invoices: 1,
  customers: 3,
};

type RxMigrationStrategy = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Fields a stored document lacks get their schema default (new fields are added with `.default(…)` so an older
 * document stays valid: shared/entities/csm.ts).
 */
export function withSchemaDefaults(
  def: CollectionDef,
  doc: Record<string, unknown>,
): Record<string, unknown> {
  const filled = { ...doc };
  for (const [field, schema] of Object.entries(def.schema.shape as Record<string, z.ZodType>)) {
    if (filled[field] === undefined && schema instanceof z.ZodDefault)
      filled[field] = schema.def.defaultValue as unknown;
  }
  return filled;
}

type RxMigrationStep = (def: CollectionDef, doc: Record<string, unknown>) => Record<string, unknown>;
const toDomainText: RxMigrationStep = (def, doc) => upgradeStoredDomainText(def.name, doc);
/** Migration 0114's rename on the device: the retired `health_change` inbox items become risk alerts. */
const retireHealthChange: RxMigrationStep = (_def, doc) =>
  doc.type === 'health_change' ? { ...doc, type: 'risk_alert' } : doc;

/** Protocol 8: registrations stored before the waiting list get no place in line. */
const withRegistrationDefaults: RxMigrationStep = (_def, doc) => ({
  ...doc,
  eventRegistrations: ((doc.eventRegistrations as Record<string, unknown>[] | undefined) ?? []).map((r) => ({
    waitlistPosition: null,
    ...r,
  })),
});

/** A new index or a wider field pattern only: the stored document is kept as it is. */
const sameDocument: RxMigrationStep = (_def, doc) => doc;

/** The steps from version 0, in order: step i takes a document from version i to i + 1. */
const RX_MIGRATION_STEPS: Readonly<Partial<Record<CollectionName, readonly RxMigrationStep[]>>> = {
  signals: [withSchemaDefaults, toDomainText],
  activities: [withSchemaDefaults],
  meetings: [withSchemaDefaults],
  health: [toDomainText],
  notifications: [retireHealthChange, sameDocument],
  engagement: [withRegistrationDefaults],
  tickets: [withSchemaDefaults],
  invoices: [withSchemaDefaults],
  customers: [sameDocument, withSchemaDefaults, sameDocument],
};

/** One step per version above 0 (RxDB requires every step up to the current version). */
export function rxMigrationStrategies(def: CollectionDef): Record<number, RxMigrationStrategy> {
  const version = RX_SCHEMA_VERSIONS[def.name as CollectionName] ?? RX_SCHEMA_VERSION;
  const steps = RX_MIGRATION_STEPS[def.name as CollectionName] ?? [];
  return Object.fromEntries(
    steps.slice(0, version).map((step, i): [number, RxMigrationStrategy] => [i + 1, (doc) => step(def, doc)]),
  );
}

/** Indexed string fields need a maxLength in RxDB/Dexie; UUIDs are 36 characters. */
const UUID_FIELD = { type: 'string', maxLength: 36 } as const;

export interface RxJsonSchemaLike {
  version: number;
  primaryKey: 'id';
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
  indexes?: string[][];
}

export function toRxJsonSchema(def: CollectionDef): RxJsonSchemaLike {
  const json = z.toJSONSchema(def.schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as {
    properties: Record<string, unknown>;
    required?: string[];
  };
  const properties: Record<string, unknown> = { ...json.properties, id: UUID_FIELD };
  const indexes: string[][] = [];
  // Customer- and user-scoped documents are looked up by their owner (Customer 360, "my notifications").
  for (const owner of ['customerId', 'userId'] as const) {
    if (owner in properties && json.required?.includes(owner)) {
      properties[owner] = UUID_FIELD;
      indexes.push([owner]);
    }
  }
  for (const index of def.indexes) {
    for (const field of index)
      if (field.endsWith('Id') && field in properties) properties[field] = UUID_FIELD;
    indexes.push([...index]);
  }
  return {
    version: RX_SCHEMA_VERSIONS[def.name as CollectionName] ?? RX_SCHEMA_VERSION,
    primaryKey: 'id',
    type: 'object',
    properties,
    required: json.required ?? ['id'],
    ...(indexes.length ? { indexes } : {}),
  };
}
