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
import {
  changedSinceSql,
  customersChangedBetween,
  inputWatermark,
  organizationTimeZone,
  readCustomerDocs,
} from './inputs.ts';

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
 * - short locks (issue 16: the organization's pushes queue behind whoever holds its lock, and a recompute follows
 *   every push): the configuration, the churn model (the organization's trained one,
 *   server/health/churn-model.ts, else the default) and the stored documents (history, `atRiskSince`, first
 *   detections) are read and the batch is scored before the lock; a batch with nothing to write never takes it.
 *   Under the lock one statement checks that basis (`lockedCheck`: configuration and model rows, each stored
 *   health document's server_seq); if any of it was written since, the batch is scored again there, so what is
 *   written was scored against the configuration and documents current at commit — a configuration saved
 *   meanwhile is either used here or reapplied by its reweigh afterwards;
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
  const newId = deps.newId ?? uuidv7;
  // Everything the scoring reads, and the scoring itself, without the organization's lock (issue 16: a push
  // of the organization waits for whoever holds it, and recomputes follow every push).
  const read = await deps.db.withIdentity(systemIdentity(organizationId), async (client) => {
    const clock = assessmentClock(now, await organizationTimeZone(client, organizationId));
    const watermark = await inputWatermark(client, organizationId);
    const docs = await readCustomerDocs(client, organizationId, ids, clock.today);
    return { clock, watermark, docs, basis: await scoringBasis(client, organizationId, ids) };
  });
  const planned = assess(ids, read.docs, read.basis, read.clock, now, newId);
  // Nothing to write: no lock taken. A writer that changes an input or the configuration meanwhile has started
  // a recompute (or reweigh) of its own, and another recompute writing older inputs defers (`changed` below).
  if (isEmptyPlan(planned)) return summaryOf(ids, planned, 0);

  return deps.writer.transaction(organizationId, async (tx) => {
    const check = await lockedCheck(tx.client, organizationId, ids, read.watermark);
    // The precomputed plan stands when what it was scored against is still what is stored; else (a
    // configuration, model or health document written since the read) it is scored again here, under the lock.
    const plan =
      check.fingerprint === read.basis.fingerprint
        ? planned
        : assess(ids, read.docs, await scoringBasis(tx.client, organizationId, ids), read.clock, now, newId);
    // Customers with an input written after the read are left to the recompute that change started.
    const kept = withoutCustomers(plan, check.changed);
    await tx.write('signals', [...kept.signalWrites, ...kept.riskAlertWrites]);
    await tx.write('health', kept.writes);
    await tx.write('health', kept.removals, { deleted: true });
    await recordHistory(tx.client, organizationId, kept.writes, read.clock);
    return summaryOf(ids, kept, check.changed.size);
  });
}

/** What a batch's scoring depends on besides its inputs, read in one transaction. */
interface ScoringBasis {
  readonly config: HealthScoreConfig;
  /** The organization's trained churn model (server/health/churn-model.ts), else undefined: the default. */
  readonly churnModel: NonNullable<Awaited<ReturnType<typeof storedChurnModel>>> | undefined;
  readonly stored: ReadonlyMap<string, { readonly doc: Health; readonly deleted: boolean }>;
  /** `basisFingerprint` of the same state: equal under the lock ⇒ the same configuration, model and documents. */
  readonly fingerprint: string;
}

async function scoringBasis(client: DbClient, organizationId: string, ids: string[]): Promise<ScoringBasis> {
  // The fingerprint first: a write landing between it and the reads below makes the check under the lock
  // differ (a second scoring), never the other way round (a stale plan taken for current).
  const { rows } = await client.query<{ fingerprint: string }>(
    `SELECT ${BASIS_FINGERPRINT_SQL} AS fingerprint`,
    [organizationId, ids],
  );
  const fingerprint = rows[0]!.fingerprint;
  const config = await healthConfig(client, organizationId);
  const churnModel = (await storedChurnModel(client, organizationId)) ?? undefined;
  const stored = new Map(
    (
      await readDocuments(client, 'health', {
        where: 'organization_id = $1 AND customer_id = ANY($2::uuid[])',
        params: [organizationId, ids],
      })
    ).map((s) => [s.doc.customerId, s]),
  );
  return { config, churnModel, stored, fingerprint };
}

/**
 * In one statement: a fingerprint of the scoring basis (the configuration's and the latest churn model's rows,
 * each stored health document's server_seq — every write of one takes a fresh one) and those of `ids` with an
 * input written after `watermark`. Run under the lock, it says whether a plan scored before the lock still holds.
 */
async function lockedCheck(
  client: DbClient,
  organizationId: string,
  ids: string[],
  watermark: number,
): Promise<{ fingerprint: string; changed: Set<string> }> {
  const { rows } = await client.query<{ fingerprint: string; changed: string[] }>(
    `SELECT ${BASIS_FINGERPRINT_SQL} AS fingerprint,
            ARRAY(${changedSinceSql('$1', '$2', '$3')})::text[] AS changed`,
    [organizationId, ids, watermark],
  );
  return { fingerprint: rows[0]!.fingerprint, changed: new Set(rows[0]!.changed) };
}

/** The scoring basis's fingerprint over $1 (organization) and $2 (the batch's customer ids, uuid[]). */
const BASIS_FINGERPRINT_SQL = `concat_ws('|',
  coalesce((SELECT md5(row(weights, thresholds, rules)::text) FROM health_configs
             WHERE organization_id = $1), '-'),
  coalesce((SELECT md5(row(id, coefficients, metrics)::text) FROM churn_models
             WHERE organization_id = $1 ORDER BY trained_at DESC, id DESC LIMIT 1), '-'),
  coalesce((SELECT string_agg(customer_id::text || ':' || server_seq, ',' ORDER BY customer_id)
              FROM health WHERE organization_id = $1 AND customer_id = ANY($2::uuid[])), '-'))`;

/** A batch's result: what to write, and the counts of the summary. */
interface Plan {
  readonly writes: Health[];
  readonly removals: Health[];
  readonly signalWrites: Signal[];
  readonly riskAlertWrites: Signal[];
  /** Customers recomputed to exactly what was stored, and live customers with nothing to score. */
  readonly unchanged: readonly string[];
  readonly noData: readonly string[];
}

const isEmptyPlan = (plan: Plan) =>
  plan.writes.length + plan.removals.length + plan.signalWrites.length + plan.riskAlertWrites.length === 0;

/** The plan without the given customers' documents (those left to a later recompute). */
function withoutCustomers(plan: Plan, left: ReadonlySet<string>): Plan {
  if (left.size === 0) return plan;
  const keep = (doc: { readonly customerId: string }) => !left.has(doc.customerId);
  return {
    writes: plan.writes.filter(keep),
    removals: plan.removals.filter(keep),
    signalWrites: plan.signalWrites.filter(keep),
    riskAlertWrites: plan.riskAlertWrites.filter(keep),
    unchanged: plan.unchanged.filter((id) => !left.has(id)),
    noData: plan.noData.filter((id) => !left.has(id)),
  };
}

function summaryOf(ids: readonly string[], plan: Plan, deferred: number): RecomputeSummary {
  return {
    customers: ids.length,
    written: plan.writes.length,
    unchanged: plan.unchanged.length,
    removed: plan.removals.length,
    noData: plan.noData.length,
    deferred,
    signals: plan.signalWrites.length,
    riskAlerts: plan.riskAlertWrites.length,
  };
}

/** The pure part: each customer's assessment against the basis (docs/domain.md §7), as documents to write. */
function assess(
  ids: readonly string[],
  docs: Awaited<ReturnType<typeof readCustomerDocs>>,
  basis: ScoringBasis,
  clock: AssessmentClock,
  now: Date,
  newId: () => string,
): Plan {
  const { config, churnModel, stored } = basis;
  const writes: Health[] = [];
  const removals: Health[] = [];
  const signalWrites: Signal[] = [];
  const riskAlertWrites: Signal[] = [];
  const dateOf = (instant: string) => calendarDate(new Date(instant), clock.timeZone);
  const unchanged: string[] = [];
  const noData: string[] = [];
  for (const id of ids) {
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
      else if (customerDocs) noData.push(id);
      continue;
    }
    if (live && sameAssessment(live, fields)) {
      unchanged.push(id);
      continue;
    }
    writes.push({
      ...fields,
      // The unique (organization, customer) row is reused, tombstone or not: one health document per customer.
      id: previous?.doc.id ?? newId(),
      updatedAt: now.toISOString(),
      serverSeq: 0,
      clientUpdatedAt: now.toISOString(),
    });
  }
  return { writes, removals, signalWrites, riskAlertWrites, unchanged, noData };
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

/**
 * Customers per batch of the coalesced recompute: it runs while the organization's devices push, and each batch
 * writes under the organization's lock, which a push waits for (lock_timeout, 3 s by default): a batch's write
 * must stay short even on a loaded machine (batches of 250 outlasted it at load ≈ 12 in sync-push; a batch of
 * 100 writes about what a push batch of 100 does).
 */
export const CHANGED_BATCH_SIZE = 100;

/**
 * The coalesced recompute (issue 16): every customer of the organization with an input document written after
 * its `health_recomputed_seq` (migration 0323), scored in batches of `batchSize`, then the mark moved to the
 * input watermark read at the start. A burst of pushes asks for this once per organization (one waiting job,
 * server/jobs/recompute-changed-health.ts), so its customers are scored in one pass instead of one recompute
 * each, and documents written without the change feed (a direct server write) are followed too.
 *
 * Invariants:
 * - nothing is skipped: the watermark is a committed prefix (`inputWatermark`), every customer with an input at
 *   or below it is scored before the mark moves there, and an input written later has a higher server_seq: the
 *   change that wrote it asked for a run after this one (or this one read it: scored twice, never missed);
 * - a run that fails leaves the mark where it was: its retry scores the same customers again (idempotent);
 * - the mark only moves forward (GREATEST), whatever order two runs finish in.
 */
export async function recomputeChangedHealth(
  deps: HealthRecomputeDeps,
  organizationId: string,
  options: { batchSize?: number } = {},
): Promise<{ summary: RecomputeSummary; customerIds: string[] }> {
  const batchSize = options.batchSize ?? CHANGED_BATCH_SIZE;
  const range = await deps.db.withIdentity(systemIdentity(organizationId), async (client) => {
    const { rows } = await client.query<{ seq: string }>(
      'SELECT health_recomputed_seq AS seq FROM organizations WHERE id = $1',
      [organizationId],
    );
    if (!rows[0]) return null; // the organization is gone
    const after = Number(rows[0].seq);
    const through = await inputWatermark(client, organizationId);
    const ids = through > after ? await customersChangedBetween(client, organizationId, after, through) : [];
    return { through, ids };
  });
  if (!range) return { summary: EMPTY, customerIds: [] };
  let summary = EMPTY;
  for (let start = 0; start < range.ids.length; start += batchSize) {
    const batch = range.ids.slice(start, start + batchSize);
    summary = addSummaries(summary, await recomputeCustomerHealth(deps, organizationId, batch));
  }
  await deps.db.withIdentity(systemIdentity(organizationId), (client) =>
    markHealthRecomputedThrough(client, organizationId, range.through),
  );
  return { summary, customerIds: range.ids };
}

/**
 * Moves the organization's `health_recomputed_seq` to `seq` (never back): every input document at or below it
 * is scored, or — a loaded organization (server/seed/load.ts) — came with its health, so the coalesced recompute
 * starts after it.
 */
export async function markHealthRecomputedThrough(
  client: DbClient,
  organizationId: string,
  seq: number,
): Promise<void> {
  await client.query(
    'UPDATE organizations SET health_recomputed_seq = GREATEST(health_recomputed_seq, $2) WHERE id = $1',
    [organizationId, seq],
  );
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
