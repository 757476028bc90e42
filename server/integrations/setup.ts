import type { Hono } from 'hono';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { PushSender } from '../push/sender.ts';
import { deliverEvents } from '../notifications/deliver.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import { createGa4Fake } from './fakes/ga4-fake.ts';
import { createGoogleAdsFake } from './fakes/google-ads-fake.ts';
import { createGoogleOAuthFake } from './fakes/google-oauth-fake.ts';
import { createMetaFake } from './fakes/meta-fake.ts';
import { createGa4Adapter } from './ga4.ts';
import { createGoogleAdsAdapter } from './google-ads.ts';
import { createMetaAdsAdapter } from './meta-ads.ts';
import type { Fetch } from './http.ts';
import type { IntegrationDeps } from './run-import.ts';
import { createSecretBox, loadIntegrationsKey } from './secret-box.ts';

/**
 * Builds the integrations' dependencies from the configuration, or null when they are off (production without
 * `INTEGRATIONS_KEY`). With `INTEGRATIONS_FAKE=on` (the default outside production) every provider call is
 * answered in process by the provider's local fake, matched on the configured base URL — so `npm start` connects
 * and imports with any token and no network, and the same adapters talk to the real APIs when it is off.
 */
export function fakeFetch(
  routes: readonly { readonly baseUrl: string; readonly app: Hono }[],
  fallback: Fetch,
): Fetch {
  return async (input, init) => {
    const route = routes.find((r) => input.startsWith(r.baseUrl.replace(/\/$/, '') + '/'));
    return route ? route.app.request(input, init) : fallback(input, init);
  };
}

export async function createIntegrations(deps: {
  readonly config: Config;
  readonly db: Database;
  readonly writer: ServerWriter;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly push: PushSender | null;
  readonly newId: () => string;
  readonly fetch?: Fetch;
}): Promise<IntegrationDeps | null> {
  const { config } = deps;
  const key = await loadIntegrationsKey({
    configured: config.integrations.key,
    env: config.env,
    dataDir: config.dataDir,
  });
  if (!key) {
    deps.logger.warn('integrations are off: set INTEGRATIONS_KEY to store data-source credentials');
    return null;
  }
  const { ga4BaseUrl, googleAdsBaseUrl, googleOAuthBaseUrl, metaBaseUrl } = config.integrations;
  const realFetch: Fetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const fetch = config.integrations.fake
    ? fakeFetch(
        [
          { baseUrl: ga4BaseUrl, app: createGa4Fake() },
          { baseUrl: googleAdsBaseUrl, app: createGoogleAdsFake() },
          { baseUrl: metaBaseUrl, app: createMetaFake() },
          { baseUrl: googleOAuthBaseUrl, app: createGoogleOAuthFake() },
        ],
        realFetch,
      )
    : realFetch;
  return {
    db: deps.db,
    writer: deps.writer,
    clock: deps.clock,
    logger: deps.logger,
    box: createSecretBox(key),
    adapters: {
      ga4: createGa4Adapter({ baseUrl: ga4BaseUrl }),
      google_ads: createGoogleAdsAdapter({
        baseUrl: googleAdsBaseUrl,
        ...(config.integrations.googleAdsDeveloperToken
          ? { developerToken: config.integrations.googleAdsDeveloperToken }
          : {}),
      }),
      meta_ads: createMetaAdsAdapter({ baseUrl: metaBaseUrl }),
    },
    fetch,
    oauthBaseUrl: googleOAuthBaseUrl,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    newId: deps.newId,
    alert: (organizationId, events) =>
      deliverEvents(
        { db: deps.db, writer: deps.writer, clock: deps.clock, push: deps.push, logger: deps.logger },
        organizationId,
        events,
      ),
  };
}
