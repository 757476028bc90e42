import { assessCustomerAt, type HealthFields } from '../../shared/domain/csm/assess-customer.ts';
import { assessmentClock, type CustomerDocs } from '../../shared/domain/csm/customer-inputs.ts';
import { DEFAULT_HEALTH_CONFIG } from '../../shared/domain/csm/health-config.ts';
import { newDetectedSignals, type DetectedSignal } from '../../shared/domain/csm/signals.ts';
import type { Signal } from '../../shared/entities/csm.ts';

/**
 * What the server's recompute stores for a customer of a bench organization (server/health/recompute.ts
 * `assess`), from the shared rules alone: `assessCustomerAt` on the customer's documents, then — when that
 * assessment detects expansion opportunities or insights not yet among the customer's signals
 * (`newDetectedSignals`) — the same rule again with them, because the recompute writes them in the same
 * transaction and the stored health counts them (they are inputs of the upsell potential). Scoring only the
 * documents the bench wrote misses them: a customer never recomputed since it was loaded has its first
 * detections in the streamed document (growth 25 → 70, score 75 vs 79 for the pool's first customer).
 *
 * Invariant: the bench organization has no saved health configuration and no trained churn model
 * (bench/support/health-org.ts), and the customer had no stored health document (its first recompute), so the
 * default configuration and no `previous` are what the server uses too.
 */
export function expectedHealth(
  docs: CustomerDocs & { signals: readonly Signal[] },
  computedAt: Date,
  timeZone: string,
): { health: HealthFields | null; detected: DetectedSignal[] } {
  const clock = assessmentClock(computedAt, timeZone);
  const assessment = assessCustomerAt(docs, DEFAULT_HEALTH_CONFIG, clock);
  const detected = newDetectedSignals(docs.customer.id, docs.signals, assessment, computedAt);
  if (detected.length === 0) return { health: assessment.health, detected };
  const stamp = computedAt.toISOString();
  const added = detected.map((s): Signal => ({
    ...s,
    updatedAt: stamp,
    serverSeq: 0,
    clientUpdatedAt: stamp,
  }));
  const health = assessCustomerAt(
    { ...docs, signals: [...docs.signals, ...added] },
    DEFAULT_HEALTH_CONFIG,
    clock,
  ).health;
  return { health, detected };
}

/** Throws unless the streamed health document has the expected score and status. */
export function checkStreamedHealth(
  streamed: { readonly score?: unknown; readonly status?: unknown },
  expected: HealthFields | null,
): void {
  if (!expected) throw new Error(`a health document was streamed for a customer the rule does not score`);
  if (streamed.score !== expected.score || streamed.status !== expected.status)
    throw new Error(
      `streamed score ${String(streamed.score)} (${String(streamed.status)}) ≠ the shared rule's ` +
        `${expected.score} (${expected.status})`,
    );
}
