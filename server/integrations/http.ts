/**
 * The one way an adapter talks to its provider: `fetch` with retries (docs/api.md "Integrations").
 *
 * - Retried: 429, 5xx, network errors, and a body flagged transient (Meta's rate limits come as 400) (the provider's documented advice). 429's `Retry-After` (seconds or an
 *   HTTP date) is honoured, capped at `maxDelayMs`; otherwise the delay doubles from `baseDelayMs` with ±25 %
 *   jitter (injected `random`, so tests are exact).
 * - Not retried: other 4xx (a bad token or request fails the same way again).
 * - A failure is a `SourceError` whose message is built from the status and the provider's error text, never
 *   from the request (the token lives in its headers).
 * No library: the policy is ten lines and must read `Retry-After` from a `fetch` Response, which the retry
 * libraries we would pull in (p-retry, async-retry) leave to the caller anyway.
 */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface RetryPolicy {
  /** Attempts in all, first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_SOURCE_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 };

export interface SourceHttpDeps {
  readonly fetch: Fetch;
  readonly sleep: (ms: number) => Promise<void>;
  readonly clock: () => Date;
  readonly random?: () => number;
  readonly retry?: RetryPolicy;
}

export class SourceError extends Error {
  /** The provider's error code when it gave one (Google's `status`, OAuth's `error`: `invalid_grant`). */
  readonly code: string | null;
  /** What the provider's `Retry-After` asked for, when it sent one (a poller waits at least this long). */
  readonly retryAfterMs: number | null;

  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
    extra: { readonly code?: string | null; readonly retryAfterMs?: number | null } = {},
  ) {
    super(message);
    this.name = 'SourceError';
    this.code = extra.code ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
  }
}

/** What one call cost: attempts made (runs record the total). */
export interface SourceHttp {
  json<T>(url: string, init: RequestInit, read: (body: unknown) => T): Promise<T>;
  readonly attempts: () => number;
}

/** Milliseconds a `Retry-After` value asks for, or null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** The delay before attempt `n + 1` (n ≥ 1) after a retryable failure. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const base = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, Math.round(base * (0.75 + random() * 0.5)));
}

/**
 * The provider's own message from a Google (`{error:{code,status,message}}`) or Meta
 * (`{error:{message,type,code,is_transient}}`) error body, and whether the body itself says "try again": Meta
 * answers its rate limits (codes 4, 17, 32, 613) and transient faults with HTTP 400. Focus NFe answers
 * `{codigo, mensagem}` at the top level (server/nfse/focus-nfse.ts). OAuth token endpoints (RFC 6749 §5.2)
 * answer `{error: "invalid_grant", error_description}` — `error` a string, which becomes the `code`.
 */
async function providerError(
  response: Response,
): Promise<{ message: string; transient: boolean; code: string | null }> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as {
      error?: { message?: unknown; status?: unknown; code?: unknown; is_transient?: unknown } | string;
      error_description?: unknown;
      codigo?: unknown;
      mensagem?: unknown;
    };
    if (typeof body.mensagem === 'string') {
      const code = typeof body.codigo === 'string' ? `${body.codigo}: ` : '';
      return { message: `${code}${body.mensagem}`.slice(0, 300), transient: false, code: null };
    }
    if (typeof body.error === 'string') {
      const code = body.error.slice(0, 60);
      const description = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
      return { message: `${code}${description}`.slice(0, 300), transient: false, code };
    }
    const message = typeof body.error?.message === 'string' ? body.error.message : '';
    const status = typeof body.error?.status === 'string' ? body.error.status : null;
    const transient =
      body.error?.is_transient === true ||
      (response.status === 400 && [4, 17, 32, 613].includes(Number(body.error?.code)));
    return { message: `${status ? `${status}: ` : ''}${message}`.slice(0, 300), transient, code: status };
  } catch {
    return { message: text.slice(0, 120), transient: false, code: null };
  }
}

export function createSourceHttp(deps: SourceHttpDeps): SourceHttp {
  const policy = deps.retry ?? DEFAULT_SOURCE_RETRY;
  const random = deps.random ?? Math.random;
  let attempts = 0;
  return {
    attempts: () => attempts,
    async json(url, init, read) {
      for (let attempt = 1; ; attempt++) {
        attempts++;
        let response: Response;
        try {
          response = await deps.fetch(url, init);
        } catch (error) {
          if (attempt >= policy.maxAttempts)
            throw new SourceError(`network error: ${(error as Error).message}`.slice(0, 300), null, true);
          await deps.sleep(backoffMs(policy, attempt, random));
          continue;
        }
        if (response.ok) return read(await response.json());
        const waitHeader = retryAfterMs(response.headers.get('retry-after'), deps.clock());
        const { message, transient, code } = await providerError(response);
        const retryable = response.status === 429 || response.status >= 500 || transient;
        if (!retryable || attempt >= policy.maxAttempts)
          throw new SourceError(
            `HTTP ${response.status}${message ? ` ${message}` : ''}`,
            response.status,
            retryable,
            { code, retryAfterMs: waitHeader },
          );
        const backoff = backoffMs(policy, attempt, random);
        await deps.sleep(Math.min(policy.maxDelayMs, Math.max(backoff, waitHeader ?? 0)));
      }
    },
  };
}
