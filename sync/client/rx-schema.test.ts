import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS, COLLECTION_NAMES } from '../../shared/collections/index.ts';
import { toRxJsonSchema } from './rx-schema.ts';

describe('RxDB schemas derived from the shared zod schemas', () => {
  it.each(COLLECTION_NAMES)('%s has a bounded string primary key and every entity field', (name) => {
    const schema = toRxJsonSchema(COLLECTION_DEFS[name]);
    expect(schema.primaryKey).toBe('id');
    expect(schema.properties.id).toEqual({ type: 'string', maxLength: 36 });
    const shape = (COLLECTION_DEFS[name].schema as unknown as { shape?: Record<string, unknown> }).shape;
    if (shape) expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(shape).sort());
    expect(schema.required).toContain('serverSeq');
  });

  it('indexes the owner of customer- and user-scoped documents', () => {
    expect(toRxJsonSchema(COLLECTION_DEFS.tickets).indexes).toEqual([['customerId']]);
    expect(toRxJsonSchema(COLLECTION_DEFS.notifications).indexes).toEqual([['userId']]);
    expect(toRxJsonSchema(COLLECTION_DEFS.content).indexes).toBeUndefined();
    // The customer list's first screenful (issue 16); an indexed string needs a bounded length.
    expect(toRxJsonSchema(COLLECTION_DEFS.customers).indexes).toEqual([['name']]);
    expect(toRxJsonSchema(COLLECTION_DEFS.customers).properties.name).toMatchObject({ maxLength: 200 });
  });
});
