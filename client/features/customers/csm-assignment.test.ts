import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { UserIdentity } from '../../../shared/identity.ts';
import { assigneeOptions, mayAssignCsm, planAssignment, selectedCustomers } from './csm-assignment.ts';
import { JOAO, MARIA, PEDRO, WIREFRAME_CUSTOMERS } from './test-fixtures.ts';

const ORG = '0190a8e4-0000-7000-8000-0000000000aa';
const ADMIN: UserIdentity = {
  role: 'admin',
  userId: '0190a8e4-0000-7000-8000-000000000009',
  organizationId: ORG,
  customerId: null,
};
const CSM: UserIdentity = { role: 'csm', userId: MARIA.id, organizationId: ORG, customerId: null };
const CLIENT: UserIdentity = {
  role: 'client',
  userId: '0190a8e4-0000-7000-8000-000000000002',
  organizationId: ORG,
  customerId: '0190a8e4-0000-7000-8000-000000000101',
};

const customer = (name: string): Customer => {
  const found = WIREFRAME_CUSTOMERS.find((c) => c.name === name);
  if (!found) throw new Error(name);
  return found;
};
const techcorp = customer('TechCorp LTDA');
const fintech = customer('Fintech ABC');
const agencia = customer('AgênciaDigital');
const startup = customer('StartupXYZ');
const shop = customer('E-commerce Shop');
const names = (list: readonly { name: string }[]) => list.map((c) => c.name);

describe('mayAssignCsm (the shared permission rule)', () => {
  it.each<[string, UserIdentity, boolean]>([
    ['admin', ADMIN, true],
    ['csm', CSM, false],
    ['client', CLIENT, false],
  ])('%s → %s', (_, user, expected) => {
    expect(mayAssignCsm(user)).toBe(expected);
  });
});

describe('planAssignment', () => {
  it.each<[string, UserIdentity, readonly Customer[], string | null, string[], string[], string[]]>([
    [
      'admin moves three customers to João; Fintech ABC is already his',
      ADMIN,
      [techcorp, fintech, startup],
      JOAO.id,
      ['TechCorp LTDA', 'StartupXYZ'],
      ['Fintech ABC'],
      [],
    ],
    [
      'admin removes the CSM of two customers; StartupXYZ has none',
      ADMIN,
      [agencia, startup, shop],
      null,
      ['AgênciaDigital', 'E-commerce Shop'],
      ['StartupXYZ'],
      [],
    ],
    ['admin assigns one customer at a time', ADMIN, [startup], MARIA.id, ['StartupXYZ'], [], []],
    [
      'a CSM is refused every change (only an admin reassigns)',
      CSM,
      [startup, fintech],
      MARIA.id,
      [],
      [],
      ['StartupXYZ', 'Fintech ABC'],
    ],
    [
      'a CSM selecting what is already theirs changes nothing',
      CSM,
      [techcorp],
      MARIA.id,
      [],
      ['TechCorp LTDA'],
      [],
    ],
    ['nothing selected', ADMIN, [], JOAO.id, [], [], []],
    [
      'the same customer twice is planned once',
      ADMIN,
      [techcorp, techcorp],
      PEDRO.id,
      ['TechCorp LTDA'],
      [],
      [],
    ],
  ])('%s', (_, user, selected, csmId, changes, unchanged, refused) => {
    const plan = planAssignment(user, selected, csmId);
    expect(names(plan.changes.map((c) => c.customer))).toEqual(changes);
    expect(names(plan.unchanged)).toEqual(unchanged);
    expect(names(plan.refused)).toEqual(refused);
    // Only csmId is written.
    for (const change of plan.changes) expect(change.patch).toEqual({ csmId });
  });
});

describe('assigneeOptions', () => {
  it('lists CSMs and admins of the directory and the signed-in user, by name, once each', () => {
    const options = assigneeOptions(
      [
        { id: PEDRO.id, name: PEDRO.name, role: 'csm' },
        { id: JOAO.id, name: JOAO.name, role: 'csm' },
        { id: ADMIN.userId, name: 'Admin Arco', role: 'admin' },
        { id: 'client-user', name: 'Carla (cliente)', role: 'client' },
        { id: MARIA.id, name: 'Maria S.', role: 'csm' },
      ],
      { id: MARIA.id, name: MARIA.name },
    );
    expect(options.map((o) => o.name)).toEqual(['Admin Arco', 'João Silva', 'Maria Santos', 'Pedro Lima']);
  });

  it('an old directory entry without a role still counts as staff', () => {
    expect(assigneeOptions([JOAO], { id: '', name: '' })).toEqual([JOAO]);
  });
});

describe('selectedCustomers', () => {
  it('keeps list order and drops ids no longer on the device', () => {
    const selection = new Set([startup.id, techcorp.id, 'gone']);
    expect(names(selectedCustomers(WIREFRAME_CUSTOMERS, selection))).toEqual(['TechCorp LTDA', 'StartupXYZ']);
  });
});
