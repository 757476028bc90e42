import { addRxPlugin, createRxDatabase } from 'rxdb/plugins/core';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS } from '../../shared/collections/index.ts';
import { toRxJsonSchema } from '../../sync/client/rx-schema.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
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
    await old.close();

    const updated = await openDeviceDatabase({
      userId,
      role: 'csm',
      storage,
      now: () => new Date(at),
      onPendingCount: () => {},
      multiInstance: false,
      only: ['activities', 'meetings', 'tickets'],
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
    } finally {
      await updated.remove();
    }
  });
});
