import type { UserIdentity } from '../../../shared/identity.ts';
import { can } from '../../../shared/permissions.ts';
import { mayAssignCsm } from './csm-assignment.ts';
import type { CustomerPermissions } from './use-customer-permissions.ts';

/** The customer list's permission decisions (a chunk of its own: see use-customer-permissions.ts). */
export function customerPermissions(user: UserIdentity): CustomerPermissions {
  return {
    create: can(user, 'create', 'customers'),
    update: can(user, 'update', 'customers'),
    assign: mayAssignCsm(user),
  };
}
