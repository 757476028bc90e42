import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../shared/collections/index.ts';
import type { PlainObject } from '../documents.ts';
import {
  errorResponseSchema,
  PROTOCOL_HEADER,
  MIN_SUPPORTED_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  pullResponseSchema,
  PUSH_MAX_ROWS,
  PUSH_ROWS_ANY_SERVER,
  pushResponseSchema,
  streamChangeSchema,
} from '../protocol.ts';
import {
  ADMIN,
  CUSTOMER_LOJA,
  CUSTOMER_TECHCORP,
  fixture,
  FIXTURE_USERS,
  LOJA_CLIENT,
  MARIA_CSM,
  ORG_A,
  ORG_B,
  OTHER_ORG_ADMIN,
  T2,
  TECHCORP_CLIENT,
  uuid,
} from '../testing/fixtures.ts';
import { resolveConflict } from '../conflicts/handlers.ts';
import { createMemoryChangeFeed } from './memory-feed.ts';
import { createMemorySyncStore } from './memory-store.ts';
import { withErrorHandling } from './error-handler.ts';
import { createSyncRoutes, type SyncRoutesDeps, type SyncTimers } from './routes.ts';
import type { UserIdentity } from '../../shared/identity.ts';

const USERS: Record<string, UserIdentity> = {
  admin: ADMIN,
  maria: MARIA_CSM,
  techcorp: TECHCORP_CLIENT,
  loja: LOJA_CLIENT,
  outra: OTHER_ORG_ADMIN,
};
type Who = keyof typeof USERS | 'anonymous';

/** Timers the test fires by hand (no timing in tests). */
function manualTimers() {
  const intervals: (() => void)[] = [];
  const timeouts: (() => void)[] = [];
  const timers: SyncTimers = {
    setInterval: (fn) => intervals.push(fn),
    clearInterval: () => {},
    setTimeout: (fn) => timeouts.push(fn),
    clearTimeout: () => {},
  };
  return {
    timers,
    tickInterval: () => intervals.forEach((f) => f()),
    expire: () => timeouts.forEach((f) => f()),
  };
}

function setup(extra: Partial<SyncRoutesDeps> = {}) {
  const feed = createMemoryChangeFeed();
  let tick = 0;
  const store = createMemorySyncStore({
    feed,
    clock: () => new Date(Date.UTC(2026, 10, 21, 10, 0, 0, tick++)),
  });
  for (const user of FIXTURE_USERS) store.writeUser(user.organizationId, user.userId);
  store.writeAsServer(ORG_A, 'customers', fixture('customers', CUSTOMER_TECHCORP));
  store.writeAsServer(ORG_A, 'customers', { ...fixture('customers', CUSTOMER_LOJA), name: 'Loja Bela Moda' });
  store.writeAsServer(ORG_B, 'customers', { ...fixture('customers', uuid(0xc9)), name: 'Cliente da Outra' });
  const manual = manualTimers();
  const app = withErrorHandling(
    createSyncRoutes({
      getIdentity: (c) => USERS[c.req.header('x-test-as') ?? ''] ?? null,
      store,
      feed,
      timers: manual.timers,
      ...extra,
    }),
  );
  const headers = (who: Who, more: Record<string, string> = {}) => ({ 'x-test-as': who, ...more });
  const pull = async (who: Who, collection: string, query = '') => {
    const res = await app.request(`/${collection}/pull${query}`, { headers: headers(who) });
    return { res, body: (await res.json()) as PlainObject };
  };
  const pushRaw = (who: Who, collection: string, body: string, more: Record<string, string> = {}) =>
    app.request(`/${collection}/push`, {
      method: 'POST',
      headers: headers(who, { 'content-type': 'application/json', ...more }),
      body,
    });
  const push = async (who: Who, collection: CollectionName, rows: unknown[]) => {
    const res = await pushRaw(who, collection, JSON.stringify(rows));
    expect(res.status).toBe(200);
    return pushResponseSchema.parse(await res.json());
  };
  return { app, store, feed, manual, pull, push, pushRaw, headers };
}

const created = (doc: PlainObject) => ({ newDocumentState: { ...doc, serverSeq: 0, _deleted: false } });
const updated = (master: PlainObject, patch: PlainObject) => ({
  assumedMasterState: master,
  newDocumentState: { ...master, ...patch },
});
const goal = (n: number, customerId = CUSTOMER_TECHCORP) =>
  fixture('goals', uuid(0x600 + n), { customerId }) as PlainObject & { id: string };
const q = (checkpoint: unknown, limit?: number) =>
  `?checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}${limit === undefined ? '' : `&limit=${limit}`}`;

/** The API's one error family (shared/api-errors.ts); `reason` is the sync protocol's `details.reason`. */
async function expectError(res: Response, status: number, code: string, reason?: string) {
  expect(res.status).toBe(status);
  const body = errorResponseSchema.parse(await res.json());
  expect(body.error.code).toBe(code);
  expect(body.error.details?.reason).toBe(reason);
  return body;
}

describe('pull', () => {
  it('returns documents after the checkpoint in serverSeq order, page by page', async () => {
    const { push, pull } = setup();
    await push(
      'maria',
      'goals',
      [1, 2, 3, 4, 5].map((n) => created(goal(n))),
    );
    const first = await pull('maria', 'goals', '?limit=2');
    const page1 = pullResponseSchema.parse(first.body);
    expect(page1.documents.map((d) => d.id)).toEqual([goal(1).id, goal(2).id]);
    const page2 = pullResponseSchema.parse((await pull('maria', 'goals', q(page1.checkpoint, 2))).body);
    const page3 = pullResponseSchema.parse((await pull('maria', 'goals', q(page2.checkpoint, 2))).body);
    const page4 = pullResponseSchema.parse((await pull('maria', 'goals', q(page3.checkpoint, 2))).body);
    expect([...page2.documents, ...page3.documents].map((d) => d.id)).toEqual(
      [3, 4, 5].map((n) => goal(n).id),
    );
    const seqs = [...page1.documents, ...page2.documents, ...page3.documents].map((d) => d.serverSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // Caught up: no documents, and the checkpoint stays where it was.
    expect(page4).toEqual({ documents: [], checkpoint: page3.checkpoint });
    expect(first.res.headers.get(PROTOCOL_HEADER)).toBe(String(PROTOCOL_VERSION));
    expect(first.res.headers.get('cache-control')).toBe('no-store');
  });

  it('defaults to 100 documents and clamps the limit to 1..1000', async () => {
    const { store, pull } = setup();
    for (let n = 0; n < 1005; n++) store.writeAsServer(ORG_A, 'goals', goal(n));
    const docs = async (query: string) =>
      ((await pull('admin', 'goals', query)).body.documents as unknown[]).length;
    expect(await docs('')).toBe(100);
    expect(await docs('?limit=5000')).toBe(1000);
    expect(await docs('?limit=0')).toBe(1);
    expect(await docs('?limit=7')).toBe(7);
  });

  it.each([
    ['?checkpoint=nope', 'invalid_checkpoint'],
    [q({ seq: -1 }), 'invalid_checkpoint'],
    [q({ seq: 'a' }), 'invalid_checkpoint'],
    [q({ seq: 1, updatedAt: 'x' }), 'invalid_checkpoint'],
    [q([1]), 'invalid_checkpoint'],
    ['?limit=abc', 'invalid_query'],
    ['?limit=-5', 'invalid_query'],
    ['?limit=1e3', 'invalid_query'],
  ])('%s → 400 bad_request (%s)', async (query, reason) => {
    const { app, headers } = setup();
    await expectError(
      await app.request(`/goals/pull${query}`, { headers: headers('maria') }),
      400,
      'bad_request',
      reason,
    );
  });

  it('refuses unknown collections (404), collections the role may not sync (403) and anonymous users (401)', async () => {
    const { app, headers } = setup();
    const get = (path: string, who: Who = 'techcorp') => app.request(path, { headers: headers(who) });
    const notFound = await expectError(await get('/users/pull'), 404, 'not_found');
    expect(JSON.stringify(notFound)).not.toContain('users');
    for (const c of ['health', 'signals', 'activities'])
      await expectError(await get(`/${c}/pull`), 403, 'forbidden');
    await expectError(await get('/engagement/pull', 'maria'), 403, 'forbidden');
    await expectError(await get('/goals/pull', 'anonymous'), 401, 'unauthorized');
    await expectError(await get('/health/push'), 404, 'not_found'); // push is POST only
  });
});

describe('protocol version', () => {
  it('426 below the minimum, 400 above the current or malformed, current when missing', async () => {
    const { app, headers } = setup();
    const get = (version?: string) =>
      app.request('/goals/pull', {
        headers: headers('maria', version === undefined ? {} : { [PROTOCOL_HEADER]: version }),
      });
    const old = await expectError(
      await get(String(MIN_SUPPORTED_PROTOCOL_VERSION - 1)),
      426,
      'upgrade_required',
      'protocol_outdated',
    );
    expect(old.error.details).toEqual({
      reason: 'protocol_outdated',
      minimum: MIN_SUPPORTED_PROTOCOL_VERSION,
      current: PROTOCOL_VERSION,
    });
    await expectError(await get(String(PROTOCOL_VERSION + 1)), 400, 'bad_request', 'protocol_unsupported');
    await expectError(await get('v1'), 400, 'bad_request', 'protocol_unsupported');
    expect((await get()).status).toBe(200);
    expect((await get(String(PROTOCOL_VERSION))).status).toBe(200);
    // The check applies to push and stream too.
    const push = await app.request('/goals/push', {
      method: 'POST',
      headers: headers('maria', { [PROTOCOL_HEADER]: '0', 'content-type': 'application/json' }),
      body: '[]',
    });
    await expectError(push, 426, 'upgrade_required', 'protocol_outdated');
    await expectError(
      await app.request('/stream', { headers: headers('maria', { [PROTOCOL_HEADER]: '0' }) }),
      426,
      'upgrade_required',
      'protocol_outdated',
    );
  });
});

describe('push', () => {
  it('accepts more rows than every server of the protocol does, up to PUSH_MAX_ROWS, and names its maximum', async () => {
    const { push, pushRaw, store } = setup();
    const rows = Array.from({ length: PUSH_ROWS_ANY_SERVER * 3 }, (_, i) => created(goal(i + 1)));
    const before = store.lastSeq(ORG_A);
    expect(await push('maria', 'goals', rows)).toEqual({ conflicts: [], rejected: [] });
    expect(store.lastSeq(ORG_A)).toBe(before + rows.length);
    const tooMany = Array.from({ length: PUSH_MAX_ROWS + 1 }, (_, i) => created(goal(i + 1)));
    const refused = await expectError(
      await pushRaw('maria', 'goals', JSON.stringify(tooMany)),
      413,
      'payload_too_large',
      'too_many_rows',
    );
    expect(refused.error.details).toMatchObject({ max: PUSH_MAX_ROWS });
  });

  it('creates, updates, detects conflicts and is idempotent on retry', async () => {
    const { push, pull, store } = setup();
    expect(await push('maria', 'goals', [created(goal(1))])).toEqual({ conflicts: [], rejected: [] });
    const [master] = (await pull('maria', 'goals')).body.documents as PlainObject[];
    expect(master).toMatchObject({
      id: goal(1).id,
      serverSeq: 3, // after the two customers of the organization
      _deleted: false,
      updatedAt: expect.any(String),
    });

    const edit = updated(master!, { currentValue: 150, clientUpdatedAt: T2 });
    expect(await push('maria', 'goals', [edit])).toEqual({ conflicts: [], rejected: [] });
    const seqAfterEdit = store.lastSeq(ORG_A);
    // The response was lost and RxDB retries the same batch: nothing is written twice, no conflict.
    expect(await push('maria', 'goals', [edit])).toEqual({ conflicts: [], rejected: [] });
    expect(store.lastSeq(ORG_A)).toBe(seqAfterEdit);

    // Another device still based on the first master: conflict, answered with the current master.
    const stale = updated(master!, { title: 'Outro título' });
    const res = await push('admin', 'goals', [stale]);
    expect(res.rejected).toEqual([]);
    expect(res.conflicts).toEqual([
      expect.objectContaining({ id: goal(1).id, currentValue: 150, serverSeq: seqAfterEdit }),
    ]);
  });

  it('rejects a forged customer and leaves the master unchanged', async () => {
    const { push, store } = setup();
    await push('techcorp', 'goals', [created(goal(1))]);
    const master = store.peek('goals', goal(1).id)!.doc;
    const res = await push('techcorp', 'goals', [
      updated(master, { customerId: CUSTOMER_LOJA, title: 'Movido' }),
    ]);
    expect(res.rejected).toEqual([{ id: goal(1).id, code: 'forbidden', message: expect.any(String) }]);
    // The device may see this master, so it converges back to it.
    expect(res.conflicts).toEqual([master]);
    expect(store.peek('goals', goal(1).id)!.doc).toEqual(master);
    // Creating for another customer outright is refused the same way.
    const other = await push('techcorp', 'goals', [created(goal(2, CUSTOMER_LOJA))]);
    expect(other.rejected.map((r) => r.code)).toEqual(['forbidden']);
    expect(other.conflicts).toEqual([
      expect.objectContaining({ id: goal(2).id, _deleted: true, serverSeq: 0 }),
    ]);
    expect(store.peek('goals', goal(2).id)).toBeUndefined();
  });

  it('rejects a document claiming an organization, and overwrites forged server-owned fields', async () => {
    const { push, store } = setup();
    const forged = await push('techcorp', 'goals', [created({ ...goal(1), organizationId: ORG_B })]);
    expect(forged.rejected.map((r) => r.code)).toEqual(['invalid_document']);
    expect(store.peek('goals', goal(1).id)).toBeUndefined();

    const customer = store.peek('customers', CUSTOMER_TECHCORP)!.doc;
    const res = await push('admin', 'customers', [
      updated(customer, {
        mrrCents: 1,
        lifetimeValueCents: 1,
        updatedAt: T2,
        serverSeq: 999,
        notes: 'Cliente estratégico',
      }),
    ]);
    expect(res).toEqual({ conflicts: [], rejected: [] });
    const after = store.peek('customers', CUSTOMER_TECHCORP)!.doc;
    expect(after).toMatchObject({
      notes: 'Cliente estratégico',
      mrrCents: customer.mrrCents,
      lifetimeValueCents: customer.lifetimeValueCents,
    });
    expect(after.serverSeq).toBe(store.lastSeq(ORG_A));
    expect(after.updatedAt).not.toBe(T2);
  });

  it('returns rejected rows with their master in conflicts, and writes the rest of the batch', async () => {
    const { push, store } = setup();
    store.writeAsServer(ORG_A, 'actions', fixture('actions', uuid(0x900)));
    const action = store.peek('actions', uuid(0x900))!.doc;
    const res = await push('techcorp', 'actions', [
      updated(action, { title: 'Cliente mudou o título' }),
      created(fixture('actions', uuid(0x901))),
    ]);
    expect(res.rejected.map((r) => [r.id, r.code])).toEqual([
      [uuid(0x900), 'field_not_writable'],
      [uuid(0x901), 'forbidden'],
    ]);
    expect(res.conflicts).toEqual([action, expect.objectContaining({ id: uuid(0x901), _deleted: true })]);
    const ok = await push('techcorp', 'actions', [updated(action, { status: 'completed', completedAt: T2 })]);
    expect(ok).toEqual({ conflicts: [], rejected: [] });
    expect(store.peek('actions', uuid(0x900))!.doc.status).toBe('completed');
  });

  it('a push batch of one valid edit and one row naming an unknown user answers 200: the edit is stored, the other row comes back rejected', async () => {
    const { push, store } = setup();
    const ticket = { ...fixture('tickets', uuid(0x910), { customerId: CUSTOMER_TECHCORP }), messages: [] };
    store.writeAsServer(ORG_A, 'tickets', ticket);
    const master = store.peek('tickets', uuid(0x910))!.doc;
    const stranger = { ...ticket, id: uuid(0x911), number: null, assignedTo: uuid(0x999) };
    const res = await push('maria', 'tickets', [updated(master, { priority: 'urgent' }), created(stranger)]);
    expect(res.rejected).toEqual([
      {
        id: stranger.id,
        code: 'invalid_document',
        message: 'assignedTo: no such user in this organization.',
      },
    ]);
    expect(res.conflicts).toEqual([
      expect.objectContaining({ id: stranger.id, serverSeq: 0, _deleted: true, assignedTo: uuid(0x999) }),
    ]);
    expect(store.peek('tickets', uuid(0x910))!.doc).toMatchObject({ priority: 'urgent' });
    expect(store.peek('tickets', stranger.id)).toBeUndefined();
  });

  it('replicates deletes as tombstones', async () => {
    const { push, pull } = setup();
    await push('techcorp', 'leads', [created(fixture('leads', uuid(0x800)))]);
    const [lead] = (await pull('techcorp', 'leads')).body.documents as PlainObject[];
    await push('techcorp', 'leads', [updated(lead!, { _deleted: true })]);
    const after = pullResponseSchema.parse(
      (await pull('techcorp', 'leads', q({ seq: lead!.serverSeq }))).body,
    );
    expect(after.documents).toEqual([expect.objectContaining({ id: uuid(0x800), _deleted: true })]);
    expect(after.documents[0]!.serverSeq).toBeGreaterThan(lead!.serverSeq as number);
  });

  it.each([
    ['not JSON', '{oops', 400, 'bad_request'],
    ['not an array', '{"newDocumentState":{}}', 422, 'validation_failed'],
    ['a row without a document', '[{"assumedMasterState":null}]', 422, 'validation_failed'],
    ['a document without an id', '[{"newDocumentState":{"title":"x"}}]', 422, 'validation_failed'],
    ['an extra row key', '[{"newDocumentState":{"id":"a"},"x":1}]', 422, 'validation_failed'],
    [
      'the same id twice',
      '[{"newDocumentState":{"id":"a"}},{"newDocumentState":{"id":"a"}}]',
      422,
      'validation_failed',
    ],
    [
      `${PUSH_MAX_ROWS + 1} rows`,
      JSON.stringify(
        Array.from({ length: PUSH_MAX_ROWS + 1 }, (_, i) => ({ newDocumentState: { id: `r${i}` } })),
      ),
      413,
      'payload_too_large',
      'too_many_rows',
    ],
  ])('%s is refused and nothing is written', async (_, body, status, code, reason?: string) => {
    const { pushRaw, store } = setup();
    const before = store.lastSeq(ORG_A);
    await expectError(await pushRaw('maria', 'goals', body), status, code, reason);
    expect(store.lastSeq(ORG_A)).toBe(before);
  });

  it('refuses non-JSON content types (415) and bodies over the limit (413), chunked ones too', async () => {
    const { pushRaw } = setup({ maxBodyBytes: 1_000 });
    await expectError(
      await pushRaw('maria', 'goals', '[]', { 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    const big = JSON.stringify([created(goal(1)), created(goal(2)), created(goal(3))]);
    await expectError(await pushRaw('maria', 'goals', big), 413, 'payload_too_large');
    const { app, headers } = setup({ maxBodyBytes: 1_000 });
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(800)));
        controller.close();
      },
    });
    const res = await app.request('/goals/push', {
      method: 'POST',
      headers: headers('maria', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }),
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    await expectError(res, 413, 'payload_too_large');
  });

  it("a client's reply to a ticket waiting for them reopens it; a staff change meanwhile still converges", async () => {
    const { push, pull, store } = setup();
    const id = uuid(0x711);
    const waiting = store.writeAsServer(ORG_A, 'tickets', {
      ...fixture('tickets', id),
      status: 'waiting_client',
    });
    const reply = (n: number) => ({
      id: uuid(0x7100 + n),
      senderType: 'client',
      senderId: TECHCORP_CLIENT.userId,
      senderName: 'Ana Souza',
      body: 'Segue o print.',
      createdAt: T2,
    });
    const messages = waiting.messages as PlainObject[];

    // An app that leaves the status alone: the server applies the rule.
    const res = await push('techcorp', 'tickets', [updated(waiting, { messages: [...messages, reply(1)] })]);
    expect(res).toEqual({ conflicts: [], rejected: [] });
    const [pulled] = (await pull('techcorp', 'tickets')).body.documents as PlainObject[];
    expect(pulled).toMatchObject({ id, status: 'in_progress' });

    // Maria asks again; the client's optimistic reply based on the older master conflicts, is merged by the
    // device and re-pushed: the reply wins over the concurrent question, and nothing is rejected.
    const asked = store.peek('tickets', id)!.doc;
    const ask = { ...reply(2), senderType: 'support', senderId: MARIA_CSM.userId, senderName: 'Maria' };
    expect(
      await push('maria', 'tickets', [
        updated(asked, { status: 'waiting_client', messages: [...(asked.messages as PlainObject[]), ask] }),
      ]),
    ).toEqual({ conflicts: [], rejected: [] });
    const master = store.peek('tickets', id)!.doc;
    const mine = {
      ...asked,
      status: 'in_progress',
      messages: [...(asked.messages as PlainObject[]), reply(3)],
    };
    const stale = await push('techcorp', 'tickets', [{ assumedMasterState: asked, newDocumentState: mine }]);
    expect(stale.conflicts).toEqual([master]);
    const merged = resolveConflict('tickets', {
      assumedMasterState: asked,
      realMasterState: master,
      newDocumentState: mine,
    });
    expect(merged.status).toBe('in_progress');
    expect(
      await push('techcorp', 'tickets', [{ assumedMasterState: master, newDocumentState: merged }]),
    ).toEqual({ conflicts: [], rejected: [] });
    const final = store.peek('tickets', id)!.doc;
    expect(final.status).toBe('in_progress');
    expect((final.messages as PlainObject[]).map((m) => m.id)).toEqual(
      expect.arrayContaining([reply(1).id, ask.id, reply(3).id]),
    );

    // A client still sets no status but closed.
    const forged = await push('techcorp', 'tickets', [updated(final, { status: 'waiting_client' })]);
    expect(forged.rejected.map((r) => r.code)).toEqual(['field_not_writable']);
  });

  it('an empty batch is a no-op', async () => {
    const { push } = setup();
    expect(await push('maria', 'goals', [])).toEqual({ conflicts: [], rejected: [] });
  });
});

describe('client user scoping', () => {
  it('sees only their own customer, tickets and inbox; never health, signals or activities', async () => {
    const { store, pull } = setup();
    store.writeAsServer(ORG_A, 'tickets', fixture('tickets', uuid(0x701)));
    store.writeAsServer(
      ORG_A,
      'tickets',
      fixture('tickets', uuid(0x702), { customerId: CUSTOMER_LOJA, userId: LOJA_CLIENT.userId }),
    );
    store.writeAsServer(
      ORG_A,
      'notifications',
      fixture('notifications', uuid(0x711), { userId: TECHCORP_CLIENT.userId }),
    );
    store.writeAsServer(
      ORG_A,
      'notifications',
      fixture('notifications', uuid(0x712), { userId: LOJA_CLIENT.userId }),
    );
    store.writeAsServer(
      ORG_A,
      'engagement',
      fixture('engagement', uuid(0x721), { userId: TECHCORP_CLIENT.userId }),
    );
    store.writeAsServer(
      ORG_A,
      'engagement',
      fixture('engagement', uuid(0x722), { customerId: CUSTOMER_LOJA, userId: LOJA_CLIENT.userId }),
    );
    store.writeAsServer(ORG_A, 'health', fixture('health', uuid(0x731)));
    store.writeAsServer(ORG_A, 'content', fixture('content', uuid(0x741)));
    store.writeAsServer(ORG_B, 'content', { ...fixture('content', uuid(0x742)), slug: 'outra' });
    const ids = async (who: Who, collection: string) =>
      ((await pull(who, collection)).body.documents as PlainObject[]).map((d) => d.id);
    expect(await ids('techcorp', 'customers')).toEqual([CUSTOMER_TECHCORP]);
    expect(await ids('techcorp', 'tickets')).toEqual([uuid(0x701)]);
    expect(await ids('techcorp', 'notifications')).toEqual([uuid(0x711)]);
    expect(await ids('techcorp', 'engagement')).toEqual([uuid(0x721)]);
    expect(await ids('techcorp', 'content')).toEqual([uuid(0x741)]);
    expect(await ids('maria', 'customers')).toEqual([CUSTOMER_TECHCORP, CUSTOMER_LOJA]);
    expect(await ids('maria', 'notifications')).toEqual([]);
    expect(await ids('maria', 'health')).toEqual([uuid(0x731)]);
    expect(await ids('outra', 'tickets')).toEqual([]);
    expect((await pull('techcorp', 'health')).res.status).toBe(403);
  });

  it('cannot push health (403) nor staff-only data through another route', async () => {
    const { pushRaw } = setup();
    const body = JSON.stringify([created(fixture('health', uuid(0x731)))]);
    await expectError(await pushRaw('techcorp', 'health', body), 403, 'forbidden');
    await expectError(await pushRaw('techcorp', 'signals', body), 403, 'forbidden');
  });
});

/** Reads Server-Sent Events from a fetch Response body. */
function sse(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<{ event?: string; data?: string; comment?: string } | null> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) return { comment: block.slice(1).trim() };
        const out: { event?: string; data?: string } = {};
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ');
          if (field === 'event') out.event = rest.join(': ');
          if (field === 'data') out.data = (out.data === undefined ? '' : `${out.data}\n`) + rest.join(': ');
        }
        return out;
      }
      const { done, value } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return { next, cancel: () => reader.cancel() };
}

describe('stream', () => {
  it('sends RESYNC on connect, then each committed change the user may see', async () => {
    const { app, headers, push, feed } = setup();
    const res = await app.request('/stream', { headers: headers('techcorp') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = sse(res);
    expect(await events.next()).toEqual({ event: 'resync', data: 'RESYNC' });

    // A change for another customer is never delivered; the next visible one is.
    await push('loja', 'goals', [created(goal(1, CUSTOMER_LOJA))]);
    await push('maria', 'goals', [created(goal(2))]);
    const change = await events.next();
    expect(change?.event).toBe('change');
    const body = streamChangeSchema.parse(JSON.parse(change!.data!));
    expect(body.collection).toBe('goals');
    expect(body.documents.map((d) => d.id)).toEqual([goal(2).id]);
    expect(body.checkpoint).toEqual({ seq: body.documents[0]!.serverSeq });

    // Tombstones are streamed too.
    const master = body.documents[0]!;
    await push('techcorp', 'goals', [updated(master, { _deleted: true })]);
    const deleted = streamChangeSchema.parse(JSON.parse((await events.next())!.data!));
    expect(deleted.documents).toEqual([expect.objectContaining({ id: goal(2).id, _deleted: true })]);

    // Closing the connection unsubscribes it from the feed.
    expect(feed.subscriberCount()).toBe(1);
    await events.cancel();
    await Promise.resolve();
    expect(feed.subscriberCount()).toBe(0);
  });

  it('one connection carries every collection of the role, and nothing of other organizations', async () => {
    const { app, headers, push, store } = setup();
    const events = sse(await app.request('/stream', { headers: headers('maria') }));
    expect((await events.next())?.event).toBe('resync');
    store.writeAsServer(ORG_B, 'goals', goal(9, uuid(0xc9)));
    store.writeAsServer(ORG_A, 'health', fixture('health', uuid(0x731)));
    const ticket = {
      ...fixture('tickets', uuid(0x701)),
      number: null,
      createdBy: MARIA_CSM.userId,
      messages: [],
    };
    await push('maria', 'tickets', [created(ticket)]);
    const first = streamChangeSchema.parse(JSON.parse((await events.next())!.data!));
    const second = streamChangeSchema.parse(JSON.parse((await events.next())!.data!));
    expect([first.collection, second.collection]).toEqual(['health', 'tickets']);
    expect(second.documents[0]).toMatchObject({ number: 1 });
    await events.cancel();
  });

  it('sends keep-alive comments, forwards a feed RESYNC, and closes after its maximum lifetime', async () => {
    const { app, headers, manual, feed } = setup();
    const events = sse(await app.request('/stream', { headers: headers('techcorp') }));
    expect((await events.next())?.data).toBe('RESYNC');
    manual.tickInterval();
    expect(await events.next()).toEqual({ comment: 'keep-alive' });
    feed.resync();
    expect(await events.next()).toEqual({ event: 'resync', data: 'RESYNC' });
    manual.expire();
    expect(await events.next()).toBeNull();
    expect(feed.subscriberCount()).toBe(0);
  });

  it('a client too slow to keep up gets RESYNC instead of an unbounded queue', async () => {
    const { app, headers, store } = setup({ maxQueuedEvents: 3 });
    const events = sse(await app.request('/stream', { headers: headers('maria') }));
    // Nothing is read while 20 batches commit.
    for (let n = 0; n < 20; n++) store.writeAsServer(ORG_A, 'goals', goal(n));
    const received: { event?: string; data?: string }[] = [];
    for (;;) {
      const e = (await events.next())!;
      received.push(e);
      if (e.event === 'change' && JSON.parse(e.data!).documents[0].id === goal(19).id) break;
    }
    const resyncs = received.filter((e) => e.event === 'resync').length;
    const changes = received.filter((e) => e.event === 'change').length;
    expect(resyncs).toBeGreaterThanOrEqual(2);
    expect(changes).toBeLessThan(20);
    await events.cancel();
  });

  it('refuses anonymous users', async () => {
    const { app, headers } = setup();
    await expectError(await app.request('/stream', { headers: headers('anonymous') }), 401, 'unauthorized');
  });
});
