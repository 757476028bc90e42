import type { IntegrationSource } from '../../shared/domain/integrations/connections.ts';
import type { Campaign, CampaignDay, DailyMetric } from '../../shared/entities/portal.ts';
import type { SourceHttp } from './http.ts';

/**
 * A data source as the import sees it (docs/api.md "Integrations"). Each provider is one adapter translating
 * its documented API into these shapes; `run-import.ts` stores them (idempotent upsert) and records the run.
 * Adapters do no IO but through `http` (retries, backoff and Retry-After live there) and know nothing of the
 * database, so each one is tested against its local fake alone.
 */

/** The site metrics a source provides for one day; fields it does not provide are absent and keep what is stored. */
export type MetricDayValues = { readonly date: string } & Partial<
  Pick<
    DailyMetric,
    'sessions' | 'pageviews' | 'bounceRate' | 'avgSessionSeconds' | 'conversions' | 'revenueCents'
  >
>;

/** One provider campaign: its current settings and its daily figures in the window. */
export interface CampaignImport {
  /** The provider's campaign id (stored as the campaign's `externalId`). */
  readonly externalId: string;
  readonly name: string;
  readonly status: Campaign['status'];
  readonly type: Campaign['type'];
  /** Daily budget in cents, when the provider has one (null: lifetime budgets or none). */
  readonly dailyBudgetCents: number | null;
  readonly startDate: string | null;
  readonly days: readonly CampaignDay[];
}

export type SourceImport =
  | { readonly kind: 'metrics'; readonly days: readonly MetricDayValues[] }
  | {
      readonly kind: 'campaigns';
      readonly platform: Campaign['platform'];
      readonly campaigns: readonly CampaignImport[];
    };

export interface ImportWindow {
  /** Inclusive ISO dates. */
  readonly from: string;
  readonly to: string;
}

export interface SourceRequest extends ImportWindow {
  /** The decrypted token: sent to the provider, never logged, never returned. */
  readonly token: string;
  readonly accountId: string;
}

export interface SourceAdapter {
  readonly source: IntegrationSource;
  fetch(request: SourceRequest, http: SourceHttp): Promise<SourceImport>;
}
