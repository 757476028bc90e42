import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Customer } from '../../shared/entities/customer.ts';
import type { Change } from '../../sync/server/store.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { startPgChangeFeed, type PgChangeFeed } from './pg-change-feed.ts';
import { createServerWriter, type ServerWriter } from './server-writes.ts';

/**
 * The LISTEN/NOTIFY feed (real PostgreSQL only: the embedded database uses the in-process feed). Two feeds on
 * one database stand for two server instances: the writer's (which delivers the documents it holds) and
 * another (which reads the notified range back). Both must deliver the same documents, once, in commit order,
 * and nothing of a transaction that rolled back.
 */
const now = new Date('2026-11-21T12:00:00.000Z');
let t: TestDatabase;
let tenant: TestTenant;
let writerFeed: PgChangeFeed;
let otherFeed: PgChangeFeed;
let writer: ServerWriter;
let heard: { writer: Change[]; other: Change[] };
let unsubscribe: (() => void)[] = [];
const errors: unknown[] = [];

describe.runIf(process.env.DATABASE_URL)('PostgreSQL change feed', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    const start = () =>
      startPgChangeFeed({
        db: t.db,
        connectionString: t.db.ownerConnectionString,
        onError: (error) => errors.push(error),
      });
    writerFeed = await start();
    otherFeed = await start();
    writer = createServerWriter({ db: t.db, feed: writerFeed, notifier: writerFeed, clock: () => now });
  });
  afterAll(async () => {
    await writerFeed?.close();
    await otherFeed?.close();
    await t?.close();
  });
  beforeEach(async () => {
    await t.truncateAll();
    tenant = await createTestTenant(t.db, { now });
    heard = { writer: [], other: [] };
    unsubscribe = [
      writerFeed.subscribe((e) => void (e !== 'RESYNC' && heard.writer.push(e))),
      otherFeed.subscribe((e) => void (e !== 'RESYNC' && heard.other.push(e))),
    ];
  });
  afterEach(() => {
    for (const off of unsubscribe) off();
    expect(errors).toEqual([]);
  });

  /** A customer with two contacts of its own (children: the part a re-read builds with subqueries). */
  const customer = (name: string): Customer => {
    const base = fixture('customers', uuidv7()) as Customer;
    const contact = base.contacts[0]!;
    return {
      ...base,
      name,
      csmId: null,
      contacts: [
        { ...contact, id: uuidv7() },
        { ...contact, id: uuidv7(), firstName: 'Bruno', isPrimary: false },
      ],
    };
  };
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(check()).toBe(true);
  };
  const names = (changes: Change[]) =>
    changes.flatMap((c) => c.documents.map((d) => (d as unknown as Customer).name));

  it("the writer's instance delivers the documents it wrote, equal to another instance's read of the range", async () => {
    await writer.transaction(tenant.organizationId, (tx) =>
      tx.write('customers', [customer('Alfa Ltda'), customer('Beta S.A.')]),
    );
    await writer.transaction(tenant.organizationId, (tx) => tx.write('customers', [customer('Gama ME')]));
    await until(() => heard.writer.length === 2 && heard.other.length === 2);

    expect(names(heard.writer)).toEqual(['Alfa Ltda', 'Beta S.A.', 'Gama ME']);
    // The other instance read the rows back from PostgreSQL: the held documents are exactly the stored ones.
    expect(heard.writer).toEqual(heard.other);
    expect(heard.other[0]!.documents[0]).toMatchObject({ _deleted: false, contacts: [{}, {}] });
  });

  it('a change whose transaction rolled back is never delivered; the next commit is, once', async () => {
    await expect(
      writer.transaction(tenant.organizationId, async (tx) => {
        await tx.write('customers', [customer('Desfeita')]);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    await writer.transaction(tenant.organizationId, (tx) => tx.write('customers', [customer('Delta')]));
    await until(() => heard.writer.length >= 1 && heard.other.length >= 1);
    await new Promise((r) => setTimeout(r, 200));

    expect(names(heard.writer)).toEqual(['Delta']);
    expect(names(heard.other)).toEqual(['Delta']);
  });
});
