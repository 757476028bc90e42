/**
 * Which push endpoints the server will ever POST to (docs/api.md "POST /api/push/subscriptions"). A push
 * subscription's endpoint is a URL chosen by the browser — or by whoever calls the API — and the sender later
 * makes requests to it from inside our network, so an endpoint anywhere else is a server-side request forgery.
 *
 * Invariants:
 * - Only `https:` on the default port or an explicit one, no credentials in the URL.
 * - The host must equal an allowed name, or be a subdomain of a `*.`-entry (`*.notify.windows.com` allows
 *   `db5p.notify.windows.com`, not `notify.windows.com` itself nor `evilnotify.windows.com`).
 * - Names are compared lower-case, without a trailing dot. IP literals match only when listed verbatim (tests
 *   list `127.0.0.1` for the local stand-in).
 */
export function isAllowedPushEndpoint(endpoint: string, allowedHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return allowedHosts.some((allowed) => {
    const rule = allowed.toLowerCase();
    if (rule.startsWith('*.')) {
      const suffix = rule.slice(1); // ".notify.windows.com"
      return host.endsWith(suffix) && host.length > suffix.length;
    }
    return host === rule;
  });
}
