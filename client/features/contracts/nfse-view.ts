import type { Invoice } from '../../../shared/entities/billing.ts';
import type { NfseAnswer } from './nfse-api.ts';

/**
 * What the staff payment history shows in an invoice's NFS-e cell, from the synced invoice, the connection and
 * the last answer of `/api/nfse` (pure; the cell only renders it):
 * - a nota already on the synced invoice (`nfeUrl`) → "Baixar NFe" with its number, online or not;
 * - an invoice not paid → nothing to issue;
 * - offline → the button disabled, with the reason;
 * - otherwise the server's issuance: none → "Emitir NFS-e"; processing → "Atualizar situação"; issued →
 *   "Baixar NFe" (before the invoice syncs); refused → the provider's words and "Reenviar NFS-e" (a new
 *   attempt, once the cause is fixed); cancelled → said; and the request's failures (no CNPJ, not configured,
 *   …) with what to do.
 */
export type NfseCellView =
  | { readonly kind: 'download'; readonly url: string; readonly number: string | null }
  | { readonly kind: 'not_paid' }
  | { readonly kind: 'offline' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'issue'; readonly busy: boolean; readonly problem: NfseProblem | null }
  | { readonly kind: 'processing'; readonly busy: boolean }
  | { readonly kind: 'refused'; readonly errors: string | null; readonly busy: boolean }
  | { readonly kind: 'cancelled' };

export type NfseProblem = 'no_cnpj' | 'not_configured' | 'not_paid' | 'failed' | 'offline';

export interface NfseRemote {
  /** The last answer (GET on mount, POST on a click), or null before the first one arrives. */
  readonly answer: NfseAnswer | null;
  /** A POST is under way. */
  readonly busy: boolean;
}

export function nfseCellView(
  invoice: Pick<Invoice, 'status' | 'nfeUrl' | 'nfeNumber'>,
  online: boolean,
  remote: NfseRemote,
): NfseCellView {
  if (invoice.nfeUrl) return { kind: 'download', url: invoice.nfeUrl, number: invoice.nfeNumber };
  if (invoice.status !== 'paid') return { kind: 'not_paid' };
  if (!online) return { kind: 'offline' };
  const { answer, busy } = remote;
  if (answer === null) return busy ? { kind: 'issue', busy, problem: null } : { kind: 'loading' };
  if (answer.kind !== 'ok') return { kind: 'issue', busy, problem: answer.kind };
  const issuance = answer.issuance;
  if (issuance === null) return { kind: 'issue', busy, problem: null };
  switch (issuance.status) {
    case 'processing':
      return { kind: 'processing', busy };
    case 'issued':
      return issuance.url
        ? { kind: 'download', url: issuance.url, number: issuance.number }
        : { kind: 'processing', busy };
    case 'failed':
      return { kind: 'refused', errors: issuance.errors, busy };
    case 'cancelled':
      return { kind: 'cancelled' };
  }
}
