import type { KeyValueStore } from '../platform/key-value-store.ts';
import { signedInUserSchema, type SignedInUser } from '../../shared/identity.ts';

/**
 * The last signed-in user's profile, remembered on the device so an installed app opens offline straight into
 * the right area without asking the server (everything works offline after the first sync; README).
 *
 * Holds no secret: the session token is an HttpOnly cookie. Whatever is stored is parsed on the way out,
 * so a profile written by an older version (or tampered with) is simply forgotten.
 */
const PROFILE_KEY = 'arco.profile.v1';

export function readRememberedUser(store: KeyValueStore): SignedInUser | null {
  const raw = store.getItem(PROFILE_KEY);
  if (!raw) return null;
  try {
    const parsed = signedInUserSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rememberUser(store: KeyValueStore, user: SignedInUser): void {
  store.setItem(PROFILE_KEY, JSON.stringify(signedInUserSchema.parse(user)));
}

export function forgetUser(store: KeyValueStore): void {
  store.removeItem(PROFILE_KEY);
}
