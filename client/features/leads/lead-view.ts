import {
  type LeadBand,
  type LeadScore,
  type LeadScoringConfig,
  scoreLead,
} from '../../../shared/domain/portal/lead-score.ts';
import type { Lead, LeadInteraction } from '../../../shared/entities/portal.ts';

/**
 * What the leads screens derive from the synced documents: each lead's score (the shared rule, with the
 * organization's scoring rules from the device settings — `use-lead-scoring.ts`), the filters of the board,
 * and the timeline's order. Pure.
 */
export interface ScoredLead {
  readonly lead: Lead;
  readonly score: LeadScore;
}

export function scoreAll(leads: readonly Lead[], now: Date, config: LeadScoringConfig): ScoredLead[] {
  const at = now.toISOString();
  return leads.map((lead) => ({ lead, score: scoreLead({ lead, now: at, config }) }));
}

export interface LeadFilters {
  readonly text: string;
  readonly stage: Lead['stage'] | '';
  readonly source: string;
  readonly band: LeadBand | '';
}

export const NO_FILTERS: LeadFilters = { text: '', stage: '', source: '', band: '' };

export const hasFilters = (f: LeadFilters): boolean =>
  f.text.trim() !== '' || f.stage !== '' || f.source !== '' || f.band !== '';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function applyFilters(leads: readonly ScoredLead[], f: LeadFilters): ScoredLead[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return leads.filter(({ lead, score }) => {
    if (f.stage !== '' && lead.stage !== f.stage) return false;
    if (f.source !== '' && lead.source !== f.source) return false;
    if (f.band !== '' && score.band !== f.band) return false;
    if (words.length === 0) return true;
    const haystack = fold([lead.name, lead.company ?? '', lead.email ?? ''].join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/** The sources present in the data, alphabetically (the source filter's options). */
export function sourcesOf(leads: readonly Lead[]): string[] {
  return [...new Set(leads.map((l) => l.source).filter((s): s is string => s !== null))].sort((a, b) =>
    a.localeCompare(b, 'pt-BR'),
  );
}

/** A lead's timeline, newest first. */
export const timelineOf = (lead: Lead): LeadInteraction[] =>
  [...lead.interactions].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
