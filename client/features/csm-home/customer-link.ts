import { DEFAULT_LIST_STATE, writeListParams } from '../customers/list-params.ts';
import { customerPaths } from '../customers/paths.ts';

/**
 * Where a customer's name leads from this home. Customer 360 (`/clientes/:id`) is built by another part of
 * issue 10 and not on main yet; until it is, the name opens the customer list searched for that customer (a
 * screen that exists) — never a link to a page that does not. Swap for the 360's `customerPath(id)` when it
 * lands.
 */
export function customerHref(customer: { readonly id: string; readonly name: string }): string {
  const state = { ...DEFAULT_LIST_STATE, filters: { ...DEFAULT_LIST_STATE.filters, query: customer.name } };
  return `${customerPaths.list}?${writeListParams(state).toString()}`;
}
