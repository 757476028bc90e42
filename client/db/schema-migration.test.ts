import type { RxCollection } from 'rxdb';
import { addRxPlugin, createRxDatabase } from 'rxdb/plugins/core';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS } from '../../shared/collections/index.ts';
import { toRxJsonSchema } from '../../sync/client/rx-schema.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
import { CONFLICT_HANDLERS } from '../../sync/conflicts/index.ts';
import { createOutbox, type Outbox } from '../../sync/client/outbox.ts';
import { databaseKeyValueStore } from './database-key-value-store.ts';
import { startSync } from '../../sync/client/replicate.ts';
import { trackLocalWrites } from '../../sync/client/write-tracking.ts';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { databaseNameFor, openDeviceDatabase } from './database.ts';

/**
 * An installed app updates: its device database was created with an older stored shape (version 0 of
 * `activities`, `signals` and `meetings`, before the alert lifecycle, task, ticket-note and meeting-answer
 * fields). The updated app must open it and
 * migrate the stored documents, not refuse to start (sync/client/rx-schema.ts `RX_SCHEMA_VERSIONS`).
 */
const NEW_FIELDS = {
  activities: ['signalId', 'dueAt', 'completedAt', 'assignedTo', 'ticketId'],
  signals: ['acknowledgedAt', 'startedAt', 'dismissReason'],
  meetings: ['requestAnswer'],
  tickets: ['channel'],
  customers: ['cnpj'],
} as const;

function versionZero(name: keyof typeof NEW_FIELDS) {
  const schema = toRxJsonSchema(COLLECTION_DEFS[name]);
  const properties = { ...schema.properties };
  for (const f of NEW_FIELDS[name]) delete properties[f];
  return {
    ...schema,
    version: 0,
    properties,
    required: schema.required.filter((f) => !(NEW_FIELDS[name] as readonly string[]).includes(f)),
  };
}

describe('device database schema migration', () => {
  it('opens a database written by the previous version and fills the new fields with their defaults', async () => {
    addRxPlugin(RxDBLeaderElectionPlugin);
    const userId = crypto.randomUUID();
    const storage = getRxStorageMemory();
    const old = await createRxDatabase({ name: databaseNameFor(userId), storage, multiInstance: false });
    await old.addCollections({
      activities: { schema: versionZero('activities') as never },
      meetings: { schema: versionZero('meetings') as never },
      tickets: { schema: versionZero('tickets') as never },
      customers: { schema: versionZero('customers') as never },
    });
    const at = '2026-01-29T12:00:00.000Z';
    await old.collections.activities!.insert({
      id: '0199c000-0000-7000-8000-000000000001',
      updatedAt: at,
      serverSeq: 7,
      clientUpdatedAt: at,
      customerId: '0199c000-0000-7000-8000-000000000050',
      type: 'call',
      title: 'Ligação',
      description: null,
      performedBy: null,
      performedByName: null,
      occurredAt: at,
      metadata: {},
    });
    const { requestAnswer: _added, ...meeting } = fixture('meetings', '0199c000-0000-7000-8000-000000000002');
    await old.collections.meetings!.insert(meeting);
    const { channel: _new, ...ticket } = fixture('tickets', '0199c000-0000-7000-8000-000000000003');
    await old.collections.tickets!.insert(ticket);
    const { cnpj: _cnpj, ...customer } = fixture('customers', '0199c000-0000-7000-8000-000000000004');
    await old.collections.customers!.insert(customer);
    await old.close();

    const updated = await openDeviceDatabase({
      userId,
      role: 'csm',
      storage,
      now: () => new Date(at),
      onPendingCount: () => {},
      multiInstance: false,
      only: ['activities', 'meetings', 'tickets', 'customers'],
    });
    try {
      const doc = await updated.collections
        .activities!.findOne('0199c000-0000-7000-8000-000000000001')
        .exec();
      expect(doc?.toJSON()).toMatchObject({
        title: 'Ligação',
        signalId: null,
        dueAt: null,
        completedAt: null,
        assignedTo: null,
        ticketId: null,
      });
      const answered = await updated.collections
        .meetings!.findOne('0199c000-0000-7000-8000-000000000002')
        .exec();
      expect(answered?.toJSON()).toMatchObject({ ...meeting, requestAnswer: null });
      const ticketDoc = await updated.collections
        .tickets!.findOne('0199c000-0000-7000-8000-000000000003')
        .exec();
      expect(ticketDoc?.toJSON()).toMatchObject({ ...ticket, channel: 'ticket' });
      const customerDoc = await updated.collections
        .customers!.findOne('0199c000-0000-7000-8000-000000000004')
        .exec();
      expect(customerDoc?.toJSON()).toMatchObject({ ...customer, cnpj: null });
    } finally {
      await updated.remove();
    }
  });
});

/**
 * Issue 16: version 1 of `customers` adds the name index (the list's first screenful). A device that already
 * synced its customers, and changed one offline that the server has not seen, updates the app: the database
 * opens, the customers are migrated into the indexed storage, the change is still counted as pending and is the
 * one document pushed when the device is back online (the replication's checkpoints migrate with the data).
 */
describe('customers name index (version 1)', () => {
  const names = ['Zeta Ltda', 'Alfa Serviços', 'Beta Indústria'];
  const synced = names.map((name, i) => ({
    ...fixture('customers', `0199c000-0000-7000-8000-00000000010${i}`),
    id: `0199c000-0000-7000-8000-00000000010${i}`,
    name,
    serverSeq: i + 1,
  }));

  /** A pull API over `synced`; pushes are refused as a lost network, or recorded when `online`. */
  function api(online: boolean) {
    const pushed: Record<string, unknown>[] = [];
    const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
      const url = new URL(input);
      if (url.pathname.endsWith('/push')) {
        if (!online) throw new TypeError('Failed to fetch');
        const rows = JSON.parse(String(init?.body)) as { newDocumentState: Record<string, unknown> }[];
        pushed.push(...rows.map((r) => r.newDocumentState));
        return Response.json({ conflicts: [], rejected: [] });
      }
      if (!url.pathname.endsWith('/customers/pull'))
        return Response.json({ documents: [], checkpoint: { seq: 0 } });
      const checkpoint = url.searchParams.get('checkpoint');
      const after = checkpoint ? (JSON.parse(checkpoint) as { seq: number }).seq : 0;
      const page = synced.filter((d) => d.serverSeq > after);
      return Response.json({
        documents: page.map((d) => ({ ...d, _deleted: false })),
        checkpoint: { seq: page.at(-1)?.serverSeq ?? after },
      });
    };
    return { fetch: fetch as unknown as typeof globalThis.fetch, pushed };
  }

  const sync = (
    db: { collections: object; outbox: Outbox },
    userId: string,
    fetch: typeof globalThis.fetch,
  ) =>
    startSync({
      collections: db.collections as Record<string, RxCollection>,
      userId,
      transport: { baseUrl: 'http://127.0.0.1:9', fetch },
      outbox: db.outbox,
      now: () => new Date(),
      dispatch: () => undefined,
      setTimeout: () => 0,
      clearTimeout: () => undefined,
      waitForLeadership: false,
      retryTimeMs: 60_000,
    });

  it('migrates a device at version 0, keeps its unsynced change and pushes only that change', async () => {
    addRxPlugin(RxDBLeaderElectionPlugin);
    addRxPlugin(RxDBLocalDocumentsPlugin);
    const userId = crypto.randomUUID();
    const storage = getRxStorageMemory();

    // The installed app before the update: customers at version 0 (no name index), wired as database.ts was.
    const old = await createRxDatabase({
      name: databaseNameFor(userId),
      storage,
      multiInstance: false,
      localDocuments: true,
    });
    const { indexes: _none, ...unindexed } = toRxJsonSchema(COLLECTION_DEFS.customers);
    const { customers } = await old.addCollections({
      customers: {
        schema: { ...unindexed, version: 0 } as never,
        conflictHandler: CONFLICT_HANDLERS.customers as never,
      },
    });
    const kv = databaseKeyValueStore(old);
    const outbox = createOutbox({
      store: kv,
      collections: ['customers'],
      now: () => new Date(),
      onCount: () => {},
    });
    await outbox.load();
    trackLocalWrites('customers', customers!, outbox);
    const offline = sync({ collections: { customers }, outbox }, userId, api(false).fetch);
    await offline.states.customers!.awaitInitialReplication();
    expect(await customers!.count().exec()).toBe(3);
    // Edited offline: the push fails, the change waits on the device.
    await customers!
      .findOne(synced[0]!.id)
      .exec()
      .then((d) => d!.incrementalPatch({ name: 'Zeta Nova' }));
    expect(outbox.count('customers')).toBe(1);
    await offline.stop();
    await outbox.flush();
    await old.close();

    const updated = await openDeviceDatabase({
      userId,
      role: 'csm',
      storage,
      now: () => new Date(),
      onPendingCount: () => {},
      multiInstance: false,
      only: ['customers'],
    });
    try {
      const collection = updated.collections.customers!;
      expect(collection.schema.version).toBe(3); // the name index (1), the CNPJ (2), the alphanumeric CNPJ (3)
      expect(await collection.count().exec()).toBe(3);
      expect(updated.outbox.count('customers')).toBe(1);
      // The first screenful's query: by name, from the index.
      const first = await collection.find({ selector: {}, sort: [{ name: 'asc' }], limit: 2 }).exec();
      expect(first.map((d) => d.get('name'))).toEqual(['Alfa Serviços', 'Beta Indústria']);

      const online = api(true);
      const back = sync(updated, userId, online.fetch);
      try {
        await back.states.customers!.awaitInSync();
        expect(online.pushed.map((d) => [d.id, d.name])).toEqual([[synced[0]!.id, 'Zeta Nova']]);
        expect(updated.outbox.count('customers')).toBe(0);
      } finally {
        await back.stop();
      }
    } finally {
      await updated.remove();
    }
  });
});

/**
 * Protocol 12: version 3 of `customers` widens the CNPJ's pattern to the alphanumeric CNPJ. A device at version
 * 2 (numeric CNPJs only) updates: its customers and their numeric CNPJs are kept as they are, and the updated
 * collection stores an alphanumeric one, which version 2's schema refused.
 */
describe('customers alphanumeric CNPJ (version 3)', () => {
  it('keeps a version-2 device’s customers and accepts an alphanumeric CNPJ after the update', async () => {
    const userId = crypto.randomUUID();
    const storage = getRxStorageMemory();
    const current = toRxJsonSchema(COLLECTION_DEFS.customers);
    const numericOnly = {
      ...current,
      version: 2,
      properties: {
        ...current.properties,
        cnpj: { default: null, anyOf: [{ type: 'string', pattern: '^\\d{14}$' }, { type: 'null' }] },
      },
    };
    const old = await createRxDatabase({ name: databaseNameFor(userId), storage, multiInstance: false });
    const { customers } = await old.addCollections({
      customers: {
        schema: numericOnly as never,
        migrationStrategies: { 1: (d: unknown) => d, 2: (d: unknown) => d },
      },
    });
    const id = '0199c000-0000-7000-8000-000000000301';
    const stored = { ...fixture('customers', id), cnpj: '11222333000181' };
    await customers!.insert(stored);
    await old.close();

    const updated = await openDeviceDatabase({
      userId,
      role: 'csm',
      storage,
      now: () => new Date(),
      onPendingCount: () => {},
      multiInstance: false,
      only: ['customers'],
    });
    try {
      const collection = updated.collections.customers!;
      expect(collection.schema.version).toBe(3);
      expect((await collection.findOne(id).exec())?.toJSON()).toMatchObject(stored);
      const doc = await collection.findOne(id).exec();
      await doc!.incrementalPatch({ cnpj: '12ABC34501DE35' });
      expect((await collection.findOne(id).exec())?.get('cnpj')).toBe('12ABC34501DE35');
    } finally {
      await updated.remove();
    }
  });
});
