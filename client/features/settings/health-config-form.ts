import { HEALTH_DIMENSIONS } from '../../../shared/entities/csm.ts';
import {
  healthScoreConfigSchema,
  type HealthRule,
  type HealthScoreConfig,
} from '../../../shared/domain/csm/health-config.ts';

/**
 * The admin's weights form as pure data: seven number inputs (five weights, two thresholds) turned into a
 * `HealthScoreConfig`, or into the reasons it cannot be saved. The rules are `healthScoreConfigSchema`
 * (shared/), the server's own; this module only turns typed text into numbers and the schema's issues into
 * translation keys. The organization's extra `rules` are not edited here and go back unchanged.
 */
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];
export const THRESHOLD_FIELDS = ['healthy', 'atRisk'] as const;
export type ThresholdField = (typeof THRESHOLD_FIELDS)[number];
export type HealthFormField = HealthDimension | ThresholdField;
/** In the order the form shows them (where focus goes on a refusal). */
export const HEALTH_FORM_FIELDS: readonly HealthFormField[] = [...HEALTH_DIMENSIONS, ...THRESHOLD_FIELDS];

export type HealthFormValues = Record<HealthFormField, string>;

/** `settings.health.errors.<key>` in the UI. */
export type HealthFieldError = 'required' | 'integer' | 'range' | 'order';

export type HealthFormResult =
  | { readonly kind: 'valid'; readonly config: HealthScoreConfig }
  | {
      readonly kind: 'invalid';
      readonly fields: Partial<Record<HealthFormField, HealthFieldError>>;
      /** The weights' sum when it is not 100 (and every weight is a number), else null. */
      readonly wrongSum: number | null;
    };

export function healthFormValues(
  config: Pick<HealthScoreConfig, 'weights' | 'thresholds'>,
): HealthFormValues {
  return {
    ...(Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, String(config.weights[d])])) as Record<
      HealthDimension,
      string
    >),
    healthy: String(config.thresholds.healthy),
    atRisk: String(config.thresholds.atRisk),
  };
}

/** A typed number ("30", " 25 ") or null for empty/not a number. Commas are decimals in pt-BR. */
export function parseNumberInput(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The live "Soma: N%" — the weights that are numbers, added up. */
export function weightSum(values: HealthFormValues): number {
  return HEALTH_DIMENSIONS.reduce((sum, d) => sum + (parseNumberInput(values[d]) ?? 0), 0);
}

export function parseHealthForm(values: HealthFormValues, rules: readonly HealthRule[]): HealthFormResult {
  const fields: Partial<Record<HealthFormField, HealthFieldError>> = {};
  const numbers = {} as Record<HealthFormField, number>;
  for (const field of HEALTH_FORM_FIELDS) {
    const value = parseNumberInput(values[field]);
    if (value === null) fields[field] = 'required';
    else numbers[field] = value;
  }
  const allWeights = HEALTH_DIMENSIONS.every((d) => fields[d] === undefined);
  const sum = HEALTH_DIMENSIONS.reduce((s, d) => s + (numbers[d] ?? 0), 0);

  const parsed = healthScoreConfigSchema.safeParse({
    weights: Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, numbers[d] ?? Number.NaN])),
    thresholds: { healthy: numbers.healthy ?? Number.NaN, atRisk: numbers.atRisk ?? Number.NaN },
    rules,
  });
  if (parsed.success && Object.keys(fields).length === 0) return { kind: 'valid', config: parsed.data };

  let wrongSum: number | null = null;
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [group, key] = issue.path;
    if (group === 'weights' && key === undefined) {
      // The schema's sum refinement: a form-level message, not one field's fault.
      if (allWeights) wrongSum = sum;
      continue;
    }
    if (typeof key !== 'string' || !(HEALTH_FORM_FIELDS as readonly string[]).includes(key)) continue;
    const field = key as HealthFormField;
    if (fields[field]) continue;
    fields[field] = fieldError(issue);
  }
  // Zod skips the sum refinement when a weight itself is invalid; the sum is still worth saying.
  if (wrongSum === null && allWeights && sum !== 100) wrongSum = sum;
  return { kind: 'invalid', fields, wrongSum };
}

function fieldError(issue: { code: string; expected?: unknown }): HealthFieldError {
  switch (issue.code) {
    case 'custom':
      return 'order'; // healthy must be above at risk
    case 'too_small':
    case 'too_big':
      return 'range';
    case 'invalid_type':
      return issue.expected === 'int' ? 'integer' : 'required';
    default:
      return 'integer';
  }
}
