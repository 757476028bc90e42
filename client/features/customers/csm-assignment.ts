import type { Customer } from '../../../shared/entities/customer.ts';
import type { UserIdentity } from '../../../shared/identity.ts';
import { authorizeWrite, can, canWriteField } from '../../../shared/permissions.ts';
// The list page imports these from csm-assignees.ts, which stays out of the permission rules' chunk.
export { assigneeOptions, selectedCustomers, type AssigneeOption } from './csm-assignees.ts';

/**
 * Portfolio assignment (customers spec roadmap phase 1 "CSM assignment"; issue 10 item 12) as pure functions:
 * who may assign, to whom, and the plan of a (bulk) assignment — which selected customers change, which
 * already have that CSM, and which the shared permission rule refuses. The page applies the plan to the device
 * database (offline, pending until synced); the server applies the same `authorizeWrite` on push.
 *
 * Invariants:
 * - only `customers.csmId` changes; every other field of a customer is left as stored (the page patches that
 *   one field, so a concurrent sync of another field is kept);
 * - a change is planned only if `authorizeWrite` allows it for the acting user (today: admins only — the rule
 *   lives in shared/collections/customers.ts, not here);
 * - a customer appears in exactly one of `changes`, `unchanged`, `refused`, in the order it was selected.
 */

/** Whether the user may (re)assign CSMs at all: the "Atribuir a…" action shows only then. */
export function mayAssignCsm(user: UserIdentity): boolean {
  return can(user, 'update', 'customers') && canWriteField(user, 'customers', 'update', 'csmId');
}

export interface AssignmentPlan {
  /** `null`: remove the CSM ("Sem CSM"). */
  readonly csmId: string | null;
  /** Customers whose CSM changes, each with the patch to apply. */
  readonly changes: readonly { readonly customer: Customer; readonly patch: { csmId: string | null } }[];
  /** Already assigned to that CSM: nothing to write. */
  readonly unchanged: readonly Customer[];
  /** The shared permission rule refuses the change for this user. */
  readonly refused: readonly Customer[];
}

export function planAssignment(
  user: UserIdentity,
  selected: readonly Customer[],
  csmId: string | null,
): AssignmentPlan {
  const changes: { customer: Customer; patch: { csmId: string | null } }[] = [];
  const unchanged: Customer[] = [];
  const refused: Customer[] = [];
  const seen = new Set<string>();
  for (const customer of selected) {
    if (seen.has(customer.id)) continue;
    seen.add(customer.id);
    if (customer.csmId === csmId) {
      unchanged.push(customer);
      continue;
    }
    const after = { ...customer, csmId };
    const decision = authorizeWrite(user, 'customers', {
      organizationId: user.organizationId,
      before: customer,
      after,
    });
    if (decision.allowed) changes.push({ customer, patch: { csmId } });
    else refused.push(customer);
  }
  return { csmId, changes, unchanged, refused };
}
