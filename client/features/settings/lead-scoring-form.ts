import {
  LEAD_COMPONENTS,
  leadScoringConfigSchema,
  type LeadComponent,
  type LeadScoringConfig,
} from '../../../shared/domain/portal/lead-score.ts';
import { parseNumberInput } from './health-config-form.ts';

/**
 * The admin's lead scoring form as pure data: four weights (the components' maximum points, summing to 100)
 * and the two band thresholds that pick the next-action sentence, turned into a `LeadScoringConfig` or the
 * reasons it cannot be saved. The rules are `leadScoringConfigSchema` (shared/), the server's own; the
 * organization's extra `rules` are not edited here and go back unchanged.
 */
export const BAND_FIELDS = ['high', 'medium'] as const;
export type LeadScoringField = LeadComponent | (typeof BAND_FIELDS)[number];
export const LEAD_SCORING_FIELDS: readonly LeadScoringField[] = [...LEAD_COMPONENTS, ...BAND_FIELDS];
export type LeadScoringValues = Record<LeadScoringField, string>;

export type LeadScoringFormResult =
  | { readonly kind: 'valid'; readonly config: LeadScoringConfig }
  | {
      readonly kind: 'invalid';
      /** Fields that are empty, not whole numbers or out of range. */
      readonly fields: readonly LeadScoringField[];
      /** The weights' sum when it is not 100, else null. */
      readonly wrongSum: number | null;
      /** "Média" is not below "Alta". */
      readonly bandsOrder: boolean;
    };

export function leadScoringValues(config: LeadScoringConfig): LeadScoringValues {
  return {
    ...(Object.fromEntries(LEAD_COMPONENTS.map((k) => [k, String(config.maxPoints[k])])) as Record<
      LeadComponent,
      string
    >),
    high: String(config.bands.high),
    medium: String(config.bands.medium),
  };
}

export function leadWeightSum(values: LeadScoringValues): number {
  return LEAD_COMPONENTS.reduce((sum, k) => sum + (parseNumberInput(values[k]) ?? 0), 0);
}

export function parseLeadScoringForm(
  values: LeadScoringValues,
  rules: LeadScoringConfig['rules'],
): LeadScoringFormResult {
  const n = (field: LeadScoringField) => parseNumberInput(values[field]) ?? Number.NaN;
  const parsed = leadScoringConfigSchema.safeParse({
    maxPoints: Object.fromEntries(LEAD_COMPONENTS.map((k) => [k, n(k)])),
    rules,
    bands: { high: n('high'), medium: n('medium') },
  });
  if (parsed.success) return { kind: 'valid', config: parsed.data };
  const fields = new Set<LeadScoringField>();
  let wrongSum = false;
  let bandsOrder = false;
  for (const issue of parsed.error.issues) {
    const [group, key] = issue.path;
    if (typeof key === 'string' && (LEAD_SCORING_FIELDS as readonly string[]).includes(key))
      fields.add(key as LeadScoringField);
    else if (group === 'maxPoints') wrongSum = true;
    else if (group === 'bands') bandsOrder = true;
  }
  const sum = leadWeightSum(values);
  // Zod skips the refinements while a field itself is invalid; a wrong sum is still worth saying.
  if (LEAD_COMPONENTS.every((k) => !fields.has(k)) && sum !== 100) wrongSum = true;
  return {
    kind: 'invalid',
    fields: LEAD_SCORING_FIELDS.filter((f) => fields.has(f)),
    wrongSum: wrongSum ? sum : null,
    bandsOrder,
  };
}
