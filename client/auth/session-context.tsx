import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useDependencies } from '../platform/dependencies.tsx';
import {
  fetchCurrentUser,
  signIn as apiSignIn,
  signOut as apiSignOut,
  type AuthFailure,
  type AuthResult,
} from './auth-api.ts';
import { forgetUser, readRememberedUser, rememberUser } from './profile-store.ts';
import type { SignedInUser } from '../../shared/identity.ts';

/**
 * The signed-in user, available on the very first render — offline too — from the remembered profile.
 *
 * The server check (`/api/auth/me`) runs in the background whenever the browser is online and never blocks
 * rendering: 200 refreshes the profile, 401 means the session expired (the user signs in again; local data,
 * including unsynced changes, is kept), anything else (offline, 5xx) leaves the remembered profile alone.
 * A 401 saying the account was disabled is different: the device wipes everything it holds of the user (the
 * sign-out's `onLogout`), then ends the dead session so the server clears its cookie and site data.
 */
export type SignedOutReason = 'expired' | 'disabled' | null;

export interface SessionState {
  readonly user: SignedInUser | null;
  readonly signedOutReason: SignedOutReason;
  signIn(credentials: { email: string; password: string }): Promise<AuthResult<SignedInUser>>;
  /**
   * Signs in by another ceremony (a passkey): runs `attempt` online and, when it yields a user, adopts them
   * exactly like a password sign-in.
   */
  signInWith<E>(attempt: () => Promise<SignInOutcome<E>>): Promise<SignInOutcome<E | AuthFailure>>;
  /**
   * Runs `beforeLogout` (server-side clean-up in the user's name), ends the server session, runs `onLogout`
   * (local wipe), forgets the profile. Refuses offline.
   */
  signOut(): Promise<AuthResult<null>>;
  /**
   * The session is known to be over (e.g. sync got a 401): forget the profile and ask for a new sign-in.
   * Keeps every local database: an expired session is not a sign-out, and unsynced changes drain after the user
   * signs in again.
   */
  expire(): void;
}

/** A sign-in ceremony's outcome: the user, or that ceremony's own failure (`AuthFailure` for a password). */
export type SignInOutcome<E> =
  { readonly ok: true; readonly value: SignedInUser } | { readonly ok: false; readonly error: E };

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({
  children,
  onSignedIn,
}: {
  children: ReactNode;
  /** Called with every freshly signed-in user (e.g. to adopt their language on first use). */
  onSignedIn?: (user: SignedInUser) => void;
}) {
  const { fetch: fetchFn, store, network, lifecycle } = useDependencies();
  const [user, setUser] = useState<SignedInUser | null>(() => readRememberedUser(store));
  const [signedOutReason, setSignedOutReason] = useState<SignedOutReason>(null);
  // Bumped by every sign-in/out so a slow /me answer that started before cannot overwrite the newer state.
  const generation = useRef(0);
  // True from "Sair" until the device is wiped: a 401 heard meanwhile (the session just ended on the server) is
  // the sign-out itself, not an expiry — it must neither show "session expired" nor reveal the sign-in screen
  // before the wipe has finished.
  const leaving = useRef(false);
  const onSignedInRef = useRef(onSignedIn);
  useEffect(() => {
    onSignedInRef.current = onSignedIn;
  }, [onSignedIn]);

  /** An admin disabled `gone`: wipe the device like a sign-out, whatever is queued (the data is no longer theirs). */
  const wipeDisabled = useCallback(
    async (gone: SignedInUser | null) => {
      generation.current += 1;
      try {
        if (gone) await lifecycle.onLogout(gone);
        await apiSignOut(fetchFn);
      } finally {
        forgetUser(store);
        setUser(null);
        setSignedOutReason('disabled');
      }
    },
    [fetchFn, lifecycle, store],
  );

  useEffect(() => {
    let cancelled = false;
    const verify = async () => {
      if (!network.isOnline()) return;
      const started = generation.current;
      const result = await fetchCurrentUser(fetchFn);
      if (cancelled || started !== generation.current) return;
      if (result.ok) {
        rememberUser(store, result.value);
        setUser(result.value);
      } else if (result.error.kind === 'account_disabled') {
        await wipeDisabled(readRememberedUser(store));
      } else if (result.error.kind === 'unauthenticated') {
        // The remembered profile mirrors `user`: if there was one, this is an expiry, not a first visit.
        if (readRememberedUser(store)) setSignedOutReason('expired');
        forgetUser(store);
        setUser(null);
      }
    };
    void verify();
    const unsubscribe = network.subscribe(() => void verify());
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [fetchFn, network, store, wipeDisabled]);

  const signInWith = useCallback(
    async <E,>(attempt: () => Promise<SignInOutcome<E>>): Promise<SignInOutcome<E | AuthFailure>> => {
      if (!network.isOnline()) return { ok: false, error: { kind: 'offline' } };
      const result = await attempt();
      if (result.ok) {
        generation.current += 1;
        rememberUser(store, result.value);
        setUser(result.value);
        setSignedOutReason(null);
        onSignedInRef.current?.(result.value);
      }
      return result;
    },
    [network, store],
  );

  const signIn = useCallback<SessionState['signIn']>(
    (credentials) => signInWith(() => apiSignIn(fetchFn, credentials)) as Promise<AuthResult<SignedInUser>>,
    [fetchFn, signInWith],
  );

  const signOut = useCallback<SessionState['signOut']>(async () => {
    if (!network.isOnline()) return { ok: false, error: { kind: 'offline' } };
    const departing = readRememberedUser(store) ?? user;
    leaving.current = true;
    try {
      if (departing && lifecycle.beforeLogout) await lifecycle.beforeLogout(departing).catch(() => undefined);
      const result = await apiSignOut(fetchFn);
      if (!result.ok) return result;
      generation.current += 1;
      const current = readRememberedUser(store) ?? user;
      try {
        if (current) await lifecycle.onLogout(current);
      } finally {
        forgetUser(store);
        setUser(null);
        setSignedOutReason(null);
      }
      return result;
    } finally {
      leaving.current = false;
    }
  }, [fetchFn, lifecycle, network, store, user]);

  const expire = useCallback(() => {
    // Sync heard 401: ask why before deciding. A disabled account wipes the device; anything else (expired,
    // offline, no answer) keeps every local database for the next sign-in.
    if (leaving.current) return;
    const gone = readRememberedUser(store);
    const started = (generation.current += 1);
    void fetchCurrentUser(fetchFn).then(async (result) => {
      if (started !== generation.current || leaving.current) return;
      if (!result.ok && result.error.kind === 'account_disabled') return wipeDisabled(gone);
      forgetUser(store);
      setUser(null);
      setSignedOutReason('expired');
    });
  }, [fetchFn, store, wipeDisabled]);

  const value = useMemo(
    () => ({ user, signedOutReason, signIn, signInWith, signOut, expire }),
    [user, signedOutReason, signIn, signInWith, signOut, expire],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}
