import {
  CHURN_HORIZON_DAYS,
  churnObservationDay,
  churnTrainingRow,
} from '../../shared/domain/csm/churn-training.ts';
import {
  churnModelSchema,
  trainChurnModel,
  type ChurnModel,
  type ChurnTrainingRow,
} from '../../shared/domain/csm/churn.ts';
import { assessmentClock } from '../../shared/domain/csm/customer-inputs.ts';
import { systemIdentity } from '../../shared/identity.ts';
import type { Database, DbClient } from '../db/index.ts';
import { organizationTimeZone, readCustomerDocs } from './inputs.ts';

/**
 * The organization's churn model (docs/domain.md §3), trained on its own history and kept in `churn_models`
 * (one row per training; the latest `trained_at` wins). The recompute predicts with the stored model, or the
 * default one when none was trained yet.
 *
 * Invariants: training reads every customer of the organization under its `system` identity, in batches of
 * `TRAINING_BATCH_SIZE` (a fixed number of queries per batch); the same documents and history give the same
 * model (`trainChurnModel` is deterministic); a training that falls back to the default model is stored too, with
 * its reason, so "why the default" is visible; older rows beyond `KEPT_MODELS` are pruned.
 */

/** Customers read per query batch while building the training rows (as the recompute's batches). */
export const TRAINING_BATCH_SIZE = 250;

/** Trained models kept per organization (the latest is used; the others show how it moved). */
export const KEPT_MODELS = 14;

export interface ChurnTrainingSummary {
  readonly model: ChurnModel;
  readonly customers: number;
}

/** The organization's latest stored model, or null (then the default model applies). */
export async function storedChurnModel(client: DbClient, organizationId: string): Promise<ChurnModel | null> {
  const { rows } = await client.query<{ coefficients: unknown; metrics: unknown }>(
    `SELECT coefficients, metrics FROM churn_models WHERE organization_id = $1
      ORDER BY trained_at DESC, id DESC LIMIT 1`,
    [organizationId],
  );
  const row = rows[0];
  if (!row) return null;
  const { intercept, features } = row.coefficients as { intercept?: unknown; features?: unknown };
  const parsed = churnModelSchema.safeParse({
    ...(row.metrics as object),
    intercept,
    coefficients: features,
  });
  // A row of another feature version (or hand-edited) is ignored: the default applies until the next training.
  return parsed.success ? parsed.data : null;
}

/** Trains the organization's model on its history and stores it. */
export async function trainOrganizationChurnModel(
  deps: { readonly db: Database; readonly clock: () => Date },
  organizationId: string,
  options: { batchSize?: number } = {},
): Promise<ChurnTrainingSummary> {
  const batchSize = options.batchSize ?? TRAINING_BATCH_SIZE;
  const now = deps.clock();
  const identity = systemIdentity(organizationId);
  const rows: ChurnTrainingRow[] = [];
  let customers = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await deps.db.withIdentity(identity, async (client) => {
      const timeZone = await organizationTimeZone(client, organizationId);
      const then = churnObservationDay(assessmentClock(now, timeZone).today);
      const { rows: ids } = await client.query<{ id: string }>(
        `SELECT id FROM customers WHERE organization_id = $1 AND NOT deleted AND id > $2 ORDER BY id LIMIT $3`,
        [organizationId, after, batchSize],
      );
      if (ids.length === 0) return null;
      const list = ids.map((r) => r.id);
      const docs = await readCustomerDocs(client, organizationId, list, then);
      // Each customer's latest history point up to the observation day: its score then.
      const { rows: scores } = await client.query<{ customerId: string; score: number }>(
        `SELECT DISTINCT ON (customer_id) customer_id AS "customerId", score FROM health_history
          WHERE organization_id = $1 AND customer_id = ANY($2::uuid[]) AND date <= $3::date
          ORDER BY customer_id, date DESC`,
        [organizationId, list, then],
      );
      const scoreOf = new Map(scores.map((s) => [s.customerId, s.score]));
      const out: ChurnTrainingRow[] = [];
      for (const [id, d] of docs) {
        const row = churnTrainingRow(d, scoreOf.get(id) ?? null, now, timeZone, CHURN_HORIZON_DAYS);
        if (row) out.push(row);
      }
      return { out, count: list.length, last: list[list.length - 1]! };
    });
    if (batch === null) break;
    rows.push(...batch.out);
    customers += batch.count;
    after = batch.last;
  }
  const model = trainChurnModel(rows);
  await deps.db.withIdentity(identity, async (client) => {
    const { intercept, coefficients, trainedRows, churnedRows, ...metrics } = model;
    await client.query(
      `INSERT INTO churn_models (organization_id, coefficients, trained_at, sample_size, churned_count, is_default, metrics)
       VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7::jsonb)`,
      [
        organizationId,
        JSON.stringify({ intercept, features: coefficients }),
        now.toISOString(),
        trainedRows,
        churnedRows,
        model.kind === 'default',
        JSON.stringify({ ...metrics, trainedRows, churnedRows }),
      ],
    );
    await client.query(
      `DELETE FROM churn_models WHERE organization_id = $1 AND id NOT IN (
         SELECT id FROM churn_models WHERE organization_id = $1 ORDER BY trained_at DESC, id DESC LIMIT $2)`,
      [organizationId, KEPT_MODELS],
    );
  });
  return { model, customers };
}
