import { describe, expect, it } from 'vitest';
import { DbError } from './errors.ts';
import { identityParams, parseIdentity } from './identity.ts';
import { systemIdentity } from '../../shared/identity.ts';

const ORG = '01900000-0000-7000-8000-0000000000a0';
const USER = '01900000-0000-7000-8000-000000000101';
const CUSTOMER = '01900000-0000-7000-8000-0000000000c1';

describe('database identity', () => {
  it.each([
    { role: 'admin', organizationId: ORG, userId: USER, customerId: null },
    { role: 'csm', organizationId: ORG, userId: USER, customerId: null },
    { role: 'client', organizationId: ORG, userId: USER, customerId: CUSTOMER },
    { role: 'system', organizationId: ORG },
  ])('accepts %o', (identity) => {
    expect(parseIdentity(identity)).toEqual(identity);
  });

  it.each([
    ['a client without a customer', { role: 'client', organizationId: ORG, userId: USER, customerId: null }],
    ['staff bound to a customer', { role: 'csm', organizationId: ORG, userId: USER, customerId: CUSTOMER }],
    ['a user without id', { role: 'admin', organizationId: ORG, customerId: null }],
    ['staff without the explicit null customer', { role: 'admin', organizationId: ORG, userId: USER }],
    ['a system identity with a user', { role: 'system', organizationId: ORG, userId: USER }],
    ['an unknown role', { role: 'owner', organizationId: ORG, userId: USER }],
    ['a malformed organization', { role: 'admin', organizationId: 'org-1', userId: USER }],
  ])('refuses %s', (_, identity) => {
    expect(() => parseIdentity(identity)).toThrow(DbError);
  });

  it('encodes "nobody" as empty settings and a system identity without user or customer', () => {
    expect(identityParams(null)).toEqual(['', '', '', '']);
    expect(identityParams(systemIdentity(ORG))).toEqual([ORG, '', 'system', '']);
    expect(
      identityParams({ role: 'client', organizationId: ORG, userId: USER, customerId: CUSTOMER }),
    ).toEqual([ORG, USER, 'client', CUSTOMER]);
  });
});
