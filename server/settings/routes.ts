import { Hono } from 'hono';
import { DEFAULT_HEALTH_CONFIG, healthScoreConfigSchema } from '../../shared/domain/csm/health-config.ts';
import { reweighHealth } from '../../shared/domain/csm/health-score.ts';
import { DEFAULT_PLAYBOOKS, playbooksSchema, type Playbooks } from '../../shared/domain/csm/playbooks.ts';
import { DEFAULT_LEAD_SCORING, leadScoringConfigSchema } from '../../shared/domain/portal/lead-score.ts';
import {
  profileUpdateSchema,
  type DeviceHealthConfig,
  type DeviceLeadScoring,
  type DevicePlaybooks,
  type DeviceSettings,
  type OrganizationSettings,
  type UserProfile,
} from '../../shared/device-settings.ts';
import { requireUser } from '../auth/require-user.ts';
import type { Database, DbClient } from '../db/index.ts';
import { limitBody, readJson } from '../http/body.ts';
import type { AuthedEnv } from '../http/context.ts';
import { forbidden, notFound } from '../../shared/api-errors.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AuditEntity } from '../../shared/audit.ts';
import type { SignedInUser } from '../../shared/identity.ts';

/** Profiles and health configurations are small; 64 KiB leaves room for 100 health rules. */
const SETTINGS_BODY_LIMIT = 64 * 1024;

const PROFILE_COLUMNS = `id, name, email, role, customer_id AS "customerId", locale, time_zone AS "timeZone",
  phone, job_title AS "jobTitle"`;

/**
 * `/api/settings` — what a device keeps offline besides the synced collections (docs/api.md, shared/
 * device-settings.ts): the organization, the signed-in user's profile and, for staff, the organization's
 * health-score configuration and alert playbooks (docs/domain.md §6), and for everyone the lead scoring rules
 * (docs/domain-client.md §3B). Everything runs under the caller's identity, so RLS decides what is visible and
 * editable (a client never reads health_configs; only an admin writes them).
 */
export function settingsRoutes(deps: { db: Database; writer: ServerWriter }): Hono<AuthedEnv> {
  const { db, writer } = deps;
  const app = new Hono<AuthedEnv>();
  app.use('*', requireUser);

  app.get('/', async (c) => {
    const user = c.get('user');
    const settings = await db.withIdentity(c.get('identity'), async (client): Promise<DeviceSettings> => {
      const organization = await readOrganization(client, user.organizationId);
      const profile = await readProfile(client, user.id);
      const staff = user.role !== 'client';
      const health = staff ? await readHealthConfig(client, user.organizationId) : null;
      const playbooks = staff ? await readPlaybooks(client, user.organizationId) : null;
      const leadScoring = await readLeadScoring(client, user.organizationId);
      return { organization, profile, health, playbooks, leadScoring };
    });
    return c.json(settings);
  });

  app.patch('/profile', limitBody(SETTINGS_BODY_LIMIT), async (c) => {
    const update = await readJson(c, profileUpdateSchema);
    const user = c.get('user');
    const columns = {
      name: update.name,
      locale: update.locale,
      time_zone: update.timeZone,
      phone: update.phone,
      job_title: update.jobTitle,
    };
    const assignments = Object.entries(columns).filter(([, value]) => value !== undefined);
    const profile = await db.withIdentity(c.get('identity'), async (client) => {
      await client.query(
        `UPDATE users SET ${assignments.map(([column], i) => `${column} = $${i + 3}`).join(', ')},
                updated_at = now()
          WHERE organization_id = $1 AND id = $2`,
        [user.organizationId, user.id, ...assignments.map(([, value]) => value)],
      );
      return readProfile(client, user.id);
    });
    return c.json({ profile });
  });

  app.put('/health', limitBody(SETTINGS_BODY_LIMIT), async (c) => {
    const user = c.get('user');
    // Checked before the body so a CSM learns the rule, not a list of field errors; RLS enforces it again.
    requireAdmin(user, 'Only an administrator can change the health score settings.');
    const config = await readJson(c, healthScoreConfigSchema);
    const updatedAt = await db.withIdentity(c.get('identity'), (client) =>
      saveOrganizationSetting(client, user, {
        table: 'health_configs',
        values: { weights: config.weights, thresholds: config.thresholds, rules: config.rules },
        entity: 'health_config',
        details: { weights: config.weights, thresholds: config.thresholds },
      }),
    );
    const health = { ...config, updatedAt } satisfies DeviceHealthConfig;
    // Scores follow the new weights and thresholds at once, as server writes every device syncs. A separate
    // transaction (health is written as `system`, the configuration as the admin): should it fail, the next
    // save reapplies it — reweighing with the configuration a result already has changes nothing.
    const reweighed = await writer.rewrite(user.organizationId, 'health', (doc) =>
      reweighHealth(doc, config),
    );
    c.get('log').info({ event: 'health_config_saved', reweighed }, 'health configuration saved');
    return c.json({ health, reweighed });
  });

  app.put('/playbooks', limitBody(SETTINGS_BODY_LIMIT), async (c) => {
    const user = c.get('user');
    // Like the health configuration: organization-wide, admins only, online only (RLS enforces it again).
    requireAdmin(user, 'Only an administrator can change the playbooks.');
    const list = await readJson(c, playbooksSchema);
    const updatedAt = await db.withIdentity(c.get('identity'), (client) =>
      saveOrganizationSetting(client, user, {
        table: 'playbooks',
        values: { playbooks: list },
        entity: 'playbooks',
        details: { playbooks: list.map((p) => p.id) },
      }),
    );
    c.get('log').info({ event: 'playbooks_saved', count: list.length }, 'playbooks saved');
    return c.json({ playbooks: { playbooks: list, updatedAt } satisfies DevicePlaybooks });
  });

  app.put('/lead-scoring', limitBody(SETTINGS_BODY_LIMIT), async (c) => {
    const user = c.get('user');
    // Organization-wide, admins only, online only, like the health configuration (RLS enforces it again).
    requireAdmin(user, 'Only an administrator can change the lead scoring rules.');
    const config = await readJson(c, leadScoringConfigSchema);
    const updatedAt = await db.withIdentity(c.get('identity'), (client) =>
      saveOrganizationSetting(client, user, {
        table: 'lead_scoring_configs',
        values: { config },
        entity: 'lead_scoring',
        details: { maxPoints: config.maxPoints, bands: config.bands, rules: config.rules.length },
      }),
    );
    c.get('log').info({ event: 'lead_scoring_saved' }, 'lead scoring rules saved');
    return c.json({ leadScoring: { config, updatedAt } satisfies DeviceLeadScoring });
  });

  return app;
}

function requireAdmin(user: SignedInUser, message: string): void {
  if (user.role !== 'admin') throw forbidden(message);
}

/** The organization-wide settings tables: one row per organization, written by its admins only (RLS). */
type SettingTable = 'health_configs' | 'playbooks' | 'lead_scoring_configs';

/**
 * Saves an organization-wide setting (insert or replace its one row; each value stored as JSON) and the audit
 * row saying so, in the caller's transaction, so both commit or neither. Table and column names are this
 * module's constants, never input. Returns when the row was saved (the audit row's time too).
 */
async function saveOrganizationSetting(
  client: DbClient,
  user: SignedInUser,
  setting: {
    table: SettingTable;
    values: Readonly<Record<string, unknown>>;
    entity: AuditEntity;
    details: Readonly<Record<string, unknown>>;
  },
): Promise<string> {
  const columns = Object.keys(setting.values);
  const { rows } = await client.query<{ updatedAt: string }>(
    `INSERT INTO ${setting.table} (organization_id, ${columns.join(', ')}, updated_at, updated_by)
     VALUES ($1, ${columns.map((_, i) => `$${i + 3}`).join(', ')}, now(), $2)
     ON CONFLICT (organization_id) DO UPDATE
       SET ${[...columns, 'updated_at', 'updated_by'].map((col) => `${col} = EXCLUDED.${col}`).join(', ')}
     RETURNING updated_at AS "updatedAt"`,
    [user.organizationId, user.id, ...Object.values(setting.values).map((v) => JSON.stringify(v))],
  );
  const updatedAt = rows[0]!.updatedAt;
  await recordAudit(client, {
    organizationId: user.organizationId,
    actorId: user.id,
    action: 'update',
    entity: setting.entity,
    entityId: user.organizationId,
    at: new Date(updatedAt),
    details: setting.details,
  });
  return updatedAt;
}

/**
 * The lead scoring rules; the product's defaults without a row or with a stored config the current schema
 * refuses (written by an older version), until an admin saves again.
 */
async function readLeadScoring(client: DbClient, organizationId: string): Promise<DeviceLeadScoring> {
  const { rows } = await client.query<{ config: unknown; updatedAt: string }>(
    `SELECT config, updated_at AS "updatedAt" FROM lead_scoring_configs WHERE organization_id = $1`,
    [organizationId],
  );
  const row = rows[0];
  const parsed = row ? leadScoringConfigSchema.safeParse(row.config) : null;
  if (!row || !parsed?.success) return { config: DEFAULT_LEAD_SCORING, updatedAt: null };
  return { config: parsed.data, updatedAt: row.updatedAt };
}

/**
 * An organization without a row uses the product's defaults; so does a stored list the current schema refuses
 * (written by an older version), until an admin saves again.
 */
async function readPlaybooks(client: DbClient, organizationId: string): Promise<DevicePlaybooks> {
  const { rows } = await client.query<{ playbooks: unknown; updatedAt: string }>(
    `SELECT playbooks, updated_at AS "updatedAt" FROM playbooks WHERE organization_id = $1`,
    [organizationId],
  );
  const row = rows[0];
  const parsed = row ? playbooksSchema.safeParse(row.playbooks) : null;
  if (!row || !parsed?.success) return { playbooks: DEFAULT_PLAYBOOKS satisfies Playbooks, updatedAt: null };
  return { playbooks: parsed.data, updatedAt: row.updatedAt };
}

async function readOrganization(client: DbClient, organizationId: string): Promise<OrganizationSettings> {
  const { rows } = await client.query<OrganizationSettings>(
    `SELECT id, name, locale, time_zone AS "timeZone", currency FROM organizations WHERE id = $1`,
    [organizationId],
  );
  if (!rows[0]) throw notFound('Your organization was not found.');
  return rows[0];
}

async function readProfile(client: DbClient, userId: string): Promise<UserProfile> {
  const { rows } = await client.query<UserProfile>(`SELECT ${PROFILE_COLUMNS} FROM users WHERE id = $1`, [
    userId,
  ]);
  if (!rows[0]) throw notFound('Your user account was not found.');
  return rows[0];
}

/** An organization without a row uses the seed's defaults (customers spec §1.3). */
async function readHealthConfig(client: DbClient, organizationId: string): Promise<DeviceHealthConfig> {
  const { rows } = await client.query<{
    weights: DeviceHealthConfig['weights'];
    thresholds: DeviceHealthConfig['thresholds'];
    rules: DeviceHealthConfig['rules'];
    /** ISO-8601 (server/db/pg-types.ts parses timestamptz to canonical strings). */
    updatedAt: string;
  }>(
    `SELECT weights, thresholds, rules, updated_at AS "updatedAt" FROM health_configs WHERE organization_id = $1`,
    [organizationId],
  );
  const row = rows[0];
  if (!row) return { ...DEFAULT_HEALTH_CONFIG, updatedAt: null };
  return {
    weights: row.weights,
    thresholds: row.thresholds,
    rules: row.rules,
    updatedAt: row.updatedAt,
  };
}
