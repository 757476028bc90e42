import { useEffect, useMemo, useState } from 'react';
import type { UserIdentity } from '../../../shared/identity.ts';

export interface CustomerPermissions {
  readonly create: boolean;
  readonly update: boolean;
  /** Portfolio assignment ("Atribuir a…"): the admin's (csm-assignment.ts, `mayAssignCsm`). */
  readonly assign: boolean;
}

interface Rules {
  readonly customerPermissions: (user: UserIdentity) => CustomerPermissions;
}

/**
 * What `user` may do on the customer list, or null until the shared permission rules have loaded. They bring
 * the collection registry (≈ 13 KB brotli), which the device database loads anyway, so they are fetched beside
 * it instead of with the page (issue 16: the staff's first route within 200 KB). The page offers writes only
 * once the device database is open, by which time this has long arrived.
 */
export function useCustomerPermissions(user: UserIdentity | null): CustomerPermissions | null {
  const [rules, setRules] = useState<Rules | null>(null);
  useEffect(() => {
    let live = true;
    void import('./customer-permissions.ts').then((module) => {
      if (live) setRules(module);
    });
    return () => {
      live = false;
    };
  }, []);
  // Once per user and rules, not per render: the list renders twice a keystroke (issue 16).
  return useMemo(() => (rules && user ? rules.customerPermissions(user) : null), [rules, user]);
}
