import { plainText } from '../../entities/domain-text.ts';
import { invoiceSchema, type Invoice, type Payment } from '../../entities/billing.ts';
import { activitySchema, signalSchema, type Activity, type Signal } from '../../entities/csm.ts';
import {
  contactSchema,
  contractSchema,
  customerSchema,
  type Contact,
  type Contract,
  type Customer,
} from '../../entities/customer.ts';
import { engagementSchema, metricsSchema, type Engagement, type Metrics } from '../../entities/portal.ts';
import { meetingSchema, ticketSchema, type Meeting, type Ticket } from '../../entities/support.ts';
import { addDays, daysBetween } from './dates.ts';

/**
 * Builders of hand-made synced documents for the rules' tests (not exported from the package). Every builder
 * parses its result with the collection's schema, so a test never feeds the rules a document the sync could not
 * carry. Ids are deterministic per builder instance.
 */

export function docFactory() {
  let next = 1;
  const id = () => `00000000-0000-4000-8000-${(next++).toString(16).padStart(12, '0')}`;
  const sync = (at = '2025-01-01T12:00:00.000Z') => ({
    id: id(),
    updatedAt: at,
    serverSeq: 0,
    clientUpdatedAt: at,
  });

  const contact = (c: Partial<Contact> & Pick<Contact, 'firstName'>): Contact =>
    contactSchema.parse({
      id: id(),
      lastName: null,
      email: `contato${next}@example.com`,
      phone: null,
      jobTitle: null,
      isPrimary: false,
      role: 'user',
      lastContactedAt: null,
      npsScore: null,
      leftCompanyAt: null,
      createdAt: '2024-01-01T12:00:00.000Z',
      ...c,
    });

  const contract = (
    c: Partial<Contract> & Pick<Contract, 'startDate' | 'endDate' | 'monthlyValueCents'>,
  ): Contract =>
    contractSchema.parse({
      id: id(),
      name: 'Contrato',
      contractNumber: `CTR-${next}`,
      status: 'active',
      totalValueCents: c.monthlyValueCents * 12,
      currency: 'BRL',
      billingCycle: 'monthly',
      renewalType: 'auto_renew',
      renewalNotificationDays: 30,
      items: [],
      documentUrl: null,
      signedAt: null,
      signedBy: null,
      previousContractId: null,
      ...c,
    });

  const customer = (c: Partial<Customer> & Pick<Customer, 'customerSince'>): Customer =>
    customerSchema.parse({
      ...sync(),
      name: 'Cliente',
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
      csmId: null,
      renewalDate: null,
      renewalType: 'auto_renew',
      churnedAt: null,
      churnReason: null,
      notes: null,
      contacts: [],
      contracts: [],
      ...c,
    });

  const activity = (
    customerId: string,
    a: Partial<Activity> & Pick<Activity, 'type' | 'occurredAt'>,
  ): Activity =>
    activitySchema.parse({
      ...sync(a.occurredAt),
      customerId,
      title: a.type,
      description: null,
      performedBy: null,
      performedByName: null,
      metadata: {},
      ticketId: null,
      ...a,
    });

  const ticket = (customerId: string, t: Partial<Ticket> & Pick<Ticket, 'createdAt' | 'status'>): Ticket =>
    ticketSchema.parse({
      ...sync(t.createdAt),
      customerId,
      number: next,
      subject: 'Dúvida',
      description: 'Dúvida',
      priority: 'medium',
      assignedTo: null,
      slaDeadline: null,
      firstResponseAt: null,
      resolvedAt: null,
      createdBy: null,
      messages: [],
      ...t,
    });

  const payment = (p: Partial<Payment> & Pick<Payment, 'createdAt' | 'status' | 'amountCents'>): Payment => ({
    id: id(),
    method: 'pix',
    transactionId: null,
    gateway: null,
    paidAt: p.status === 'approved' ? p.createdAt : null,
    ...p,
  });

  /** An invoice due on `dueDate`; paid on `paidDate` (an approved payment that day) unless null. */
  const invoice = (
    customerId: string,
    i: Partial<Invoice> & Pick<Invoice, 'dueDate' | 'paidDate' | 'amountCents'>,
  ): Invoice =>
    invoiceSchema.parse({
      ...sync(),
      customerId,
      contractId: null,
      number: `INV-${next}`,
      description: 'Mensalidade',
      issueDate: addDays(i.dueDate, -10),
      status: i.paidDate === null ? 'pending' : 'paid',
      nfeUrl: null,
      nfeNumber: null,
      pixCode: null,
      payments:
        i.paidDate === null
          ? []
          : [
              payment({
                createdAt: `${i.paidDate}T12:00:00.000Z`,
                status: 'approved',
                amountCents: i.amountCents,
              }),
            ],
      ...i,
    });

  const meeting = (
    customerId: string,
    m: Partial<Meeting> & Pick<Meeting, 'scheduledAt' | 'status'>,
  ): Meeting =>
    meetingSchema.parse({
      ...sync(),
      customerId,
      accountManagerId: id(),
      title: 'Reunião',
      description: null,
      durationMinutes: 30,
      meetingLink: null,
      notes: null,
      clientRequest: null,
      requestAnswer: null,
      completedAt: m.status === 'completed' ? m.scheduledAt : null,
      ...m,
    });

  const signal = (customerId: string, s: Partial<Signal> & Pick<Signal, 'kind' | 'status'>): Signal =>
    signalSchema.parse({
      ...sync(),
      customerId,
      subtype: null,
      title: plainText('Sinal'),
      description: plainText(''),
      source: 'manual',
      riskScore: null,
      riskFactors: [],
      recommendation: null,
      suggestedActions: [],
      estimatedValueCents: null,
      mrrAtRiskCents: null,
      probability: null,
      resolutionNotes: null,
      resolvedAt: null,
      resolvedBy: null,
      createdAt: '2025-01-01T12:00:00.000Z',
      ...s,
    });

  /** Metrics documents with `sessions(date)` sessions on every day from `from` to `to` (inclusive). */
  const metrics = (
    customerId: string,
    from: string,
    to: string,
    sessions: (date: string) => number,
  ): Metrics[] => {
    const byMonth = new Map<string, Metrics['days']>();
    for (let k = 0; k <= daysBetween(from, to); k++) {
      const date = addDays(from, k);
      const days = byMonth.get(date.slice(0, 7)) ?? [];
      days.push({
        date,
        sessions: sessions(date),
        pageviews: 0,
        bounceRate: null,
        avgSessionSeconds: null,
        conversions: 0,
        revenueCents: 0,
        adSpendCents: 0,
        leads: 0,
        score: null,
      });
      byMonth.set(date.slice(0, 7), days);
    }
    return [...byMonth].map(([month, days]) => metricsSchema.parse({ ...sync(), customerId, month, days }));
  };

  const engagement = (e: Partial<Engagement> & Pick<Engagement, 'userId' | 'customerId'>): Engagement =>
    engagementSchema.parse({
      ...sync(),
      timeZone: 'America/Sao_Paulo',
      visitDays: [],
      reading: [],
      eventRegistrations: [],
      quickWins: [],
      xp: 0,
      badges: [],
      ...e,
    });

  return {
    id,
    contact,
    contract,
    customer,
    activity,
    ticket,
    payment,
    invoice,
    meeting,
    signal,
    metrics,
    engagement,
  };
}

/** 2026-01-29 15:00 in São Paulo (the seed's "última atualização"). */
export const DOCS_NOW = new Date('2026-01-29T18:00:00.000Z');
const at = (daysBefore: number, hourUtc = 15) =>
  `${addDays('2026-01-29', -daysBefore)}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

/**
 * TechCorp LTDA as synced documents, built so the health rule gives the Customer 360's bars
 * (customers spec §2.2): Uso do produto 85, Engajamento 92, Suporte 95, Pagamento 100, Crescimento 80.
 * Each number is worked out next to the documents that produce it.
 */
export function techCorpDocs(f = docFactory()) {
  const joao = f.contact({
    firstName: 'João',
    lastName: 'Silva',
    jobTitle: 'CEO',
    role: 'decision_maker',
    isPrimary: true,
  });
  const ana = f.contact({ firstName: 'Ana', lastName: 'Souza', role: 'user' });
  const customer = f.customer({
    name: 'TechCorp LTDA',
    tier: 'enterprise',
    customerSince: '2024-01-15',
    renewalDate: '2027-01-15',
    activeUsers: 85, // seats 85 of 100 → Uso do produto 85 (the only usage factor in synced data)
    totalSeats: 100,
    lastLoginAt: '2026-01-29T13:00:00.000Z',
    mrrCents: 450_000,
    contacts: [joao, ana],
    contracts: [
      // 12 months ago (2025-01-29) R$ 4.000, now R$ 4.500: +12,5 % → contract growth 100
      f.contract({
        status: 'completed',
        startDate: '2025-01-15',
        endDate: '2026-01-14',
        monthlyValueCents: 400_000,
      }),
      f.contract({
        contractNumber: 'CTR-2024-0045',
        startDate: '2026-01-15',
        endDate: '2027-01-14',
        monthlyValueCents: 450_000,
        items: [
          {
            id: f.id(),
            name: 'Platform License',
            description: null,
            quantity: 100,
            unitPriceCents: 3_500,
            billingType: 'recurring',
          },
          {
            id: f.id(),
            name: 'API Access',
            description: null,
            quantity: 1,
            unitPriceCents: 50_000,
            billingType: 'recurring',
          },
          {
            id: f.id(),
            name: 'Suporte Premium',
            description: null,
            quantity: 1,
            unitPriceCents: 50_000,
            billingType: 'recurring',
          },
        ],
      }),
    ],
  });
  const cid = customer.id;
  const activities: Activity[] = [];
  // 25 outbound e-mails in 90 days, the oldest unanswered: 24 ÷ 25 → 96.
  for (let k = 1; k <= 25; k++)
    activities.push(
      f.activity(cid, {
        type: 'email',
        occurredAt: at(3 * k),
        metadata: { direction: 'outbound', replied: k !== 25, contactId: joao.id },
      }),
    );
  // Ignored: a newsletter (bulk), an inbound e-mail, an unanswered e-mail older than 90 days.
  activities.push(
    f.activity(cid, {
      type: 'email',
      occurredAt: at(2),
      metadata: { direction: 'outbound', replied: false, bulk: true },
    }),
    f.activity(cid, { type: 'email', occurredAt: at(1), metadata: { direction: 'inbound', replied: null } }),
    f.activity(cid, {
      type: 'email',
      occurredAt: at(120),
      metadata: { direction: 'outbound', replied: false },
    }),
  );
  // NPS 8 then 9 → NPS factor 90 (Engajamento: (96 + 90 + 90) ÷ 3 = 92).
  activities.push(
    f.activity(cid, { type: 'nps_response', occurredAt: at(120), metadata: { npsScore: 8 } }),
    f.activity(cid, { type: 'nps_response', occurredAt: at(40), metadata: { npsScore: 9 } }),
  );
  // The executive call (a call with the decision maker, no `executive` flag) and the logged opportunity:
  // 2 expansion conversations in 90 days → 100.
  activities.push(
    f.activity(cid, {
      type: 'call',
      title: 'Ligação com João Silva (CEO)',
      description: 'Muito satisfeitos com a plataforma, discutimos expansão para RH.',
      occurredAt: at(9),
      metadata: { durationMinutes: 30, contactId: joao.id },
    }),
    f.activity(cid, { type: 'expansion_identified', title: 'Oportunidade: módulo de RH', occurredAt: at(2) }),
    f.activity(cid, { type: 'call', description: 'Falamos de expansão', occurredAt: at(100) }),
    f.activity(cid, { type: 'note', description: 'Querem orçamento de SEO.', occurredAt: at(7) }),
  );
  // Tickets: 2 in 30 days (100 − 20 × 2 × 10 ÷ 100 = 96), 3 in 90 days; CSAT of the last 90 days (5 + 4,5) ÷ 2
  // = 4,75 → 93,75 → 94 (the 1/5 of August is older). Suporte (96 + 94) ÷ 2 = 95.
  const tickets = [
    f.ticket(cid, { status: 'open', createdAt: at(2) }),
    f.ticket(cid, { status: 'resolved', createdAt: at(19) }),
    f.ticket(cid, { status: 'resolved', createdAt: at(59) }),
    f.ticket(cid, { status: 'closed', createdAt: at(181) }),
  ];
  activities.push(
    f.activity(cid, { type: 'support_ticket', occurredAt: at(19), metadata: { rating: 5 } }),
    f.activity(cid, { type: 'support_ticket', occurredAt: at(59), metadata: { rating: 4.5 } }),
    f.activity(cid, { type: 'support_ticket', occurredAt: at(181), metadata: { rating: 1 } }),
    f.activity(cid, { type: 'support_ticket', occurredAt: at(2), metadata: { rating: null } }),
  );
  // Ignored: an activity dated in the future.
  activities.push(
    f.activity(cid, {
      type: 'nps_response',
      occurredAt: '2026-02-05T12:00:00.000Z',
      metadata: { npsScore: 0 },
    }),
  );

  // 12 invoices due in the last 12 months, all paid on the due date → 100; reliability 12 of 12 → 100.
  // Ignored: next month's (not due yet) and a cancelled one.
  const invoices: Invoice[] = [];
  for (let m = 0; m < 12; m++) {
    const due = `${m < 11 ? '2025' : '2026'}-${String(((m + 1) % 12) + 1).padStart(2, '0')}-10`;
    invoices.push(
      f.invoice(cid, { dueDate: due, paidDate: due, amountCents: due >= '2026-01-15' ? 450_000 : 400_000 }),
    );
  }
  invoices.push(
    f.invoice(cid, { dueDate: '2026-02-10', paidDate: null, amountCents: 450_000 }),
    f.invoice(cid, { dueDate: '2025-05-20', paidDate: null, status: 'cancelled', amountCents: 10_000 }),
  );

  // 10 meetings in 90 days, 9 held and one never marked as held → 90. Ignored: a cancelled and a future one.
  const meetings: Meeting[] = [];
  for (let k = 1; k <= 10; k++)
    meetings.push(f.meeting(cid, { scheduledAt: at(7 * k), status: k === 10 ? 'scheduled' : 'completed' }));
  meetings.push(
    f.meeting(cid, { scheduledAt: at(20), status: 'cancelled' }),
    f.meeting(cid, { scheduledAt: '2026-02-03T17:00:00.000Z', status: 'scheduled' }),
  );

  // Open expansion value R$ 810 = 18 % of MRR → 18 ÷ 30 → 60. Crescimento (60 + 100) ÷ 2 = 80.
  const signals = [
    f.signal(cid, { kind: 'expansion', status: 'identified', estimatedValueCents: 81_000 }),
    // SEO, which the notes mention, was already offered and declined: lost, so not counted nor detected again.
    f.signal(cid, {
      kind: 'expansion',
      subtype: 'cross_sell',
      status: 'lost',
      title: { code: 'expansion.crossSellTitle', params: { need: 'SEO' } },
      estimatedValueCents: 250_000,
    }),
    f.signal(cid, { kind: 'expansion', status: 'won', estimatedValueCents: 100_000 }),
    f.signal(cid, { kind: 'risk_alert', status: 'open', estimatedValueCents: null }),
  ];
  // Usage: 100 sessions a day for three months (stable).
  const metrics = f.metrics(cid, '2025-11-01', '2026-01-29', () => 100);
  return { customer, activities, tickets, invoices, meetings, signals, metrics };
}

/**
 * The at-risk page's three cards (customers spec §2.4) as documents; the comments say which factor each
 * document makes fire on DOCS_NOW.
 */
export function startupXyzDocs(f = docFactory()) {
  const customer = f.customer({
    name: 'StartupXYZ',
    tier: 'starter',
    customerSince: '2025-05-10',
    renewalDate: '2026-05-10',
    activeUsers: 15,
    totalSeats: 20,
    lastLoginAt: '2026-01-15T12:30:00.000Z', // 14 days before → no_login −30
    contacts: [f.contact({ firstName: 'Bia', isPrimary: true, role: 'champion' })],
    contracts: [f.contract({ startDate: '2025-05-10', endDate: '2026-05-09', monthlyValueCents: 150_000 })],
  });
  const cid = customer.id;
  return {
    customer,
    // 100 sessions in the 30 days before, 35 in the last 30 → −65 % → usage_drop −25
    metrics: f.metrics(cid, '2025-11-20', '2026-01-29', (d) =>
      d === '2025-12-31' ? 35 : d >= '2025-12-01' && d <= '2025-12-10' ? 10 : 0,
    ),
    activities: [
      f.activity(cid, {
        type: 'email',
        occurredAt: at(40),
        metadata: { direction: 'outbound', replied: true },
      }),
      // the last three e-mails unanswered → unanswered_emails −15
      ...[16, 10, 4].map((d) =>
        f.activity(cid, {
          type: 'email',
          occurredAt: at(d),
          metadata: { direction: 'outbound', replied: false },
        }),
      ),
      f.activity(cid, { type: 'call', occurredAt: at(17), metadata: { executive: true } }),
    ],
    tickets: [
      f.ticket(cid, { status: 'in_progress', createdAt: '2026-01-20T13:00:00.000Z' }), // 9 days → stale_ticket −10
      f.ticket(cid, { status: 'resolved', createdAt: at(24) }),
    ],
    invoices: [],
  };
}

export function agenciaDigitalDocs(f = docFactory()) {
  const customer = f.customer({
    name: 'AgênciaDigital',
    customerSince: '2025-03-20',
    renewalDate: '2026-03-20', // 50 days → renewal_soon −10
    activeUsers: 28, // 28 of 60 seats → low_capacity_usage −20
    totalSeats: 60,
    lastLoginAt: '2026-01-28T21:00:00.000Z',
    contacts: [f.contact({ firstName: 'Diretor', role: 'decision_maker', isPrimary: true })],
    contracts: [f.contract({ startDate: '2025-03-20', endDate: '2026-03-19', monthlyValueCents: 210_000 })],
  });
  const cid = customer.id;
  return {
    customer,
    metrics: f.metrics(cid, '2025-11-20', '2026-01-29', () => 14),
    activities: [
      // the last executive touchpoint 50 days ago → no_executive_engagement −15 ...
      f.activity(cid, {
        type: 'meeting',
        occurredAt: '2025-12-10T13:00:00.000Z',
        metadata: { executive: true },
      }),
      // ... a later call explicitly not with an executive does not count
      f.activity(cid, {
        type: 'call',
        occurredAt: at(9),
        metadata: { executive: false, contactId: customer.contacts[0]!.id },
      }),
      f.activity(cid, {
        type: 'email',
        occurredAt: at(5),
        metadata: { direction: 'outbound', replied: true },
      }),
    ],
    tickets: [f.ticket(cid, { status: 'resolved', createdAt: at(12) })],
    invoices: [],
  };
}

export function consultoriaDefDocs(f = docFactory()) {
  const customer = f.customer({
    name: 'ConsultoriaDEF',
    customerSince: '2024-11-04',
    renewalDate: '2026-11-04',
    activeUsers: 18,
    totalSeats: 25,
    lastLoginAt: '2026-01-27T14:00:00.000Z',
    contacts: [
      // the primary contact left and nobody replaced them → main_contact_left −11
      f.contact({
        firstName: 'Carla',
        lastName: 'Mendes',
        isPrimary: true,
        leftCompanyAt: '2026-01-05T15:00:00.000Z',
      }),
      f.contact({ firstName: 'Roberto', role: 'decision_maker' }),
    ],
    contracts: [f.contract({ startDate: '2025-11-04', endDate: '2026-11-03', monthlyValueCents: 180_000 })],
  });
  const cid = customer.id;
  return {
    customer,
    metrics: f.metrics(cid, '2025-11-20', '2026-01-29', () => 10),
    activities: [
      // NPS 8 → 6 → nps_drop −12
      f.activity(cid, { type: 'nps_response', occurredAt: at(110), metadata: { npsScore: 8 } }),
      f.activity(cid, { type: 'nps_response', occurredAt: at(12), metadata: { npsScore: 6 } }),
      f.activity(cid, { type: 'call', occurredAt: at(14), metadata: { executive: true } }),
      f.activity(cid, {
        type: 'email',
        occurredAt: at(20),
        metadata: { direction: 'outbound', replied: true },
      }),
      f.activity(cid, {
        type: 'email',
        occurredAt: at(3),
        metadata: { direction: 'outbound', replied: false },
      }),
    ],
    // 5 tickets in 30 days → ticket_surge −15 (the open one is 3 days old: not stale)
    tickets: [
      f.ticket(cid, { status: 'open', createdAt: '2026-01-26T12:00:00.000Z' }),
      ...[6, 11, 17, 25].map((d) => f.ticket(cid, { status: 'resolved', createdAt: at(d) })),
    ],
    invoices: [],
  };
}
