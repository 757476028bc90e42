import type { Role } from '../../shared/collections.ts';
import { isStaff } from '../../shared/collections.ts';

/**
 * The app's URLs (pt-BR, stable: push notifications, manifest shortcuts and bookmarks point at them).
 * Keep client/sw/notification-target.ts's allow-list in step when adding an area.
 */
export const paths = {
  signIn: '/entrar',
  customers: '/clientes',
  atRiskCustomers: '/clientes?saude=risco',
  clientHome: '/inicio',
  myTickets: '/inicio/tickets',
  settings: '/ajustes',
} as const;

/** Query parameter and value of the at-risk filter (`/clientes?saude=risco`). */
export const HEALTH_FILTER_PARAM = 'saude';
export const AT_RISK_FILTER = 'risco';

export const homePathFor = (role: Role): string => (isStaff(role) ? paths.customers : paths.clientHome);

const STAFF_AREAS = ['/clientes'];
const CLIENT_AREAS = ['/inicio'];
const SHARED_AREAS = ['/ajustes'];

const under = (pathname: string, area: string) => pathname === area || pathname.startsWith(`${area}/`);

/**
 * Where to go after signing in: the `next` the sign-in page was sent with, if it is a same-origin path inside an
 * area this role may open, else the role's home. Guards against open redirects (`//evil`, absolute URLs).
 */
export function postSignInPath(next: string | null, role: Role): string {
  const home = homePathFor(role);
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return home;
  let url: URL;
  try {
    url = new URL(next, 'https://arco.invalid');
  } catch {
    return home;
  }
  if (url.origin !== 'https://arco.invalid') return home;
  const areas = [...(isStaff(role) ? STAFF_AREAS : CLIENT_AREAS), ...SHARED_AREAS];
  return areas.some((a) => under(url.pathname, a)) ? `${url.pathname}${url.search}${url.hash}` : home;
}
