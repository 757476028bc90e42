import { z } from 'zod';
import type { CollectionDef } from '../../shared/collections/index.ts';

/**
 * RxDB JSON schemas are derived from the collection definitions (shared/collections/<name>.ts): the zod schema
 * is the type, never written twice; owner keys are indexed by convention, other indexes come from the
 * definition's `indexes`. Bump `RX_SCHEMA_VERSION` with a migration strategy when a stored shape changes incompatibly.
 */
export const RX_SCHEMA_VERSION = 0;

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
    version: RX_SCHEMA_VERSION,
    primaryKey: 'id',
    type: 'object',
    properties,
    required: json.required ?? ['id'],
    ...(indexes.length ? { indexes } : {}),
  };
}
