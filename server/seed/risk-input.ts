import type { ChurnFeatures } from '../../shared/domain/csm/churn.ts';
import {
  churnFeaturesFromDocs,
  riskInputFromDocs,
  type AssessmentClock,
  type CustomerDocs,
} from '../../shared/domain/csm/customer-inputs.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/csm/dates.ts';
import type { RiskInput } from '../../shared/domain/csm/risk.ts';
import type { Calendar } from './clock.ts';

/**
 * The shared rules' inputs read back from one customer's generated documents — the same functions the server's
 * recompute job and the device use (`shared/domain/csm/customer-inputs.ts`), on the seed's calendar. The health
 * documents are built from these, and the tests use them to prove the raw data exhibits exactly the planned
 * risk factors (see the list in portfolio.ts).
 */
export type { CustomerDocs };

/** The seed's calendar as the rules' clock (the demo organization counts days in São Paulo). */
export function clockOf(cal: Calendar): AssessmentClock {
  return {
    now: new Date(cal.nowMs),
    nowMs: cal.nowMs,
    today: cal.date(cal.today),
    timeZone: DEFAULT_TIME_ZONE,
  };
}

export const riskInputOf = (cal: Calendar, d: CustomerDocs): RiskInput => riskInputFromDocs(d, clockOf(cal));

export const churnFeaturesOf = (cal: Calendar, d: CustomerDocs, healthScore: number): ChurnFeatures =>
  churnFeaturesFromDocs(d, clockOf(cal), healthScore);
