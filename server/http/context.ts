import type { Logger } from '../logger.ts';
import type { SessionService } from '../auth/sessions.ts';
import type { ActiveSession } from '../auth/types.ts';
import type { SignedInUser, UserIdentity } from '../../shared/identity.ts';

/** Time source; injected everywhere so tests control expiry and rate-limit windows. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Per-request values every route can read (`c.get(...)`), set by the app's global middleware. */
export interface AppVariables {
  /** Also sent as the `X-Request-Id` response header and on every log line of this request. */
  requestId: string;
  /** Child logger bound to the request id. */
  log: Logger;
  /** Whether the user reached us over HTTPS (cookie names/attributes, HSTS). */
  secure: boolean;
  /** Session resolution, used by `requireUser`. */
  sessions: SessionService;
}

/** Set by `requireUser`. */
export interface AuthVariables {
  user: SignedInUser;
  session: ActiveSession;
  /** Pass to `db.withIdentity(identity, fn)`: the RLS identity of this request. */
  identity: UserIdentity;
}

export type AppEnv = { Variables: AppVariables };
export type AuthedEnv = { Variables: AppVariables & AuthVariables };
