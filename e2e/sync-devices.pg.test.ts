import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxCollection } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import { openDeviceDatabase, type DeviceDatabase } from '../client/db/database.ts';
import { buildNewTicket } from '../client/features/tickets/ticket-writes.ts';
import { slaDeadline } from '../shared/domain/portal/sla.ts';
import { startSync, type SyncHandle } from '../sync/client/replicate.ts';
import { initialSyncStatus, reduceSyncStatus, type SyncStatus } from '../sync/client/status.ts';
import { testConfig } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';
import { startServer, type RunningServer } from '../server/main.ts';
import {
  createSignInUsers,
  createTestDatabase,
  createTestTenant,
  minimalCustomer,
  type TestDatabase,
  type TestTenant,
} from '../server/db/testing.ts';

/**
 * The real RxDB client (memory storage) as separate devices against the real server over HTTP — sessions,
 * the sync routes, the PostgreSQL store, the SSE stream — on PostgreSQL (embedded, or DATABASE_URL).
 */
const PASSWORD = 'senha-de-teste-123';
let t: TestDatabase;
let tenant: TestTenant;
let server: RunningServer;
/** A second instance on the same PostgreSQL (real server only: the embedded database is one process). */
let second: RunningServer | null = null;
const emails = {
  maria: 'maria@devices.example',
  joao: 'joao@devices.example',
  client: 'cliente@devices.example',
};

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { name: 'Arco Digital' });
  const { organizationId, customerId } = tenant;
  await createSignInUsers(t.db, PASSWORD, [
    { organizationId, email: emails.maria, name: 'Maria Santos', role: 'csm' },
    { organizationId, email: emails.joao, name: 'João Silva', role: 'csm' },
    { organizationId, email: emails.client, name: 'Cliente TechCorp', role: 'client', customerId },
  ]);
  const config = testConfig({ port: 0, host: '127.0.0.1', trustProxy: 0 });
  const logger = createLogger({ level: 'silent' });
  server = await startServer({ config, logger, db: t.db, seed: false, staticRoot: null });
  if (t.kind === 'postgres')
    second = await startServer({ config, logger, db: t.db, seed: false, staticRoot: null });
}, 120_000);

afterAll(async () => {
  await second?.close();
  await server?.close();
  await t?.close();
});

interface Device {
  readonly db: DeviceDatabase;
  readonly sync: SyncHandle;
  readonly userId: string;
  readonly user: {
    id: string;
    name: string;
    role: 'csm' | 'client';
    organizationId: string;
    customerId: string | null;
  };
  status(): SyncStatus;
  setOnline(online: boolean): void;
  customers(): RxCollection;
  close(): Promise<void>;
}
const devices: Device[] = [];
afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
});

/** A browser-like fetch: keeps the session cookie, sends Origin, and can be cut off (offline). */
function browserFetch(target: RunningServer) {
  let cookie = '';
  let online = true;
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!online) throw new TypeError('Failed to fetch');
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    headers.set('origin', target.url);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    if (set.length) cookie = set.join('; ');
    return res;
  }) as typeof fetch;
  return { fetch: f, setOnline: (v: boolean) => void (online = v) };
}

async function signInDevice(email: string, target: RunningServer = server): Promise<Device> {
  const http = browserFetch(target);
  const res = await http.fetch(`${target.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const { user } = (await res.json()) as {
    user: {
      id: string;
      name: string;
      role: 'csm' | 'client';
      organizationId: string;
      customerId: string | null;
    };
  };
  let status = initialSyncStatus([], true);
  const db = await openDeviceDatabase({
    userId: `${user.id}-${devices.length}`,
    role: user.role,
    storage: getRxStorageMemory(),
    now: () => new Date(),
    multiInstance: false,
    only: ['customers', 'tickets', 'health'],
    onPendingCount: (collection, count) =>
      (status = reduceSyncStatus(status, { type: 'pending', collection, count }, new Date())),
  });
  const sync = startSync({
    collections: db.collections as Record<string, RxCollection>,
    userId: user.id,
    transport: { baseUrl: target.url, fetch: http.fetch },
    outbox: db.outbox,
    now: () => new Date(),
    dispatch: (e) => (status = reduceSyncStatus(status, e, new Date())),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    retryTimeMs: 300,
    waitForLeadership: false,
  });
  const device: Device = {
    db,
    sync,
    userId: user.id,
    user,
    status: () => status,
    setOnline: http.setOnline,
    customers: () => db.collections.customers as RxCollection,
    close: async () => {
      await sync.stop();
      await db.remove();
    },
  };
  devices.push(device);
  return device;
}

async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string, ms = 20_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const findCustomer = (d: Device, id: string) => d.customers().findOne(id).exec();

describe('two devices through the real server', () => {
  it('a customer created on A appears on B through the live stream, with server-stamped fields', async () => {
    const a = await signInDevice(emails.maria);
    const b = await signInDevice(emails.joao);
    await eventually(async () => (await b.customers().count().exec()) >= 2, 'B initial pull');
    const doc = minimalCustomer(uuidv7(), 'Padaria Pão Quente LTDA', null, new Date());
    await a.customers().insert(doc);
    const onB = await eventually(() => findCustomer(b, doc.id), 'the customer on B');
    expect(onB.get('name')).toBe('Padaria Pão Quente LTDA');
    expect(onB.get('serverSeq')).toBeGreaterThan(0);
    await eventually(async () => a.status().pending.customers === 0, 'A to drain its outbox');
  });

  it('edits made offline on both sides converge, and no acknowledged write is lost', async () => {
    const a = await signInDevice(emails.maria);
    const b = await signInDevice(emails.joao);
    const id = uuidv7();
    await a.customers().insert(minimalCustomer(id, 'Mercado Sol LTDA', null, new Date()));
    await eventually(() => findCustomer(b, id), 'the customer on B');

    a.setOnline(false);
    b.setOnline(false);
    await (await findCustomer(a, id))!.incrementalPatch({ notes: 'Cliente pediu proposta de SEO' });
    await (await findCustomer(b, id))!.incrementalPatch({ totalSeats: 25 });
    expect(a.status().pending.customers).toBe(1);
    a.setOnline(true);
    b.setOnline(true);
    a.sync.reSync();
    b.sync.reSync();

    const converged = async (d: Device) => {
      const doc = await findCustomer(d, id);
      return doc?.get('notes') === 'Cliente pediu proposta de SEO' && doc.get('totalSeats') === 25
        ? doc
        : null;
    };
    await eventually(() => converged(a), 'A to converge');
    await eventually(() => converged(b), 'B to converge');
    const stored = await t.db.withIdentity(tenant.admin, (c) =>
      c.query<{ notes: string; total_seats: number }>(
        'SELECT notes, total_seats FROM customers WHERE id = $1',
        [id],
      ),
    );
    expect(stored.rows[0]).toEqual({ notes: 'Cliente pediu proposta de SEO', total_seats: 25 });
  });

  it('a delete replicates to the other device', async () => {
    const a = await signInDevice(emails.maria);
    const b = await signInDevice(emails.joao);
    const id = uuidv7();
    await a.customers().insert(minimalCustomer(id, 'Encerrada ME', null, new Date()));
    await eventually(() => findCustomer(b, id), 'the customer on B');
    await (await findCustomer(a, id))!.remove();
    await eventually(async () => (await findCustomer(b, id)) === null, 'the delete on B');
  });

  it('a client device receives only its own customer', async () => {
    const c = await signInDevice(emails.client);
    await eventually(async () => (await c.customers().count().exec()) >= 1, 'the client pull');
    const ids = (await c.customers().find().exec()).map((d) => d.get('id'));
    expect(ids).toEqual([tenant.customerId]);
    expect(c.db.collections.health).toBeUndefined();
  });

  it("a ticket opened on a client's device comes back with the server's number and the shared SLA deadline", async () => {
    const c = await signInDevice(emails.client);
    const m = await signInDevice(emails.maria);
    const now = new Date();
    const built = buildNewTicket(
      {
        subject: 'Relatório não abre',
        description: 'O painel de conversões fica em branco.',
        priority: 'high',
      },
      { user: c.user, id: uuidv7(), messageId: uuidv7(), now },
    );
    if (!built.ok) throw new Error(`the ticket did not build: ${JSON.stringify(built)}`);
    const expected = slaDeadline({ priority: 'high', createdAt: now.toISOString() });
    // The device computes the deadline optimistically with the tickets' write rule…
    expect(built.value).toMatchObject({ number: null, slaDeadline: expected });
    const tickets = (d: Device) => d.db.collections.tickets as RxCollection;
    await tickets(c).insert(built.value);
    // …and keeps it after the server's answer: the stored row has the number and the same deadline.
    const synced = await eventually(async () => {
      const doc = await tickets(c).findOne(built.value.id).exec();
      return doc?.get('number') !== null && doc?.get('number') !== undefined ? doc : null;
    }, 'the server-numbered ticket back on the client device');
    expect(synced.get('slaDeadline')).toBe(expected);
    const onStaff = await eventually(
      () => tickets(m).findOne(built.value.id).exec(),
      'the ticket on the CSM device',
    );
    expect({ number: onStaff.get('number'), slaDeadline: onStaff.get('slaDeadline') }).toEqual({
      number: synced.get('number'),
      slaDeadline: expected,
    });
    const stored = await t.db.withIdentity(tenant.admin, (q) =>
      q.query<{ number: number; sla: string }>(
        'SELECT number, sla_deadline AS sla FROM tickets WHERE id = $1',
        [built.value.id],
      ),
    );
    expect(stored.rows.map((r) => ({ number: r.number, sla: Date.parse(r.sla) }))).toEqual([
      { number: synced.get('number'), sla: Date.parse(expected) },
    ]);
  });

  // Real PostgreSQL only: fan-out between instances is LISTEN/NOTIFY, which the embedded database (one
  // process, pglite-socket) cannot do and does not need.
  it.runIf(process.env.DATABASE_URL)(
    'a write through one server instance reaches a device streaming from another',
    async () => {
      const a = await signInDevice(emails.maria, server);
      const b = await signInDevice(emails.joao, second!);
      await eventually(async () => b.status().connectivity === 'online', 'B stream open');
      const doc = minimalCustomer(uuidv7(), 'Distribuidora Norte S.A.', null, new Date());
      await a.customers().insert(doc);
      const onB = await eventually(() => findCustomer(b, doc.id), 'the customer on B via the other instance');
      expect(onB.get('name')).toBe('Distribuidora Norte S.A.');
    },
  );
});
