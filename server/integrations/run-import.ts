import { systemIdentity } from '../../shared/identity.ts';
import {
  FAILURE_ALERT_THRESHOLD,
  type CredentialKind,
  type IntegrationRun,
  type IntegrationSource,
} from '../../shared/domain/integrations/connections.ts';
import type { NotificationEvent } from '../../shared/domain/notifications/events.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import type { ImportWindow, SourceAdapter, SourceImport } from './adapter.ts';
import { applySourceImport } from './apply.ts';
import { createSourceHttp, SourceError, type Fetch, type RetryPolicy } from './http.ts';
import {
  createAccessTokens,
  GOOGLE_OAUTH_DEFAULT_BASE_URL,
  GrantRevokedError,
  parseCredential,
} from './oauth.ts';
import type { SecretBox } from './secret-box.ts';

/**
 * One import run of one customer's source (the daily job and "Importar agora" both come here):
 * 1. the run is recorded as `running` (integration_runs);
 * 2. the credentials are opened — an OAuth refresh token is exchanged for an access token (oauth.ts, cached for
 *    this run only) — and the adapter asks the provider (retries/backoff/Retry-After in http.ts);
 * 3. what came back is stored by `applySourceImport` in one server write (idempotent upsert);
 * 4. the run is closed `succeeded` (rows read, attempts) or `failed` with a secret-free error; a failure adds
 *    to the connection's streak, and the run that reaches `FAILURE_ALERT_THRESHOLD` alerts the customer's CSM
 *    (else the admins) once through the notifications they already have (a `risk_alert` naming the source);
 *    a success ends the streak. An `invalid_grant` from the token endpoint also marks the connection revoked
 *    (`revoked_at`: the screen says "Reconectar"); the run fails after that one request, with no retries.
 * Never holds a transaction while talking to the provider.
 */
export interface IntegrationDeps {
  readonly db: Database;
  readonly writer: ServerWriter;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly box: SecretBox;
  /** The adapters this server has (a source without one cannot be connected). */
  readonly adapters: Readonly<Partial<Record<IntegrationSource, SourceAdapter>>>;
  readonly fetch: Fetch;
  readonly sleep: (ms: number) => Promise<void>;
  readonly newId: () => string;
  /** Delivers staff alerts (server/notifications/deliver.ts `deliverEvents`, bound). */
  readonly alert: (organizationId: string, events: readonly NotificationEvent[]) => Promise<unknown>;
  readonly retry?: RetryPolicy;
  readonly random?: () => number;
  /** Google's OAuth token endpoint base (`{base}/token`); Google's own by default. */
  readonly oauthBaseUrl?: string;
}

export interface ImportTarget {
  readonly organizationId: string;
  readonly customerId: string;
  readonly source: IntegrationSource;
}

export const SOURCE_NAMES: Readonly<Record<IntegrationSource, string>> = {
  ga4: 'Google Analytics 4',
  google_ads: 'Google Ads',
  meta_ads: 'Meta Ads',
};

/** Days each run reads, ending today (the organization's calendar): late conversions and corrections land. */
export const IMPORT_DAYS = 28;

/** The associated data a sealed credential is bound to. */
export const credentialsAad = (t: ImportTarget) => `${t.organizationId}:${t.customerId}:${t.source}`;

export function importWindow(now: Date, timeZone: string, days = IMPORT_DAYS): ImportWindow {
  const to = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

const rowsOf = (data: SourceImport) =>
  data.kind === 'metrics' ? data.days.length : data.campaigns.reduce((n, c) => n + c.days.length, 0);

/** Removes every occurrence of the secrets from a message (a provider could echo what it was sent). */
export function redact(message: string, secrets: readonly string[]): string {
  let clean = message;
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join('[redacted]');
  return clean.slice(0, 500);
}

interface ConnectionRow {
  accountId: string;
  credentialKind: CredentialKind;
  credentials: string;
  customerName: string;
  timeZone: string;
}

/** Runs the import; resolves to the closed run, or null when the source is not connected. */
export async function runSourceImport(
  deps: IntegrationDeps,
  target: ImportTarget,
  trigger: IntegrationRun['trigger'],
): Promise<IntegrationRun | null> {
  const system = systemIdentity(target.organizationId);
  const runId = deps.newId();
  const started = deps.clock();
  const connection = await deps.db.withIdentity(system, async (c) => {
    const { rows } = await c.query<ConnectionRow>(
      `SELECT ic.account_id AS "accountId", ic.credential_kind AS "credentialKind", ic.credentials, cu.name AS "customerName", o.time_zone AS "timeZone"
         FROM integration_connections ic
         JOIN customers cu ON cu.organization_id = ic.organization_id AND cu.id = ic.customer_id
         JOIN organizations o ON o.id = ic.organization_id
        WHERE ic.organization_id = $1 AND ic.customer_id = $2 AND ic.source = $3`,
      [target.organizationId, target.customerId, target.source],
    );
    if (!rows[0]) return null;
    await c.query(
      `INSERT INTO integration_runs (organization_id, id, customer_id, source, trigger, started_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'running')`,
      [target.organizationId, runId, target.customerId, target.source, trigger, started],
    );
    return rows[0];
  });
  if (!connection) return null;

  const http = createSourceHttp({
    fetch: deps.fetch,
    sleep: deps.sleep,
    clock: deps.clock,
    ...(deps.retry ? { retry: deps.retry } : {}),
    ...(deps.random ? { random: deps.random } : {}),
  });
  const secrets: string[] = [];
  let rows = 0;
  let error: string | null = null;
  let revoked = false;
  try {
    const plaintext = deps.box.open(connection.credentials, credentialsAad(target));
    secrets.push(plaintext);
    const credential = parseCredential(connection.credentialKind, plaintext);
    const tokens = createAccessTokens({
      credential,
      baseUrl: deps.oauthBaseUrl ?? GOOGLE_OAUTH_DEFAULT_BASE_URL,
      clock: deps.clock,
    });
    const window = importWindow(started, connection.timeZone);
    const adapter = deps.adapters[target.source];
    if (!adapter) throw new SourceError(`no adapter for ${target.source}`, null, false);
    let token: string;
    try {
      token = await tokens.get(http);
    } finally {
      secrets.push(...tokens.secrets());
    }
    const data = await adapter.fetch({ ...window, token, accountId: connection.accountId }, http);
    rows = rowsOf(data);
    await deps.writer.transaction(target.organizationId, (tx) =>
      applySourceImport(tx, target, data, deps.clock().toISOString(), deps.newId),
    );
  } catch (e) {
    revoked = e instanceof GrantRevokedError;
    error = redact(e instanceof SourceError ? e.message : `import failed: ${(e as Error).message}`, secrets);
  }

  const finished = deps.clock();
  const streak = await deps.db.withIdentity(system, async (c) => {
    await c.query(
      `UPDATE integration_runs SET status = $3, finished_at = $4, rows = $5, attempts = $6, error = $7
        WHERE organization_id = $1 AND id = $2`,
      [
        target.organizationId,
        runId,
        error ? 'failed' : 'succeeded',
        finished,
        error ? 0 : rows,
        http.attempts(),
        error,
      ],
    );
    // `alert` is true only for the update that starts the alerted state (the old value read under the row lock).
    const { rows: updated } = await c.query<{ failures: number; alert: boolean }>(
      `WITH prev AS (
         SELECT alerted_at FROM integration_connections
          WHERE organization_id = $1 AND customer_id = $2 AND source = $3 FOR UPDATE)
       UPDATE integration_connections ic
          SET consecutive_failures = CASE WHEN $4 THEN ic.consecutive_failures + 1 ELSE 0 END,
              alerted_at = CASE WHEN NOT $4 THEN NULL
                                WHEN ic.alerted_at IS NULL AND ic.consecutive_failures + 1 >= $5 THEN $6::timestamptz
                                ELSE ic.alerted_at END,
              revoked_at = CASE WHEN $7 THEN $6::timestamptz WHEN NOT $4 THEN NULL ELSE ic.revoked_at END
         FROM prev
        WHERE ic.organization_id = $1 AND ic.customer_id = $2 AND ic.source = $3
        RETURNING ic.consecutive_failures AS failures, (prev.alerted_at IS NULL AND ic.alerted_at IS NOT NULL) AS alert`,
      [
        target.organizationId,
        target.customerId,
        target.source,
        error !== null,
        FAILURE_ALERT_THRESHOLD,
        finished,
        revoked,
      ],
    );
    return updated[0] ?? { failures: 0, alert: false };
  });

  const run: IntegrationRun = {
    id: runId,
    trigger,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    status: error ? 'failed' : 'succeeded',
    rows: error ? 0 : rows,
    attempts: http.attempts(),
    error,
  };
  deps.logger.info(
    {
      event: 'integration_run',
      source: target.source,
      customerId: target.customerId,
      status: run.status,
      rows: run.rows,
      attempts: run.attempts,
      error,
    },
    'integration import',
  );
  if (streak.alert) {
    await deps
      .alert(target.organizationId, [
        {
          type: 'risk_alert',
          key: `integration_failing:${target.customerId}:${target.source}:${runId}`,
          customerId: target.customerId,
          path: `/clientes/${target.customerId}/conexoes`,
          tag: `int-${target.source}-${target.customerId.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 32),
          params: {
            type: 'risk_alert',
            customer: connection.customerName,
            failingSource: { name: SOURCE_NAMES[target.source], failures: streak.failures },
          },
        },
      ])
      .catch((err: unknown) => deps.logger.error({ err }, 'integration failure alert not delivered'));
  }
  return run;
}
