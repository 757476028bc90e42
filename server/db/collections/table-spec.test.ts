import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS, COLLECTION_NAMES } from '../../../shared/collections/index.ts';
import { BASE_COLUMNS, columnFor, snakeCase, SYNCED_TABLES, TABLE_SPECS } from './table-spec.ts';

describe('table specs derived from the collection schemas', () => {
  it('has one table per synced collection, named after it, plus the five child tables', () => {
    expect(COLLECTION_NAMES.map((n) => TABLE_SPECS[n].table)).toEqual(COLLECTION_NAMES);
    expect(SYNCED_TABLES.filter((t) => !COLLECTION_NAMES.includes(t as never)).sort()).toEqual([
      'contracts',
      'customer_contacts',
      'lead_interactions',
      'payments',
      'ticket_messages',
    ]);
  });

  it.each(COLLECTION_NAMES)('%s: every document field maps to exactly one column or child table', (name) => {
    const spec = TABLE_SPECS[name];
    const shape = (COLLECTION_DEFS[name].schema as z.ZodObject).shape;
    const mapped = [
      'id',
      'updatedAt',
      'serverSeq',
      'clientUpdatedAt',
      ...(spec.documentHasCreatedAt ? ['createdAt'] : []),
      ...spec.columns.map((c) => c.field),
      ...spec.children.map((c) => c.field),
    ];
    expect(mapped.sort()).toEqual(Object.keys(shape).sort());
    const columns = [...BASE_COLUMNS, ...spec.columns.map((c) => c.column)];
    expect(new Set(columns).size).toBe(columns.length);
    for (const child of spec.children) {
      const childColumns = [
        'organization_id',
        'id',
        child.parentColumn,
        'position',
        ...child.columns.map((c) => c.column),
      ];
      expect(new Set(childColumns).size).toBe(childColumns.length);
    }
  });

  it('follows the naming and typing convention', () => {
    const col = (name: keyof typeof TABLE_SPECS, field: string) =>
      TABLE_SPECS[name].columns.find((c) => c.field === field);
    expect(col('customers', 'mrrCents')).toMatchObject({ column: 'mrr', kind: 'money', nullable: false });
    expect(col('customers', 'lifetimeValueCents')).toMatchObject({ column: 'lifetime_value', kind: 'money' });
    expect(col('customers', 'customerSince')).toMatchObject({ column: 'customer_since', kind: 'date' });
    expect(col('customers', 'lastLoginAt')).toMatchObject({ kind: 'instant', nullable: true });
    expect(col('customers', 'csmId')).toMatchObject({ column: 'csm_id', kind: 'uuid', nullable: true });
    expect(col('customers', 'status')?.enumValues).toEqual([
      'onboarding',
      'active',
      'at_risk',
      'churned',
      'paused',
    ]);
    expect(col('campaigns', 'abTests')).toMatchObject({ column: 'ab_tests', kind: 'json' });
    expect(col('signals', 'mrrAtRiskCents')).toMatchObject({
      column: 'mrr_at_risk',
      kind: 'money',
      nullable: true,
    });
    expect(col('leads', 'position')).toMatchObject({ kind: 'double' });
    expect(col('goals', 'targetValue')).toMatchObject({ kind: 'double' });
    expect(col('tickets', 'number')).toMatchObject({ kind: 'integer', nullable: true });
    expect(col('meetings', 'clientRequest')).toMatchObject({ kind: 'json', nullable: true });
    expect(col('activities', 'metadata')).toMatchObject({ kind: 'json' });
    const contracts = TABLE_SPECS.customers.children.find((c) => c.table === 'contracts');
    expect(contracts?.columns.find((c) => c.field === 'items')).toMatchObject({ kind: 'json' });
    expect(contracts?.columns.find((c) => c.field === 'currency')).toMatchObject({
      kind: 'enum',
      enumValues: ['BRL'],
    });
  });

  it('a field with a default (how a new field keeps older apps valid) is stored as the type it wraps', () => {
    expect(columnFor('category', z.string().nullable().default(null))).toEqual({
      field: 'category',
      column: 'category',
      kind: 'text',
      nullable: true,
    });
  });

  it('refuses a zod type outside the convention', () => {
    expect(() => columnFor('x', z.bigint())).toThrow(/no column convention/);
  });

  it.each([
    ['mrrCents', 'mrr_cents'],
    ['abTests', 'ab_tests'],
    ['nfeUrl', 'nfe_url'],
    ['avgSessionSeconds', 'avg_session_seconds'],
    ['name', 'name'],
  ])('snakeCase(%s) = %s', (field, column) => {
    expect(snakeCase(field)).toBe(column);
  });
});
