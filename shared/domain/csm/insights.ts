import { z } from 'zod';
import { calendarDate, DEFAULT_TIME_ZONE, fullMonthsBetween } from './dates.ts';
import type { DomainTextOf } from '../../entities/domain-text.ts';

/**
 * Customer insights (customers spec §2.2 "AI Insights & Opportunities", §3 `CustomerInsight`). Each result maps
 * onto a `signals` document of kind `insight` (subtype, title, description, probability = confidence).
 *
 * - Advocacy (docs/domain.md): NPS ≥ 9, health ≥ 80 and customer for ≥ 12 months — ideal for a case study, the
 *   referral programme or beta testing. Confidence 70, +10 for NPS 10, + half the health points above 80.
 * - Optimisation: fewer than 40 % of the plan's features adopted after 3 months — propose training.
 */
export const ADVOCACY_MIN_NPS = 9;
export const ADVOCACY_MIN_HEALTH = 80;
export const ADVOCACY_MIN_MONTHS = 12;
export const LOW_ADOPTION_SHARE = 0.4;
export const LOW_ADOPTION_MIN_MONTHS = 3;

export const insightInputSchema = z.strictObject({
  customerSince: z.iso.date(),
  npsScore: z.number().int().min(0).max(10).nullable().default(null),
  healthScore: z.number().min(0).max(100).nullable().default(null),
  featuresAdopted: z.number().int().min(0).nullable().default(null),
  featuresAvailable: z.number().int().min(0).nullable().default(null),
});
export type InsightInput = z.input<typeof insightInputSchema>;

export interface InsightDraft {
  key: string;
  subtype: 'advocacy' | 'optimization';
  title: DomainTextOf<'insight.advocacyTitle' | 'insight.lowAdoptionTitle'>;
  description: DomainTextOf<'insight.advocacyDescription' | 'insight.lowAdoptionDescription'>;
  /** 0–100. */
  probability: number;
  /** The call to action shown on the card. */
  actionCta: DomainTextOf<'insight.advocacyCta' | 'insight.lowAdoptionCta'>;
}

export function detectInsights(
  input: InsightInput,
  now: Date,
  /** `today`: `YYYY-MM-DD` of `now` in `timeZone` when the caller already has it (must be `calendarDate(now, timeZone)`). */
  options: { timeZone?: string; today?: string } = {},
): InsightDraft[] {
  const i = insightInputSchema.parse(input);
  const today = options.today ?? calendarDate(now, options.timeZone ?? DEFAULT_TIME_ZONE);
  const months = fullMonthsBetween(i.customerSince, today);
  const out: InsightDraft[] = [];
  if (
    i.npsScore !== null &&
    i.healthScore !== null &&
    i.npsScore >= ADVOCACY_MIN_NPS &&
    i.healthScore >= ADVOCACY_MIN_HEALTH &&
    months >= ADVOCACY_MIN_MONTHS
  ) {
    const health = Math.round(i.healthScore);
    out.push({
      key: 'advocacy',
      subtype: 'advocacy',
      title: { code: 'insight.advocacyTitle', params: {} },
      description: { code: 'insight.advocacyDescription', params: { nps: i.npsScore, health, months } },
      probability: Math.min(
        100,
        70 + (i.npsScore - ADVOCACY_MIN_NPS) * 10 + Math.round((health - ADVOCACY_MIN_HEALTH) / 2),
      ),
      actionCta: { code: 'insight.advocacyCta', params: {} },
    });
  }
  if (i.featuresAdopted !== null && i.featuresAvailable && months >= LOW_ADOPTION_MIN_MONTHS) {
    const share = i.featuresAdopted / i.featuresAvailable;
    if (share < LOW_ADOPTION_SHARE) {
      out.push({
        key: 'low_adoption',
        subtype: 'optimization',
        title: { code: 'insight.lowAdoptionTitle', params: {} },
        description: {
          code: 'insight.lowAdoptionDescription',
          params: {
            adopted: i.featuresAdopted,
            available: i.featuresAvailable,
            percent: Math.round(share * 100),
            months,
          },
        },
        probability: 70,
        actionCta: { code: 'insight.lowAdoptionCta', params: {} },
      });
    }
  }
  return out;
}
