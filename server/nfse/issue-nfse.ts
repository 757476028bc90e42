import { systemIdentity } from '../../shared/identity.ts';
import { readDocument, type Database } from '../db/index.ts';
import type { SourceHttp } from '../integrations/http.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import type { NfseProvider, NfseRequest, NfseState } from './focus-nfse.ts';

/**
 * One step of a paid invoice's NFS-e (issue 17 item 5), run by the `issue-nfse` job: ask the provider for the
 * nota (first step) or read its state (later steps), record it in `nfse_issuances` (migration 0250), and once
 * issued copy the nota's link into the synced invoice's `nfeUrl` by a server write, so the client's device
 * syncs it and shows "Baixar NFe". Idempotent: the provider's ref is the invoice id, an issued nota whose link
 * is already on the invoice is left alone, and a repeated step reads instead of sending again.
 *
 * The taker (tomador) is the invoice's customer, identified by its CNPJ (`customers.cnpj`): Arco's customers are
 * companies, and the city halls Focus NFe serves refuse — or, worse, accept as an anonymous taker — a B2B nota
 * without it. So a nota is never sent for a customer without a CNPJ: the step is skipped (`no_taker_cnpj`)
 * before any request, and staff are told to fill it in (the route answers 422). Notas already sent are read
 * whatever the customer's CNPJ is now.
 *
 * A nota the city hall refused is sent again only on staff request (`resendRefused`, the route's "Reenviar
 * NFS-e", once the cause — say the customer's CNPJ — is fixed), never by the job's scan: each attempt is a new
 * nota at the provider under its own ref (`nfseRef`). The next ref is derived from the refused attempt's number,
 * so two requests racing on the same refusal send the same ref, which the provider takes once (idempotent by
 * ref). At most `NFSE_MAX_ATTEMPTS` (migration 0321's CHECK).
 */
export const NFSE_MAX_ATTEMPTS = 10;

/** The provider's ref of an attempt: the invoice id, then "<invoice id>-2", "-3", … */
export const nfseRef = (invoiceId: string, attempt: number) =>
  attempt === 1 ? invoiceId : `${invoiceId}-${attempt}`;

export interface NfseDeps {
  readonly db: Database;
  readonly writer: ServerWriter;
  readonly clock: () => Date;
  readonly provider: NfseProvider;
  /** A fresh SourceHttp per step (retries, backoff, 429 Retry-After). */
  readonly http: () => SourceHttp;
  /** The agency as the nota's issuer, and its service's fiscal codes (configuration, not secrets). */
  readonly prestador: NfseRequest['prestador'];
  readonly service: { readonly itemListaServico: string; readonly aliquota: number };
}

export type NfseStep =
  | {
      readonly kind: 'skipped';
      readonly reason: 'not_found' | 'not_paid' | 'no_taker_cnpj' | 'too_many_attempts';
    }
  | { readonly kind: 'state'; readonly state: NfseState };

interface IssuanceRow {
  status: 'processing' | 'issued' | 'failed' | 'cancelled';
  number: string | null;
  verification_code: string | null;
  url: string | null;
  ref: string;
  attempt: number;
}

export async function issueInvoiceNfse(
  deps: NfseDeps,
  target: { readonly organizationId: string; readonly invoiceId: string },
  options: { readonly resendRefused?: boolean } = {},
): Promise<NfseStep> {
  const { organizationId, invoiceId } = target;
  const found = await deps.db.withIdentity(systemIdentity(organizationId), async (c) => {
    const invoice = await readDocument(c, 'invoices', organizationId, invoiceId);
    if (!invoice || invoice.deleted) return null;
    const customer = await readDocument(c, 'customers', organizationId, invoice.doc.customerId);
    const { rows } = await c.query<IssuanceRow>(
      `SELECT status, number, verification_code, url, ref, attempt FROM nfse_issuances
        WHERE organization_id = $1 AND invoice_id = $2`,
      [organizationId, invoiceId],
    );
    return { invoice: invoice.doc, customer: customer?.doc ?? null, issuance: rows[0] ?? null };
  });
  if (!found) return { kind: 'skipped', reason: 'not_found' };
  const { invoice, customer, issuance } = found;
  if (invoice.status !== 'paid') return { kind: 'skipped', reason: 'not_paid' };

  const resend = issuance?.status === 'failed' && options.resendRefused === true;
  // The attempt this step's ref belongs to: the recorded one, the next after a refusal being sent again, or 1.
  const attempt = resend ? issuance.attempt + 1 : (issuance?.attempt ?? 1);
  const ref = resend || !issuance ? nfseRef(invoiceId, attempt) : issuance.ref;
  let state: NfseState;
  if (issuance?.status === 'issued' && issuance.number && issuance.url)
    state = {
      status: 'issued',
      number: issuance.number,
      url: issuance.url,
      verificationCode: issuance.verification_code,
    };
  else if (issuance && !resend) state = await deps.provider.read(ref, deps.http());
  else if (!customer?.cnpj) return { kind: 'skipped', reason: 'no_taker_cnpj' };
  else if (attempt > NFSE_MAX_ATTEMPTS) return { kind: 'skipped', reason: 'too_many_attempts' };
  else
    state = await deps.provider.issue(
      {
        ref,
        issuedAt: deps.clock().toISOString(),
        prestador: deps.prestador,
        tomador: { cnpj: customer.cnpj, razaoSocial: customer.name, email: null },
        servico: {
          valueCents: invoice.amountCents,
          discriminacao: `${invoice.description} — fatura ${invoice.number}`,
          itemListaServico: deps.service.itemListaServico,
          aliquota: deps.service.aliquota,
        },
      },
      deps.http(),
    );

  const now = deps.clock().toISOString();
  await deps.writer.transaction(organizationId, async (tx) => {
    await tx.client.query(
      `INSERT INTO nfse_issuances (organization_id, invoice_id, ref, attempt, status, number,
         verification_code, url, errors, requested_at, updated_at)
       VALUES ($1, $2, $9, $10, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (organization_id, invoice_id) DO UPDATE SET status = $3, number = $4,
         verification_code = $5, url = $6, errors = $7, updated_at = $8, ref = $9, attempt = $10,
         requested_at = CASE WHEN nfse_issuances.attempt = $10 THEN nfse_issuances.requested_at ELSE $8 END
       -- A slower step of an older attempt (a read racing a resend) never overwrites a newer attempt's row.
       WHERE nfse_issuances.attempt <= $10`,
      [
        organizationId,
        invoiceId,
        state.status,
        state.status === 'issued' ? state.number : null,
        state.status === 'issued' ? state.verificationCode : null,
        state.status === 'issued' ? state.url : null,
        state.status === 'failed'
          ? state.errors
              .map((e) => `${e.code}: ${e.message}`)
              .join('; ')
              .slice(0, 2000)
          : null,
        now,
        ref,
        attempt,
      ],
    );
    if (state.status !== 'issued') return;
    const current = await readDocument(tx.client, 'invoices', organizationId, invoiceId);
    if (current && (current.doc.nfeUrl !== state.url || current.doc.nfeNumber !== state.number))
      await tx.write('invoices', [{ ...current.doc, nfeUrl: state.url, nfeNumber: state.number }]);
  });
  return { kind: 'state', state };
}
