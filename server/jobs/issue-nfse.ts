import { z } from 'zod';
import { issueInvoiceNfse } from '../nfse/issue-nfse.ts';
import { defineJob } from './define.ts';

/** How long the provider gets between reads of a nota still `processando_autorizacao`. */
export const NFSE_POLL_SECONDS = 30;
/** Paid invoices older than this are not issued automatically (staff ask for them). */
const AUTO_ISSUE_DAYS = 30;

/**
 * NFS-e for paid invoices (issue 17 item 5; server/nfse/issue-nfse.ts).
 *
 * - Scheduled every 5 minutes without a target: one run per recently paid invoice (the last 30 days) that has
 *   no nota link yet and whose nota the provider has not refused or cancelled — deduplicated per invoice. A
 *   customer without a CNPJ is left out (no nota without its taker; issued once staff fill it in). A
 *   scan rather than a send from the payment webhook: the webhook commits the payment first and never waits on
 *   the job queue, and an invoice marked paid any other way is issued too.
 * - With a target: one step; a nota still processing at the provider is read again in `NFSE_POLL_SECONDS`.
 *   Provider faults are retried inside (SourceHttp: backoff, 429 Retry-After), then by pg-boss.
 * Without NFS-e configured (`ctx.nfse` absent) it does nothing.
 */
export const issueNfseJob = defineJob({
  name: 'issue-nfse',
  payload: z.strictObject({ organizationId: z.uuid().optional(), invoiceId: z.uuid().optional() }),
  schedule: { cron: '*/5 * * * *', payload: {} },
  deduplicate: true,
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 5 * 60,
  async handler({ organizationId, invoiceId }, ctx) {
    const { nfse, db, writer, clock, jobs, logger, jobId } = ctx;
    if (!nfse) return;
    if (organizationId && invoiceId) {
      const step = await issueInvoiceNfse({ ...nfse, db, writer, clock }, { organizationId, invoiceId });
      const status = step.kind === 'state' ? step.state.status : step.reason;
      logger.info({ jobId, invoiceId, status }, 'nfse step');
      if (step.kind === 'state' && step.state.status === 'processing')
        await jobs.send(
          issueNfseJob,
          { organizationId, invoiceId },
          { startAfter: new Date(clock().getTime() + NFSE_POLL_SECONDS * 1000) },
        );
      return;
    }
    const since = new Date(clock().getTime() - AUTO_ISSUE_DAYS * 86_400_000).toISOString().slice(0, 10);
    const { rows } = await db.privileged((c) =>
      c.query<{ organizationId: string; invoiceId: string }>(
        `SELECT i.organization_id AS "organizationId", i.id AS "invoiceId"
           FROM invoices i
          WHERE i.status = 'paid' AND i.nfe_url IS NULL AND NOT i.deleted AND i.paid_date >= $1
            AND NOT EXISTS (SELECT 1 FROM nfse_issuances n
                             WHERE n.organization_id = i.organization_id AND n.invoice_id = i.id
                               AND n.status IN ('failed', 'cancelled'))
            AND EXISTS (SELECT 1 FROM customers c
                         WHERE c.organization_id = i.organization_id AND c.id = i.customer_id
                           AND c.cnpj IS NOT NULL)
          ORDER BY 1, 2`,
        [since],
      ),
    );
    for (const row of rows)
      await jobs.sendDeduplicated(issueNfseJob, row, `${row.organizationId}:${row.invoiceId}`);
  },
});
