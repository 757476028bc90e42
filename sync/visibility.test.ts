import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../shared/collections/index.ts';
import { can } from '../shared/permissions.ts';
import {
  ADMIN,
  LOJA_CLIENT,
  CUSTOMER_LOJA,
  CUSTOMER_TECHCORP,
  fixture,
  MARIA_CSM,
  ORG_A,
  ORG_B,
  TECHCORP_CLIENT,
  uuid,
} from './testing/fixtures.ts';
import type { CollectionName } from '../shared/collections/index.ts';
import type { PlainObject } from './documents.ts';
import type { UserIdentity } from '../shared/identity.ts';
import { matchesReadFilter, readFilterFor } from './visibility.ts';

/** The read rule evaluated on one document, as the routes and stores combine it. */
const isVisibleTo = (
  identity: UserIdentity,
  collection: CollectionName,
  organizationId: string,
  doc: PlainObject,
) => {
  const filter = readFilterFor(identity, collection);
  return filter !== null && matchesReadFilter(filter, organizationId, doc);
};

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

describe('agreement with shared/permissions', () => {
  // The read filter is the SQL form of `can(user, 'read', …)`: both must give the same answer on every row.
  const identities = [ADMIN, MARIA_CSM, TECHCORP_CLIENT, LOJA_CLIENT];
  const owners = [
    { customerId: CUSTOMER_TECHCORP, userId: TECHCORP_CLIENT.userId },
    { customerId: CUSTOMER_LOJA, userId: LOJA_CLIENT.userId },
    { customerId: CUSTOMER_TECHCORP, userId: MARIA_CSM.userId },
  ];
  it.each(COLLECTION_NAMES)('%s: readFilterFor ⇔ can(read)', (collection) => {
    for (const identity of identities) {
      for (const owner of owners) {
        for (const organizationId of [ORG_A, ORG_B]) {
          const id = collection === 'customers' ? owner.customerId : uuid(1);
          const doc = fixture(collection, id, owner);
          expect(
            isVisibleTo(identity, collection, organizationId, doc),
            `${identity.role} ${JSON.stringify(owner)}`,
          ).toBe(can(identity, 'read', collection, { ...doc, organizationId }));
        }
      }
    }
  });
});
