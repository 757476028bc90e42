import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../shared/collections/index.ts';
import { useSession } from '../auth/session-context.tsx';
import { NEXT_PARAM, signInPaths } from '../features/sign-in/paths.ts';
import { homePathFor } from './paths.ts';

/**
 * Route guards work from the remembered profile, so they decide instantly — offline included. The server
 * remains the authority: it refuses data to the wrong role whatever the UI shows.
 */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`${signInPaths.signIn}?${NEXT_PARAM}=${encodeURIComponent(next)}`} replace />;
  }
  if (!roles.includes(user.role)) return <Navigate to={homePathFor(user.role)} replace />;
  return <Outlet />;
}

/** `/`: the role's home, or sign-in. */
export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={user ? homePathFor(user.role) : signInPaths.signIn} replace />;
}
