import { describe, expect, it } from 'vitest';
import { assessCustomerAt } from '../../shared/domain/csm/assess-customer.ts';
import { assessmentClock } from '../../shared/domain/csm/customer-inputs.ts';
import { DEFAULT_HEALTH_CONFIG } from '../../shared/domain/csm/health-config.ts';
import { checkStreamedHealth, expectedHealth } from './health-expectation.ts';
import { cloneCustomer, generatePool } from './health-org.ts';

const TZ = 'America/Sao_Paulo';
const now = new Date('2026-12-07T18:00:00Z');

describe('expectedHealth (what health-follow checks the streamed document against)', () => {
  // The pool's first customer (TechCorp) has an open cross-sell need its stored signals do not name yet: its
  // first recompute stores that opportunity with the health that counts it (server/health/recompute.ts).
  const docs = cloneCustomer(generatePool(now, 6), 0, 1, '00000001-0000-4000-8000-000000000001');

  it('counts the opportunities the recompute detects and stores in the same transaction', () => {
    const { health, detected } = expectedHealth(docs, now, TZ);
    const alone = assessCustomerAt(docs, DEFAULT_HEALTH_CONFIG, assessmentClock(now, TZ)).health!;
    expect(detected.some((s) => s.kind === 'expansion' && s.status === 'identified')).toBe(true);
    const upsell = (h: typeof alone) =>
      h.breakdown.growth.factors.find((f) => f.key === 'upsellPotential')!.description.params;
    expect(upsell(alone)).toMatchObject({ openCents: 0 });
    expect(upsell(health!)).not.toMatchObject({ openCents: 0 });
    expect(health!.score).toBeGreaterThan(alone.score);
  });

  it('is the rule alone when nothing new is detected (the detections already stored)', () => {
    const first = expectedHealth(docs, now, TZ);
    const stamp = now.toISOString();
    const stored = {
      ...docs,
      signals: [
        ...docs.signals,
        ...first.detected.map((s) => ({ ...s, updatedAt: stamp, serverSeq: 1, clientUpdatedAt: stamp })),
      ],
    };
    const again = expectedHealth(stored, now, TZ);
    expect(again.detected).toEqual([]);
    expect(again.health).toEqual(first.health);
    expect(again.health).toEqual(
      assessCustomerAt(stored, DEFAULT_HEALTH_CONFIG, assessmentClock(now, TZ)).health,
    );
  });

  it('the check fails on a streamed score or status the rule does not give', () => {
    const { health } = expectedHealth(docs, now, TZ);
    expect(() => checkStreamedHealth({ score: health!.score, status: health!.status }, health)).not.toThrow();
    expect(() => checkStreamedHealth({ score: health!.score - 4, status: health!.status }, health)).toThrow(
      /streamed score/,
    );
    expect(() => checkStreamedHealth({ score: health!.score, status: 'critical' }, health)).toThrow(
      /streamed score/,
    );
    expect(() => checkStreamedHealth({ score: 50, status: 'warning' }, null)).toThrow();
  });
});
