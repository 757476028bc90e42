import type { z } from 'zod';
import {
  connectionsResponseSchema,
  type ConnectRequest,
  integrationRunSchema,
  type ConnectionsResponse,
  type IntegrationRun,
  type IntegrationSource,
} from '../../../shared/domain/integrations/connections.ts';

/**
 * The device side of `/api/integrations` (docs/api.md "Integrations"). Online only: connecting sends a token to
 * the server and an import runs there. Outcomes are values; the token is sent once and never read back.
 */
export type ConnectionsAnswer =
  | { readonly kind: 'ok'; readonly value: ConnectionsResponse; readonly run: IntegrationRun | null }
  | { readonly kind: 'offline' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'failed' };

const runAnswerSchema = connectionsResponseSchema.extend({ run: integrationRunSchema });

async function call(
  fetchFn: typeof fetch,
  path: string,
  init: RequestInit,
  schema: z.ZodType<ConnectionsResponse & { run?: IntegrationRun }>,
): Promise<ConnectionsAnswer> {
  let res: Response;
  try {
    res = await fetchFn(path, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch {
    return { kind: 'offline' };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 422 || res.status === 400) return { kind: 'invalid' };
  if (res.status === 503) return { kind: 'unavailable' };
  if (!res.ok) return { kind: 'failed' };
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { kind: 'failed' };
  const { run, ...value } = parsed.data;
  return { kind: 'ok', value, run: run ?? null };
}

const base = (customerId: string) => `/api/integrations/customers/${encodeURIComponent(customerId)}`;

export const readConnections = (fetchFn: typeof fetch, customerId: string) =>
  call(fetchFn, base(customerId), { method: 'GET' }, connectionsResponseSchema);

export const connectSource = (
  fetchFn: typeof fetch,
  customerId: string,
  source: IntegrationSource,
  request: ConnectRequest,
) =>
  call(
    fetchFn,
    `${base(customerId)}/${source}`,
    { method: 'PUT', body: JSON.stringify(request) },
    connectionsResponseSchema,
  );

export const disconnectSource = (fetchFn: typeof fetch, customerId: string, source: IntegrationSource) =>
  call(fetchFn, `${base(customerId)}/${source}`, { method: 'DELETE', body: '{}' }, connectionsResponseSchema);

export const runImportNow = (fetchFn: typeof fetch, customerId: string, source: IntegrationSource) =>
  call(fetchFn, `${base(customerId)}/${source}/run`, { method: 'POST', body: '{}' }, runAnswerSchema);
