import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_CONFIG, type HealthRule } from '../../../shared/domain/csm/health-config.ts';
import {
  healthFormValues,
  parseHealthForm,
  parseNumberInput,
  weightSum,
  type HealthFormValues,
} from './health-config-form.ts';

const RULES: HealthRule[] = [
  {
    id: 'low-nps',
    category: 'engagement',
    metric: 'npsScore',
    operator: 'less_than',
    value: 7,
    points: -20,
    description: 'NPS baixo',
  },
];

const base = healthFormValues(DEFAULT_HEALTH_CONFIG);
const form = (changes: Partial<HealthFormValues>): HealthFormValues => ({ ...base, ...changes });

describe('health weights form → configuration', () => {
  it('reads the stored configuration back as the same configuration, rules untouched', () => {
    expect(base).toEqual({
      productUsage: '30',
      engagement: '25',
      support: '20',
      payment: '15',
      growth: '10',
      healthy: '80',
      atRisk: '50',
    });
    const result = parseHealthForm(form({ productUsage: '35', growth: '5', healthy: ' 85 ' }), RULES);
    expect(result).toEqual({
      kind: 'valid',
      config: {
        weights: { productUsage: 35, engagement: 25, support: 20, payment: 15, growth: 5 },
        thresholds: { healthy: 85, atRisk: 50 },
        rules: RULES,
      },
    });
  });

  it.each([
    ['a sum below 100', { growth: '5' }, {}, 95],
    ['a sum above 100', { productUsage: '40' }, {}, 110],
    ['an empty weight', { support: '' }, { support: 'required' }, null],
    ['text in a weight', { support: 'vinte' }, { support: 'required' }, null],
    [
      'a fraction',
      { productUsage: '29.5', engagement: '25,5' },
      { productUsage: 'integer', engagement: 'integer' },
      null,
    ],
    ['a negative weight', { growth: '-10', productUsage: '50' }, { growth: 'range' }, null],
    ['a weight over 100 (and so the sum)', { productUsage: '120' }, { productUsage: 'range' }, 190],
    ['healthy not above at risk', { healthy: '50' }, { healthy: 'order' }, null],
    ['healthy below at risk', { healthy: '40', atRisk: '60' }, { healthy: 'order' }, null],
    ['a threshold out of range', { healthy: '101' }, { healthy: 'range' }, null],
    ['an empty threshold', { atRisk: '' }, { atRisk: 'required' }, null],
  ] as const)('refuses %s', (_case, changes, fields, wrongSum) => {
    const result = parseHealthForm(form(changes), RULES);
    expect(result).toEqual({ kind: 'invalid', fields, wrongSum });
  });

  it('reports a wrong sum together with a field error of a threshold', () => {
    expect(parseHealthForm(form({ growth: '0', healthy: '' }), [])).toEqual({
      kind: 'invalid',
      fields: { healthy: 'required' },
      wrongSum: 90,
    });
  });

  it.each([
    ['30', 30],
    [' 7 ', 7],
    ['2,5', 2.5],
    ['', null],
    ['  ', null],
    ['abc', null],
  ])('reads the input %j as %j', (text, value) => {
    expect(parseNumberInput(text)).toBe(value);
  });

  it('adds up the weights that are numbers for the live total', () => {
    expect(weightSum(base)).toBe(100);
    expect(weightSum(form({ growth: '', support: '21' }))).toBe(91);
  });
});
