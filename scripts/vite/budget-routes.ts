import type { RouteBudget } from './bundle-budget.ts';

/**
 * The first route's JavaScript on the wire (brotli, as the server sends it; issue 16's target is 200 KB): the
 * sign-in screen of a signed-out device, and the staff's home. The device database is not part of it: it loads
 * beside the page when a session opens (client/db/lazy-device-sessions.ts). Checked by every build
 * (scripts/vite/bundle-budget.ts). English strings (client/app/i18n.ts) and the customer list's permission
 * rules with the collection registry (customers/use-customer-permissions.ts), the password-reset pages and the
 * push subscription code (notifications/keep-push-registered.ts, main.tsx's sign-out) load on demand, not with
 * the page; so do every feature's strings in both languages (client/app/i18n.ts: only the shell's pt-BR strings
 * are in the first load, ≈ 20 KB brotli less for both routes).
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
    maxBytes: FIRST_ROUTE_TARGET_BYTES,
  },
];
