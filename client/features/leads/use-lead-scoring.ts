import { useMemo } from 'react';
import type { LeadScoringConfig } from '../../../shared/domain/portal/lead-score.ts';
import { LEAD_SCORING_DOC, readLeadScoring } from '../../db/device-settings.ts';
import { useLocalValue } from '../../db/local-documents.ts';

/**
 * The organization's lead scoring rules from the device (local document `lead-scoring`, refreshed from
 * `GET /api/settings`), or the product's defaults before the first refresh: the leads screens score with the
 * rules an admin set in /ajustes, offline too.
 */
export function useLeadScoring(): LeadScoringConfig {
  const stored = useLocalValue(LEAD_SCORING_DOC);
  return useMemo(() => readLeadScoring(stored), [stored]);
}
