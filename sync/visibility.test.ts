import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../shared/collections.ts';
import {
  ADMIN,
  CUSTOMER_LOJA,
  CUSTOMER_TECHCORP,
  fixture,
  MARIA_CSM,
  ORG_A,
  ORG_B,
  TECHCORP_CLIENT,
  uuid,
} from './testing/fixtures.ts';
import { isVisibleTo, readFilterFor } from './visibility.ts';

describe('read filters', () => {
  it('staff read their whole organization, except other users’ inboxes', () => {
    expect(readFilterFor(MARIA_CSM, 'invoices')).toEqual({ organizationId: ORG_A, owner: null });
    expect(readFilterFor(MARIA_CSM, 'notifications')).toEqual({
      organizationId: ORG_A,
      owner: { field: 'userId', equals: MARIA_CSM.userId },
    });
    expect(readFilterFor(MARIA_CSM, 'engagement')).toBeNull();
  });

  it('a client reads their own customer (the customers row by id), never staff-only collections', () => {
    expect(readFilterFor(TECHCORP_CLIENT, 'customers')?.owner).toEqual({
      field: 'id',
      equals: CUSTOMER_TECHCORP,
    });
    expect(readFilterFor(TECHCORP_CLIENT, 'tickets')?.owner).toEqual({
      field: 'customerId',
      equals: CUSTOMER_TECHCORP,
    });
    expect(readFilterFor(TECHCORP_CLIENT, 'content')?.owner).toBeNull();
    for (const c of ['health', 'signals', 'activities'] as const)
      expect(readFilterFor(TECHCORP_CLIENT, c)).toBeNull();
  });

  it.each(COLLECTION_NAMES)('%s: nobody sees another organization’s rows', (collection) => {
    const doc = fixture(collection, collection === 'customers' ? CUSTOMER_TECHCORP : uuid(1));
    for (const identity of [ADMIN, MARIA_CSM, TECHCORP_CLIENT]) {
      expect(isVisibleTo(identity, collection, ORG_B, doc)).toBe(false);
    }
  });

  it('a client does not see another customer’s rows of the same organization', () => {
    expect(
      isVisibleTo(TECHCORP_CLIENT, 'goals', ORG_A, fixture('goals', uuid(1), { customerId: CUSTOMER_LOJA })),
    ).toBe(false);
    expect(isVisibleTo(TECHCORP_CLIENT, 'goals', ORG_A, fixture('goals', uuid(1)))).toBe(true);
    expect(isVisibleTo(ADMIN, 'goals', ORG_A, fixture('goals', uuid(1), { customerId: CUSTOMER_LOJA }))).toBe(
      true,
    );
  });
});
