import { describe, expect, it } from 'vitest';
import { createGoogleOAuthFake } from './fakes/google-oauth-fake.ts';
import { createSourceHttp, SourceError, type Fetch } from './http.ts';
import {
  createAccessTokens,
  credentialPlaintext,
  GOOGLE_OAUTH_DEFAULT_BASE_URL,
  GrantRevokedError,
  parseCredential,
  type SourceCredential,
} from './oauth.ts';

/** The refresh-token exchange against the local fake of Google's token endpoint, with an injected clock. */
const oauth = (refreshToken: string, clientSecret = 'GOCSPX-secret-123'): SourceCredential => ({
  kind: 'oauth',
  refreshToken,
  clientId: '1234-abc.apps.googleusercontent.com',
  clientSecret,
});

function setup(credential: SourceCredential) {
  const fake = createGoogleOAuthFake();
  let now = Date.parse('2026-03-10T12:00:00.000Z');
  const sleeps: number[] = [];
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetch: Fetch = async (url, init) => {
    requests.push({ url, init });
    return fake.request(url, init);
  };
  const http = () =>
    createSourceHttp({
      fetch,
      sleep: async (ms) => void sleeps.push(ms),
      clock: () => new Date(now),
      random: () => 0.5,
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 },
    });
  const tokens = createAccessTokens({
    credential,
    baseUrl: GOOGLE_OAUTH_DEFAULT_BASE_URL,
    clock: () => new Date(now),
  });
  const exchanges = async () =>
    ((await (await fake.request('/_fake/exchanges')).json()) as { exchanges: number }).exchanges;
  return { tokens, http, sleeps, requests, exchanges, advance: (ms: number) => void (now += ms) };
}

describe('OAuth refresh-token exchange', () => {
  it('posts the documented form to {base}/token and caches the access token until a minute before it expires', async () => {
    const s = setup(oauth('1//refresh-ok-0123456789'));
    const first = await s.tokens.get(s.http());
    expect(first).toMatch(/^ya29\.fake-/);
    expect(s.requests).toHaveLength(1);
    const { url, init } = s.requests[0]!;
    expect(url).toBe('https://oauth2.googleapis.com/token');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>)['content-type']).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(Object.fromEntries(new URLSearchParams(String(init?.body)))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: '1//refresh-ok-0123456789',
      client_id: '1234-abc.apps.googleusercontent.com',
      client_secret: 'GOCSPX-secret-123',
    });
    // The URL never carries a secret.
    expect(url).not.toContain('refresh');

    s.advance(3599_000 - 61_000); // 1 s before the margin: still cached
    expect(await s.tokens.get(s.http())).toBe(first);
    expect(await s.exchanges()).toBe(1);
    s.advance(2_000); // inside the last minute: exchanged again
    const second = await s.tokens.get(s.http());
    expect(second).not.toBe(first);
    expect(await s.exchanges()).toBe(2);
    expect(s.tokens.secrets()).toEqual(
      expect.arrayContaining(['1//refresh-ok-0123456789', 'GOCSPX-secret-123', first, second]),
    );
  });

  it('a pasted access token is used as is, with no request', async () => {
    const s = setup({ kind: 'token', token: 'ya29.pasted-token' });
    expect(await s.tokens.get(s.http())).toBe('ya29.pasted-token');
    expect(s.requests).toEqual([]);
  });

  it('invalid_grant is a GrantRevokedError after one request (no retries)', async () => {
    const s = setup(oauth('1//invalid-grant-0123456789'));
    const http = s.http();
    const error = await s.tokens.get(http).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrantRevokedError);
    expect((error as SourceError).message).toBe(
      'OAuth HTTP 400 invalid_grant: Token has been expired or revoked.',
    );
    expect(http.attempts()).toBe(1);
    expect(s.sleeps).toEqual([]);
  });

  it('429 waits out Retry-After and 5xx backs off, through the run’s HTTP policy; invalid_client is not retried', async () => {
    const limited = setup(oauth('1//ratelimit-0123456789'));
    const http = limited.http();
    expect(await limited.tokens.get(http)).toMatch(/^ya29\.fake-/);
    expect(http.attempts()).toBe(3);
    expect(limited.sleeps).toEqual([1000, 1000]);

    const down = setup(oauth('1//down-0123456789'));
    const downHttp = down.http();
    const error = await down.tokens.get(downHttp).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).not.toBeInstanceOf(GrantRevokedError);
    expect(downHttp.attempts()).toBe(4);
    expect(down.sleeps).toEqual([100, 200, 400]);

    const client = setup(oauth('1//refresh-ok-0123456789', 'GOCSPX-invalid-secret'));
    const clientHttp = client.http();
    await expect(client.tokens.get(clientHttp)).rejects.toThrow(
      'OAuth HTTP 401 invalid_client: The OAuth client was not found.',
    );
    expect(clientHttp.attempts()).toBe(1);
  });

  it('the sealed plaintext round-trips: a token as is (rows before OAuth), OAuth as JSON', () => {
    expect(credentialPlaintext({ kind: 'token', token: 'abc12345' })).toBe('abc12345');
    expect(parseCredential('token', 'abc12345')).toEqual({ kind: 'token', token: 'abc12345' });
    const credential = oauth('1//r-0123456789');
    expect(parseCredential('oauth', credentialPlaintext(credential))).toEqual(credential);
    expect(() => parseCredential('oauth', 'not json')).toThrow(SourceError);
  });
});
