import type { LiveRealtime } from '../../shared/domain/portal/live.ts';
import { systemIdentity } from '../../shared/identity.ts';
import type { CredentialKind } from '../../shared/domain/integrations/connections.ts';
import type { Logger } from '../logger.ts';
import { fetchGa4Realtime } from './ga4-realtime.ts';
import { createSourceHttp, SourceError, type Fetch } from './http.ts';
import {
  createAccessTokens,
  credentialPlaintext,
  GrantRevokedError,
  parseCredential,
  type AccessTokens,
  type SourceCredential,
} from './oauth.ts';
import { credentialsAad, redact, type IntegrationDeps } from './run-import.ts';

/**
 * GA4 realtime for the "ao vivo" panel: while a customer's client users have the panel open (a live stream is
 * open), the server asks GA4's `runRealtimeReport` for that customer's property at a polite interval, and every
 * live snapshot reads the last answer (server/portal/live-routes.ts → shared rule `liveSnapshot`'s `realtime`).
 *
 * Invariants:
 * - One poll per customer per `intervalMs` (default 60 s), however many viewers: viewers share the customer's
 *   entry. The first viewer triggers a poll at once unless the last one was less than an interval ago (a page
 *   reload never polls early); the last viewer leaving cancels the next poll. The entry (last figures, when the
 *   next poll may run) stays so a returning viewer reuses it, and is swept once unwatched and stale.
 * - A failure backs off: the next poll waits `intervalMs × 2^failures` (at most `maxBackoffMs`), and at least
 *   what a 429's `Retry-After` asked. Each poll is one request (no retries inside: the next poll is the retry).
 *   A revoked grant (`invalid_grant`) waits `maxBackoffMs`; the daily import records it on the connection.
 * - Figures older than `staleAfterMs` are not served: the panel shows "—" rather than an old count as current.
 * - All state lives in the object this returns (the server makes one); time and timers are injected. The OAuth
 *   access token is cached in the entry (oauth.ts: exchanged again near its expiry), never stored.
 * - Secrets never reach the log: errors are redacted with every secret the token cache has seen.
 */
export interface RealtimeTarget {
  readonly organizationId: string;
  readonly customerId: string;
}

/** What the live panel may use for a customer right now. */
export type RealtimeReading =
  /** The customer has no GA4 connection (another live source, or none, applies). */
  | { readonly state: 'none' }
  /** GA4 is connected: its figures, or null while unknown (first poll pending, failing, or stale). */
  | { readonly state: 'ga4'; readonly figures: LiveRealtime | null };

/** A customer's GA4 connection as the poller needs it (opened credentials; null: not connected). */
export type RealtimeConnection = {
  readonly accountId: string;
  readonly credential: SourceCredential;
  readonly revoked: boolean;
} | null;

export interface RealtimeTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RealtimePollerDeps {
  readonly load: (target: RealtimeTarget) => Promise<RealtimeConnection>;
  readonly fetch: Fetch;
  readonly clock: () => Date;
  readonly timers: RealtimeTimers;
  readonly ga4BaseUrl: string;
  readonly oauthBaseUrl: string;
  readonly logger?: Logger;
  readonly intervalMs?: number;
  readonly maxBackoffMs?: number;
  readonly staleAfterMs?: number;
}

export interface RealtimeWatch {
  /** Settles once the customer's entry has had its first poll (at once when it already had one). */
  readonly ready: Promise<void>;
  /** Idempotent. */
  stop(): void;
}

export interface RealtimePoller {
  watch(target: RealtimeTarget): RealtimeWatch;
  read(target: RealtimeTarget): RealtimeReading | null;
  /** Cancels every timer (server shutdown). */
  close(): void;
}

export const REALTIME_INTERVAL_MS = 60_000;
export const REALTIME_MAX_BACKOFF_MS = 15 * 60_000;

interface Entry {
  viewers: number;
  timer: unknown;
  polling: Promise<void> | null;
  /** Epoch ms before which no poll starts. */
  nextAt: number;
  lastPollAt: number | null;
  connected: boolean | null;
  figures: LiveRealtime | null;
  figuresAt: number | null;
  failures: number;
  tokens: { key: string; cache: AccessTokens } | null;
}

export function createRealtimePoller(deps: RealtimePollerDeps): RealtimePoller {
  const interval = Math.max(deps.intervalMs ?? REALTIME_INTERVAL_MS, 1);
  const maxBackoff = Math.max(deps.maxBackoffMs ?? REALTIME_MAX_BACKOFF_MS, interval);
  const staleAfter = deps.staleAfterMs ?? 5 * interval;
  const entries = new Map<string, Entry>();
  const keyOf = (t: RealtimeTarget) => `${t.organizationId}:${t.customerId}`;
  const now = () => deps.clock().getTime();

  function schedule(key: string, entry: Entry) {
    if (entry.viewers === 0 || entry.timer !== null || entry.polling) return;
    entry.timer = deps.timers.setTimeout(
      () => {
        entry.timer = null;
        if (entries.get(key) === entry && entry.viewers > 0) void poll(key, entry);
      },
      Math.max(0, entry.nextAt - now()),
    );
  }

  function poll(key: string, entry: Entry): Promise<void> {
    if (entry.polling) return entry.polling;
    const [organizationId = '', customerId = ''] = key.split(':');
    entry.polling = (async () => {
      const started = now();
      entry.lastPollAt = started;
      let wait = interval;
      try {
        const connection = await deps.load({ organizationId, customerId });
        entry.connected = connection !== null;
        if (!connection) {
          entry.figures = null;
          entry.tokens = null;
        } else if (connection.revoked) {
          entry.figures = null;
          wait = maxBackoff;
        } else {
          const tokenKey = credentialPlaintext(connection.credential);
          if (entry.tokens?.key !== tokenKey)
            entry.tokens = {
              key: tokenKey,
              cache: createAccessTokens({
                credential: connection.credential,
                baseUrl: deps.oauthBaseUrl,
                clock: deps.clock,
              }),
            };
          const tokens = entry.tokens.cache;
          const http = createSourceHttp({
            fetch: deps.fetch,
            sleep: async () => undefined,
            clock: deps.clock,
            retry: { maxAttempts: 1, baseDelayMs: interval, maxDelayMs: maxBackoff },
          });
          try {
            const token = await tokens.get(http);
            entry.figures = await fetchGa4Realtime({
              baseUrl: deps.ga4BaseUrl,
              propertyId: connection.accountId,
              token,
              http,
            });
            entry.figuresAt = now();
            entry.failures = 0;
          } catch (error) {
            entry.failures++;
            const retryAfter = error instanceof SourceError ? (error.retryAfterMs ?? 0) : 0;
            wait =
              error instanceof GrantRevokedError
                ? maxBackoff
                : Math.min(maxBackoff, Math.max(interval * 2 ** entry.failures, retryAfter));
            const message = error instanceof Error ? error.message : String(error);
            deps.logger?.warn(
              {
                event: 'ga4_realtime_failed',
                customerId,
                failures: entry.failures,
                waitMs: wait,
                error: redact(message, tokens.secrets()),
              },
              'GA4 realtime poll failed',
            );
          }
        }
      } catch (error) {
        // Loading the connection failed (database): try again later, keep no figures.
        entry.failures++;
        wait = Math.min(maxBackoff, interval * 2 ** entry.failures);
        deps.logger?.warn(
          { event: 'ga4_realtime_failed', customerId, error: (error as Error).message.slice(0, 200) },
          'GA4 realtime connection not read',
        );
      } finally {
        entry.nextAt = started + wait;
        entry.polling = null;
      }
      schedule(key, entry);
    })();
    return entry.polling;
  }

  function sweep() {
    const t = now();
    for (const [key, entry] of entries)
      if (entry.viewers === 0 && entry.polling === null && t - (entry.lastPollAt ?? 0) > staleAfter)
        entries.delete(key);
  }

  return {
    watch(target) {
      sweep();
      const key = keyOf(target);
      let entry = entries.get(key);
      if (!entry) {
        entry = {
          viewers: 0,
          timer: null,
          polling: null,
          nextAt: 0,
          lastPollAt: null,
          connected: null,
          figures: null,
          figuresAt: null,
          failures: 0,
          tokens: null,
        };
        entries.set(key, entry);
      }
      const current = entry;
      current.viewers++;
      let ready: Promise<void>;
      if (current.polling) ready = current.polling;
      else if (now() >= current.nextAt) ready = poll(key, current);
      else {
        ready = Promise.resolve();
        schedule(key, current);
      }
      let stopped = false;
      return {
        ready,
        stop() {
          if (stopped) return;
          stopped = true;
          current.viewers--;
          if (current.viewers === 0 && current.timer !== null) {
            deps.timers.clearTimeout(current.timer);
            current.timer = null;
          }
        },
      };
    },
    read(target) {
      const entry = entries.get(keyOf(target));
      if (!entry || entry.connected === null) return null;
      if (!entry.connected) return { state: 'none' };
      const fresh = entry.figuresAt !== null && now() - entry.figuresAt <= staleAfter;
      return { state: 'ga4', figures: fresh ? entry.figures : null };
    },
    close() {
      for (const entry of entries.values()) {
        if (entry.timer !== null) deps.timers.clearTimeout(entry.timer);
        entry.timer = null;
        entry.viewers = 0;
      }
    },
  };
}

/** The production `load`: the customer's GA4 connection, opened with the integrations' secret box. */
export function pgRealtimeConnections(
  deps: Pick<IntegrationDeps, 'db' | 'box'>,
): (target: RealtimeTarget) => Promise<RealtimeConnection> {
  return async (target) => {
    const row = await deps.db.withIdentity(systemIdentity(target.organizationId), async (c) => {
      const { rows } = await c.query<{
        accountId: string;
        credentialKind: CredentialKind;
        credentials: string;
        revoked: boolean;
      }>(
        `SELECT account_id AS "accountId", credential_kind AS "credentialKind", credentials,
                revoked_at IS NOT NULL AS revoked
           FROM integration_connections
          WHERE organization_id = $1 AND customer_id = $2 AND source = 'ga4'`,
        [target.organizationId, target.customerId],
      );
      return rows[0] ?? null;
    });
    if (!row) return null;
    const plaintext = deps.box.open(
      row.credentials,
      credentialsAad({ organizationId: target.organizationId, customerId: target.customerId, source: 'ga4' }),
    );
    return {
      accountId: row.accountId,
      credential: parseCredential(row.credentialKind, plaintext),
      revoked: row.revoked,
    };
  };
}
