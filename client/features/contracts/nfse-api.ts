import { errorBodySchema } from '../../../shared/api-errors.ts';
import { nfseAnswerSchema, NFSE_TAKER_CNPJ_MISSING, type NfseIssuance } from '../../../shared/nfse.ts';

/**
 * The device side of `/api/nfse/invoices/:invoiceId` (docs/api.md "NFS-e"): read an invoice's NFS-e issuance
 * and ask for it ("Emitir NFS-e"). Online only — the nota is issued by the server talking to the provider.
 * Outcomes are values, each a state the control shows.
 */
export type NfseAnswer =
  | { readonly kind: 'ok'; readonly issuance: NfseIssuance | null }
  | { readonly kind: 'offline' }
  | { readonly kind: 'no_cnpj' }
  | { readonly kind: 'not_paid' }
  | { readonly kind: 'not_configured' }
  | { readonly kind: 'failed' };

const path = (invoiceId: string) => `/api/nfse/invoices/${encodeURIComponent(invoiceId)}`;

async function call(fetchFn: typeof fetch, invoiceId: string, method: 'GET' | 'POST'): Promise<NfseAnswer> {
  let res: Response;
  try {
    res = await fetchFn(path(invoiceId), {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      ...(method === 'POST' ? { body: '{}' } : {}),
    });
  } catch {
    return { kind: 'offline' };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const parsed = nfseAnswerSchema.safeParse(body);
    return parsed.success ? { kind: 'ok', issuance: parsed.data.issuance } : { kind: 'failed' };
  }
  const error = errorBodySchema.safeParse(body);
  if (res.status === 422 && error.success && error.data.error.details?.reason === NFSE_TAKER_CNPJ_MISSING)
    return { kind: 'no_cnpj' };
  if (res.status === 409) return { kind: 'not_paid' };
  if (res.status === 503) return { kind: 'not_configured' };
  return { kind: 'failed' };
}

export const readNfse = (fetchFn: typeof fetch, invoiceId: string) => call(fetchFn, invoiceId, 'GET');
export const requestNfse = (fetchFn: typeof fetch, invoiceId: string) => call(fetchFn, invoiceId, 'POST');
