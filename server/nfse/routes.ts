import { Hono } from 'hono';
import { ApiError, conflict, forbidden, notFound, unavailable } from '../../shared/api-errors.ts';
import { NFSE_TAKER_CNPJ_MISSING, type NfseIssuance } from '../../shared/nfse.ts';
import { requireUser } from '../auth/require-user.ts';
import { readDocument, type Database } from '../db/index.ts';
import { limitBody } from '../http/body.ts';
import type { AuthedEnv } from '../http/context.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import { issueInvoiceNfse, NFSE_MAX_ATTEMPTS, type NfseDeps } from './issue-nfse.ts';

/**
 * `/api/nfse` (staff; docs/api.md "NFS-e"):
 * - `GET /invoices/:invoiceId` — the invoice's issuance as recorded (`{issuance: null}` before any).
 * - `POST /invoices/:invoiceId` — "Emitir NFS-e" on staff request: one step in the request (the nota sent, or
 *   its state read), answered as `{issuance}`; a nota still processing is followed by the `issue-nfse` job's
 *   scan; a nota the city hall refused is sent again as a new attempt ("Reenviar NFS-e", after fixing its
 *   cause). 409 for an invoice that is not paid or whose nota was refused `NFSE_MAX_ATTEMPTS` times, 503 when
 *   NFS-e is not configured, 422 `validation_failed` (`details.reason: "taker_cnpj_missing"`) when the
 *   invoice's customer has no CNPJ — nothing is sent.
 * The invoice is looked up under the caller's identity first, so RLS bounds what staff can issue.
 */
export interface NfseRoutesDeps {
  readonly db: Database;
  readonly writer: ServerWriter;
  readonly clock: () => Date;
  readonly nfse: Omit<NfseDeps, 'db' | 'writer' | 'clock'> | null;
}

interface IssuanceRow {
  status: NfseIssuance['status'];
  number: string | null;
  url: string | null;
  errors: string | null;
  updated_at: Date;
}

export function nfseRoutes(deps: NfseRoutesDeps): Hono<AuthedEnv> {
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.use('*', limitBody(1024));
  app.use('*', async (c, next) => {
    if (c.get('user').role === 'client') throw forbidden('Only agency staff issue NFS-e.');
    await next();
  });

  const read = (
    c: { get: (k: 'identity') => Parameters<Database['withIdentity']>[0] },
    organizationId: string,
    invoiceId: string,
  ) =>
    deps.db.withIdentity(c.get('identity'), async (client) => {
      if (!/^[0-9a-f-]{36}$/i.test(invoiceId)) return null;
      const invoice = await readDocument(client, 'invoices', organizationId, invoiceId);
      if (!invoice || invoice.deleted) return null;
      const { rows } = await client.query<IssuanceRow>(
        `SELECT status, number, url, errors, updated_at FROM nfse_issuances
          WHERE organization_id = $1 AND invoice_id = $2`,
        [organizationId, invoiceId],
      );
      const row = rows[0];
      return {
        invoice: invoice.doc,
        issuance: row
          ? ({
              status: row.status,
              number: row.number,
              url: row.url,
              errors: row.errors,
              updatedAt: new Date(row.updated_at).toISOString(),
            } satisfies NfseIssuance)
          : null,
      };
    });

  app.get('/invoices/:invoiceId', async (c) => {
    const found = await read(c, c.get('user').organizationId, c.req.param('invoiceId'));
    if (!found) throw notFound('No such invoice.');
    return c.json({ issuance: found.issuance });
  });

  app.post('/invoices/:invoiceId', async (c) => {
    const { organizationId } = c.get('user');
    const invoiceId = c.req.param('invoiceId');
    const found = await read(c, organizationId, invoiceId);
    if (!found) throw notFound('No such invoice.');
    if (!deps.nfse) throw unavailable('NFS-e is not configured on this server.');
    if (found.invoice.status !== 'paid') throw conflict('Only a paid invoice gets its NFS-e.');
    const step = await issueInvoiceNfse(
      { ...deps.nfse, db: deps.db, writer: deps.writer, clock: deps.clock },
      { organizationId, invoiceId },
      { resendRefused: true },
    );
    if (step.kind === 'skipped' && step.reason === 'too_many_attempts')
      throw conflict(
        `This invoice's NFS-e was refused ${NFSE_MAX_ATTEMPTS} times: check the data with the city hall before trying again.`,
      );
    if (step.kind === 'skipped' && step.reason === 'no_taker_cnpj')
      throw new ApiError(
        'validation_failed',
        "The customer has no CNPJ: fill it in on the customer's record to issue the NFS-e.",
        { reason: NFSE_TAKER_CNPJ_MISSING, field: 'cnpj' },
      );
    const after = await read(c, organizationId, invoiceId);
    c.get('log').info(
      { event: 'nfse_requested', invoiceId, status: after?.issuance?.status ?? null },
      'nfse',
    );
    return c.json({ issuance: after?.issuance ?? null });
  });
  return app;
}
