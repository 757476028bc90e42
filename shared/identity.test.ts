import { describe, expect, it } from 'vitest';
import {
  identityOf,
  identitySchema,
  signedInUserSchema,
  systemIdentity,
  userIdentitySchema,
  type SignedInUser,
} from './identity.ts';

const ORG = '01900000-0000-7000-8000-0000000000a0';
const USER = '01900000-0000-7000-8000-000000000101';
const CUSTOMER = '01900000-0000-7000-8000-0000000000c1';

const maria: SignedInUser = {
  id: USER,
  email: 'maria@arco.example',
  name: 'Maria Santos',
  role: 'csm',
  organizationId: ORG,
  customerId: null,
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
};
const carla: SignedInUser = { ...maria, role: 'client', customerId: CUSTOMER };

describe('identity', () => {
  it('maps a signed-in user to the identity it acts with, and nothing of its profile', () => {
    expect(identityOf(maria)).toEqual({ role: 'csm', userId: USER, organizationId: ORG, customerId: null });
    expect(identityOf(carla)).toEqual({
      role: 'client',
      userId: USER,
      organizationId: ORG,
      customerId: CUSTOMER,
    });
  });

  it.each([
    ['a client without a customer', { ...carla, customerId: null }],
    ['staff bound to a customer', { ...maria, customerId: CUSTOMER }],
    ['a malformed id', { ...maria, id: 'maria' }],
  ])(
    'maps a user that breaks the invariants (%s) to no identity, and refuses it as a signed-in user',
    (_, u) => {
      expect(identityOf(u)).toBeNull();
      expect(signedInUserSchema.safeParse(u).success).toBe(false);
    },
  );

  it('reads a signed-in user leniently: fields a newer server adds are dropped, not refused', () => {
    expect(signedInUserSchema.parse({ ...maria, avatarUrl: 'x' })).toEqual(maria);
  });

  it('the system identity is a database identity but never a user identity', () => {
    const system = systemIdentity(ORG);
    expect(identitySchema.parse(system)).toEqual({ role: 'system', organizationId: ORG });
    expect(userIdentitySchema.safeParse(system).success).toBe(false);
    expect(identitySchema.safeParse({ ...system, userId: USER }).success).toBe(false);
  });
});
