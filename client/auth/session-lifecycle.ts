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
  /**
   * Runs on an explicit sign-out while the session still exists, before the server ends it: what must be
   * undone on the server in the user's name (this device's push subscription, `DELETE /api/push/subscriptions`).
   * Best effort: a failure here never keeps the user signed in.
   */
  beforeLogout?(user: SignedInUser): Promise<void>;
  onLogout(user: SignedInUser): Promise<void>;
}

/** Until client/db implements the wipe there is nothing local besides the remembered profile. */
export const noLocalData: SessionLifecycle = {
  onLogout: async () => {},
};
