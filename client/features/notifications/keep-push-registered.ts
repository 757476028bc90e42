import { useEffect } from 'react';
import { useDependencies } from '../../platform/dependencies.tsx';

/**
 * Once per signed-in user and connection: posts this device's existing subscription again (reregisterPush),
 * so pushes follow the user across session renewals. Mounted with the bell, i.e. whenever someone is signed in.
 * The subscription code (push-subscription.ts, with its zod schemas) is imported when a subscription may need
 * posting, not with the shell: the bell is in every route's first load (bundle budget, issue 16).
 */
export function useKeepPushRegistered(userId: string | null): void {
  const { push = null, fetch, network } = useDependencies();
  useEffect(() => {
    if (!userId || !push) return;
    const deps = { platform: push, fetch, baseUrl: '' };
    const reregister = () =>
      void import('./push-subscription.ts').then(({ reregisterPush }) => reregisterPush(deps));
    if (network.isOnline()) reregister();
    let wasOnline = network.isOnline();
    return network.subscribe(() => {
      const online = network.isOnline();
      if (online && !wasOnline) reregister();
      wasOnline = online;
    });
  }, [fetch, network, push, userId]);
}
