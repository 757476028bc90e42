import { MemoryAuthStore } from './memory-store.ts';
import { authStoreContract } from './store-contract.ts';
import { TEST_USERS } from '../http/testing.ts';

// A syntactically valid argon2id hash; the contract never verifies passwords.
const passwordHash =
  '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

authStoreContract('memory', async () => {
  const store = new MemoryAuthStore(TEST_USERS.map((user) => ({ user, passwordHash, disabled: false })));
  return {
    store,
    users: TEST_USERS,
    passwordHash,
    disable: async (user) => store.setDisabled(user.id, true),
  };
});
