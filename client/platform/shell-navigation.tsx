import { createContext, useContext, type ReactNode } from 'react';
import type { Role } from '../../shared/collections/index.ts';

/**
 * What a feature may ask of the shell's route table without importing it (features sit below client/app/):
 * where a role lands and where sign-in may send a user back to. The shell computes both from the features'
 * manifests and provides them at the root.
 */
export interface ShellNavigation {
  homePathFor(role: Role): string;
  /** A same-origin path inside an area `role` may open, or the role's home (guards against open redirects). */
  postSignInPath(next: string | null, role: Role): string;
}

const ShellNavigationContext = createContext<ShellNavigation | null>(null);

export function ShellNavigationProvider({
  value,
  children,
}: {
  value: ShellNavigation;
  children: ReactNode;
}) {
  return <ShellNavigationContext.Provider value={value}>{children}</ShellNavigationContext.Provider>;
}

export function useShellNavigation(): ShellNavigation {
  const value = useContext(ShellNavigationContext);
  if (!value) throw new Error('useShellNavigation() outside <ShellNavigationProvider>');
  return value;
}
