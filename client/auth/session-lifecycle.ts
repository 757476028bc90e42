import type { SignedInUser } from '../../shared/identity.ts';

/**
 * Hook points for what lives on the device beside the session. The RxDB layer (client/db) implements them;
 * the shell only calls them at the right moment.
 *
 * - `onLogout(user)` runs after the server ended the session on an explicit sign-out, before the remembered
 *   profile is forgotten. It must delete the user's local databases, API caches and push subscription (a
 *   signed-out device keeps nothing of the user; the server also sends `Clear-Site-Data`, docs/api.md). The
 *   shell has already warned about unsynced changes by then. It is *not* called when a session merely expires:
 *   unsynced changes are kept and drain after the next sign-in.
 */
export interface SessionLifecycle {
  onLogout(user: SignedInUser): Promise<void>;
}

/** Until client/db implements the wipe there is nothing local besides the remembered profile. */
export const noLocalData: SessionLifecycle = {
  onLogout: async () => {},
};
