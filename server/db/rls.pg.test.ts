import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessFor,
  COLLECTION_DEFS,
  COLLECTION_NAMES,
  type CollectionName,
  type DocOf,
} from '../../shared/collections/index.ts';
import { readDocuments, writeDocument } from './collections/mapper.ts';
import { sampleDocuments, type SampleDocuments } from './collections/samples.ts';
import { SYNCED_TABLES, TABLE_SPECS } from './collections/table-spec.ts';
import type { DbClient } from './database.ts';
import { pgErrorCode } from './errors.ts';
import type { Identity, UserIdentity } from '../../shared/identity.ts';
import { nextServerFields } from './ordering.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from './testing.ts';

/**
 * Row-level security as the second wall (README, "Database"). Data: two organizations A and B, each with every
 * collection's sample for its first customer, plus A's samples for its second customer; rows in every
 * server-only tenant table for both. Write attempts run in transactions that are always rolled back.
 */
let t: TestDatabase;
let a: TestTenant;
let b: TestTenant;
const NOW = new Date('2026-01-15T13:00:00.000Z');

const samplesFor = (tenant: TestTenant, customerId: string, clientUserId: string): SampleDocuments =>
  sampleDocuments({ customerId, clientUserId, staffUserId: tenant.csm.userId as string, newId: uuidv7 });

let aSamples: SampleDocuments;

async function writeAll(tenant: TestTenant, samples: SampleDocuments) {
  await t.db.withIdentity(tenant.system, async (c) => {
    for (const name of COLLECTION_NAMES) {
      const doc = samples[name] as DocOf<typeof name>;
      await writeDocument(c, tenant, name, doc, await nextServerFields(c, tenant.organizationId, NOW));
    }
  });
}

async function seedServerTables(tenant: TestTenant) {
  const org = tenant.organizationId;
  const user = tenant.client.userId;
  await t.db.privileged(async (c) => {
    await c.query(
      `INSERT INTO sessions (organization_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 day')`,
      [org, user, `hash-${org}`],
    );
    await c.query(
      `INSERT INTO passkeys (organization_id, user_id, credential_id, public_key) VALUES ($1, $2, $3, '\\x01')`,
      [org, user, `cred-${org}`],
    );
    await c.query(
      `INSERT INTO password_resets (organization_id, user_id, token_hash, created_at, expires_at)
       VALUES ($1, $2, $3, now(), now() + interval '1 hour')`,
      [org, user, createHash('sha256').update(`reset-${org}`).digest('hex')],
    );
    await c.query(
      `INSERT INTO invitations (organization_id, email, role, token_hash, expires_at)
       VALUES ($1, 'novo@arco.example', 'csm', $2, now() + interval '7 days')`,
      [org, `invite-${org}`],
    );
    await c.query(
      `INSERT INTO push_subscriptions (organization_id, user_id, session_id, endpoint, p256dh, auth)
       SELECT $1, $2, id, $3, 'k', 'a' FROM sessions WHERE organization_id = $1 AND user_id = $2`,
      [org, user, `https://push.example/${org}`],
    );
    await c.query(
      `INSERT INTO notification_preferences (organization_id, user_id, type, channel, enabled)
       VALUES ($1, $2, 'invoice_due', 'push', true)`,
      [org, user],
    );
    await c.query('INSERT INTO notification_settings (organization_id, user_id) VALUES ($1, $2)', [
      org,
      user,
    ]);
    await c.query(
      `INSERT INTO notification_deliveries (organization_id, event_key, user_id, type, title, body, url, created_at)
       VALUES ($1, 'ticket_answered:1', $2, 'ticket_answered', 'Respondido', '', '/inicio', now())`,
      [org, user],
    );
    await c.query('INSERT INTO health_configs (organization_id) VALUES ($1)', [org]);
    await c.query(`INSERT INTO playbooks (organization_id, playbooks) VALUES ($1, '[]')`, [org]);
    await c.query(`INSERT INTO lead_scoring_configs (organization_id, config) VALUES ($1, '{}')`, [org]);
    await c.query(
      `INSERT INTO health_history (organization_id, customer_id, date, score, status, breakdown)
       VALUES ($1, $2, '2026-01-14', 88, 'healthy', '{}')`,
      [org, tenant.customerId],
    );
    await c.query(
      `INSERT INTO benchmarks (organization_id, industry, metric, value) VALUES ($1, 'Varejo', 'cvr', 2.1)`,
      [org],
    );
    await c.query(
      `INSERT INTO churn_models (organization_id, coefficients, trained_at, sample_size) VALUES ($1, '{}', now(), 0)`,
      [org],
    );
    await c.query(
      `INSERT INTO audit_log (organization_id, actor_id, action, entity) VALUES ($1, $2, 'login', 'session')`,
      [org, user],
    );
    await c.query(
      `INSERT INTO integration_connections (organization_id, customer_id, source, account_id, credentials)
       VALUES ($1, $2, 'ga4', '123456', 'v1.aXY.dGFn.Ym9keQ')`,
      [org, tenant.customerId],
    );
    await c.query(
      `INSERT INTO integration_runs (organization_id, id, customer_id, source, trigger, started_at, status)
       VALUES ($1, $2, $3, 'ga4', 'manual', now(), 'succeeded')`,
      [org, uuidv7(), tenant.customerId],
    );
    const charge = uuidv7();
    await c.query(
      `INSERT INTO payment_charges (organization_id, id, customer_id, invoice_id, gateway, amount)
       SELECT $1, $2, customer_id, id, 'fake', amount FROM invoices WHERE organization_id = $1 LIMIT 1`,
      [org, charge],
    );
    await c.query(
      `INSERT INTO payment_webhook_events (organization_id, gateway, event_id, charge_id, type)
       VALUES ($1, 'fake', $2, $3, 'charge.paid')`,
      [org, `evt-${org}`, charge],
    );
    await c.query(
      `INSERT INTO nfse_issuances (organization_id, invoice_id, ref, status, requested_at, updated_at)
       SELECT $1, id, id::text, 'processing', now(), now() FROM invoices WHERE organization_id = $1 LIMIT 1`,
      [org],
    );
    await c.query(
      `INSERT INTO calendar_feed_tokens (organization_id, user_id, token_hash) VALUES ($1, $2, encode(sha256(convert_to($3, 'UTF8')), 'hex'))`,
      [org, user, `feed-${org}`],
    );
  });
}

let rlsTables: string[];

beforeAll(async () => {
  t = await createTestDatabase();
  a = await createTestTenant(t.db, { name: 'Arco Digital' });
  b = await createTestTenant(t.db, { name: 'Outra Agência' });
  aSamples = samplesFor(a, a.customerId, a.client.userId as string);
  await writeAll(a, aSamples);
  const second = samplesFor(a, a.otherCustomerId, a.otherClient.userId as string);
  await writeAll(a, { ...second, tickets: { ...second.tickets, number: 2848 } });
  await writeAll(b, samplesFor(b, b.customerId, b.client.userId as string));
  await seedServerTables(a);
  await seedServerTables(b);
  await t.db.privileged((c) =>
    c.query(
      `INSERT INTO benchmarks (organization_id, industry, metric, value) VALUES (NULL, 'Varejo', 'cvr', 1.8)`,
    ),
  );
  const { rows } = await t.db.privileged((c) =>
    c.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity
          -- Not tenant tables: the sign-in role's alone (login_attempts has its own test below; the other two
          -- are the account requests' rate events and WebAuthn challenges, account-pg-store.pg.test.ts).
          AND c.relname NOT IN ('login_attempts', 'auth_rate_events', 'webauthn_challenges') ORDER BY 1`,
    ),
  );
  rlsTables = rows.map((r) => r.table);
});
afterAll(() => t?.close());

const count = async (identity: Identity | null, sql: string, params: unknown[] = []) => {
  const run = (c: DbClient) => c.query<{ n: number }>(sql, params);
  const { rows } = identity ? await t.db.withIdentity(identity, run) : await t.db.transaction(run);
  return rows[0]?.n ?? -1;
};
const ownerCount = async (sql: string, params: unknown[] = []) =>
  (await t.db.privileged((c) => c.query<{ n: number }>(sql, params))).rows[0]?.n ?? -1;

class Rollback extends Error {}
type Transaction = (fn: (c: DbClient) => Promise<unknown>) => Promise<unknown>;
/**
 * Runs fn for identity and always rolls back; 'ok' or the SQLSTATE it failed with. `'none'` runs it as the app
 * role with no identity, `'sign-in'` as the sign-in role (Database.signIn).
 */
async function attempt(
  identity: Identity | 'none' | 'sign-in',
  fn: (c: DbClient) => Promise<unknown>,
): Promise<string> {
  const run: Transaction =
    identity === 'none'
      ? (f) => t.db.transaction(f)
      : identity === 'sign-in'
        ? (f) => t.db.signIn(f)
        : (f) => t.db.withIdentity(identity, f);
  try {
    await run(async (c) => {
      await fn(c);
      throw new Rollback();
    });
  } catch (error) {
    if (error instanceof Rollback) return 'ok';
    const code = pgErrorCode(error);
    if (code) return code;
    throw error;
  }
  return 'unreachable';
}

const orgColumn = (table: string) => (table === 'organizations' ? 'id' : 'organization_id');

describe('isolation between organizations', () => {
  it("a hand-written SELECT * FROM customers shows only the identity's organization", async () => {
    const { rows } = await t.db.withIdentity(a.admin, (c) =>
      c.query<{ organization_id: string }>('SELECT * FROM customers'),
    );
    expect(rows.length).toBe(2);
    expect(new Set(rows.map((r) => r.organization_id))).toEqual(new Set([a.organizationId]));
    expect(await ownerCount('SELECT count(*)::int AS n FROM customers')).toBe(4);
  });

  it('no identity of organization A sees a single row of B in any table', async () => {
    // 23 server-only tenant tables (playbooks since 0112; notification_settings and notification_deliveries
    // since 0114; payment_charges and payment_webhook_events since 0120; lead_scoring_configs since 0130;
    // password_resets since 0150; calendar_feed_tokens since 0205; integration_connections and integration_runs
    // since 0230; nfse_issuances since 0250) + 15 synced collections + 5 child tables.
    expect(rlsTables.length).toBe(43);
    for (const table of rlsTables) {
      const others = `SELECT count(*)::int AS n FROM ${table} WHERE ${orgColumn(table)} IS DISTINCT FROM $1`;
      const foreign = `SELECT count(*)::int AS n FROM ${table} WHERE ${orgColumn(table)} = $1`;
      // The data exists (so this test can fail)…
      expect({ table, n: (await ownerCount(foreign, [b.organizationId])) > 0 }).toEqual({ table, n: true });
      for (const identity of [a.admin, a.csm, a.client, a.system]) {
        const visible = await count(identity, others, [a.organizationId]);
        // …but nothing outside A is visible, except the platform's default benchmarks (organization NULL).
        const allowed = table === 'benchmarks' ? 1 : 0;
        expect({ table, role: identity.role, visible }).toEqual({
          table,
          role: identity.role,
          visible: allowed,
        });
      }
    }
  });

  it('sees nothing at all without an identity', async () => {
    for (const table of rlsTables) {
      expect({ table, n: await count(null, `SELECT count(*)::int AS n FROM ${table}`) }).toEqual({
        table,
        n: 0,
      });
    }
  });

  it('refuses to write a row into another organization', async () => {
    const doc = { ...aSamples.goals, id: uuidv7(), customerId: b.customerId };
    const viaMapper = await attempt(a.admin, async (c) =>
      writeDocument(c, b, 'goals', doc, await nextServerFields(c, b.organizationId, NOW)),
    );
    expect(viaMapper).toBe('42501');
    const viaSql = await attempt(a.system, (c) =>
      c.query(`UPDATE customers SET notes = 'x' WHERE organization_id = $1`, [b.organizationId]).then((r) => {
        if (r.rowCount !== 0) throw new Error('updated a foreign row');
      }),
    );
    expect(viaSql).toBe('ok');
  });
});

describe('client users', () => {
  const scopeSql = (name: CollectionName, client: UserIdentity) => {
    const scope = COLLECTION_DEFS[name].scope;
    if (name === 'customers') return { sql: 'id = $2', param: client.customerId };
    if (scope === 'organization') return { sql: 'organization_id = $2', param: client.organizationId };
    if (scope === 'user') return { sql: 'user_id = $2', param: client.userId };
    return { sql: 'customer_id = $2', param: client.customerId };
  };

  it.each(COLLECTION_NAMES)(
    '%s: a client sees exactly its own rows, or none for staff-only collections',
    async (name) => {
      const table = TABLE_SPECS[name].table;
      const { sql, param } = scopeSql(name, a.client);
      const own = await ownerCount(
        `SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1 AND ${sql}`,
        [a.organizationId, param],
      );
      expect(own).toBeGreaterThan(0);
      const visible = await t.db.withIdentity(a.client, (c) => readDocuments(c, name));
      const expected = accessFor('client', name) === 'none' ? 0 : own;
      expect(visible.length).toBe(expected);
      if (COLLECTION_DEFS[name].scope === 'customer' && name !== 'customers') {
        for (const s of visible) expect((s.doc as { customerId: string }).customerId).toBe(a.customerId);
      }
    },
  );

  it('sees nothing of health, signals and activities — not even its own customer’s', async () => {
    for (const table of ['health', 'signals', 'activities']) {
      expect(
        await ownerCount(`SELECT count(*)::int AS n FROM ${table} WHERE customer_id = $1`, [a.customerId]),
      ).toBe(1);
      expect(await count(a.client, `SELECT count(*)::int AS n FROM ${table}`)).toBe(0);
    }
    for (const table of [
      'health_history',
      'health_configs',
      'playbooks',
      'churn_models',
      'invitations',
      'audit_log',
      'integration_connections',
      'integration_runs',
      'nfse_issuances',
    ]) {
      expect({ table, n: await count(a.client, `SELECT count(*)::int AS n FROM ${table}`) }).toEqual({
        table,
        n: 0,
      });
    }
  });

  it("sees only its own customer's children (contacts, contracts, payments, messages, interactions)", async () => {
    for (const table of [
      'customer_contacts',
      'contracts',
      'payments',
      'ticket_messages',
      'lead_interactions',
    ]) {
      const all = await ownerCount(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [
        a.organizationId,
      ]);
      const visible = await count(a.client, `SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, visible: visible > 0 && visible * 2 === all }).toEqual({ table, visible: true });
    }
  });

  it('sees itself and the staff, never other client users', async () => {
    const { rows } = await t.db.withIdentity(a.client, (c) =>
      c.query<{ id: string; role: string }>('SELECT id, role FROM users'),
    );
    expect(rows.map((r) => r.id).sort()).toEqual([a.admin.userId, a.csm.userId, a.client.userId].sort());
  });

  it("cannot write into another customer's rows", async () => {
    const ticket = { ...aSamples.tickets, id: uuidv7(), customerId: a.otherCustomerId, messages: [] };
    const result = await attempt(a.client, async (c) =>
      writeDocument(c, a, 'tickets', ticket, await nextServerFields(c, a.organizationId, NOW)),
    );
    expect(result).toBe('42501');
    const reply = await attempt(a.otherClient, (c) =>
      c.query(
        `INSERT INTO ticket_messages (organization_id, id, ticket_id, position, sender_type, sender_id, sender_name, body, created_at)
         VALUES ($1, $2, $3, 9, 'client', $4, 'Carla', 'oi', now())`,
        [a.organizationId, uuidv7(), aSamples.tickets.id, a.otherClient.userId],
      ),
    );
    expect(reply).toBe('42501');
  });
});

describe('who may write what (matches shared/collections.ts access)', () => {
  const roles = ['admin', 'csm', 'client'] as const;
  const cases = COLLECTION_NAMES.flatMap((name) => roles.map((role) => [name, role] as const));
  // One-per-x collections are written over the existing document (a second one would hit the unique key).
  const updateInPlace = new Set<CollectionName>(['health', 'metrics', 'engagement']);

  it.each(cases)('%s as %s', async (name, role) => {
    const identity = { admin: a.admin, csm: a.csm, client: a.client }[role];
    const sample = aSamples[name] as Record<string, unknown>;
    const doc = {
      ...sample,
      id: updateInPlace.has(name) ? sample.id : uuidv7(),
      ...('userId' in sample && !updateInPlace.has(name) ? { userId: identity.userId } : {}),
      ...(Array.isArray(sample.contacts) ? { contacts: [], contracts: [] } : {}),
      ...(Array.isArray(sample.payments) ? { payments: [] } : {}),
      ...(Array.isArray(sample.messages) ? { messages: [], number: null } : {}),
      ...(Array.isArray(sample.interactions) ? { interactions: [] } : {}),
    } as DocOf<typeof name>;
    const access = accessFor(role, name);
    const expected = access === 'write' || access === 'limited' ? 'ok' : '42501';
    const result = await attempt(identity, async (c) =>
      writeDocument(c, a, name, doc, await nextServerFields(c, a.organizationId, NOW)),
    );
    expect(result).toBe(expected);
  });

  it('only the system identity may hard-delete synced rows; children follow their parent', async () => {
    const parents = SYNCED_TABLES.filter((tbl) => (COLLECTION_NAMES as readonly string[]).includes(tbl));
    for (const table of parents) {
      const deleteAll = (c: DbClient) => c.query(`DELETE FROM ${table}`).then((r) => r.rowCount ?? 0);
      const asAdmin = await t.db
        .withIdentity(a.admin, async (c) => {
          const n = await deleteAll(c);
          throw Object.assign(new Rollback(), { n });
        })
        .catch((e: Rollback & { n: number }) => e.n);
      expect({ table, deleted: asAdmin }).toEqual({ table, deleted: 0 });
    }
    expect(await attempt(a.admin, (c) => c.query('DELETE FROM customer_contacts'))).toBe('ok');
    expect(await attempt(a.system, (c) => c.query('DELETE FROM tickets'))).toBe('ok');
  });
});

describe('composite foreign keys', () => {
  it("refuse a child pointing at another organization's parent", async () => {
    const contact = aSamples.customers.contacts[0]!;
    const insertContact = (c: DbClient) =>
      c.query(
        `INSERT INTO customer_contacts (organization_id, id, customer_id, position, first_name, email, is_primary, role, created_at)
         VALUES ($1, $2, $3, 0, $4, $5, false, 'user', now())`,
        [a.organizationId, uuidv7(), b.customerId, contact.firstName, contact.email],
      );
    // As the owner, so it is the foreign key (not RLS) that refuses.
    await expect(t.db.privileged(insertContact)).rejects.toMatchObject({ code: '23503' });
  });

  it("refuse documents, users and sessions pointing at another organization's rows", async () => {
    const invoice = { ...aSamples.invoices, id: uuidv7(), customerId: b.customerId, payments: [] };
    await expect(
      t.db.privileged(async (c) =>
        writeDocument(c, a, 'invoices', invoice, await nextServerFields(c, a.organizationId, NOW)),
      ),
    ).rejects.toMatchObject({ code: '23503' });
    await expect(
      t.db.privileged((c) =>
        c.query(
          `INSERT INTO users (organization_id, email, name, role, customer_id) VALUES ($1, 'x@y.example', 'X', 'client', $2)`,
          [a.organizationId, b.customerId],
        ),
      ),
    ).rejects.toMatchObject({ code: '23503' });
    await expect(
      t.db.privileged((c) =>
        c.query(
          `INSERT INTO sessions (organization_id, user_id, token_hash, expires_at) VALUES ($1, $2, 'h', now())`,
          [a.organizationId, b.admin.userId],
        ),
      ),
    ).rejects.toMatchObject({ code: '23503' });
  });
});

describe('users, sessions and the pre-authentication path', () => {
  it('lets a user edit their profile but not their role, organization, customer, email or disabled state', async () => {
    expect(
      await attempt(a.client, (c) =>
        c.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [a.client.userId]),
      ),
    ).toBe('ok');
    expect(
      await attempt(a.client, (c) =>
        c.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [a.client.userId]),
      ),
    ).toBe('42501');
    expect(
      await attempt(a.csm, (c) =>
        c.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [a.csm.userId]),
      ),
    ).toBe('42501');
    expect(
      await attempt(a.admin, (c) => c.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [a.csm.userId])),
    ).toBe('ok');
    const othersUpdated = await t.db
      .withIdentity(a.csm, async (c) => {
        const r = await c.query(`UPDATE users SET name = 'x' WHERE id <> $1`, [a.csm.userId]);
        throw Object.assign(new Rollback(), { n: r.rowCount });
      })
      .catch((e: { n: number }) => e.n);
    expect(othersUpdated).toBe(0);
  });

  it('finds a login and a session before any identity exists, through the SECURITY DEFINER functions only', async () => {
    const { rows: users } = await t.db.privileged((c) =>
      c.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [a.client.userId]),
    );
    const login = await t.db.query<{ user_id: string; role: string; customer_id: string }>(
      'SELECT * FROM arco_find_login($1)',
      [`  ${users[0]!.email.toUpperCase()} `],
    );
    expect(login.rows).toEqual([
      expect.objectContaining({ user_id: a.client.userId, role: 'client', customer_id: a.customerId }),
    ]);
    expect((await t.db.query('SELECT id FROM users')).rows).toEqual([]);

    const session = await t.db.query<{ user_id: string; organization_id: string }>(
      'SELECT * FROM arco_find_session($1)',
      [`hash-${a.organizationId}`],
    );
    expect(session.rows).toEqual([
      expect.objectContaining({ user_id: a.client.userId, organization_id: a.organizationId }),
    ]);
    expect((await t.db.query('SELECT * FROM arco_find_session($1)', ['nope'])).rows).toEqual([]);
    const passkey = await t.db.query('SELECT * FROM arco_find_passkey($1)', [`cred-${a.organizationId}`]);
    expect(passkey.rows).toHaveLength(1);
    const invitation = await t.db.query<{ organization_name: string }>(
      'SELECT * FROM arco_find_invitation($1)',
      [`invite-${a.organizationId}`],
    );
    expect(invitation.rows[0]?.organization_name).toBe('Arco Digital');
  });

  it('keeps payment charges to their customer and their status to the server; the webhook lookup finds the organization', async () => {
    const charges = 'SELECT count(*)::int AS n FROM payment_charges';
    expect(await count(a.client, charges)).toBe(1);
    expect(await count(a.otherClient, charges)).toBe(0);
    expect(await count(a.csm, charges)).toBe(1);
    expect(await count(a.client, 'SELECT count(*)::int AS n FROM payment_webhook_events')).toBe(0);
    expect(await count(a.system, 'SELECT count(*)::int AS n FROM payment_webhook_events')).toBe(1);
    const { rows } = await t.db.withIdentity(a.system, (c) =>
      c.query<{ id: string }>('SELECT id FROM payment_charges'),
    );
    const charge = rows[0]!.id;
    // A client may not settle their own charge, nor record a webhook event.
    expect(
      await attempt(a.client, (c) =>
        c.query(`UPDATE payment_charges SET status = 'paid' WHERE id = $1`, [charge]).then((r) => {
          if (r.rowCount !== 0) throw new Error('a client changed a charge');
        }),
      ),
    ).toBe('ok');
    expect(
      await attempt(a.client, (c) =>
        c.query(
          `INSERT INTO payment_webhook_events (organization_id, gateway, event_id, charge_id, type)
           VALUES ($1, 'fake', 'forged', $2, 'charge.paid')`,
          [a.organizationId, charge],
        ),
      ),
    ).toBe('42501');
    const found = await t.db.query<{ organization_id: string }>(
      'SELECT organization_id FROM arco_find_payment_charge($1, $2)',
      ['fake', charge],
    );
    expect(found.rows).toEqual([{ organization_id: a.organizationId }]);
    expect(
      (await t.db.query('SELECT * FROM arco_find_payment_charge($1, $2)', ['other', charge])).rows,
    ).toEqual([]);
  });

  it('keeps sessions, passkeys and subscriptions to their owner (admins may list sessions)', async () => {
    for (const table of [
      'sessions',
      'passkeys',
      'push_subscriptions',
      'notification_preferences',
      'notification_settings',
      'calendar_feed_tokens',
    ]) {
      expect({ table, n: await count(a.client, `SELECT count(*)::int AS n FROM ${table}`) }).toEqual({
        table,
        n: 1,
      });
      expect({ table, n: await count(a.otherClient, `SELECT count(*)::int AS n FROM ${table}`) }).toEqual({
        table,
        n: 0,
      });
      expect({ table, n: await count(a.csm, `SELECT count(*)::int AS n FROM ${table}`) }).toEqual({
        table,
        n: 0,
      });
    }
    expect(await count(a.admin, 'SELECT count(*)::int AS n FROM sessions')).toBe(1);
    // A calendar feed is its owner's alone; the feed route finds it only through arco_find_calendar_feed.
    expect(await count(a.admin, 'SELECT count(*)::int AS n FROM calendar_feed_tokens')).toBe(0);
    const feed = await t.db.query<{ user_id: string; role: string }>(
      `SELECT user_id, role FROM arco_find_calendar_feed(encode(sha256(convert_to($1, 'UTF8')), 'hex'))`,
      [`feed-${a.organizationId}`],
    );
    expect(feed.rows).toEqual([{ user_id: a.client.userId, role: 'client' }]);
    // The delivery ledger is the server's own: not even its recipient reads it.
    for (const who of [a.client, a.admin, a.csm])
      expect(await count(who, 'SELECT count(*)::int AS n FROM notification_deliveries')).toBe(0);
    expect(await count(a.system, 'SELECT count(*)::int AS n FROM notification_deliveries')).toBe(1);
  });

  it('no identity reads a password hash: every column of users but password_hash, which may still be set', async () => {
    await t.db.privileged((c) =>
      c.query(`UPDATE users SET password_hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'`),
    );
    for (const identity of [a.client, a.otherClient, a.csm, a.admin, a.system, 'none'] as const) {
      const who = typeof identity === 'string' ? identity : identity.role;
      expect({
        who,
        hash: await attempt(identity, (c) => c.query('SELECT password_hash FROM users')),
      }).toEqual({
        who,
        hash: '42501',
      });
      expect({ who, all: await attempt(identity, (c) => c.query('SELECT * FROM users')) }).toEqual({
        who,
        all: '42501',
      });
    }
    // The hash is there to be read (so the above can fail)…
    expect(await ownerCount('SELECT count(password_hash)::int AS n FROM users')).toBeGreaterThan(0);
    // …while every other column stays readable (a column added to users must be granted by its migration).
    const { rows: columns } = await t.db.privileged((c) =>
      c.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = 'users' AND column_name <> 'password_hash'`,
      ),
    );
    expect(columns.length).toBeGreaterThan(10);
    for (const { name } of columns) {
      expect({ name, read: await attempt(a.client, (c) => c.query(`SELECT ${name} FROM users`)) }).toEqual({
        name,
        read: 'ok',
      });
    }
    // A client still sees the staff (names of its account managers), without their hashes.
    expect(await count(a.client, `SELECT count(*)::int AS n FROM users WHERE role <> 'client'`)).toBe(2);
    // Setting one's own password needs no read of it.
    expect(
      await attempt(a.client, (c) =>
        c.query('UPDATE users SET password_hash = $2 WHERE id = $1', [a.client.userId, '$argon2id$x']),
      ),
    ).toBe('ok');
  });

  it('arco_find_login answers who an e-mail is without the hash; only the sign-in role gets the hash', async () => {
    const { rows } = await t.db.privileged((c) =>
      c.query<{ email: string; password_hash: string }>(
        'SELECT email, password_hash FROM users WHERE id = $1',
        [b.admin.userId],
      ),
    );
    const { email, password_hash: hash } = rows[0]!;
    expect(hash).toMatch(/^\$argon2id\$/);
    const login = await t.db.query('SELECT * FROM arco_find_login($1)', [email]);
    expect(login.rows).toEqual([expect.objectContaining({ user_id: b.admin.userId, role: 'admin' })]);
    expect(login.rows[0]).not.toHaveProperty('password_hash');

    const signIn = (c: DbClient) => c.query('SELECT * FROM arco_find_sign_in($1)', [email]);
    for (const identity of [a.client, a.admin, b.admin, b.system, 'none'] as const) {
      const who = typeof identity === 'string' ? identity : `${identity.role} ${identity.organizationId}`;
      expect({ who, answer: await attempt(identity, signIn) }).toEqual({ who, answer: '42501' });
    }
    const found = await t.db.signIn(signIn);
    expect(found.rows).toEqual([
      expect.objectContaining({ user_id: b.admin.userId, password_hash: hash, disabled_at: null }),
    ]);
    // The sign-in role reads nothing else: no tenant table, not even users.
    for (const table of ['users', 'customers', 'sessions', 'app_settings'])
      expect({ table, read: await attempt('sign-in', (c) => c.query(`SELECT 1 FROM ${table}`)) }).toEqual({
        table,
        read: '42501',
      });
  });

  it('login attempts are the sign-in throttle’s alone: no identity, staff or system reads or writes them', async () => {
    const insert = (c: DbClient) =>
      c.query(
        `INSERT INTO login_attempts (account_key, ip, succeeded) VALUES ('x@y.example', '10.0.0.1', false)`,
      );
    await t.db.signIn(insert);
    expect(await ownerCount('SELECT count(*)::int AS n FROM login_attempts')).toBeGreaterThan(0);
    for (const identity of [a.client, a.admin, a.system, 'none'] as const) {
      const who = typeof identity === 'string' ? identity : identity.role;
      const answers = {
        read: await attempt(identity, (c) => c.query('SELECT account_key FROM login_attempts')),
        count: await attempt(identity, (c) => c.query('SELECT count(*) FROM login_attempts')),
        write: await attempt(identity, insert),
        prune: await attempt(identity, (c) => c.query('DELETE FROM login_attempts')),
      };
      expect({ who, ...answers }).toEqual({
        who,
        read: '42501',
        count: '42501',
        write: '42501',
        prune: '42501',
      });
    }
    const { rows: security } = await t.db.privileged((c) =>
      c.query<{ rls: boolean; forced: boolean }>(
        `SELECT relrowsecurity AS rls, relforcerowsecurity AS forced FROM pg_class WHERE relname = 'login_attempts'`,
      ),
    );
    expect(security).toEqual([{ rls: true, forced: true }]);
    // The throttle's own role records, counts, settles and prunes.
    await t.db.signIn(async (c) => {
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM login_attempts WHERE account_key = 'x@y.example'`,
      );
      expect(rows[0]?.n).toBe(1);
      expect((await c.query(`UPDATE login_attempts SET succeeded = true`)).rowCount).toBe(1);
      expect((await c.query(`DELETE FROM login_attempts`)).rowCount).toBe(1);
    });
  });

  it('settings are read-only; the audit log is append-only', async () => {
    await t.db.privileged((c) =>
      c.query(`INSERT INTO app_settings (key, value) VALUES ('vapid', '{"publicKey":"k"}')`),
    );
    expect((await t.db.query('SELECT key FROM app_settings')).rows).toEqual([{ key: 'vapid' }]);
    expect(await attempt(a.system, (c) => c.query(`UPDATE app_settings SET value = '{}'`))).toBe('42501');
    expect(
      await attempt(a.csm, (c) =>
        c.query(
          `INSERT INTO audit_log (organization_id, actor_id, action, entity) VALUES ($1, $2, 'x', 'y')`,
          [a.organizationId, a.csm.userId],
        ),
      ),
    ).toBe('ok');
    expect(
      await attempt(a.csm, (c) =>
        c.query(
          `INSERT INTO audit_log (organization_id, actor_id, action, entity) VALUES ($1, $2, 'x', 'y')`,
          [a.organizationId, a.admin.userId],
        ),
      ),
    ).toBe('42501');
    expect(await attempt(a.admin, (c) => c.query(`UPDATE audit_log SET action = 'forged'`))).toBe('42501');
    expect(await attempt(a.system, (c) => c.query(`DELETE FROM audit_log`))).toBe('42501');
  });

  it('platform benchmarks are visible to every identity, an organization’s own only to it', async () => {
    expect(await count(a.client, 'SELECT count(*)::int AS n FROM benchmarks')).toBe(2);
    expect(await count(b.client, 'SELECT count(*)::int AS n FROM benchmarks')).toBe(2);
    expect(await count(null, 'SELECT count(*)::int AS n FROM benchmarks')).toBe(0);
  });
});
