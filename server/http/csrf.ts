import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import { sessionCookieName } from '../auth/cookies.ts';
import { isJsonContentType } from './body.ts';
import { forbidden, unsupportedMediaType } from '../../shared/api-errors.ts';
import { expectedOrigin } from './request-info.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for the API (docs/api.md, "Requests that change state"). Hono's `csrf()` only inspects form-like content types, so this checks
 * every state-changing request itself:
 *
 * 1. `Sec-Fetch-Site`, when the browser sends it, must be `same-origin` (or `none`, a user-typed navigation).
 * 2. `Origin`, when present, must equal our origin exactly (PUBLIC_ORIGIN, else the request's own origin).
 * 3. A request that carries our session cookie must carry an `Origin` (browsers always send one on fetch
 *    POSTs; only non-browser clients omit it, and those have no business replaying a browser's cookie).
 * 4. The body must be `application/json` — a type a cross-site form cannot send, and one that makes any
 *    cross-origin fetch preflight (which we never approve: no CORS).
 *
 * Safe methods pass untouched; they must never change state (no route does).
 */
export function csrfProtection(config: Pick<Config, 'publicOrigin' | 'trustProxy'>): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();

    const fetchSite = c.req.header('sec-fetch-site')?.toLowerCase();
    if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw forbidden('Cross-site requests are not allowed.');
    }
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      if (origin !== expectedOrigin(c, config)) throw forbidden('Cross-origin requests are not allowed.');
    } else if (getCookie(c, sessionCookieName(true)) ?? getCookie(c, sessionCookieName(false))) {
      throw forbidden('This request must carry an Origin header.');
    }
    if (!isJsonContentType(c.req.header('content-type'))) throw unsupportedMediaType();
    return next();
  };
}
