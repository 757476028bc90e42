import type { Customer } from '../../../shared/entities/customer.ts';
import type { StaffEntry } from './staff-directory.ts';

/**
 * The parts of portfolio assignment (csm-assignment.ts) the customer list needs to draw: who may be picked
 * and which customers are selected. Kept apart from the permission rules, which pull in the collection
 * registry and load with the device database (use-customer-permissions.ts), so the staff's first route stays
 * small (issue 16).
 */
export interface AssigneeOption {
  readonly id: string;
  readonly name: string;
}

/**
 * Who a customer may be assigned to: the organization's staff from the directory on the device (CSMs and
 * admins — an admin may keep accounts), plus the signed-in user, sorted by name; without duplicates.
 */
export function assigneeOptions(
  directory: readonly StaffEntry[],
  me: { readonly id: string; readonly name: string },
): AssigneeOption[] {
  const byId = new Map<string, AssigneeOption>();
  for (const e of directory) {
    if (e.role === undefined || e.role === 'csm' || e.role === 'admin')
      byId.set(e.id, { id: e.id, name: e.name });
  }
  if (me.id) byId.set(me.id, { id: me.id, name: me.name });
  const collator = new Intl.Collator('pt-BR', { sensitivity: 'base' });
  return [...byId.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/** The selected customers, in list order, from the ids kept in the page's selection (ids gone are dropped). */
export function selectedCustomers(
  customers: readonly Customer[],
  selection: ReadonlySet<string>,
): Customer[] {
  return customers.filter((c) => selection.has(c.id));
}
