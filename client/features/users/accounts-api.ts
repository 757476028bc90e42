import type { z } from 'zod';
import { errorBodySchema } from '../../../shared/api-errors.ts';

/**
 * The accounts calls (docs/api.md "Accounts"), online only: every outcome is a value, never a throw. The
 * answer is parsed with the shared schema; an error keeps the server's code, `details.reason` and per-field
 * issues, so a screen can say exactly what went wrong next to the right field.
 */
export type ApiFailure =
  | { readonly kind: 'offline' }
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly code: string | null;
      readonly reason: string | null;
      /** Field path → first message (validation_failed). */
      readonly fields: Readonly<Record<string, string>>;
    };

export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiFailure };

export async function callAccounts<S extends z.ZodType>(
  fetchFn: typeof fetch,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  schema: S | null,
  body?: unknown,
): Promise<ApiResult<z.output<S> | null>> {
  let res: Response;
  try {
    res = await fetchFn(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, error: { kind: 'offline' } };
  }
  const json: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.ok) {
    if (!schema) return { ok: true, value: null };
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, error: { kind: 'http', status: res.status, code: null, reason: null, fields: {} } };
  }
  const error = errorBodySchema.safeParse(json);
  const details = error.success ? error.data.error.details : undefined;
  const fields: Record<string, string> = {};
  const issues = Array.isArray(details?.issues)
    ? (details.issues as { path?: unknown; message?: unknown }[])
    : [];
  for (const issue of issues)
    if (typeof issue.path === 'string' && typeof issue.message === 'string' && !(issue.path in fields))
      fields[issue.path] = issue.message;
  return {
    ok: false,
    error: {
      kind: 'http',
      status: res.status,
      code: error.success ? error.data.error.code : null,
      reason: typeof details?.reason === 'string' ? details.reason : null,
      fields,
    },
  };
}
