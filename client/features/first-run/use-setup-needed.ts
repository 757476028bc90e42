import { useEffect, useState } from 'react';
import { setupStatusSchema } from '../../../shared/accounts.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { callAccounts } from '../users/accounts-api.ts';

/**
 * Whether the server has no organization yet (`GET /api/setup`): only then is the first-run screen offered.
 * False while unknown or offline — the screen is never offered on a guess.
 */
export function useSetupNeeded(): boolean {
  const { fetch: fetchFn, network } = useDependencies();
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    if (!network.isOnline()) return;
    let cancelled = false;
    void callAccounts(fetchFn, 'GET', '/api/setup', setupStatusSchema).then((result) => {
      if (!cancelled && result.ok && result.value) setNeeded(result.value.needed);
    });
    return () => {
      cancelled = true;
    };
  }, [fetchFn, network]);
  return needed;
}
