import type { Hono } from 'hono';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/api-errors.ts';
import { buildPixBrCode } from '../../shared/domain/portal/br-code.ts';
import type { Invoice } from '../../shared/entities/billing.ts';
import { checkoutResponseSchema } from '../../shared/payments.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import type { Change } from '../../sync/server/store.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import { testConfig } from '../config.ts';
import { nextServerFields, readDocument, writeDocument } from '../db/index.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import type { AppEnv } from '../http/context.ts';
import { createLogger } from '../logger.ts';
import { createServerWriter } from '../sync/server-writes.ts';
import { createFakeGateway, type FakeDelivery } from './fake-gateway.ts';
import type { PaymentEvent } from './gateway.ts';
import { paymentsRoutes } from './routes.ts';
import { signWebhook } from './signature.ts';
import { signedInCookie } from '../http/testing.ts';

/**
 * "Pagar" end to end on PostgreSQL through `app.request()`: checkout as the client, the fake gateway's signed
 * webhook, the invoice marked paid by a server write whose change reaches the change feed (what devices sync),
 * replays applied once, and every refusal in the API's error family.
 */
const PASSWORD = 'senha-de-teste-123';
const ORIGIN = 'http://localhost:3000';
const SECRET = 'segredo-do-webhook-de-teste-com-32+caracteres';
const NOW = new Date('2026-02-20T15:00:00.000Z');
/**
 * How long a webhook delivery may take: the signed request, the invoice's server write and the customer's
 * re-derived revenue in one transaction. Under a loaded CI machine that exceeded expect.poll's 1 s default and
 * the late delivery then broke the next tests' counts.
 */
const DELIVERY = { timeout: 20_000, interval: 50 };

let t: TestDatabase;
let tenant: TestTenant;
let other: TestTenant;
let app: Hono<AppEnv>;
let offApp: Hono<AppEnv>;
const emails = new Map<string, string>();
const published: Change[] = [];
/** The fake gateway's scheduled settlements, run by hand so the test decides when the payer pays. */
const scheduled: (() => void)[] = [];
const delivered: { delivery: FakeDelivery; status: number }[] = [];
const gateway = createFakeGateway({
  secret: SECRET,
  clock: () => NOW,
  newId: uuidv7,
  schedule: (task) => void scheduled.push(task),
  deliver: async (delivery) => {
    const res = await app.request('/api/payments/webhook/fake', {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.rawBody,
    });
    delivered.push({ delivery, status: res.status });
    return res.status;
  },
});

function invoiceDoc(customerId: string, over: Partial<Invoice> = {}): Invoice {
  const id = uuidv7();
  return {
    id,
    updatedAt: NOW.toISOString(),
    serverSeq: 0,
    clientUpdatedAt: NOW.toISOString(),
    customerId,
    contractId: null,
    number: `INV-${id.slice(-6)}`,
    description: 'Mensalidade fevereiro de 2026',
    amountCents: 450_000,
    issueDate: '2026-02-05',
    dueDate: '2026-02-15',
    paidDate: null,
    status: 'overdue',
    nfeUrl: null,
    nfeNumber: null,
    pixCode: buildPixBrCode({
      pixKey: tenant.organizationId,
      amountCents: 450_000,
      merchantName: 'OUTRA AGÊNCIA',
      merchantCity: 'SÃO PAULO',
      txid: 'INV1',
    }),
    payments: [],
    ...over,
  };
}

async function storeInvoice(owner: TestTenant, doc: Invoice): Promise<Invoice> {
  await t.db.withIdentity(owner.system, async (c) =>
    writeDocument(
      c,
      { organizationId: owner.organizationId },
      'invoices',
      doc,
      await nextServerFields(c, owner.organizationId, NOW),
    ),
  );
  return doc;
}

const readInvoice = (owner: TestTenant, id: string) =>
  t.db.withIdentity(owner.system, (c) => readDocument(c, 'invoices', owner.organizationId, id));

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { name: 'Arco Digital' });
  other = await createTestTenant(t.db, { name: 'Outra Agência' });
  const hash = await hashPassword(PASSWORD);
  await t.db.privileged(async (c) => {
    const { rows } = await c.query<{ id: string; email: string }>(
      'UPDATE users SET password_hash = $1 WHERE organization_id = ANY($2) RETURNING id, email',
      [hash, [tenant.organizationId, other.organizationId]],
    );
    for (const row of rows) emails.set(row.id, row.email);
  });
  const feed = createMemoryChangeFeed(() => undefined);
  feed.subscribe((change) => {
    if (change !== 'RESYNC') published.push(change);
  });
  const writer = createServerWriter({ db: t.db, feed, clock: () => NOW });
  const build = (withGateway: boolean) =>
    createApp({
      config: testConfig({ publicOrigin: ORIGIN }),
      logger: createLogger({ level: 'silent' }),
      auth: new PgAuthStore(t.db),
      health: { check: async () => undefined },
      clock: { now: () => NOW },
      apiRoutes: {
        payments: paymentsRoutes({
          db: t.db,
          writer,
          gateway: withGateway ? gateway : null,
          clock: () => NOW,
          newId: uuidv7,
        }),
      },
    });
  app = build(true);
  offApp = build(false);
}, 120_000);
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  scheduled.length = 0;
  delivered.length = 0;
  published.length = 0;
});

/** Signs in through the real auth routes; returns a POST function carrying the session cookie. */
async function as(userId: string, target: Hono<AppEnv> = app) {
  const cookie = await signedInCookie(target, {
    email: emails.get(userId),
    password: PASSWORD,
    origin: ORIGIN,
  });
  return (body: unknown, contentType = 'application/json') =>
    target.request('/api/payments/checkout', {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
}

/** Signs an arbitrary raw body with the test secret, as the gateway would. */
const signFor = (rawBody: string) => signWebhook(SECRET, rawBody, NOW);

const webhook = (delivery: { rawBody: string; headers: Record<string, string> }, gatewayName = 'fake') =>
  app.request(`/api/payments/webhook/${gatewayName}`, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.rawBody,
  });

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = errorBodySchema.parse(await res.json());
  expect(body.error.code).toBe(code);
}

describe('POST /api/payments/checkout → fake gateway → webhook', () => {
  it('marks the invoice paid, re-derives the lifetime value, and publishes the change devices sync', async () => {
    const invoice = await storeInvoice(tenant, invoiceDoc(tenant.customerId));
    const before = await t.db.withIdentity(tenant.system, (c) =>
      readDocument(c, 'customers', tenant.organizationId, tenant.customerId),
    );
    const res = await (await as(tenant.client.userId))({ invoiceId: invoice.id });
    expect(res.status).toBe(201);
    const { charge } = checkoutResponseSchema.parse(await res.json());
    expect(charge).toMatchObject({
      gateway: 'fake',
      invoiceId: invoice.id,
      amountCents: 450_000,
      status: 'pending',
    });
    const stored = await t.db.privileged((c) =>
      c.query<{ status: string; gateway_charge_id: string; customer_id: string }>(
        'SELECT status, gateway_charge_id, customer_id FROM payment_charges WHERE id = $1',
        [charge.id],
      ),
    );
    expect(stored.rows[0]).toMatchObject({ status: 'pending', customer_id: tenant.customerId });
    expect(stored.rows[0]?.gateway_charge_id).toMatch(/^fake_ch_/);
    expect((await readInvoice(tenant, invoice.id))?.doc.status).toBe('overdue'); // not before the webhook

    // The payer pays: the fake gateway delivers its signed webhook to the app.
    expect(scheduled).toHaveLength(1);
    scheduled.shift()!();
    await expect.poll(() => delivered.length, DELIVERY).toBe(1);
    expect(delivered[0]?.status).toBe(200);

    const paid = (await readInvoice(tenant, invoice.id))!.doc;
    expect(paid).toMatchObject({ status: 'paid', paidDate: '2026-02-20', pixCode: null });
    expect(paid.payments).toEqual([
      expect.objectContaining({ method: 'pix', status: 'approved', gateway: 'fake', amountCents: 450_000 }),
    ]);
    expect(paid.serverSeq).toBeGreaterThan(invoice.serverSeq);
    const invoiceChange = published.find((c) => c.collection === 'invoices');
    expect(invoiceChange).toMatchObject({ organizationId: tenant.organizationId });
    expect(invoiceChange?.documents).toEqual([expect.objectContaining({ id: invoice.id, status: 'paid' })]);
    const customer = (await t.db.withIdentity(tenant.system, (c) =>
      readDocument(c, 'customers', tenant.organizationId, tenant.customerId),
    ))!.doc;
    expect(customer.lifetimeValueCents).toBe(before!.doc.lifetimeValueCents + 450_000);
    expect(published.some((c) => c.collection === 'customers')).toBe(true);
    const charged = await t.db.privileged((c) =>
      c.query<{ status: string }>('SELECT status FROM payment_charges WHERE id = $1', [charge.id]),
    );
    expect(charged.rows[0]?.status).toBe('paid');

    // A replay of the same event (or the gateway retrying it) is acknowledged and changes nothing.
    published.length = 0;
    const again = await webhook(delivered[0]!.delivery);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, applied: false });
    expect((await readInvoice(tenant, invoice.id))!.doc.serverSeq).toBe(paid.serverSeq);
    expect(published).toEqual([]);
    // A second charge for the same (now paid) invoice is refused.
    await expectError(await (await as(tenant.client.userId))({ invoiceId: invoice.id }), 409, 'conflict');
  });

  it('applies a new event id for an already paid invoice without paying it twice', async () => {
    const invoice = await storeInvoice(
      tenant,
      invoiceDoc(tenant.customerId, { status: 'pending', dueDate: '2026-03-15' }),
    );
    const { charge } = checkoutResponseSchema.parse(
      await (await (await as(tenant.client.userId))({ invoiceId: invoice.id })).json(),
    );
    scheduled.shift()!();
    await expect.poll(() => delivered.length, DELIVERY).toBe(1);
    const event: PaymentEvent = {
      ...JSON.parse(delivered[0]!.delivery.rawBody),
      eventId: `fake_evt_${uuidv7()}`,
    };
    expect(event.reference).toBe(charge.id);
    const res = await webhook(gateway.signedDelivery(event));
    expect(await res.json()).toEqual({ received: true, applied: false });
    expect((await readInvoice(tenant, invoice.id))!.doc.payments).toHaveLength(1);
  });
});

describe('webhook refusals (error family)', () => {
  const event = (): PaymentEvent => ({
    eventId: `fake_evt_${uuidv7()}`,
    type: 'charge.paid',
    reference: uuidv7(),
    gatewayChargeId: 'fake_ch_x',
    amountCents: 450_000,
    method: 'pix',
    occurredAt: NOW.toISOString(),
  });

  it.each([
    ['no signature', (d: FakeDelivery) => ({ ...d, headers: { 'content-type': 'application/json' } })],
    ['a tampered body', (d: FakeDelivery) => ({ ...d, rawBody: d.rawBody.replace('450000', '1') })],
    [
      'another secret',
      (d: FakeDelivery) =>
        createFakeGateway({ secret: 'x'.repeat(40), clock: () => NOW, newId: uuidv7 }).signedDelivery(
          JSON.parse(d.rawBody),
        ),
    ],
    [
      'a stale timestamp (replayed later)',
      (d: FakeDelivery) =>
        createFakeGateway({
          secret: SECRET,
          clock: () => new Date(NOW.getTime() - 3_600_000),
          newId: uuidv7,
        }).signedDelivery(JSON.parse(d.rawBody)),
    ],
    [
      'a malformed header',
      (d: FakeDelivery) => ({ ...d, headers: { ...d.headers, 'x-arco-signature': 'v1=abc' } }),
    ],
  ])('%s → 401 unauthorized, nothing stored', async (_, alter) => {
    const before = await t.db.privileged((c) =>
      c.query<{ n: number }>('SELECT count(*)::int AS n FROM payment_webhook_events'),
    );
    await expectError(await webhook(alter(gateway.signedDelivery(event()))), 401, 'unauthorized');
    const after = await t.db.privileged((c) =>
      c.query<{ n: number }>('SELECT count(*)::int AS n FROM payment_webhook_events'),
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('a signed event for a charge we never opened → 404; an unknown gateway → 404', async () => {
    await expectError(await webhook(gateway.signedDelivery(event())), 404, 'not_found');
    await expectError(await webhook(gateway.signedDelivery(event()), 'pagarme'), 404, 'not_found');
  });

  it('a signed body that is not an event → 422; an event type we do not handle is acknowledged', async () => {
    const bad = gateway.signedDelivery({ ...event(), amountCents: -5 });
    await expectError(await webhook(bad), 422, 'validation_failed');
    const rawBody = JSON.stringify({ type: 'charge.refund_requested', id: 'x' });
    const other = gateway.signedDelivery(event());
    const res = await webhook({
      rawBody,
      headers: { ...other.headers, 'x-arco-signature': signFor(rawBody) },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, applied: false });
  });

  it('an event whose amount differs from the charge → 409 and the invoice stays open', async () => {
    const invoice = await storeInvoice(
      tenant,
      invoiceDoc(tenant.customerId, { status: 'pending', dueDate: '2026-03-15' }),
    );
    const { charge } = checkoutResponseSchema.parse(
      await (await (await as(tenant.client.userId))({ invoiceId: invoice.id })).json(),
    );
    await expectError(
      await webhook(gateway.signedDelivery({ ...event(), reference: charge.id, amountCents: 100 })),
      409,
      'conflict',
    );
    expect((await readInvoice(tenant, invoice.id))!.doc.status).toBe('pending');
  });
});

describe('checkout refusals', () => {
  it('another customer’s invoice, or another organization’s, is not found', async () => {
    const theirs = await storeInvoice(tenant, invoiceDoc(tenant.otherCustomerId));
    const foreign = await storeInvoice(other, invoiceDoc(other.customerId));
    const pay = await as(tenant.client.userId);
    await expectError(await pay({ invoiceId: theirs.id }), 404, 'not_found');
    await expectError(await pay({ invoiceId: foreign.id }), 404, 'not_found');
    expect(scheduled).toEqual([]);
  });

  it('staff → 403; no session → 401; bad body → 422/400/415; gateway off → 503', async () => {
    const invoice = await storeInvoice(
      tenant,
      invoiceDoc(tenant.customerId, { status: 'pending', dueDate: '2026-03-15' }),
    );
    await expectError(await (await as(tenant.csm.userId))({ invoiceId: invoice.id }), 403, 'forbidden');
    await expectError(
      await app.request('/api/payments/checkout', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ invoiceId: invoice.id }),
      }),
      401,
      'unauthorized',
    );
    const pay = await as(tenant.client.userId);
    await expectError(await pay({ invoiceId: 'nope' }), 422, 'validation_failed');
    await expectError(await pay({ invoiceId: invoice.id, amountCents: 1 }), 422, 'validation_failed');
    await expectError(await pay('{'), 400, 'bad_request');
    await expectError(await pay('invoiceId', 'text/plain'), 415, 'unsupported_media_type');
    await expectError(
      await (
        await as(tenant.client.userId, offApp)
      )({ invoiceId: invoice.id }),
      503,
      'unavailable',
    );
    expect(scheduled).toEqual([]);
  });
});
