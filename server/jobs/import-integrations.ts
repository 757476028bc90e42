import { z } from 'zod';
import {
  integrationSourceSchema,
  type IntegrationSource,
} from '../../shared/domain/integrations/connections.ts';
import { runSourceImport } from '../integrations/run-import.ts';
import { defineJob } from './define.ts';

/**
 * The daily import of every connected data source (server/integrations/, docs/api.md "Integrations").
 *
 * - Scheduled once a day without a target (05:15 UTC, 02:15 in São Paulo, after the providers close the day): it
 *   queues one run per connection, deduplicated per connection, so one slow or failing source never holds up
 *   the others and each run is retried on its own. A connection whose grant was revoked (`revoked_at`) is
 *   skipped: every run would fail the same way until staff reconnect it, which clears the mark ("Reconectar").
 * - With a target: one import (run-import.ts: the run recorded, retries with backoff and Retry-After inside, an
 *   idempotent upsert, the staff alert after repeated failures). A failed import is a recorded run, not a job
 *   failure: the provider-level retries already happened, and the next day's run tries again.
 * Without integrations configured (production without INTEGRATIONS_KEY) it does nothing.
 */
export const importIntegrationsJob = defineJob({
  name: 'import-integrations',
  payload: z.strictObject({
    organizationId: z.uuid().optional(),
    customerId: z.uuid().optional(),
    source: integrationSourceSchema.optional(),
  }),
  schedule: { cron: '15 5 * * *', payload: {} },
  deduplicate: true,
  retry: { limit: 1, delaySeconds: 600, backoff: false },
  timeoutSeconds: 30 * 60,
  async handler({ organizationId, customerId, source }, { db, integrations, jobs, logger, jobId }) {
    if (!integrations) return;
    if (organizationId && customerId && source) {
      const run = await runSourceImport(integrations, { organizationId, customerId, source }, 'scheduled');
      logger.info({ jobId, source, customerId, status: run?.status ?? 'not_connected' }, 'scheduled import');
      return;
    }
    const { rows } = await db.privileged((c) =>
      c.query<{ organizationId: string; customerId: string; source: IntegrationSource }>(
        `SELECT organization_id AS "organizationId", customer_id AS "customerId", source
           FROM integration_connections WHERE revoked_at IS NULL ORDER BY 1, 2, 3`,
      ),
    );
    for (const row of rows)
      await jobs.sendDeduplicated(
        importIntegrationsJob,
        row,
        `${row.organizationId}:${row.customerId}:${row.source}`,
      );
  },
});
