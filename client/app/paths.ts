import { matchPath, type RouteObject } from 'react-router';
import type { Role } from '../../shared/collections/index.ts';
import type { FeatureManifest } from '../platform/feature-manifest.ts';
import type { ShellNavigation } from '../platform/shell-navigation.tsx';
import { features } from './features.ts';

/**
 * Where each role lands and where sign-in may send a user back to, derived from the features' manifests:
 * a role's home is the `home` of the feature that names it; the areas it may be sent back to are the
 * `deepLinks` of the features it may open; the screens an in-app link may open are the routes of the features
 * it may open. URLs themselves live in each feature's paths.ts.
 */
export function shellNavigation(manifests: readonly FeatureManifest[]): ShellNavigation {
  const homePathFor = (role: Role): string => {
    const home = manifests.find((f) => f.home?.roles.includes(role))?.home;
    if (!home) throw new Error(`No feature is the home of role ${role}`);
    return home.path;
  };
  const areasOf = (role: Role): string[] =>
    manifests.flatMap((f) => (f.access !== 'public' && f.access.includes(role) ? (f.deepLinks ?? []) : []));
  // Route patterns of the role's own screens; public features (sign-in, the not-found catch-all) never count.
  const patternsOf = (role: Role): string[] =>
    manifests.flatMap((f) =>
      f.access !== 'public' && f.access.includes(role) ? f.routes.flatMap(routePatterns) : [],
    );

  return {
    homePathFor,
    postSignInPath(next, role) {
      const home = homePathFor(role);
      const url = sameOriginUrl(next);
      if (!url) return home;
      return areasOf(role).some((area) => under(url.pathname, area))
        ? `${url.pathname}${url.search}${url.hash}`
        : home;
    },
    openablePath(rawUrl, role) {
      const home = homePathFor(role);
      const url = sameOriginUrl(rawUrl);
      if (!url) return home;
      const patterns = patternsOf(role);
      const exists = (pathname: string) => patterns.some((pattern) => matchPath(pattern, pathname) !== null);
      if (exists(url.pathname)) return `${url.pathname}${url.search}${url.hash}`;
      // Walk up one segment at a time: `/inicio/faturas/<id>` → `/inicio/faturas` → `/inicio`. The query
      // and fragment belong to the screen that was asked for, so they are dropped with it.
      const segments = url.pathname.split('/').filter(Boolean);
      for (let n = segments.length - 1; n > 0; n--) {
        const candidate = `/${segments.slice(0, n).join('/')}`;
        if (exists(candidate)) return candidate;
      }
      return home;
    },
  };
}

/** `next` or a link as a same-origin URL, or null for anything that would leave the app. */
function sameOriginUrl(raw: string | null): URL | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return null;
  try {
    const url = new URL(raw, 'https://arco.invalid');
    return url.origin === 'https://arco.invalid' ? url : null;
  } catch {
    return null;
  }
}

/** Every absolute path pattern of a route object and its children (`/clientes/:customerId/*`). */
function routePatterns(route: RouteObject): string[] {
  const own = route.path && route.path !== '*' ? [route.path] : [];
  return [...own, ...(route.children ?? []).flatMap(routePatterns)];
}

const under = (pathname: string, area: string) => pathname === area || pathname.startsWith(`${area}/`);

/** The app's own navigation, over its features. */
export const appNavigation = shellNavigation(features);
export const { homePathFor, postSignInPath, openablePath } = appNavigation;
