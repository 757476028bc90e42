import { useCallback, useEffect, useState } from 'react';
import type { Lead } from '../../../shared/entities/portal.ts';
import {
  staffContentResponseSchema,
  staffLeadsResponseSchema,
  type StaffContentResponse,
} from '../../../shared/staff-portal.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useOnline } from '../../platform/use-online.ts';

/**
 * A customer's leads for the staff view, read online from `GET /api/staff-portal/customers/:id/leads` (staff
 * devices do not sync leads: docs/architecture.md §4.2). Nothing is kept on the device — a client's prospects
 * stay off staff phones — so offline the screens say the leads need a connection instead of showing an empty
 * pipeline.
 */
export type StaffResource<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly data: T }
  /** No connection (the browser says so, or the request never reached the server). */
  | { readonly kind: 'offline' }
  /** The customer is not one the user can see (404). */
  | { readonly kind: 'not_found' }
  | { readonly kind: 'failed' };

export type StaffLeads = StaffResource<readonly Lead[]>;
export type StaffContent = StaffResource<Omit<StaffContentResponse, 'customerId'>>;

/** What the staff endpoints answer for one customer, checked to be that customer's. */
const RESOURCES = {
  leads: (body: unknown, customerId: string) => {
    const parsed = staffLeadsResponseSchema.safeParse(body);
    return parsed.success && parsed.data.customerId === customerId ? parsed.data.leads : null;
  },
  content: (body: unknown, customerId: string) => {
    const parsed = staffContentResponseSchema.safeParse(body);
    return parsed.success && parsed.data.customerId === customerId
      ? { content: parsed.data.content, people: parsed.data.people }
      : null;
  },
};
type ResourceName = keyof typeof RESOURCES;
type DataOf<R extends ResourceName> = NonNullable<ReturnType<(typeof RESOURCES)[R]>>;

export const loadStaffLeads = (deps: { fetch: typeof fetch; customerId: string }): Promise<StaffLeads> =>
  loadStaffResource('leads', deps);

export async function loadStaffResource<R extends ResourceName>(
  what: R,
  deps: { fetch: typeof fetch; customerId: string },
): Promise<StaffResource<DataOf<R>>> {
  let res: Response;
  try {
    res = await deps.fetch(`/api/staff-portal/customers/${encodeURIComponent(deps.customerId)}/${what}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch {
    return { kind: 'offline' };
  }
  if (res.status === 404) return { kind: 'not_found' };
  if (!res.ok) return { kind: 'failed' };
  try {
    const data = RESOURCES[what](await res.json(), deps.customerId) as DataOf<R> | null;
    return data === null ? { kind: 'failed' } : { kind: 'ok', data };
  } catch {
    return { kind: 'failed' };
  }
}

/** The customer's leads, fetched when the page opens and again when the connection returns or on `retry`. */
export const useStaffLeads = (customerId: string): { state: StaffLeads; retry: () => void } =>
  useStaffResource('leads', customerId);

/** The customer's content progress (`/clientes/:id/conteudo`), fetched like the leads. */
export const useStaffContent = (customerId: string): { state: StaffContent; retry: () => void } =>
  useStaffResource('content', customerId);

function useStaffResource<R extends ResourceName>(
  what: R,
  customerId: string,
): { state: StaffResource<DataOf<R>>; retry: () => void } {
  const { fetch } = useDependencies();
  const online = useOnline();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<StaffResource<DataOf<R>>>({ kind: 'loading' });
  useEffect(() => {
    if (!online) {
      setState({ kind: 'offline' });
      return;
    }
    let current = true;
    setState((s) => (s.kind === 'ok' ? s : { kind: 'loading' }));
    void loadStaffResource(what, { fetch, customerId }).then((result) => {
      if (current) setState(result);
    });
    return () => {
      current = false;
    };
  }, [what, fetch, customerId, online, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
