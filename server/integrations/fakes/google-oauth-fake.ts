import { Hono } from 'hono';
import { fakeHash, fakeTokenMode } from './fake-data.ts';

/**
 * A local Google OAuth 2.0 token endpoint for development and tests: `POST /token` form-encoded with
 * `grant_type=refresh_token`, `refresh_token`, `client_id`, `client_secret` (Google's documented request), answering
 * `{access_token, expires_in: 3599, token_type: "Bearer", scope}` or an RFC 6749 §5.2 error
 * `{error, error_description}`. Driven by the refresh token (fake-data.ts `fakeTokenMode`): `invalid` → 400
 * `invalid_grant` ("Token has been expired or revoked."), `ratelimit` → the first `rateLimitedRequests` calls per
 * refresh token answer 429 with `Retry-After: 1`, `down` → 503. A client secret containing `invalid` → 401
 * `invalid_client`. The access token it issues is derived from the refresh token (stable, never containing
 * it) and always valid at the other fakes.
 */
export const GOOGLE_OAUTH_FAKE_SCOPE =
  'https://www.googleapis.com/auth/analytics.readonly https://www.googleapis.com/auth/adwords';

export function createGoogleOAuthFake(options: { readonly rateLimitedRequests?: number } = {}): Hono {
  const app = new Hono();
  const throttled = new Map<string, number>();
  let exchanges = 0;
  const oauthError = (error: string, description: string) => ({ error, error_description: description });
  app.post('/token', async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('application/x-www-form-urlencoded'))
      return c.json(oauthError('invalid_request', 'Expected a form-encoded body.'), 400);
    const form = new URLSearchParams(await c.req.text());
    const refreshToken = form.get('refresh_token') ?? '';
    const clientId = form.get('client_id') ?? '';
    const clientSecret = form.get('client_secret') ?? '';
    if (form.get('grant_type') !== 'refresh_token')
      return c.json(oauthError('unsupported_grant_type', 'Invalid grant_type.'), 400);
    if (!refreshToken || !clientId || !clientSecret)
      return c.json(oauthError('invalid_request', 'Missing required parameter.'), 400);
    if (clientSecret.includes('invalid'))
      return c.json(oauthError('invalid_client', 'The OAuth client was not found.'), 401);
    const mode = fakeTokenMode(refreshToken);
    if (mode === 'invalid')
      return c.json(oauthError('invalid_grant', 'Token has been expired or revoked.'), 400);
    if (mode === 'down') return c.json(oauthError('temporarily_unavailable', 'Try again later.'), 503);
    if (mode === 'rate-limited') {
      const seen = throttled.get(refreshToken) ?? 0;
      throttled.set(refreshToken, seen + 1);
      if (seen < (options.rateLimitedRequests ?? 2)) {
        c.header('Retry-After', '1');
        return c.json(oauthError('rate_limit_exceeded', 'Rate limit exceeded.'), 429);
      }
    }
    exchanges++;
    return c.json({
      access_token: `ya29.fake-${fakeHash(`${clientId}|${refreshToken}`).toString(36)}-${exchanges}`,
      expires_in: 3599,
      token_type: 'Bearer',
      scope: GOOGLE_OAUTH_FAKE_SCOPE,
    });
  });
  // For tests: how many access tokens the fake issued (the per-run cache is observable).
  app.get('/_fake/exchanges', (c) => c.json({ exchanges }));
  return app;
}
