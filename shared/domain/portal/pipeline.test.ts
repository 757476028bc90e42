import { describe, expect, it } from 'vitest';
import { LEAD_STAGES } from '../../entities/portal.ts';
import { BOARD_STAGES, leadsOfStage, moveTarget, pipelineSummary, positionBetween } from './pipeline.ts';
import { makeLead, uuid } from './test-fixtures.ts';

/** The seed's pipeline (dashboard §3A): counts and values per stage, in cents. */
const SEED = {
  new: { count: 23, valueCents: 27_600_000 },
  qualified: { count: 15, valueCents: 18_000_000 },
  negotiation: { count: 8, valueCents: 9_600_000 },
  won: { count: 3, valueCents: 3_600_000 },
  lost: { count: 4, valueCents: 3_200_000 },
};

describe('pipelineSummary', () => {
  it('seed: 23 / 15 / 8 / 3 worth R$ 276K / 180K / 96K / 36K (and 4 lost)', () => {
    // Each stage's leads at the average deal value, the last one carrying the rest.
    const leads = LEAD_STAGES.flatMap((stage) => {
      const { count, valueCents } = SEED[stage];
      const each = Math.floor(valueCents / count);
      return Array.from({ length: count }, (_, i) =>
        makeLead({
          id: uuid(stage.length * 100 + i),
          stage,
          valueCents: i === count - 1 ? valueCents - each * (count - 1) : each,
        }),
      );
    });
    expect(pipelineSummary(leads)).toEqual(SEED);
  });

  it('an empty pipeline has every stage at zero', () => {
    const summary = pipelineSummary([]);
    for (const stage of LEAD_STAGES) expect(summary[stage]).toEqual({ count: 0, valueCents: 0 });
  });

  it('the board shows the four open-to-won stages; lost is apart', () => {
    expect(BOARD_STAGES).toEqual(['new', 'qualified', 'negotiation', 'won']);
  });
});

describe('board order and moves', () => {
  const a = makeLead({ id: uuid(1), stage: 'new', position: 2000 });
  const b = makeLead({ id: uuid(2), stage: 'new', position: 1000 });
  const c = makeLead({ id: uuid(3), stage: 'new', position: 1000, createdAt: '2025-09-19T12:00:00.000Z' });
  const d = makeLead({ id: uuid(4), stage: 'won', position: 0 });

  it('orders a stage by position, then creation, then id', () => {
    expect(leadsOfStage([a, b, c, d], 'new').map((l) => l.id)).toEqual([c.id, b.id, a.id]);
    expect(leadsOfStage([a, b, c, d], 'lost')).toEqual([]);
  });

  it.each([
    { before: null, after: null, expected: 0 },
    { before: null, after: 1000, expected: 0 },
    { before: 1000, after: null, expected: 2000 },
    { before: 1000, after: 2000, expected: 1500 },
    { before: 1000, after: 1001, expected: 1000.5 },
  ])('positionBetween($before, $after) = $expected', ({ before, after, expected }) => {
    expect(positionBetween(before, after)).toBe(expected);
  });

  it('moves to the end of a column by default, or between two neighbours', () => {
    const column = leadsOfStage([a, b, c], 'new');
    expect(moveTarget(column, 'new')).toEqual({ stage: 'new', position: 3000 });
    expect(moveTarget(column, 'new', 0)).toEqual({ stage: 'new', position: 0 });
    expect(moveTarget(column, 'new', 2)).toEqual({ stage: 'new', position: 1500 });
    expect(moveTarget([], 'negotiation')).toEqual({ stage: 'negotiation', position: 0 });
    expect(moveTarget(column, 'new', 99)).toEqual({ stage: 'new', position: 3000 });
  });
});
