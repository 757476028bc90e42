import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../shared/entities/billing.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import type { Change } from '../../sync/server/store.ts';
import { nextServerFields, readDocument, writeDocument } from '../db/index.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { createSourceHttp } from '../integrations/http.ts';
import { createServerWriter } from '../sync/server-writes.ts';
import { createFocusNfseFake } from './fakes/focus-nfse-fake.ts';
import { createFocusNfseProvider } from './focus-nfse.ts';
import { issueInvoiceNfse, NFSE_MAX_ATTEMPTS, type NfseDeps } from './issue-nfse.ts';
import { nfseRoutes } from './routes.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { PgAuthStore } from '../auth/pg-store.ts';
import { runJob, type JobContext } from '../jobs/define.ts';
import { issueNfseJob, NFSE_POLL_SECONDS } from '../jobs/issue-nfse.ts';
import { MemoryAuthStore } from '../auth/memory-store.ts';
import { MemoryAccountStore } from '../auth/account-memory-store.ts';
import { testConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { signedInCookie } from '../http/testing.ts';

/**
 * A paid invoice's NFS-e on PostgreSQL against the local Focus NFe fake: the nota is sent once, followed through
 * its asynchronous processing, recorded in nfse_issuances, and its link lands on the synced invoice by a
 * server write (the change devices pull); steps after that write nothing; unpaid invoices are skipped; staff
 * read the issuance, a client user does not, and the provider token is nowhere in the database.
 */
const NOW = new Date('2026-03-10T12:00:00.000Z');
const TOKEN = 'focus-token-secreto-42';
let t: TestDatabase;
let tenant: TestTenant;
let deps: NfseDeps;
let fake: ReturnType<typeof createFocusNfseFake>;
const published: Change[] = [];

function invoiceDoc(over: Partial<Invoice> = {}): Invoice {
  const id = uuidv7();
  return {
    id,
    updatedAt: NOW.toISOString(),
    serverSeq: 0,
    clientUpdatedAt: NOW.toISOString(),
    customerId: tenant.customerId,
    contractId: null,
    number: `INV-${id.slice(-6)}`,
    description: 'Mensalidade março de 2026',
    amountCents: 450_000,
    issueDate: '2026-03-01',
    dueDate: '2026-03-10',
    paidDate: '2026-03-09',
    status: 'paid',
    nfeUrl: null,
    nfeNumber: null,
    pixCode: null,
    payments: [],
    ...over,
  };
}

async function store(doc: Invoice) {
  await t.db.withIdentity(tenant.system, async (c) =>
    writeDocument(
      c,
      { organizationId: tenant.organizationId },
      'invoices',
      doc,
      await nextServerFields(c, tenant.organizationId, NOW),
    ),
  );
  return doc;
}
/** The tenant's customer (the nota's taker) with `cnpj`, written as the server would store a device's edit. */
async function setCustomerCnpj(cnpj: string | null) {
  await t.db.withIdentity(tenant.system, async (c) => {
    const found = (await readDocument(c, 'customers', tenant.organizationId, tenant.customerId))!;
    await writeDocument(
      c,
      { organizationId: tenant.organizationId },
      'customers',
      { ...found.doc, cnpj },
      await nextServerFields(c, tenant.organizationId, NOW),
    );
  });
}
const readInvoice = async (id: string) =>
  (await t.db.withIdentity(tenant.system, (c) => readDocument(c, 'invoices', tenant.organizationId, id)))!
    .doc;

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { name: 'Arco Digital' });
  fake = createFocusNfseFake({
    origin: 'http://focus.fake',
    pollsUntilDone: 2,
    inactiveTakers: [INACTIVE_CNPJ],
  });
  const feed = createMemoryChangeFeed(() => undefined);
  feed.subscribe((change) => {
    if (change !== 'RESYNC') published.push(change);
  });
  deps = {
    db: t.db,
    writer: createServerWriter({ db: t.db, feed, clock: () => NOW }),
    clock: () => NOW,
    provider: createFocusNfseProvider({ baseUrl: 'http://focus.fake', token: TOKEN }),
    http: () =>
      createSourceHttp({
        fetch: async (url, init) => fake.request(url, init),
        sleep: async () => undefined,
        clock: () => NOW,
        random: () => 0.5,
      }),
    prestador: { cnpj: '12.345.678/0001-90', inscricaoMunicipal: '1234567', codigoMunicipio: '3550308' },
    service: { itemListaServico: '17.06', aliquota: 5 },
  };
  await setCustomerCnpj('11222333000181');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('issueInvoiceNfse', () => {
  it('sends the nota once, follows it to "autorizado", and puts its link on the synced invoice', async () => {
    const invoice = await store(invoiceDoc());
    const target = { organizationId: tenant.organizationId, invoiceId: invoice.id };

    expect(await issueInvoiceNfse(deps, target)).toEqual({ kind: 'state', state: { status: 'processing' } });
    expect(fake.notas().map((n) => n.ref)).toEqual([invoice.id]);
    expect(fake.notas()[0]!.body).toMatchObject({
      tomador: { cnpj: '11222333000181', razao_social: 'TechCorp LTDA' },
      servico: { valor_servicos: 4500, item_lista_servico: '17.06' },
    });
    expect(await issueInvoiceNfse(deps, target)).toEqual({ kind: 'state', state: { status: 'processing' } });
    expect((await readInvoice(invoice.id)).nfeUrl).toBeNull();
    published.length = 0;

    const issued = await issueInvoiceNfse(deps, target);
    expect(issued).toMatchObject({ kind: 'state', state: { status: 'issued', number: '1001' } });
    const stored = await readInvoice(invoice.id);
    expect(stored.nfeUrl).toBe(`http://focus.fake/notas/${invoice.id}.pdf`);
    expect(stored.nfeNumber).toBe('1001');
    expect(stored.serverSeq).toBeGreaterThan(0);
    expect(published.map((c) => c.collection)).toContain('invoices');
    expect(fake.notas()).toHaveLength(1); // sent once

    // Again: nothing sent, nothing written.
    published.length = 0;
    await issueInvoiceNfse(deps, target);
    expect((await readInvoice(invoice.id)).serverSeq).toBe(stored.serverSeq);
    expect(published).toEqual([]);

    const rows = await t.db.withIdentity(tenant.csm, (c) =>
      c.query('SELECT * FROM nfse_issuances WHERE invoice_id = $1', [invoice.id]),
    );
    expect(rows.rows[0]).toMatchObject({ status: 'issued', number: '1001', verification_code: 'CV1001' });
    const asClient = await t.db.withIdentity(tenant.client, (c) => c.query('SELECT * FROM nfse_issuances'));
    expect(asClient.rows).toEqual([]);
    const everything = await t.db.privileged((c) => c.query('SELECT * FROM nfse_issuances'));
    expect(JSON.stringify(everything.rows)).not.toContain(TOKEN);
  });

  it('skips an invoice that is not paid, or unknown', async () => {
    const open = await store(invoiceDoc({ status: 'pending', paidDate: null }));
    expect(
      await issueInvoiceNfse(deps, { organizationId: tenant.organizationId, invoiceId: open.id }),
    ).toEqual({
      kind: 'skipped',
      reason: 'not_paid',
    });
    expect(
      await issueInvoiceNfse(deps, { organizationId: tenant.organizationId, invoiceId: uuidv7() }),
    ).toEqual({ kind: 'skipped', reason: 'not_found' });
  });

  it('sends nothing for a customer without a CNPJ, and sends the nota once one is filled in', async () => {
    const paid = await store(invoiceDoc());
    const target = { organizationId: tenant.organizationId, invoiceId: paid.id };
    const before = fake.notas().length;
    await setCustomerCnpj(null);
    try {
      expect(await issueInvoiceNfse(deps, target)).toEqual({ kind: 'skipped', reason: 'no_taker_cnpj' });
      expect(fake.notas()).toHaveLength(before);
      const recorded = await t.db.privileged((c) =>
        c.query('SELECT 1 FROM nfse_issuances WHERE invoice_id = $1', [paid.id]),
      );
      expect(recorded.rows).toEqual([]);
    } finally {
      await setCustomerCnpj('11222333000181');
    }
    expect(await issueInvoiceNfse(deps, target)).toEqual({ kind: 'state', state: { status: 'processing' } });
    expect(fake.notas().at(-1)).toMatchObject({
      ref: paid.id,
      body: { tomador: { cnpj: '11222333000181' } },
    });
  });
});

describe('alphanumeric CNPJ (migration 0320, protocol 12)', () => {
  it('stores a taker’s alphanumeric CNPJ and sends the nota with it; the column still refuses a malformed one', async () => {
    const paid = await store(invoiceDoc());
    await setCustomerCnpj('12ABC34501DE35');
    try {
      expect(
        await issueInvoiceNfse(deps, { organizationId: tenant.organizationId, invoiceId: paid.id }),
      ).toEqual({ kind: 'state', state: { status: 'processing' } });
      expect(fake.notas().at(-1)).toMatchObject({
        ref: paid.id,
        body: { tomador: { cnpj: '12ABC34501DE35' } },
      });
      for (const malformed of ['12abc34501de35', '12ABC34501DE3E', '12ABC34501DE3'])
        await expect(
          t.db.privileged((c) =>
            c.query('UPDATE customers SET cnpj = $1 WHERE id = $2', [malformed, tenant.customerId]),
          ),
          malformed,
        ).rejects.toThrow(/customers_cnpj_check/);
    } finally {
      await setCustomerCnpj('11222333000181');
    }
  });
});

/** A well-formed CNPJ the fake city hall refuses (not active at the Receita Federal), on its second read. */
const INACTIVE_CNPJ = '11444777000161';
const setRefusedCnpj = () => setCustomerCnpj(INACTIVE_CNPJ);

describe('a refused nota sent again', () => {
  /** A paid invoice whose nota the fake city hall refused (its taker's CNPJ had wrong check digits). */
  async function refusedInvoice() {
    const invoice = await store(invoiceDoc());
    const target = { organizationId: tenant.organizationId, invoiceId: invoice.id };
    await setRefusedCnpj();
    try {
      await issueInvoiceNfse(deps, target);
      await issueInvoiceNfse(deps, target);
      expect(await issueInvoiceNfse(deps, target)).toMatchObject({ state: { status: 'failed' } });
    } finally {
      await setCustomerCnpj('11222333000181');
    }
    return { invoice, target };
  }
  const issuanceRow = async (invoiceId: string) =>
    (
      await t.db.privileged((c) =>
        c.query<{ ref: string; attempt: number; status: string }>(
          'SELECT ref, attempt, status FROM nfse_issuances WHERE invoice_id = $1',
          [invoiceId],
        ),
      )
    ).rows[0];

  it('is never sent again by the job’s step; on request it is a new nota under the next ref, followed to its link', async () => {
    const { invoice, target } = await refusedInvoice();
    const sent = fake.notas().length;
    expect(await issueInvoiceNfse(deps, target)).toMatchObject({ state: { status: 'failed' } });
    expect(fake.notas()).toHaveLength(sent);

    expect(await issueInvoiceNfse(deps, target, { resendRefused: true })).toEqual({
      kind: 'state',
      state: { status: 'processing' },
    });
    expect(fake.notas().map((n) => n.ref)).toEqual([
      ...fake
        .notas()
        .slice(0, sent)
        .map((n) => n.ref),
      `${invoice.id}-2`,
    ]);
    expect(fake.notas().at(-1)!.body).toMatchObject({ tomador: { cnpj: '11222333000181' } });
    expect(await issuanceRow(invoice.id)).toEqual({
      ref: `${invoice.id}-2`,
      attempt: 2,
      status: 'processing',
    });
    // Processing: a further request reads the new nota, it does not send a third.
    await issueInvoiceNfse(deps, target, { resendRefused: true });
    const issued = await issueInvoiceNfse(deps, target, { resendRefused: true });
    expect(issued).toMatchObject({ state: { status: 'issued' } });
    expect(fake.notas()).toHaveLength(sent + 1);
    expect((await readInvoice(invoice.id)).nfeUrl).toBe(`http://focus.fake/notas/${invoice.id}-2.pdf`);
  });

  it('two requests racing on the same refusal send one nota (same ref, the provider is idempotent by ref)', async () => {
    const { invoice, target } = await refusedInvoice();
    const sent = fake.notas().length;
    const answers = await Promise.all([
      issueInvoiceNfse(deps, target, { resendRefused: true }),
      issueInvoiceNfse(deps, target, { resendRefused: true }),
    ]);
    expect(answers.map((a) => a.kind)).toEqual(['state', 'state']);
    expect(
      fake
        .notas()
        .slice(sent)
        .map((n) => n.ref),
    ).toEqual([`${invoice.id}-2`]);
    expect(await issuanceRow(invoice.id)).toMatchObject({ ref: `${invoice.id}-2`, attempt: 2 });
  });

  it('stops after NFSE_MAX_ATTEMPTS refusals', async () => {
    const { invoice, target } = await refusedInvoice();
    await t.db.privileged((c) =>
      c.query('UPDATE nfse_issuances SET attempt = $1 WHERE invoice_id = $2', [
        NFSE_MAX_ATTEMPTS,
        invoice.id,
      ]),
    );
    const sent = fake.notas().length;
    expect(await issueInvoiceNfse(deps, target, { resendRefused: true })).toEqual({
      kind: 'skipped',
      reason: 'too_many_attempts',
    });
    expect(fake.notas()).toHaveLength(sent);
  });
});

describe('issue-nfse job', () => {
  function context(sent: { payload: unknown; key?: string; startAfter?: Date }[]): JobContext {
    const { db, writer, clock, ...nfse } = deps;
    return {
      db,
      writer,
      clock,
      auth: new MemoryAuthStore(),
      accounts: new MemoryAccountStore(),
      logger: createLogger({ level: 'silent' }),
      config: testConfig(),
      jobId: 'job-1',
      nfse,
      jobs: {
        send: async (_job, payload, options) => {
          sent.push({ payload, ...(options?.startAfter ? { startAfter: options.startAfter } : {}) });
          return 'job';
        },
        sendDeduplicated: async (_job, payload, key) => {
          sent.push({ payload, key });
          return 'job';
        },
      },
    };
  }

  it('the scan queues each recently paid invoice without a nota link; a processing nota is read again later', async () => {
    const paid = await store(invoiceDoc());
    const linked = await store(invoiceDoc({ nfeUrl: 'https://nfse.example/1.pdf' }));
    const old = await store(invoiceDoc({ paidDate: '2025-12-01' }));
    const sent: { payload: unknown; key?: string; startAfter?: Date }[] = [];
    await runJob(issueNfseJob, {}, context(sent));
    const keys = sent.map((s) => s.key);
    expect(keys).toContain(`${tenant.organizationId}:${paid.id}`);
    expect(keys).not.toContain(`${tenant.organizationId}:${linked.id}`);
    expect(keys).not.toContain(`${tenant.organizationId}:${old.id}`);

    // A customer without a CNPJ: its invoices wait (nothing queued) until staff fill it in.
    sent.length = 0;
    await setCustomerCnpj(null);
    try {
      await runJob(issueNfseJob, {}, context(sent));
      expect(sent.map((s) => s.key)).not.toContain(`${tenant.organizationId}:${paid.id}`);
    } finally {
      await setCustomerCnpj('11222333000181');
    }

    sent.length = 0;
    await runJob(issueNfseJob, { organizationId: tenant.organizationId, invoiceId: paid.id }, context(sent));
    expect(sent).toEqual([
      {
        payload: { organizationId: tenant.organizationId, invoiceId: paid.id },
        startAfter: new Date(NOW.getTime() + NFSE_POLL_SECONDS * 1000),
      },
    ]);
  });

  it('does nothing without NFS-e configured', async () => {
    const sent: { payload: unknown }[] = [];
    await runJob(issueNfseJob, {}, { ...context(sent), nfse: null });
    expect(sent).toEqual([]);
  });
});

describe('/api/nfse routes', () => {
  const ORIGIN = 'http://localhost:3000';
  const PASSWORD = 'senha-de-teste-123';

  async function appWith(nfse: NfseDeps | null) {
    const { db, writer, clock, ...provider } = deps;
    const app = createApp({
      config: testConfig({ publicOrigin: ORIGIN }),
      logger: createLogger({ level: 'silent' }),
      auth: new PgAuthStore(t.db),
      health: { check: async () => undefined },
      clock: { now: () => NOW },
      apiRoutes: { nfse: nfseRoutes({ db, writer, clock, nfse: nfse ? provider : null }) },
    });
    const hash = await hashPassword(PASSWORD);
    const emails = await t.db.privileged(async (c) => {
      const { rows } = await c.query<{ id: string; email: string }>(
        'UPDATE users SET password_hash = $1 WHERE organization_id = $2 RETURNING id, email',
        [hash, tenant.organizationId],
      );
      return new Map(rows.map((r) => [r.id, r.email]));
    });
    return async (userId: string) => {
      const cookie = await signedInCookie(app, {
        email: emails.get(userId),
        password: PASSWORD,
        origin: ORIGIN,
      });
      return (method: 'GET' | 'POST', invoiceId: string) =>
        app.request(`/api/nfse/invoices/${invoiceId}`, {
          method,
          headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
    };
  }

  it('staff issue a paid invoice’s nota on request and read its state; clients may not; unpaid is 409', async () => {
    const as = await appWith(deps);
    const staff = await as(tenant.csm.userId);
    const paid = await store(invoiceDoc());
    expect(await (await staff('GET', paid.id)).json()).toEqual({ issuance: null });
    const first = await staff('POST', paid.id);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ issuance: { status: 'processing', number: null } });
    await staff('POST', paid.id); // the fake authorizes on its second read
    const issued = (await (await staff('POST', paid.id)).json()) as {
      issuance: { status: string; number: string };
    };
    expect(issued.issuance).toMatchObject({
      status: 'issued',
      url: `http://focus.fake/notas/${paid.id}.pdf`,
    });
    expect((await readInvoice(paid.id)).nfeUrl).toBe(`http://focus.fake/notas/${paid.id}.pdf`);
    expect(JSON.stringify(issued)).not.toContain(TOKEN);

    const open = await store(invoiceDoc({ status: 'pending', paidDate: null }));
    expect((await staff('POST', open.id)).status).toBe(409);
    expect((await staff('POST', uuidv7())).status).toBe(404);
    const client = await as(tenant.client.userId);
    expect((await client('POST', paid.id)).status).toBe(403);
    expect((await client('GET', paid.id)).status).toBe(403);
  });

  it('answers 422 taker_cnpj_missing, sending nothing, when the customer has no CNPJ', async () => {
    const as = await appWith(deps);
    const staff = await as(tenant.admin.userId);
    const paid = await store(invoiceDoc());
    const before = fake.notas().length;
    await setCustomerCnpj(null);
    try {
      const res = await staff('POST', paid.id);
      expect(res.status).toBe(422);
      expect(await res.json()).toEqual({
        error: {
          code: 'validation_failed',
          message: "The customer has no CNPJ: fill it in on the customer's record to issue the NFS-e.",
          details: { reason: 'taker_cnpj_missing', field: 'cnpj' },
        },
      });
      expect(fake.notas()).toHaveLength(before);
      expect(await (await staff('GET', paid.id)).json()).toEqual({ issuance: null });
    } finally {
      await setCustomerCnpj('11222333000181');
    }
  });

  it('sends a refused nota again on request ("Reenviar NFS-e"), and answers 409 once it was refused too often', async () => {
    const as = await appWith(deps);
    const staff = await as(tenant.csm.userId);
    const paid = await store(invoiceDoc());
    await setRefusedCnpj();
    try {
      for (let i = 0; i < 3; i++) await staff('POST', paid.id); // sent, read, refused on the fake's 2nd read
    } finally {
      await setCustomerCnpj('11222333000181');
    }
    expect(await (await staff('GET', paid.id)).json()).toMatchObject({
      issuance: { status: 'failed', errors: 'E165: CNPJ do tomador não está ativo na Receita Federal' },
    });
    const again = await staff('POST', paid.id);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ issuance: { status: 'processing', errors: null } });
    expect(fake.notas().at(-1)!.ref).toBe(`${paid.id}-2`);

    await t.db.privileged((c) =>
      c.query(`UPDATE nfse_issuances SET status = 'failed', attempt = $1 WHERE invoice_id = $2`, [
        NFSE_MAX_ATTEMPTS,
        paid.id,
      ]),
    );
    const refused = await staff('POST', paid.id);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'conflict' } });
  });

  it('answers 503 when NFS-e is not configured', async () => {
    const as = await appWith(null);
    const staff = await as(tenant.admin.userId);
    const paid = await store(invoiceDoc());
    expect((await staff('POST', paid.id)).status).toBe(503);
  });
});
