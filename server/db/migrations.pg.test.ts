import pg from 'pg';
import { runner } from 'node-pg-migrate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../shared/collections/index.ts';
import { notificationTypeSchema } from '../../shared/entities/support.ts';
import {
  BASE_COLUMNS,
  STORED_JSON_COLUMNS,
  TABLE_SPECS,
  type ColumnKind,
  type ColumnSpec,
} from './collections/table-spec.ts';
import { MIGRATIONS_DIR, MIGRATIONS_TABLE, type DbClient } from './database.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const SQL_TYPE: Record<ColumnKind, string> = {
  uuid: 'uuid',
  text: 'text',
  enum: 'text',
  boolean: 'boolean',
  integer: 'integer',
  double: 'double precision',
  money: 'numeric(15,2)',
  date: 'date',
  instant: 'timestamp with time zone',
  json: 'jsonb',
};

interface LiveColumn {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}

async function liveColumns(c: DbClient): Promise<Map<string, LiveColumn[]>> {
  const { rows } = await c.query<LiveColumn>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const byTable = new Map<string, LiveColumn[]>();
  for (const row of rows) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row]);
  return byTable;
}

/** Values listed by single-column CHECK constraints of the form `col IN (…)`, per table.column. */
async function enumChecks(c: DbClient): Promise<Map<string, string[]>> {
  const { rows } = await c.query<{ table: string; column: string; def: string }>(
    `SELECT cl.relname AS table, a.attname AS column, pg_get_constraintdef(co.oid) AS def
       FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
       JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = co.conkey[1]
      WHERE n.nspname = 'public' AND co.contype = 'c' AND cardinality(co.conkey) = 1
        AND (pg_get_constraintdef(co.oid) LIKE '%ANY (ARRAY[%' OR pg_get_constraintdef(co.oid) ~ '= ''[^'']*''::text\\)\\)$')`,
  );
  const checks = new Map<string, string[]>();
  for (const row of rows) {
    const values = [...row.def.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1] as string);
    checks.set(`${row.table}.${row.column}`, values);
  }
  return checks;
}

const expectColumns = (live: LiveColumn[] | undefined, expected: Array<Omit<LiveColumn, 'table'>>) =>
  expect(live?.map(({ column, type, nullable }) => ({ column, type, nullable }))).toEqual(expected);

const specColumn = (c: ColumnSpec) => ({ column: c.column, type: SQL_TYPE[c.kind], nullable: c.nullable });

describe('migrations', () => {
  it('are a no-op the second time (and the third)', async () => {
    const fingerprint = () =>
      t.db.privileged(async (c) => ({
        columns: [...(await liveColumns(c)).entries()],
        policies: (
          await c.query(`SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies ORDER BY 1, 2`)
        ).rows,
        migrations: (await c.query('SELECT name FROM pgmigrations ORDER BY id')).rows,
      }));
    const before = await fingerprint();
    expect(before.migrations.length).toBeGreaterThanOrEqual(4);
    expect(await t.db.migrate()).toEqual({ applied: [] });
    expect(await t.db.migrate()).toEqual({ applied: [] });
    expect(await fingerprint()).toEqual(before);
  });

  it.each(COLLECTION_NAMES)('%s: live columns match the schema-derived spec exactly', async (name) => {
    const spec = TABLE_SPECS[name];
    const live = await t.db.privileged(liveColumns);
    const base = {
      organization_id: { type: 'uuid', nullable: false },
      id: { type: 'uuid', nullable: false },
      server_seq: { type: 'bigint', nullable: false },
      created_at: { type: 'timestamp with time zone', nullable: false },
      updated_at: { type: 'timestamp with time zone', nullable: false },
      client_updated_at: { type: 'timestamp with time zone', nullable: false },
      deleted: { type: 'boolean', nullable: false },
    };
    // The stored-JSON columns (migration 0290) are no document fields: checked apart, wherever they stand.
    const stored = new Set<string>(STORED_JSON_COLUMNS);
    const parent = live.get(spec.table) ?? [];
    expectColumns(
      parent.filter((c) => !stored.has(c.column)),
      [...BASE_COLUMNS.map((column) => ({ column, ...base[column] })), ...spec.columns.map(specColumn)],
    );
    expectColumns(
      parent.filter((c) => stored.has(c.column)),
      [
        { column: 'doc_json', type: 'text', nullable: true },
        { column: 'doc_json_seq', type: 'bigint', nullable: true },
        { column: 'doc_json_shape', type: 'text', nullable: true },
      ],
    );
    for (const child of spec.children) {
      expectColumns(live.get(child.table), [
        { column: 'organization_id', type: 'uuid', nullable: false },
        { column: 'id', type: 'uuid', nullable: false },
        { column: child.parentColumn, type: 'uuid', nullable: false },
        { column: 'position', type: 'integer', nullable: false },
        ...child.columns.map(specColumn),
      ]);
    }
  });

  it('lists exactly the zod enum values in every enum CHECK', async () => {
    const checks = await t.db.privileged(enumChecks);
    const expected: Array<[string, readonly string[]]> = [];
    for (const name of COLLECTION_NAMES) {
      const spec = TABLE_SPECS[name];
      for (const c of spec.columns)
        if (c.enumValues) expected.push([`${spec.table}.${c.column}`, c.enumValues]);
      for (const child of spec.children) {
        for (const c of child.columns)
          if (c.enumValues) expected.push([`${child.table}.${c.column}`, c.enumValues]);
      }
    }
    expected.push(['notification_preferences.type', notificationTypeSchema.options]);
    expect(expected.length).toBeGreaterThanOrEqual(40);
    for (const [key, values] of expected) expect({ key, values: checks.get(key) }).toEqual({ key, values });
  });

  it('enables and forces row-level security on every tenant table, with policies for the app role', async () => {
    const { rows } = await t.db.privileged((c) =>
      c.query<{ table: string; enabled: boolean; forced: boolean; policies: string[] }>(
        `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                coalesce(array_agg(p.cmd || ':' || array_to_string(p.roles, ',') ORDER BY p.cmd)
                  FILTER (WHERE p.policyname IS NOT NULL), '{}') AS policies
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           LEFT JOIN pg_policies p ON p.schemaname = n.nspname AND p.tablename = c.relname
          WHERE n.nspname = 'public' AND c.relkind = 'r'
          GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity ORDER BY 1`,
      ),
    );
    const withoutRls = rows.filter((r) => !r.enabled).map((r) => r.table);
    expect(withoutRls.sort()).toEqual(['app_settings', 'pgmigrations']);
    for (const row of rows.filter((r) => r.enabled)) {
      expect({ table: row.table, forced: row.forced }).toEqual({ table: row.table, forced: true });
      const expected =
        row.table === 'audit_log'
          ? ['INSERT:arco_app', 'SELECT:arco_app']
          : ['login_attempts', 'auth_rate_events', 'webauthn_challenges'].includes(row.table)
            ? ['ALL:arco_auth']
            : ['DELETE:arco_app', 'INSERT:arco_app', 'SELECT:arco_app', 'UPDATE:arco_app'];
      expect({ table: row.table, policies: row.policies }).toEqual({ table: row.table, policies: expected });
    }
    expect(rows.length).toBeGreaterThanOrEqual(34);
  });

  it('gives the app role no access to the migration history', async () => {
    await expect(t.db.query('SELECT * FROM pgmigrations')).rejects.toMatchObject({ code: '42501' });
  });

  // Last: leaves the schema re-created from scratch.
  it('roll all the way down and back up', async () => {
    const client = new pg.Client({ connectionString: t.db.ownerConnectionString });
    await client.connect();
    try {
      const options = {
        dbClient: client,
        dir: MIGRATIONS_DIR,
        migrationsTable: MIGRATIONS_TABLE,
        log: () => {},
      };
      const down = await runner({ ...options, direction: 'down', count: Infinity });
      expect(down.length).toBeGreaterThanOrEqual(4);
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1`,
        [MIGRATIONS_TABLE],
      );
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await client.end();
    }
    expect((await t.db.migrate()).applied.length).toBeGreaterThanOrEqual(4);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers')).rows[0]?.n).toBe(0);
  });
});
