import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_SCORING } from '../../../shared/domain/portal/lead-score.ts';
import { leadScoringValues, leadWeightSum, parseLeadScoringForm } from './lead-scoring-form.ts';

const defaults = leadScoringValues(DEFAULT_LEAD_SCORING);

describe('the lead scoring form', () => {
  it('shows the defaults (35/25/25/15, Alta ≥ 80, Média ≥ 50) and saves them back unchanged', () => {
    expect(defaults).toEqual({
      engagement: '35',
      budgetFit: '25',
      timeline: '25',
      authority: '15',
      high: '80',
      medium: '50',
    });
    expect(parseLeadScoringForm(defaults, [])).toEqual({ kind: 'valid', config: DEFAULT_LEAD_SCORING });
  });

  it('a changed weight that keeps the sum at 100 is valid; the rules go back unchanged', () => {
    const rules = [
      {
        id: 'ref',
        label: 'Indicação',
        when: [{ field: 'source' as const, op: 'exists' as const }],
        points: 10,
      },
    ];
    const result = parseLeadScoringForm(
      { ...defaults, engagement: '45', timeline: '20', authority: '10' },
      rules,
    );
    expect(result).toEqual({
      kind: 'valid',
      config: {
        maxPoints: { engagement: 45, budgetFit: 25, timeline: 20, authority: 10 },
        rules,
        bands: { high: 80, medium: 50 },
      },
    });
  });

  it('says what is wrong: the sum, the order of the bands, a field that is not a whole number', () => {
    const values = { ...defaults, engagement: '40' };
    expect(leadWeightSum(values)).toBe(105);
    expect(parseLeadScoringForm(values, [])).toEqual({
      kind: 'invalid',
      fields: [],
      wrongSum: 105,
      bandsOrder: false,
    });
    expect(parseLeadScoringForm({ ...defaults, high: '50', medium: '60' }, [])).toMatchObject({
      kind: 'invalid',
      bandsOrder: true,
    });
    expect(parseLeadScoringForm({ ...defaults, authority: '' }, [])).toMatchObject({
      kind: 'invalid',
      fields: ['authority'],
      wrongSum: null,
    });
  });
});
