import { randomUUID } from 'node:crypto';
import type { UserIdentity } from '../../shared/identity.ts';
import { MemoryAuthStore } from '../auth/memory-store.ts';
import { MemoryAccountsStore } from './memory-store.ts';
import { accountsStoreContract } from './store-contract.ts';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

/** An organization like the test tenant (admin, CSM, a client user of TechCorp) and a second organization. */
export function memoryAccounts() {
  const org = randomUUID();
  const otherOrg = randomUUID();
  const customer = { id: randomUUID(), name: 'TechCorp LTDA' };
  const otherCustomerId = randomUUID();
  const person = (role: 'admin' | 'csm' | 'client', organizationId: string, name: string) => {
    const id = randomUUID();
    const customerId = role === 'client' ? customer.id : null;
    return {
      identity: { role, userId: id, organizationId, customerId } as UserIdentity,
      login: {
        user: {
          id,
          email: `${role}-${id}@arco.example`,
          name,
          role,
          organizationId,
          customerId,
          locale: 'pt-BR',
          timeZone: 'America/Sao_Paulo',
        },
        passwordHash: HASH,
        disabled: false,
      },
    };
  };
  const admin = person('admin', org, 'Admin Arco');
  const csm = person('csm', org, 'Maria Santos');
  const client = person('client', org, 'Pedro Almeida');
  const otherAdmin = person('admin', otherOrg, 'Admin Outra');
  const auth = new MemoryAuthStore();
  const store = new MemoryAccountsStore(auth, {
    organizations: [
      { id: org, name: 'Arco Digital (teste)' },
      { id: otherOrg, name: 'Outra Agência' },
    ],
    customers: [
      { ...customer, organizationId: org },
      { id: otherCustomerId, organizationId: otherOrg, name: 'Loja Bela Vista' },
    ],
    users: [admin.login, csm.login, client.login, otherAdmin.login],
  });
  return {
    store,
    auth,
    admin: admin.identity,
    csm: csm.identity,
    client: client.identity,
    otherAdmin: otherAdmin.identity,
    customer,
    otherCustomerId,
    logins: { admin: admin.login, csm: csm.login, client: client.login },
  };
}

accountsStoreContract('memory', {
  populated: async () => memoryAccounts(),
  empty: async () => {
    const auth = new MemoryAuthStore();
    return { store: new MemoryAccountsStore(auth), auth };
  },
});
