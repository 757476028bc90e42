import type { RouteBudget } from './bundle-budget.ts';

/**
 * The first route's JavaScript on the wire (brotli, as the server sends it; issue 16's target is 200 KB): the
 * sign-in screen of a signed-out device, and the staff's home. The device database is not part of it: it loads
 * beside the page when a session opens (client/db/lazy-device-sessions.ts). Checked by every build
 * (scripts/vite/bundle-budget.ts). The customer list is not yet within the target (≈ 227 KB: the page brings
 * the virtual list, the collection registry through `can()` and the domain texts; the entry carries every
 * feature's strings in both languages, ≈ 20 KB of it English); its budget is a ratchet just above today's size.
 */
export const FIRST_ROUTE_TARGET_BYTES = 200_000;
export const BUDGET_ROUTES: readonly RouteBudget[] = [
  {
    label: 'sign-in (/entrar)',
    modules: ['client/features/sign-in/sign-in-page.tsx'],
    maxBytes: FIRST_ROUTE_TARGET_BYTES,
  },
  {
    label: 'customer list (/clientes)',
    modules: ['client/features/customers/customer-list-page.tsx'],
    maxBytes: 235_000,
  },
];
