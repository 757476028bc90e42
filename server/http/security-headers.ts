import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './context.ts';

/**
 * Content-Security-Policy for the Vite-built React PWA (docs/architecture.md §6). Everything is same-origin:
 * - scripts: only our bundles — no inline scripts, no eval (the SW registration is bundled, not inlined);
 * - styles: our CSS plus inline styles, because UI libraries (charts, positioning of popovers) set style
 *   attributes; style injection cannot run code, so this is the accepted trade-off;
 * - images/fonts also from `data:`/`blob:` (inlined icons, chart exports); the service worker and the web
 *   manifest from 'self'; API calls and the SSE stream to 'self'.
 * - nothing may embed us (`frame-ancestors 'none'`), no plugins, no <base> rewriting, forms post only to us.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'media-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function contentSecurityPolicy(secure: boolean): string {
  const parts = Object.entries(CSP_DIRECTIVES).map(([name, values]) => `${name} ${values.join(' ')}`);
  if (secure) parts.push('upgrade-insecure-requests');
  return parts.join('; ');
}

/** Two years, the HSTS preload list's recommendation (≥ 1 year required). Sent only over HTTPS. */
export const HSTS = 'max-age=63072000; includeSubDomains';

const baseHeaders = secureHeaders({
  strictTransportSecurity: false,
  xFrameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  crossOriginResourcePolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
  permissionsPolicy: {
    camera: [],
    microphone: [],
    geolocation: [],
    payment: [],
    usb: [],
    browsingTopics: [],
  },
});

/** Security headers on every response (also errors and 404s); `Cache-Control: no-store` on every API response. */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await baseHeaders(c, async () => {
    await next();
  });
  const secure = c.get('secure');
  c.header('Content-Security-Policy', contentSecurityPolicy(secure));
  if (secure) c.header('Strict-Transport-Security', HSTS);
  if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
    c.header('Cache-Control', 'no-store');
    c.header('Pragma', 'no-cache');
  }
};
