import { createContext, useContext, type ReactNode } from 'react';
import type { Role } from '../../shared/collections/index.ts';

/**
 * What a feature may ask of the shell's route table without importing it (features sit below client/app/):
 * where a role lands, where sign-in may send a user back to and which screen an in-app link opens. The shell computes them from the features'
 * manifests and provides them at the root.
 */
export interface ShellNavigation {
  homePathFor(role: Role): string;
  /** A same-origin path inside an area `role` may open, or the role's home (guards against open redirects). */
  postSignInPath(next: string | null, role: Role): string;
  /**
   * The screen an in-app link (a notification's `url`) opens for `role`: the link itself when a screen of the
   * role has that route, else the closest existing screen above it (`/inicio/conteudo/x` → `/inicio`), else the
   * role's home — never "page not found", never another origin.
   */
  openablePath(url: string, role: Role): string;
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
