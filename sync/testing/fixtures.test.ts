import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS, COLLECTION_NAMES } from '../../shared/collections/index.ts';
import {
  ADMIN,
  fixture,
  LOJA_CLIENT,
  MARIA_CSM,
  OTHER_ORG_ADMIN,
  TECHCORP_CLIENT,
  uuid,
} from './fixtures.ts';
import { userIdentitySchema } from '../../shared/identity.ts';

describe('sync test fixtures', () => {
  it.each(COLLECTION_NAMES)('%s fixture is a valid document', (name) => {
    const result = COLLECTION_DEFS[name].schema.safeParse(fixture(name, uuid(1)));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('identities are valid and client users belong to one customer', () => {
    for (const i of [ADMIN, MARIA_CSM, TECHCORP_CLIENT, LOJA_CLIENT, OTHER_ORG_ADMIN]) {
      expect(userIdentitySchema.safeParse(i).success).toBe(true);
    }
    expect(userIdentitySchema.safeParse({ ...TECHCORP_CLIENT, customerId: null }).success).toBe(false);
    expect(userIdentitySchema.safeParse({ ...ADMIN, customerId: TECHCORP_CLIENT.customerId }).success).toBe(
      false,
    );
  });
});
