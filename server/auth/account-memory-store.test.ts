import { MemoryAccountStore } from './account-memory-store.ts';
import { accountStoreContract } from './account-store-contract.ts';
import { TEST_USERS } from '../http/testing.ts';

// A syntactically valid argon2id hash; the contract never verifies passwords.
const passwordHash =
  '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

accountStoreContract('memory', async () => {
  const store = new MemoryAccountStore(TEST_USERS.map((user) => ({ user, passwordHash, disabled: false })));
  return {
    accounts: store,
    auth: store,
    users: TEST_USERS.slice(0, 3),
    disable: async (user) => store.setDisabled(user.id, true),
  };
});
