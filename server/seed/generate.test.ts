import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS, COLLECTION_NAMES, type CollectionName } from '../../shared/collections/index.ts';
import { DEFAULT_CHURN_MODEL, predictChurn } from '../../shared/domain/csm/churn.ts';
import { detectRisks } from '../../shared/domain/csm/risk.ts';
import { summarizePortfolioRisk } from '../../shared/domain/csm/risk-portfolio.ts';
import { slaDeadline } from '../../shared/domain/portal/sla.ts';
import { verifyBrCode } from '../../shared/domain/portal/br-code.ts';
import type { Customer } from '../../shared/entities/customer.ts';
import { createCalendar } from './clock.ts';
import { countDocuments, generateDemoData, organizationIdOf, SEED_REFERENCE_NOW } from './generate.ts';
import { churnFeaturesOf, riskInputOf, type CustomerDocs } from './risk-input.ts';
import type { DemoData } from './types.ts';

const NOW = SEED_REFERENCE_NOW;
const data = generateDemoData({ seed: 1, now: NOW });
const cal = createCalendar(Date.parse(NOW));

/** A customer's documents across collections (for per-customer checks). */
function docsOf(d: DemoData, customer: Customer): CustomerDocs {
  const mine = <T extends { customerId: string }>(list: T[]) =>
    list.filter((x) => x.customerId === customer.id);
  return {
    customer,
    metrics: mine(d.documents.metrics),
    activities: mine(d.documents.activities),
    tickets: mine(d.documents.tickets),
    invoices: mine(d.documents.invoices),
  };
}

const arcoId = data.organizations.find((o) => o.name === 'Arco Digital')?.id as string;
const outraId = data.organizations.find((o) => o.name === 'Outra Agência')?.id as string;
const arcoCustomers = data.documents.customers.filter((c) => data.owners.customers[c.id] === arcoId);
const healthOf = (id: string) => data.documents.health.find((h) => h.customerId === id);

describe('demo data — every document matches its collection schema', () => {
  it.each(COLLECTION_NAMES)('%s', (name) => {
    const docs = data.documents[name] as unknown[];
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const r = COLLECTION_DEFS[name].schema.safeParse(doc);
      if (!r.success) throw new Error(`${name} ${JSON.stringify(doc).slice(0, 200)}: ${r.error.message}`);
    }
  });

  it('also on another day of the month and another seed (month ends, partial months)', () => {
    for (const [seed, now] of [
      [7, '2026-11-21T09:30:00-03:00'],
      [99, '2025-12-31T23:50:00-03:00'],
      [3, '2027-03-01T00:05:00-03:00'],
    ] as const) {
      const other = generateDemoData({ seed, customers: 30, now });
      for (const name of COLLECTION_NAMES) {
        for (const doc of other.documents[name] as unknown[]) COLLECTION_DEFS[name].schema.parse(doc);
      }
    }
  });
});

describe('demo data — determinism', () => {
  it('gives byte-identical JSON for the same seed, customers and now', () => {
    const again = generateDemoData({ seed: 1, now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
  });

  it('changes with the seed and with now', () => {
    const json = JSON.stringify(data);
    expect(JSON.stringify(generateDemoData({ seed: 2, now: NOW }))).not.toBe(json);
    expect(JSON.stringify(generateDemoData({ seed: 1, now: '2026-02-03T12:00:00-03:00' }))).not.toBe(json);
  });

  it('keeps the first customers identical when the portfolio grows (benchmarks extend the demo)', () => {
    const bigger = generateDemoData({ seed: 1, customers: 120, now: NOW });
    const firstIds = new Set(arcoCustomers.map((c) => c.id));
    for (const name of COLLECTION_NAMES) {
      if (name === 'content' || name === 'notifications' || name === 'engagement') continue;
      const pick = (d: DemoData) =>
        (d.documents[name] as { id: string; customerId?: string }[]).filter((x) =>
          firstIds.has(x.customerId ?? x.id),
        );
      expect(JSON.stringify(pick(bigger))).toBe(JSON.stringify(pick(data)));
    }
  });
});

describe('demo data — organizations, logins and ownership', () => {
  it('has the two organizations with the seed-sized portfolios', () => {
    expect(data.organizations.map((o) => o.name)).toEqual(['Arco Digital', 'Outra Agência']);
    expect(arcoCustomers).toHaveLength(90);
    expect(data.documents.customers.filter((c) => data.owners.customers[c.id] === outraId)).toHaveLength(5);
  });

  it.each([
    ['admin@arco.example', 'admin', 'Arco Digital', null],
    ['maria@arco.example', 'csm', 'Arco Digital', null],
    ['joao@arco.example', 'csm', 'Arco Digital', null],
    ['cliente@techcorp.example', 'client', 'Arco Digital', 'TechCorp LTDA'],
    ['admin@outra.example', 'admin', 'Outra Agência', null],
  ] as const)('%s is a %s of %s (customer %s), password arco-demo', (email, role, org, customer) => {
    const user = data.users.find((u) => u.email === email);
    expect(user).toMatchObject({ role, password: 'arco-demo' });
    expect(data.organizations.find((o) => o.id === user?.organizationId)?.name).toBe(org);
    const c = data.documents.customers.find((x) => x.id === user?.customerId);
    expect(c?.name ?? null).toBe(customer);
  });

  it('has unique e-mails and ids, and a single owner for every document', () => {
    expect(new Set(data.users.map((u) => u.email)).size).toBe(data.users.length);
    const ids = new Set<string>();
    for (const name of COLLECTION_NAMES) {
      for (const doc of data.documents[name] as { id: string }[]) {
        expect(ids.has(doc.id)).toBe(false);
        ids.add(doc.id);
        expect(organizationIdOf(data, name, doc)).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
  });

  it('never points across tenants (CSMs, account managers, assignees, client users)', () => {
    const userById = new Map(data.users.map((u) => [u.id, u]));
    const orgOfCustomer = (id: string) => data.owners.customers[id];
    for (const c of data.documents.customers) {
      if (c.csmId) expect(userById.get(c.csmId)?.organizationId).toBe(orgOfCustomer(c.id));
    }
    for (const m of data.documents.meetings) {
      expect(userById.get(m.accountManagerId)?.organizationId).toBe(orgOfCustomer(m.customerId));
    }
    for (const t of data.documents.tickets) {
      if (t.assignedTo) expect(userById.get(t.assignedTo)?.organizationId).toBe(orgOfCustomer(t.customerId));
      if (t.createdBy) expect(userById.get(t.createdBy)?.customerId).toBe(t.customerId);
    }
    for (const e of data.documents.engagement) expect(userById.get(e.userId)?.customerId).toBe(e.customerId);
    for (const n of data.documents.notifications) expect(userById.has(n.userId)).toBe(true);
    for (const u of data.users.filter((x) => x.customerId)) {
      expect(orgOfCustomer(u.customerId as string)).toBe(u.organizationId);
    }
  });

  it("stamps every ticket with the shared SLA rule's deadline", () => {
    for (const t of data.documents.tickets) {
      expect(t.slaDeadline).toBe(slaDeadline({ priority: t.priority, createdAt: t.createdAt }));
    }
  });

  it('links children to their own customer (invoice → contract, lead → campaign)', () => {
    const byId = new Map(data.documents.customers.map((c) => [c.id, c]));
    for (const i of data.documents.invoices) {
      expect(byId.get(i.customerId)?.contracts.some((c) => c.id === i.contractId)).toBe(true);
    }
    const campaignOwner = new Map(data.documents.campaigns.map((c) => [c.id, c.customerId]));
    for (const l of data.documents.leads)
      if (l.campaignId) expect(campaignOwner.get(l.campaignId)).toBe(l.customerId);
  });
});

describe('demo data — Pix codes', () => {
  it('gives every unpaid invoice a valid BR Code for its amount, Outra Agência (accented) included', () => {
    const unpaid = data.documents.invoices.filter((i) => i.status !== 'paid');
    const merchants = new Set<string>();
    for (const i of unpaid) {
      const check = verifyBrCode(i.pixCode ?? '');
      expect(check, i.number).toMatchObject({ valid: true, amountCents: i.amountCents });
      if (check.valid) merchants.add(check.merchantName);
    }
    expect(merchants).toEqual(new Set(['ARCO DIGITAL', 'OUTRA AGENCIA']));
    for (const i of data.documents.invoices) if (i.status === 'paid') expect(i.pixCode).toBeNull();
  });
});

describe('demo data — money is derived the way the server derives it', () => {
  it.each(data.documents.customers.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const active = c.contracts.filter((k) => k.status === 'active');
    expect(c.mrrCents).toBe(active.reduce((s, k) => s + k.monthlyValueCents, 0));
    expect(c.arrCents).toBe(12 * c.mrrCents);
    const paid = data.documents.invoices.filter((i) => i.customerId === c.id && i.status === 'paid');
    expect(c.lifetimeValueCents).toBe(paid.reduce((s, i) => s + i.amountCents, 0));
    for (const k of active) {
      const recurring = k.items.filter((it) => it.billingType === 'recurring');
      expect(recurring.reduce((s, it) => s + it.quantity * it.unitPriceCents, 0)).toBe(k.monthlyValueCents);
    }
    for (const i of paid) {
      expect(i.payments.filter((p) => p.status === 'approved').reduce((s, p) => s + p.amountCents, 0)).toBe(
        i.amountCents,
      );
    }
  });
});

describe("demo data — the customers spec's portfolio (§2.1, §2.4)", () => {
  const active = arcoCustomers.filter((c) => c.status !== 'churned');

  it('has 89 active customers with MRR R$ 127.450, 67 healthy (75 %) and 12 at risk (13 %)', () => {
    expect(active).toHaveLength(89);
    expect(active.reduce((s, c) => s + c.mrrCents, 0)).toBe(12_745_000);
    expect(active.filter((c) => healthOf(c.id)?.status === 'healthy')).toHaveLength(67);
    const rows = active.map((c) => ({
      mrrCents: c.mrrCents,
      riskLevel: healthOf(c.id)?.riskLevel ?? 'none',
      atRiskSince: healthOf(c.id)?.atRiskSince ?? null,
    }));
    const summary = summarizePortfolioRisk(rows, new Date(NOW));
    expect(summary).toMatchObject({ customersAtRisk: 12, mrrAtRiskCents: 1_840_000 });
    expect(active.filter((c) => c.status === 'at_risk')).toHaveLength(12);
  });

  // Health by the shared rule over each customer's data (health.ts): the spec's list shows TechCorp 92, Fintech
  // 87 and E-commerce 85; TechCorp's own breakdown weighs to 90 (see below), and the other two stay healthy.
  it.each([
    [
      'TechCorp LTDA',
      'enterprise',
      450_000,
      85,
      100,
      'SaaS',
      'maria@arco.example',
      90,
      '2024-12-16',
      '2027-01-15',
      'São Paulo, SP',
    ],
    [
      'Fintech ABC',
      'pro',
      320_000,
      42,
      50,
      'Fintech',
      'joao@arco.example',
      88,
      '2024-06-03',
      '2026-06-03',
      'Rio de Janeiro, RJ',
    ],
    [
      'AgênciaDigital',
      'pro',
      210_000,
      28,
      60,
      'Marketing',
      'maria@arco.example',
      68,
      '2025-04-01',
      '2026-04-01',
      'Belo Horizonte, MG',
    ],
    [
      'StartupXYZ',
      'starter',
      150_000,
      15,
      30,
      'Tecnologia',
      null,
      42,
      '2025-05-12',
      '2026-05-12',
      'Florianópolis, SC',
    ],
    [
      'E-commerce Shop',
      'pro',
      280_000,
      35,
      40,
      'E-commerce',
      'pedro@arco.example',
      87,
      '2024-10-20',
      '2026-10-20',
      'Curitiba, PR',
    ],
    [
      'ConsultoriaDEF',
      'pro',
      180_000,
      22,
      30,
      'Consultoria',
      'joao@arco.example',
      71,
      '2024-12-08',
      '2026-12-08',
      'Porto Alegre, RS',
    ],
  ] as const)(
    '%s: %s, MRR %i, %i/%i users, %s, CSM %s, health %i',
    (name, tier, mrr, users, seats, industry, csm, health, since, renewal, location) => {
      const c = arcoCustomers.find((x) => x.name === name) as Customer;
      expect(c).toMatchObject({
        tier,
        mrrCents: mrr,
        activeUsers: users,
        totalSeats: seats,
        industry,
        location,
      });
      expect(c.customerSince).toBe(since);
      expect(c.renewalDate).toBe(renewal);
      expect(data.users.find((u) => u.id === c.csmId)?.email ?? null).toBe(csm);
      expect(healthOf(c.id)?.score).toBe(health);
    },
  );

  it('reproduces the at-risk page: StartupXYZ critical, AgênciaDigital and ConsultoriaDEF warnings', () => {
    const risk = (name: string) => healthOf(arcoCustomers.find((c) => c.name === name)?.id ?? '');
    expect(risk('StartupXYZ')).toMatchObject({ riskScore: 20, riskLevel: 'critical' });
    // Stored as codes; pt-BR renders them as the wireframe prints them (shared/domain-text/render.test.ts).
    expect(risk('StartupXYZ')?.riskFactors.map((f) => [f.type, f.impact, f.description])).toEqual([
      ['no_login', -30, { code: 'risk.noLogin', params: { days: 14 } }],
      ['usage_drop', -25, { code: 'risk.usageDrop', params: { percent: 65 } }],
      ['unanswered_emails', -15, { code: 'risk.unansweredEmails', params: { count: 3 } }],
      ['stale_ticket', -10, { code: 'risk.staleTicket', params: { days: 9 } }],
    ]);
    expect(risk('AgênciaDigital')).toMatchObject({ riskScore: 55, riskLevel: 'warning' });
    expect(risk('AgênciaDigital')?.riskFactors.map((f) => f.type)).toEqual([
      'low_capacity_usage',
      'no_executive_engagement',
      'renewal_soon',
    ]);
    expect(risk('ConsultoriaDEF')).toMatchObject({ riskScore: 62, riskLevel: 'warning' });
    expect(risk('ConsultoriaDEF')?.riskFactors.map((f) => f.description)).toEqual([
      { code: 'risk.ticketSurge', params: { count: 5 } },
      { code: 'risk.npsDrop', params: { from: 8, to: 6 } },
      { code: 'risk.mainContactLeft', params: { name: 'Ricardo Ramos' } },
    ]);
    expect(risk('TechCorp LTDA')).toMatchObject({ riskScore: 100, riskLevel: 'none', riskFactors: [] });
  });

  it("TechCorp: the spec's breakdown through the shared rule (growth 75), trend +5, an RH upsell and an advocacy insight", () => {
    const tech = arcoCustomers.find((c) => c.name === 'TechCorp LTDA') as Customer;
    const h = healthOf(tech.id);
    expect(h?.trend).toBe(5);
    expect(Object.values(h?.breakdown ?? {}).map((d) => d.score)).toEqual([85, 92, 95, 100, 75]);
    expect(h?.score).toBe(90);
    const signals = data.documents.signals.filter((s) => s.customerId === tech.id);
    expect(signals.find((s) => s.kind === 'expansion')?.estimatedValueCents).toBe(150_000);
    expect(signals.find((s) => s.kind === 'insight')?.subtype).toBe('advocacy');
  });
});

describe('demo data — the raw data exhibits exactly the planned risk factors (shared rules)', () => {
  const all = data.documents.customers.filter((c) => c.status !== 'churned');
  it.each(all.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const docs = docsOf(data, c);
    const detected = detectRisks(riskInputOf(cal, docs), new Date(NOW));
    const h = healthOf(c.id);
    expect(detected.riskFactors.map((f) => f.type)).toEqual(h?.riskFactors.map((f) => f.type));
    expect(detected.riskScore).toBe(h?.riskScore);
    expect(detected.riskLevel).toBe(h?.riskLevel);
    expect(c.status === 'at_risk').toBe(detected.riskLevel !== 'none');
    const churn = predictChurn(
      DEFAULT_CHURN_MODEL,
      churnFeaturesOf(cal, docs, h?.score ?? 0),
      new Date(NOW),
      {
        renewalDate: c.renewalDate,
      },
    );
    expect([h?.churnProbability, h?.predictedChurnDate, h?.churnFactors]).toEqual([
      churn.probability,
      churn.predictedChurnDate,
      churn.factors,
    ]);
  });
});

describe('demo data — sizes', () => {
  it('covers every synced collection with plausible volumes for the default portfolio', () => {
    const counts = countDocuments(data.documents);
    expect(counts).toMatchObject({ customers: 95, health: 95, content: 24, engagement: 4 });
    // A year of metrics: 12 customer-month documents per active customer.
    expect(counts.metrics).toBeGreaterThanOrEqual(94 * 12);
    for (const name of COLLECTION_NAMES as CollectionName[]) expect(counts[name]).toBeGreaterThan(0);
  });
});

describe('demo data — invariants for any seed, size and date (property)', () => {
  it('validates, keeps ids unique and makes the shared detector find exactly the planned risks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 6, max: 24 }),
        fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T23:59:59Z') }),
        (seed, customers, nowMs) => {
          const now = new Date(nowMs);
          const d = generateDemoData({ seed, customers, now });
          const c = createCalendar(nowMs);
          const ids = new Set<string>();
          for (const name of COLLECTION_NAMES) {
            for (const doc of d.documents[name] as { id: string }[]) {
              COLLECTION_DEFS[name].schema.parse(doc);
              expect(ids.has(doc.id)).toBe(false);
              ids.add(doc.id);
            }
          }
          for (const customer of d.documents.customers) {
            if (customer.status === 'churned') continue;
            const h = d.documents.health.find((x) => x.customerId === customer.id);
            const detected = detectRisks(riskInputOf(c, docsOf(d, customer)), now);
            expect(detected.riskFactors.map((f) => f.type)).toEqual(h?.riskFactors.map((f) => f.type));
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});
