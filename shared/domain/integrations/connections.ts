import { z } from 'zod';
import { isoDateTime } from '../../entities/common.ts';

/**
 * Integrations as the API and the staff Connections screen see them (docs/api.md "Integrations";
 * server/integrations/). A connection is a customer's data source with its credentials; the credentials go in
 * (`connectRequestSchema`) and never come out: no response schema has a field that could hold them.
 */
export const INTEGRATION_SOURCES = ['ga4', 'google_ads', 'meta_ads'] as const;
export const integrationSourceSchema = z.enum(INTEGRATION_SOURCES);
export type IntegrationSource = z.infer<typeof integrationSourceSchema>;

/** The provider's id of what is read: GA4 property id, Google Ads customer id (digits), Meta ad account id. */
export const accountIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected letters, digits, - or _ (at most 64)');

/** How a connection authenticates: a pasted access token, or an OAuth refresh token exchanged on each run. */
export const CREDENTIAL_KINDS = ['token', 'oauth'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** Sources whose provider is Google: an OAuth refresh token works for them (Meta's long-lived tokens do not refresh). */
export const OAUTH_SOURCES: readonly IntegrationSource[] = ['ga4', 'google_ads'];

const secret = (min: number, max: number) => z.string().trim().min(min).max(max);

/**
 * Either an API access token as is (it expires: good for tests, fakes and short trials), or, for Google's
 * sources, an OAuth refresh token with the OAuth client it was issued to (what an agency keeps long-term: each
 * run exchanges it for an access token). OAuth redirect flows are not available: staff paste what they have.
 */
export const connectRequestSchema = z.union([
  z.strictObject({ accountId: accountIdSchema, token: secret(8, 4096) }),
  z.strictObject({
    accountId: accountIdSchema,
    refreshToken: secret(8, 4096),
    clientId: secret(8, 256),
    clientSecret: secret(8, 512),
  }),
]);
export type ConnectRequest = z.infer<typeof connectRequestSchema>;

export const RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;

export const integrationRunSchema = z.strictObject({
  id: z.uuid(),
  trigger: z.enum(['manual', 'scheduled']),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  status: z.enum(RUN_STATUSES),
  rows: z.number().int().min(0),
  attempts: z.number().int().min(0),
  error: z.string().max(500).nullable(),
});
export type IntegrationRun = z.infer<typeof integrationRunSchema>;

export const connectionStateSchema = z.strictObject({
  source: integrationSourceSchema,
  connected: z.boolean(),
  accountId: z.string().nullable(),
  connectedAt: isoDateTime.nullable(),
  /** null when not connected. */
  credentialKind: z.enum(CREDENTIAL_KINDS).nullable(),
  /** The provider said the grant was revoked or expired (OAuth `invalid_grant`): only reconnecting helps. */
  revoked: z.boolean(),
  consecutiveFailures: z.number().int().min(0),
  lastRun: integrationRunSchema.nullable(),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const connectionsResponseSchema = z.strictObject({
  customerId: z.uuid(),
  connections: z.array(connectionStateSchema),
});
export type ConnectionsResponse = z.infer<typeof connectionsResponseSchema>;

/** Failed runs in a row after which staff are alerted (once per streak; a success ends the streak). */
export const FAILURE_ALERT_THRESHOLD = 3;
