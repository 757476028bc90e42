import type { Role } from '../../shared/collections/index.ts';
import type { FeatureManifest } from '../platform/feature-manifest.ts';
import type { ShellNavigation } from '../platform/shell-navigation.tsx';
import { features } from './features.ts';

/**
 * Where each role lands and where sign-in may send a user back to, derived from the features' manifests:
 * a role's home is the `home` of the feature that names it; the areas it may be sent back to are the
 * `deepLinks` of the features it may open. URLs themselves live in each feature's paths.ts.
 */
export function shellNavigation(manifests: readonly FeatureManifest[]): ShellNavigation {
  const homePathFor = (role: Role): string => {
    const home = manifests.find((f) => f.home?.roles.includes(role))?.home;
    if (!home) throw new Error(`No feature is the home of role ${role}`);
    return home.path;
  };
  const areasOf = (role: Role): string[] =>
    manifests.flatMap((f) => (f.access !== 'public' && f.access.includes(role) ? (f.deepLinks ?? []) : []));

  return {
    homePathFor,
    postSignInPath(next, role) {
      const home = homePathFor(role);
      if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return home;
      let url: URL;
      try {
        url = new URL(next, 'https://arco.invalid');
      } catch {
        return home;
      }
      if (url.origin !== 'https://arco.invalid') return home;
      return areasOf(role).some((area) => under(url.pathname, area))
        ? `${url.pathname}${url.search}${url.hash}`
        : home;
    },
  };
}

const under = (pathname: string, area: string) => pathname === area || pathname.startsWith(`${area}/`);

/** The app's own navigation, over its features. */
export const appNavigation = shellNavigation(features);
export const { homePathFor, postSignInPath } = appNavigation;
