import { z } from 'zod';
import type { CredentialKind } from '../../shared/domain/integrations/connections.ts';
import { SourceError, type SourceHttp } from './http.ts';

/**
 * Google OAuth 2.0 refresh-token exchange (RFC 6749 §6; Google's `POST https://oauth2.googleapis.com/token`),
 * behind the adapters' credential model: a connection's sealed credentials are either an access token as is
 * (`kind: 'token'`) or an OAuth refresh token with its client id and secret (`kind: 'oauth'`), and the adapters
 * only ever see an access token.
 *
 * Invariants:
 * - The exchange goes through the run's `SourceHttp`: 429 and 5xx are retried with its backoff and
 *   `Retry-After`; `invalid_grant` (a 400: revoked, expired or password-changed grant) is not retried — it would
 *   fail the same way — and becomes a `GrantRevokedError`, which marks the connection "Reconectar".
 * - The access token is cached in memory by one `AccessTokens` object, which its owner keeps for one import
 *   run or one realtime watch and then drops: nothing at module level, nothing stored. It is reused until
 *   `EXPIRY_MARGIN_MS` before `expires_in` ends by the injected clock, then exchanged again.
 * - `secrets()` lists every secret the object has seen (refresh token, client secret, access tokens) so the
 *   caller can redact them from any message before it is stored or logged.
 */
export const GOOGLE_OAUTH_DEFAULT_BASE_URL = 'https://oauth2.googleapis.com';
/** An access token this close to its expiry is exchanged again rather than sent. */
export const EXPIRY_MARGIN_MS = 60_000;

export type SourceCredential =
  | { readonly kind: 'token'; readonly token: string }
  | {
      readonly kind: 'oauth';
      readonly refreshToken: string;
      readonly clientId: string;
      readonly clientSecret: string;
    };

const oauthPlaintextSchema = z.strictObject({
  refreshToken: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
});

/** What is sealed for a credential (the access token as is — the format of every row before OAuth — or JSON). */
export function credentialPlaintext(credential: SourceCredential): string {
  if (credential.kind === 'token') return credential.token;
  const { refreshToken, clientId, clientSecret } = credential;
  return JSON.stringify({ refreshToken, clientId, clientSecret });
}

/** The credential from its opened plaintext and the row's `credential_kind`. */
export function parseCredential(kind: CredentialKind, plaintext: string): SourceCredential {
  if (kind === 'token') return { kind, token: plaintext };
  let json: unknown;
  try {
    json = JSON.parse(plaintext);
  } catch {
    json = null;
  }
  const parsed = oauthPlaintextSchema.safeParse(json);
  if (!parsed.success)
    throw new SourceError('stored OAuth credentials are unreadable: reconnect', null, false);
  return { kind, ...parsed.data };
}

/** The token endpoint said the refresh token no longer works: only reconnecting helps. */
export class GrantRevokedError extends SourceError {
  constructor(message: string, status: number | null) {
    super(message, status, false, { code: 'invalid_grant' });
    this.name = 'GrantRevokedError';
  }
}

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive().optional(),
  token_type: z.string().optional(),
  scope: z.string().optional(),
});

export interface AccessTokens {
  /** An access token for the credential: the pasted one, or the cached or freshly exchanged one. */
  get(http: SourceHttp): Promise<string>;
  /** Every secret seen so far (to redact from messages). */
  secrets(): string[];
}

export function createAccessTokens(options: {
  readonly credential: SourceCredential;
  /** The token endpoint's base (`{base}/token`): Google's by default, a fake in development and tests. */
  readonly baseUrl: string;
  readonly clock: () => Date;
}): AccessTokens {
  const { credential, clock } = options;
  let cached: { token: string; expiresAt: number } | null = null;
  const seen: string[] =
    credential.kind === 'token' ? [credential.token] : [credential.refreshToken, credential.clientSecret];
  return {
    secrets: () => [...seen],
    async get(http) {
      if (credential.kind === 'token') return credential.token;
      if (cached && clock().getTime() < cached.expiresAt - EXPIRY_MARGIN_MS) return cached.token;
      const requestedAt = clock().getTime();
      let answer: z.infer<typeof tokenAnswerSchema>;
      try {
        answer = await http.json(
          `${options.baseUrl.replace(/\/$/, '')}/token`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: new URLSearchParams({
              grant_type: 'refresh_token',
              refresh_token: credential.refreshToken,
              client_id: credential.clientId,
              client_secret: credential.clientSecret,
            }).toString(),
          },
          (body) => {
            const parsed = tokenAnswerSchema.safeParse(body);
            if (!parsed.success)
              throw new SourceError('the OAuth token endpoint answered an unknown shape', null, false);
            return parsed.data;
          },
        );
      } catch (error) {
        if (error instanceof SourceError && error.code === 'invalid_grant')
          throw new GrantRevokedError(`OAuth ${error.message}`, error.status);
        if (error instanceof SourceError)
          throw new SourceError(`OAuth ${error.message}`, error.status, error.retryable, error);
        throw error;
      }
      seen.push(answer.access_token);
      // Google's access tokens last an hour; an answer without expires_in is used for this call only.
      cached = {
        token: answer.access_token,
        expiresAt: requestedAt + (answer.expires_in ?? 0) * 1000,
      };
      return answer.access_token;
    },
  };
}
