import { describe, expect, it } from 'vitest';
import { churnObservationDay, churnTrainingRow } from './churn-training.ts';
import { churnFeaturesFromDocs, assessmentClock } from './customer-inputs.ts';
import { docFactory, DOCS_NOW, startupXyzDocs, techCorpDocs } from './test-docs.ts';

const TZ = 'America/Sao_Paulo';
const THEN = new Date(DOCS_NOW.getTime() - 90 * 86_400_000);
const days = (n: number) => new Date(DOCS_NOW.getTime() - n * 86_400_000).toISOString();

describe('churnTrainingRow (the organization’s history as labelled rows)', () => {
  const tech = techCorpDocs(docFactory());
  const startup = startupXyzDocs(docFactory());

  it('observes 90 days before today', () => {
    expect(churnObservationDay('2026-01-29')).toBe('2025-10-31');
  });

  it('reads the features as they were then, with the score then, labelled retained', () => {
    const row = churnTrainingRow(tech, 88, DOCS_NOW, TZ);
    const then = assessmentClock(THEN, TZ);
    const asOfThen = {
      ...tech,
      tickets: tech.tickets.filter((x) => Date.parse(x.createdAt) <= THEN.getTime()),
    };
    expect(row).toEqual({ features: churnFeaturesFromDocs(asOfThen, then, 88), churned: false });
    expect(row?.features.healthScore).toBe(88);
  });

  it.each([
    ['churned 10 days ago: churned', { status: 'churned', churnedAt: days(10) }, true],
    ['churned 120 days ago: already gone then, no row', { status: 'churned', churnedAt: days(120) }, null],
    ['churned at an unknown time: no row', { status: 'churned', churnedAt: null }, null],
    ['a customer for 30 days: not a customer then, no row', { customerSince: days(30).slice(0, 10) }, null],
  ] as const)('%s', (_label, patch, expected) => {
    const row = churnTrainingRow(
      { ...startup, customer: { ...startup.customer, ...patch } },
      60,
      DOCS_NOW,
      TZ,
    );
    expect(row === null ? null : row.churned).toBe(expected);
  });

  it('gives no row without a score then', () => {
    expect(churnTrainingRow(tech, null, DOCS_NOW, TZ)).toBeNull();
  });
});
