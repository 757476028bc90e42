import { useCallback, useEffect, useState } from 'react';
import type { Lead } from '../../../shared/entities/portal.ts';
import { staffLeadsResponseSchema } from '../../../shared/staff-portal.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useOnline } from '../../platform/use-online.ts';

/**
 * A customer's leads for the staff view, read online from `GET /api/staff-portal/customers/:id/leads` (staff
 * devices do not sync leads: docs/architecture.md §4.2). Nothing is kept on the device — a client's prospects
 * stay off staff phones — so offline the screens say the leads need a connection instead of showing an empty
 * pipeline.
 */
export type StaffLeads =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly leads: readonly Lead[] }
  /** No connection (the browser says so, or the request never reached the server). */
  | { readonly kind: 'offline' }
  /** The customer is not one the user can see (404). */
  | { readonly kind: 'not_found' }
  | { readonly kind: 'failed' };

export async function loadStaffLeads(deps: { fetch: typeof fetch; customerId: string }): Promise<StaffLeads> {
  let res: Response;
  try {
    res = await deps.fetch(`/api/staff-portal/customers/${encodeURIComponent(deps.customerId)}/leads`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch {
    return { kind: 'offline' };
  }
  if (res.status === 404) return { kind: 'not_found' };
  if (!res.ok) return { kind: 'failed' };
  try {
    const body = staffLeadsResponseSchema.safeParse(await res.json());
    return body.success && body.data.customerId === deps.customerId
      ? { kind: 'ok', leads: body.data.leads }
      : { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

/** The customer's leads, fetched when the page opens and again when the connection returns or on `retry`. */
export function useStaffLeads(customerId: string): { state: StaffLeads; retry: () => void } {
  const { fetch } = useDependencies();
  const online = useOnline();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<StaffLeads>({ kind: 'loading' });
  useEffect(() => {
    if (!online) {
      setState({ kind: 'offline' });
      return;
    }
    let current = true;
    setState((s) => (s.kind === 'ok' ? s : { kind: 'loading' }));
    void loadStaffLeads({ fetch, customerId }).then((result) => {
      if (current) setState(result);
    });
    return () => {
      current = false;
    };
  }, [fetch, customerId, online, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
