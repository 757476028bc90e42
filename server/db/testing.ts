import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../shared/collections/index.ts';
import type { Customer } from '../../shared/entities/customer.ts';
import { hashPassword } from '../auth/passwords.ts';
import { writeDocument } from './collections/mapper.ts';
import { createDatabase, MIGRATIONS_TABLE, type Database } from './database.ts';
import { systemIdentity, type SystemIdentity, type UserIdentity } from '../../shared/identity.ts';
import { nextServerFields } from './ordering.ts';

/**
 * Test harness for `*.pg.test.ts`: one migrated database per test file.
 * - no DATABASE_URL → an in-memory PGlite (cold start costs seconds: create it once per file, in beforeAll);
 * - DATABASE_URL set → a fresh `CREATE DATABASE arco_test_<random>` on that server, dropped by `close()`.
 *
 *   const t = await createTestDatabase();          // beforeAll
 *   beforeEach(() => t.truncateAll());
 *   afterAll(() => t.close());
 *   const tenant = await createTestTenant(t.db);   // an organization with users and two customers
 *   await t.db.withIdentity(tenant.client, (c) => …);
 *   await createSignInUsers(t.db, 'senha', [{ organizationId, email, name, role: 'csm' }]); // can log in
 */
export interface TestDatabase {
  readonly db: Database;
  readonly kind: Database['kind'];
  /** Empties every table (keeps the schema and migration history) and restarts sync_seq. */
  truncateAll(): Promise<void>;
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Default true. */
  migrate?: boolean;
  /** Default process.env.DATABASE_URL. */
  url?: string;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = 'url' in options ? options.url : process.env.DATABASE_URL;
  let db: Database;
  let dropDatabase: () => Promise<void> = async () => undefined;
  if (serverUrl) {
    const name = `arco_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    dropDatabase = () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      db = await createDatabase({ url: url.toString() });
    } catch (error) {
      await dropDatabase();
      throw error;
    }
  } else {
    db = await createDatabase({ inMemory: true });
  }
  try {
    if (options.migrate ?? true) await db.migrate();
  } catch (error) {
    await db.close();
    await dropDatabase();
    throw error;
  }
  return {
    db,
    kind: db.kind,
    truncateAll: () => truncateAll(db),
    async close() {
      await db.close();
      await dropDatabase();
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function truncateAll(db: Database): Promise<void> {
  await db.privileged(async (c) => {
    const { rows } = await c.query<{ tables: string | null }>(
      `SELECT string_agg(format('%I', tablename), ', ') AS tables
         FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1`,
      [MIGRATIONS_TABLE],
    );
    if (rows[0]?.tables) await c.query(`TRUNCATE ${rows[0].tables} RESTART IDENTITY CASCADE`);
    await c.query('ALTER SEQUENCE sync_seq RESTART');
  });
}

/** An organization with an admin, a CSM, two customers and one client user for each customer. */
export interface TestTenant {
  readonly organizationId: string;
  readonly customerId: string;
  readonly otherCustomerId: string;
  readonly system: SystemIdentity;
  readonly admin: UserIdentity;
  readonly csm: UserIdentity;
  /** Client user of `customerId`. */
  readonly client: UserIdentity;
  /** Client user of `otherCustomerId`. */
  readonly otherClient: UserIdentity;
}

export interface TestTenantOptions {
  readonly name?: string;
  readonly newId?: () => string;
  readonly now?: Date;
}

export async function createTestTenant(db: Database, options: TestTenantOptions = {}): Promise<TestTenant> {
  const newId = options.newId ?? uuidv7;
  const now = options.now ?? new Date('2026-01-15T12:00:00.000Z');
  const organizationId = newId();
  const ids = { admin: newId(), csm: newId(), client: newId(), otherClient: newId() };
  const customerId = newId();
  const otherCustomerId = newId();
  // Emails are unique across organizations; the org id keeps them unique across tenants and test runs.
  const email = (who: string) => `${who}+${organizationId}@arco.example`;

  await db.withIdentity(systemIdentity(organizationId), async (c) => {
    await c.query('INSERT INTO organizations (id, name) VALUES ($1, $2)', [
      organizationId,
      options.name ?? 'Arco Digital (teste)',
    ]);
    const insertUser = (id: string, role: string, name: string, customer: string | null) =>
      c.query(
        'INSERT INTO users (id, organization_id, email, name, role, customer_id) VALUES ($1,$2,$3,$4,$5,$6)',
        [id, organizationId, email(`${role}-${id}`), name, role, customer],
      );
    await insertUser(ids.admin, 'admin', 'Admin Arco', null);
    await insertUser(ids.csm, 'csm', 'Maria Santos', null);
    for (const [id, name] of [
      [customerId, 'TechCorp LTDA'],
      [otherCustomerId, 'Loja Bela Vista'],
    ] as const) {
      await writeDocument(
        c,
        { organizationId },
        'customers',
        minimalCustomer(id, name, ids.csm, now),
        await nextServerFields(c, organizationId, now),
      );
    }
    await insertUser(ids.client, 'client', 'Pedro Almeida', customerId);
    await insertUser(ids.otherClient, 'client', 'Carla Souza', otherCustomerId);
  });

  return {
    organizationId,
    customerId,
    otherCustomerId,
    system: systemIdentity(organizationId),
    admin: { role: 'admin', organizationId, userId: ids.admin, customerId: null },
    csm: { role: 'csm', organizationId, userId: ids.csm, customerId: null },
    client: { role: 'client', organizationId, userId: ids.client, customerId },
    otherClient: { role: 'client', organizationId, userId: ids.otherClient, customerId: otherCustomerId },
  };
}

/** A user who signs in with a password (`createSignInUsers`). */
export interface SignInUser {
  readonly organizationId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** The customer of a client user; staff have none. */
  readonly customerId?: string | null;
}

/**
 * Users that sign in through the real auth routes with `password`. One argon2id hash (the production policy,
 * `hashPassword`) serves them all: hashing is deliberately slow. Returns each user's id by email.
 */
export async function createSignInUsers(
  db: Database,
  password: string,
  users: readonly SignInUser[],
): Promise<Map<string, string>> {
  const hash = await hashPassword(password);
  const ids = new Map<string, string>();
  await db.privileged(async (c) => {
    for (const u of users) {
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO users (organization_id, email, name, role, customer_id, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [u.organizationId, u.email, u.name, u.role, u.customerId ?? null, hash],
      );
      ids.set(u.email, rows[0]!.id);
    }
  });
  return ids;
}

/** A valid customer document with no contacts or contracts. */
export function minimalCustomer(id: string, name: string, csmId: string | null, now: Date): Customer {
  const at = now.toISOString();
  return {
    id,
    updatedAt: at,
    serverSeq: 0,
    clientUpdatedAt: at,
    name,
    domain: null,
    industry: null,
    size: null,
    location: null,
    cnpj: null,
    status: 'active',
    tier: 'pro',
    mrrCents: 0,
    arrCents: 0,
    lifetimeValueCents: 0,
    activeUsers: 0,
    totalSeats: 0,
    lastLoginAt: null,
    csmId,
    renewalDate: null,
    renewalType: 'manual',
    customerSince: at.slice(0, 10),
    churnedAt: null,
    churnReason: null,
    notes: null,
    contacts: [],
    contracts: [],
  };
}
