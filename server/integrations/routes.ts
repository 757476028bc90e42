import { Hono } from 'hono';
import { ApiError, forbidden, notFound, unavailable } from '../../shared/api-errors.ts';
import {
  connectRequestSchema,
  INTEGRATION_SOURCES,
  OAUTH_SOURCES,
  type CredentialKind,
  integrationSourceSchema,
  type ConnectionState,
  type ConnectionsResponse,
  type IntegrationSource,
} from '../../shared/domain/integrations/connections.ts';
import { requireUser } from '../auth/require-user.ts';
import type { DbClient } from '../db/index.ts';
import { limitBody, readJson } from '../http/body.ts';
import type { AuthedEnv } from '../http/context.ts';
import { credentialPlaintext, type SourceCredential } from './oauth.ts';
import { credentialsAad, runSourceImport, type IntegrationDeps } from './run-import.ts';

/**
 * `/api/integrations` (docs/api.md "Integrations"), staff only:
 * - `GET /customers/:customerId` — every source with whether it is connected, its account id, the failure
 *   streak and the last run (time, status, rows, error);
 * - `PUT /customers/:customerId/:source` `{accountId, token}` or, for Google's sources, `{accountId,
 *   refreshToken, clientId, clientSecret}` — connects (or replaces) the source; the credentials are sealed
 *   (secret-box.ts) before they reach SQL; a replacement clears the failure streak and the revoked mark;
 * - `DELETE /customers/:customerId/:source` — disconnects (the credentials are deleted; the runs stay);
 * - `POST /customers/:customerId/:source/run` — "Importar agora": runs the import in the request and answers the
 *   run (the fakes and real providers answer in seconds; a rate-limited provider may hold it up to the retry
 *   policy's bound).
 * No response carries the credentials, sealed or not. With integrations off: 503 `unavailable`.
 */
export function integrationsRoutes(deps: IntegrationDeps | null): Hono<AuthedEnv> {
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);
  app.use('*', limitBody(16 * 1024));
  app.use('*', async (c, next) => {
    if (c.get('user').role === 'client') throw forbidden('Only agency staff manage integrations.');
    if (!deps) throw unavailable('Integrations are not configured on this server.');
    await next();
  });

  const target = (customerId: string, source: string) => {
    const parsed = integrationSourceSchema.safeParse(source);
    if (!parsed.success || !/^[0-9a-f-]{36}$/i.test(customerId)) throw notFound('No such source.');
    return parsed.data;
  };
  const requireCustomer = async (client: DbClient, user: { organizationId: string }, customerId: string) => {
    if (!/^[0-9a-f-]{36}$/i.test(customerId)) throw notFound('No such customer.');
    const { rowCount } = await client.query(
      'SELECT 1 FROM customers WHERE organization_id = $1 AND id = $2 AND NOT deleted',
      [user.organizationId, customerId],
    );
    if (rowCount === 0) throw notFound('No such customer.');
  };

  app.get('/customers/:customerId', async (c) => {
    const user = c.get('user');
    const customerId = c.req.param('customerId');
    const body = await deps!.db.withIdentity(c.get('identity'), async (client) => {
      await requireCustomer(client, user, customerId);
      return readConnections(client, user.organizationId, customerId);
    });
    return c.json(body);
  });

  app.put('/customers/:customerId/:source', async (c) => {
    const user = c.get('user');
    const customerId = c.req.param('customerId');
    const source = target(customerId, c.req.param('source'));
    if (!deps!.adapters[source]) throw notFound('This source is not available on this server.');
    const request = await readJson(c, connectRequestSchema);
    const credential: SourceCredential =
      'token' in request
        ? { kind: 'token', token: request.token }
        : {
            kind: 'oauth',
            refreshToken: request.refreshToken,
            clientId: request.clientId,
            clientSecret: request.clientSecret,
          };
    if (credential.kind === 'oauth' && !OAUTH_SOURCES.includes(source))
      throw new ApiError(
        'validation_failed',
        'This source takes an access token, not an OAuth refresh token.',
        {
          issues: [{ path: 'refreshToken', code: 'custom', message: 'not accepted for this source' }],
        },
      );
    const sealed = deps!.box.seal(
      credentialPlaintext(credential),
      credentialsAad({ organizationId: user.organizationId, customerId, source }),
    );
    const body = await deps!.db.withIdentity(c.get('identity'), async (client) => {
      await requireCustomer(client, user, customerId);
      await client.query(
        `INSERT INTO integration_connections (organization_id, customer_id, source, account_id, credential_kind,
                                              credentials, connected_by, connected_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (organization_id, customer_id, source) DO UPDATE
           SET account_id = EXCLUDED.account_id, credential_kind = EXCLUDED.credential_kind,
               credentials = EXCLUDED.credentials, connected_by = EXCLUDED.connected_by,
               connected_at = EXCLUDED.connected_at, consecutive_failures = 0, alerted_at = NULL,
               revoked_at = NULL`,
        [
          user.organizationId,
          customerId,
          source,
          request.accountId,
          credential.kind,
          sealed,
          user.id,
          deps!.clock(),
        ],
      );
      return readConnections(client, user.organizationId, customerId);
    });
    c.get('log').info({ event: 'integration_connected', source, customerId }, 'integration connected');
    return c.json(body);
  });

  app.delete('/customers/:customerId/:source', async (c) => {
    const user = c.get('user');
    const customerId = c.req.param('customerId');
    const source = target(customerId, c.req.param('source'));
    const body = await deps!.db.withIdentity(c.get('identity'), async (client) => {
      await requireCustomer(client, user, customerId);
      await client.query(
        'DELETE FROM integration_connections WHERE organization_id = $1 AND customer_id = $2 AND source = $3',
        [user.organizationId, customerId, source],
      );
      return readConnections(client, user.organizationId, customerId);
    });
    c.get('log').info({ event: 'integration_disconnected', source, customerId }, 'integration disconnected');
    return c.json(body);
  });

  app.post('/customers/:customerId/:source/run', async (c) => {
    const user = c.get('user');
    const customerId = c.req.param('customerId');
    const source = target(customerId, c.req.param('source'));
    await deps!.db.withIdentity(c.get('identity'), (client) => requireCustomer(client, user, customerId));
    const run = await runSourceImport(
      deps!,
      { organizationId: user.organizationId, customerId, source },
      'manual',
    );
    if (!run) throw notFound('This source is not connected.');
    const body = await deps!.db.withIdentity(c.get('identity'), (client) =>
      readConnections(client, user.organizationId, customerId),
    );
    return c.json({ run, ...body });
  });

  return app;
}

async function readConnections(
  client: DbClient,
  organizationId: string,
  customerId: string,
): Promise<ConnectionsResponse> {
  const { rows: connections } = await client.query<{
    source: IntegrationSource;
    accountId: string;
    credentialKind: CredentialKind;
    revoked: boolean;
    connectedAt: Date;
    failures: number;
  }>(
    `SELECT source, account_id AS "accountId", credential_kind AS "credentialKind",
            revoked_at IS NOT NULL AS revoked, connected_at AS "connectedAt", consecutive_failures AS failures
       FROM integration_connections WHERE organization_id = $1 AND customer_id = $2`,
    [organizationId, customerId],
  );
  const { rows: runs } = await client.query<{
    source: IntegrationSource;
    id: string;
    trigger: 'manual' | 'scheduled';
    startedAt: Date;
    finishedAt: Date | null;
    status: 'running' | 'succeeded' | 'failed';
    rows: number;
    attempts: number;
    error: string | null;
  }>(
    `SELECT DISTINCT ON (source) source, id, trigger, started_at AS "startedAt", finished_at AS "finishedAt",
            status, rows, attempts, error
       FROM integration_runs WHERE organization_id = $1 AND customer_id = $2
      ORDER BY source, started_at DESC, id DESC`,
    [organizationId, customerId],
  );
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    customerId,
    connections: INTEGRATION_SOURCES.map((source): ConnectionState => {
      const connection = connections.find((c) => c.source === source);
      const run = runs.find((r) => r.source === source);
      return {
        source,
        connected: Boolean(connection),
        accountId: connection?.accountId ?? null,
        connectedAt: connection ? iso(connection.connectedAt) : null,
        credentialKind: connection?.credentialKind ?? null,
        revoked: connection?.revoked ?? false,
        consecutiveFailures: connection?.failures ?? 0,
        lastRun: run
          ? {
              id: run.id,
              trigger: run.trigger,
              startedAt: iso(run.startedAt),
              finishedAt: run.finishedAt ? iso(run.finishedAt) : null,
              status: run.status,
              rows: run.rows,
              attempts: run.attempts,
              error: run.error,
            }
          : null,
      };
    }),
  };
}
