import { z } from 'zod';
import {
  type ChildTable,
  COLLECTION_NAMES,
  definitionOf,
  type CollectionName,
} from '../../../shared/collections/index.ts';

/**
 * How each synced collection is laid out in PostgreSQL, derived from its zod schema by one convention, so the
 * migration, the row mapper and the tests cannot silently disagree (a pg test compares this with the live
 * columns, types, nullability and enum CHECKs).
 *
 * Parent table (name = collection name; `content` included):
 *   organization_id uuid, id uuid — primary key (organization_id, id)
 *   server_seq bigint (unique per organization), created_at, updated_at, client_updated_at timestamptz,
 *   deleted boolean — then one column per scalar field of the document:
 *     camelCase → snake_case; `fooCents` (integer cents) → `foo numeric(15,2)`; ISO date → `date`;
 *     ISO instant → `timestamptz`; integer → `integer`; other number → `double precision`; uuid → `uuid`;
 *     enum / literal → `text` + CHECK; boolean; other strings → `text`; arrays, objects, records and unions of
 *     objects → `jsonb`.
 *   A document's own `createdAt` is stored in `created_at`; where the entity has none, `created_at` is the
 *   server's insert time. `customerId` / `userId` become `customer_id` / `user_id` with composite FKs.
 * Owned children (the definition's `embedded` tables) get real tables: organization_id, id (primary key together), the parent's
 *   `<parent>_id` (composite FK to the parent, ON DELETE CASCADE), `position` (index in the array), then the
 *   element's fields by the same rules.
 */
export type ColumnKind =
  'uuid' | 'text' | 'enum' | 'boolean' | 'integer' | 'double' | 'money' | 'date' | 'instant' | 'json';

export interface ColumnSpec {
  /** Field name in the document (camelCase). */
  readonly field: string;
  /** Column name in SQL (snake_case). */
  readonly column: string;
  readonly kind: ColumnKind;
  readonly nullable: boolean;
  /** For `enum`: the allowed values, as the CHECK constraint lists them. */
  readonly enumValues?: readonly string[];
}

export interface ChildSpec {
  /** The embedded array's field in the parent document. */
  readonly field: string;
  readonly table: string;
  /** FK column to the parent's id, e.g. `invoice_id`. */
  readonly parentColumn: string;
  /** Every element field except `id`, in schema order. */
  readonly columns: readonly ColumnSpec[];
}

export interface TableSpec {
  readonly collection: CollectionName;
  readonly table: string;
  /** Scalar and jsonb fields, in schema order; excludes id, updatedAt, serverSeq, clientUpdatedAt, createdAt. */
  readonly columns: readonly ColumnSpec[];
  /** Whether the document has its own `createdAt` (stored in `created_at`). */
  readonly documentHasCreatedAt: boolean;
  readonly children: readonly ChildSpec[];
}

/** Columns every synced parent table has, in this order, before its own fields. */
export const BASE_COLUMNS = [
  'organization_id',
  'id',
  'server_seq',
  'created_at',
  'updated_at',
  'client_updated_at',
  'deleted',
] as const;

/**
 * Columns every synced parent table has after its own fields (migration 0290): the document's JSON as the mapper
 * wrote it, the server_seq and the document-shape fingerprint it was written for (mapper.ts `readDocumentsJson`
 * serves it only while both still match). Not document fields: never read into a document.
 */
export const STORED_JSON_COLUMNS = ['doc_json', 'doc_json_seq', 'doc_json_shape'] as const;

/**
 * Owned child entities that live in their own tables, with their table and parent FK column: the definition's
 * `embedded` entries that name a table (shared/collections/<name>.ts); other embedded arrays are jsonb.
 */
export const childTablesOf = (collection: CollectionName): Readonly<Record<string, ChildTable>> =>
  definitionOf(collection).childTables;

const DOCUMENT_BASE_FIELDS = new Set(['id', 'updatedAt', 'serverSeq', 'clientUpdatedAt', 'createdAt']);

export function snakeCase(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export function columnName(field: string, kind: ColumnKind): string {
  return snakeCase(kind === 'money' ? field.replace(/Cents$/, '') : field);
}

/** The column kind of one field, by the convention above. Throws on a zod type the convention doesn't cover. */
export function columnFor(field: string, schema: z.ZodType): ColumnSpec {
  // A default only fills in a value an older app did not send; the stored column is the wrapped type.
  let inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
  let nullable = false;
  // A default only fills the field in when an older document lacks it; the stored column is the value's.
  if (inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodNullable) {
    nullable = true;
    inner = inner.unwrap() as z.ZodType;
  }
  const spec = (kind: ColumnKind, enumValues?: readonly string[]): ColumnSpec => ({
    field,
    column: columnName(field, kind),
    kind,
    nullable,
    ...(enumValues ? { enumValues } : {}),
  });
  if (inner instanceof z.ZodEnum) return spec('enum', inner.options.map(String));
  if (inner instanceof z.ZodLiteral) return spec('enum', [...inner.values].map(String));
  if (inner instanceof z.ZodBoolean) return spec('boolean');
  if (inner instanceof z.ZodNumber) {
    if (!inner.isInt) return spec('double');
    return spec(field.endsWith('Cents') ? 'money' : 'integer');
  }
  if (inner instanceof z.ZodUUID) return spec('uuid');
  if (inner instanceof z.ZodISODateTime) return spec('instant');
  if (inner instanceof z.ZodISODate) return spec('date');
  if (inner instanceof z.ZodString || inner instanceof z.ZodStringFormat) return spec('text');
  // A union of objects (a domain-text code, shared/entities/domain-text.ts) is a JSON value too.
  if (
    inner instanceof z.ZodArray ||
    inner instanceof z.ZodObject ||
    inner instanceof z.ZodRecord ||
    (inner instanceof z.ZodUnion && inner.options.every((o) => o instanceof z.ZodObject))
  )
    return spec('json');
  throw new Error(`no column convention for field ${field} (zod type ${inner.def.type})`);
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  if (!(schema instanceof z.ZodObject)) throw new Error('collection schemas must be zod objects');
  return schema.shape as Record<string, z.ZodType>;
}

function elementSchema(schema: z.ZodType): z.ZodType {
  if (!(schema instanceof z.ZodArray)) throw new Error('an embedded child field must be an array');
  return schema.element as z.ZodType;
}

function deriveTableSpec(collection: CollectionName): TableSpec {
  const shape = shapeOf(definitionOf(collection).schema);
  const childDefs = childTablesOf(collection);
  const children: ChildSpec[] = Object.entries(childDefs).map(([field, { table, parentColumn }]) => {
    const childShape = shapeOf(elementSchema(shape[field] as z.ZodType));
    return {
      field,
      table,
      parentColumn,
      columns: Object.entries(childShape)
        .filter(([f]) => f !== 'id')
        .map(([f, s]) => columnFor(f, s)),
    };
  });
  const columns = Object.entries(shape)
    .filter(([field]) => !DOCUMENT_BASE_FIELDS.has(field) && !(field in childDefs))
    .map(([field, s]) => columnFor(field, s));
  return {
    collection,
    table: collection,
    columns,
    documentHasCreatedAt: 'createdAt' in shape,
    children,
  };
}

export const TABLE_SPECS: Readonly<Record<CollectionName, TableSpec>> = Object.freeze(
  Object.fromEntries(COLLECTION_NAMES.map((name) => [name, deriveTableSpec(name)])) as Record<
    CollectionName,
    TableSpec
  >,
);

/** Every synced table and child table name, parents first (the order FKs allow for inserts). */
export const SYNCED_TABLES: readonly string[] = COLLECTION_NAMES.flatMap((name) => [
  TABLE_SPECS[name].table,
  ...TABLE_SPECS[name].children.map((c) => c.table),
]);
