/**
 * Deterministic figures for the fakes: the same account and day always give the same numbers, so a test (or the
 * Chromium journey) can compute what an import must have stored.
 */
export function fakeHash(text: string): number {
  // FNV-1a, 32 bits: small, stable, good enough to vary demo figures.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Every ISO date from `from` to `to`, inclusive (UTC calendar arithmetic). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** How the fakes misbehave, chosen by the token (documented in docs/api.md "Integrations"). */
export function fakeTokenMode(token: string): 'ok' | 'invalid' | 'rate-limited' | 'down' {
  if (token.includes('invalid')) return 'invalid';
  if (token.includes('ratelimit')) return 'rate-limited';
  if (token.includes('down')) return 'down';
  return 'ok';
}
