import { v7 as uuidv7 } from 'uuid';
import { assessCustomerAt, type HealthFields } from '../../shared/domain/csm/assess-customer.ts';
import { assessmentClock, type AssessmentClock } from '../../shared/domain/csm/customer-inputs.ts';
import {
  DEFAULT_HEALTH_CONFIG,
  healthScoreConfigSchema,
  type HealthScoreConfig,
} from '../../shared/domain/csm/health-config.ts';
import { calendarDate } from '../../shared/domain/csm/dates.ts';
import { recommend } from '../../shared/domain/csm/recommendations.ts';
import { nextAtRiskSince } from '../../shared/domain/csm/risk-portfolio.ts';
import { newDetectedSignals, riskAlertFor } from '../../shared/domain/csm/signals.ts';
import type { Health, Signal } from '../../shared/entities/csm.ts';
import { systemIdentity } from '../../shared/identity.ts';
import { readDocuments, type Database, type DbClient } from '../db/index.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import { storedChurnModel } from './churn-model.ts';
import { customersChangedSince, inputWatermark, organizationTimeZone, readCustomerDocs } from './inputs.ts';

/**
 * The authoritative health of a batch of customers (docs/domain.md §7): their input documents read under the
 * organization's `system` identity in a fixed number of queries, `assessCustomerAt` — the same function the
 * device runs for its provisional score — with the organization's health configuration and time zone, and the
 * resulting `health` documents written through `ServerWriter` (fresh server_seqs, published to every device),
 * with one `health_history` row per customer and day.
 *
 * Invariants:
 * - idempotent: a result equal to the stored document (everything but `computedAt`) writes nothing — no
 *   server_seq, no change published, no history row touched;
 * - never stale over fresh: inputs are read without the organization's lock (reads do not hold up pushes), and
 *   under the lock a customer with an input written after that read is left alone — the change that wrote it
 *   has started a recompute of its own, which reads it (server/health/triggers.ts);
 * - the configuration, the churn model (the organization's trained one, server/health/churn-model.ts, else the
 *   default) and the stored documents (history, `atRiskSince`, first detections) are read under the lock, so a configuration saved meanwhile is either used here or reapplied by its reweigh afterwards;
 * - a customer that is gone, or has no data left to score, loses its `health` document (a tombstone);
 * - expansion opportunities and insights the rules detect are added as signals once per condition
 *   (`newDetectedSignals`: never duplicated, never reopened once a CSM moved them on), in the same transaction,
 *   and the stored health counts them (they are inputs of the upsell potential);
 * - a customer at risk (warning or critical) gets its risk alert in the same transaction (`riskAlertFor`): one
 *   active alert per customer, a warning escalated to critical in place, never one reopened or repeated for the
 *   same at-risk episode once a CSM closed it; ids are deterministic (customer, episode, level). Playbook tasks are
 *   not created here: the device creates them when a CSM acknowledges the alert or asks for its tasks (as for
 *   every alert).
 */

export interface HealthRecomputeDeps {
  readonly db: Database;
  readonly writer: ServerWriter;
  readonly clock: () => Date;
  /** Ids of new health documents (default uuid v7). */
  readonly newId?: () => string;
}

export interface RecomputeSummary {
  /** Customers asked for. */
  readonly customers: number;
  /** Health documents written (new or changed). */
  readonly written: number;
  /** Recomputed to exactly what was stored: nothing written. */
  readonly unchanged: number;
  /** Health documents removed (customer gone, or no data left to score). */
  readonly removed: number;
  /** Live customers with no data to score and no document (nothing to write). */
  readonly noData: number;
  /** Left to the recompute their newer input change started. */
  readonly deferred: number;
  /** Expansion opportunities and insights detected for the first time (signals written). */
  readonly signals: number;
  /** Risk alerts created (a customer turned at risk) or escalated (warning → critical). */
  readonly riskAlerts: number;
}

const EMPTY: RecomputeSummary = {
  customers: 0,
  written: 0,
  unchanged: 0,
  removed: 0,
  noData: 0,
  deferred: 0,
  signals: 0,
  riskAlerts: 0,
};

/** Customers per batch for an organization-wide recompute: one read and one write transaction each. */
export const RECOMPUTE_BATCH_SIZE = 250;

/** Recomputes `customerIds` of one organization (a batch: a fixed number of queries whatever its size). */
export async function recomputeCustomerHealth(
  deps: HealthRecomputeDeps,
  organizationId: string,
  customerIds: readonly string[],
): Promise<RecomputeSummary> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return EMPTY;
  const now = deps.clock();
  const { clock, watermark, docs } = await deps.db.withIdentity(
    systemIdentity(organizationId),
    async (client) => {
      const batchClock = assessmentClock(now, await organizationTimeZone(client, organizationId));
      const mark = await inputWatermark(client, organizationId);
      return {
        clock: batchClock,
        watermark: mark,
        docs: await readCustomerDocs(client, organizationId, ids, batchClock.today),
      };
    },
  );

  return deps.writer.transaction(organizationId, async (tx) => {
    const config = await healthConfig(tx.client, organizationId);
    // The organization's trained churn model (server/health/churn-model.ts), else the default one.
    const churnModel = (await storedChurnModel(tx.client, organizationId)) ?? undefined;
    const changed = await customersChangedSince(tx.client, organizationId, ids, watermark);
    const stored = new Map(
      (
        await readDocuments(tx.client, 'health', {
          where: 'organization_id = $1 AND customer_id = ANY($2::uuid[])',
          params: [organizationId, ids],
        })
      ).map((s) => [s.doc.customerId, s]),
    );

    const writes: Health[] = [];
    const removals: Health[] = [];
    const signalWrites: Signal[] = [];
    const riskAlertWrites: Signal[] = [];
    const dateOf = (instant: string) => calendarDate(new Date(instant), clock.timeZone);
    let unchanged = 0;
    let noData = 0;
    for (const id of ids) {
      if (changed.has(id)) continue;
      const previous = stored.get(id);
      const live = previous && !previous.deleted ? previous.doc : null;
      const customerDocs = docs.get(id);
      let fields: HealthFields | null = null;
      if (customerDocs) {
        const assessment = assessCustomerAt(customerDocs, config, clock, { previous: live, churnModel });
        fields = assessment.health;
        const added = newDetectedSignals(id, customerDocs.signals, assessment, now).map((s): Signal => ({
          ...s,
          updatedAt: now.toISOString(),
          serverSeq: 0,
          clientUpdatedAt: now.toISOString(),
        }));
        if (added.length > 0) {
          signalWrites.push(...added);
          // New opportunities are inputs of the upsell potential: the health stored is the one that counts them.
          fields = assessCustomerAt(
            { ...customerDocs, signals: [...customerDocs.signals, ...added] },
            config,
            clock,
            { previous: live, churnModel },
          ).health;
        }
        const risk = assessment.risk;
        const alert = riskAlertFor(
          id,
          customerDocs.signals,
          risk,
          recommend(risk),
          {
            episodeStart:
              fields?.atRiskSince ??
              nextAtRiskSince(live?.atRiskSince ?? null, risk.riskLevel, now, clock.timeZone, clock.today) ??
              clock.today,
            dateOf,
            mrrCents: customerDocs.customer.mrrCents,
            churnProbability: fields?.churnProbability ?? null,
          },
          now,
        );
        if (alert) {
          riskAlertWrites.push({
            ...alert.alert,
            updatedAt: now.toISOString(),
            serverSeq: 0,
            clientUpdatedAt: now.toISOString(),
          });
        }
      }
      if (fields === null) {
        if (live) removals.push(live);
        else if (customerDocs) noData++;
        continue;
      }
      if (live && sameAssessment(live, fields)) {
        unchanged++;
        continue;
      }
      writes.push({
        ...fields,
        // The unique (organization, customer) row is reused, tombstone or not: one health document per customer.
        id: previous?.doc.id ?? (deps.newId ?? uuidv7)(),
        updatedAt: now.toISOString(),
        serverSeq: 0,
        clientUpdatedAt: now.toISOString(),
      });
    }

    await tx.write('signals', [...signalWrites, ...riskAlertWrites]);
    await tx.write('health', writes);
    await tx.write('health', removals, { deleted: true });
    await recordHistory(tx.client, organizationId, writes, clock);
    return {
      customers: ids.length,
      written: writes.length,
      unchanged,
      removed: removals.length,
      noData,
      deferred: changed.size,
      signals: signalWrites.length,
      riskAlerts: riskAlertWrites.length,
    };
  });
}

/**
 * Every live customer of the organization, in batches of `batchSize` (keyset by id, so customers created
 * meanwhile are either covered or recomputed by their own change). Returns the totals.
 */
export async function recomputeOrganizationHealth(
  deps: HealthRecomputeDeps,
  organizationId: string,
  options: { batchSize?: number; onBatch?: (summary: RecomputeSummary) => void } = {},
): Promise<RecomputeSummary> {
  const batchSize = options.batchSize ?? RECOMPUTE_BATCH_SIZE;
  let total = EMPTY;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await deps.db.withIdentity(systemIdentity(organizationId), (client) =>
      client.query<{ id: string }>(
        `SELECT id FROM customers WHERE organization_id = $1 AND NOT deleted AND id > $2 ORDER BY id LIMIT $3`,
        [organizationId, after, batchSize],
      ),
    );
    if (rows.length === 0) return total;
    const summary = await recomputeCustomerHealth(
      deps,
      organizationId,
      rows.map((r) => r.id),
    );
    options.onBatch?.(summary);
    total = addSummaries(total, summary);
    after = rows[rows.length - 1]!.id;
  }
}

export function addSummaries(a: RecomputeSummary, b: RecomputeSummary): RecomputeSummary {
  return {
    customers: a.customers + b.customers,
    written: a.written + b.written,
    unchanged: a.unchanged + b.unchanged,
    removed: a.removed + b.removed,
    noData: a.noData + b.noData,
    deferred: a.deferred + b.deferred,
    signals: a.signals + b.signals,
    riskAlerts: a.riskAlerts + b.riskAlerts,
  };
}

/** The organization's saved configuration (server/settings/routes.ts), or the default when none was saved. */
export async function healthConfig(client: DbClient, organizationId: string): Promise<HealthScoreConfig> {
  const { rows } = await client.query<{ weights: unknown; thresholds: unknown; rules: unknown }>(
    'SELECT weights, thresholds, rules FROM health_configs WHERE organization_id = $1',
    [organizationId],
  );
  return rows[0] ? healthScoreConfigSchema.parse(rows[0]) : DEFAULT_HEALTH_CONFIG;
}

/** Whether `fields` say what `stored` says, `computedAt` aside (jsonb reorders keys: compared by value). */
export function sameAssessment(stored: Health, fields: HealthFields): boolean {
  for (const key of Object.keys(fields) as (keyof HealthFields)[]) {
    if (key === 'computedAt') continue;
    if (!sameJson(stored[key], fields[key])) return false;
  }
  return true;
}

/** Deep equality of JSON values; object key order and `undefined` members (dropped by JSON) do not count. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameJson(x, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  if (kx.length !== keys(y).length) return false;
  return kx.every((k) => sameJson(x[k], y[k]));
}

/** Today's point of each written document into `health_history` (one row per customer and day). */
async function recordHistory(
  client: DbClient,
  organizationId: string,
  written: readonly Health[],
  clock: AssessmentClock,
): Promise<void> {
  if (written.length === 0) return;
  await client.query(
    `INSERT INTO health_history (organization_id, customer_id, date, score, status, breakdown, computed_at)
     SELECT $1, k.customer_id, $2::date, k.score, k.status, k.breakdown::jsonb, $3::timestamptz
       FROM unnest($4::uuid[], $5::int[], $6::text[], $7::text[]) AS k(customer_id, score, status, breakdown)
     ON CONFLICT (organization_id, customer_id, date) DO UPDATE
       SET score = EXCLUDED.score, status = EXCLUDED.status, breakdown = EXCLUDED.breakdown,
           computed_at = EXCLUDED.computed_at`,
    [
      organizationId,
      clock.today,
      clock.now.toISOString(),
      written.map((h) => h.customerId),
      written.map((h) => h.score),
      written.map((h) => h.status),
      written.map((h) => JSON.stringify(h.breakdown)),
    ],
  );
}
