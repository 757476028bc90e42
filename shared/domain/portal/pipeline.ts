import { type Lead, LEAD_STAGES } from '../../entities/portal.ts';

/**
 * The lead pipeline (dashboard §3A "NEW 23 → QUAL 15 → NEGO 8 → WIN 3, R$ 276K / 180K / 96K / 36K").
 *
 * - A stage's figures are the count and the summed deal value (`valueCents`) of its leads; lost leads are a
 *   stage of their own, shown apart from the four columns of the board.
 * - Inside a stage, leads are ordered by `position` (ascending), ties by creation time then id, so every
 *   device shows the same order for the same documents.
 * - A move writes the lead's `stage` and a `position` between its new neighbours (`positionBetween`), so a
 *   move changes exactly one document (the others keep theirs) and two devices moving different leads never
 *   conflict.
 */
export type LeadStage = Lead['stage'];

/** The board's columns, in pipeline order; `lost` is reachable apart. */
export const BOARD_STAGES = [
  'new',
  'qualified',
  'negotiation',
  'won',
] as const satisfies readonly LeadStage[];

export interface StageFigures {
  count: number;
  valueCents: number;
}

export function pipelineSummary(
  leads: readonly Pick<Lead, 'stage' | 'valueCents'>[],
): Record<LeadStage, StageFigures> {
  const summary = Object.fromEntries(LEAD_STAGES.map((s) => [s, { count: 0, valueCents: 0 }])) as Record<
    LeadStage,
    StageFigures
  >;
  for (const lead of leads) {
    summary[lead.stage].count += 1;
    summary[lead.stage].valueCents += lead.valueCents;
  }
  return summary;
}

type Ordered = Pick<Lead, 'id' | 'position' | 'createdAt'>;

export function compareInStage(a: Ordered, b: Ordered): number {
  return a.position - b.position || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** The leads of one stage in board order. */
export function leadsOfStage<L extends Ordered & Pick<Lead, 'stage'>>(
  leads: readonly L[],
  stage: LeadStage,
): L[] {
  return leads.filter((l) => l.stage === stage).sort(compareInStage);
}

/** Gap left between positions when a lead goes to either end of a column. */
export const POSITION_STEP = 1000;

/**
 * The position of a lead dropped between `before` and `after` (either may be absent: the top or the end of
 * the column, or an empty column). Midpoint between neighbours; a full step beyond an end.
 */
export function positionBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 0;
  if (before === null) return (after as number) - POSITION_STEP;
  if (after === null) return before + POSITION_STEP;
  return (before + after) / 2;
}

/**
 * Where a lead lands when moved to `stage` at `index` of that stage's other leads (default: the end): its
 * new stage and position. `others` are the target stage's leads in board order, the moved lead excluded.
 */
export function moveTarget(
  others: readonly Pick<Lead, 'position'>[],
  stage: LeadStage,
  index: number = others.length,
): { stage: LeadStage; position: number } {
  const i = Math.max(0, Math.min(index, others.length));
  return {
    stage,
    position: positionBetween(others[i - 1]?.position ?? null, others[i]?.position ?? null),
  };
}
