import { describe, expect, it } from 'vitest';
import { computeHealth } from './health-score.ts';
import {
  assessmentClock,
  churnFeaturesFromDocs,
  contractMrrOn,
  healthInputFromDocs,
  riskInputFromDocs,
  usageWindows,
} from './customer-inputs.ts';
import {
  agenciaDigitalDocs,
  consultoriaDefDocs,
  docFactory,
  DOCS_NOW,
  startupXyzDocs,
  techCorpDocs,
} from './test-docs.ts';

const clock = assessmentClock(DOCS_NOW, 'America/Sao_Paulo');

describe('assessmentClock', () => {
  it("takes today's date in the organization's time zone", () => {
    const lateEvening = new Date('2026-01-30T01:00:00.000Z'); // 22:00 on the 29th in São Paulo
    expect(assessmentClock(lateEvening, 'America/Sao_Paulo').today).toBe('2026-01-29');
    expect(assessmentClock(lateEvening, 'UTC').today).toBe('2026-01-30');
    expect(() => assessmentClock(lateEvening, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('healthInputFromDocs — TechCorp from its documents', () => {
  it('reads every input the synced documents can supply; the rest is "no data"', () => {
    const input = healthInputFromDocs(techCorpDocs(), clock);
    expect(input).toEqual({
      activeUsers: 85,
      totalSeats: 100,
      emailsSent: 25,
      emailsReplied: 24,
      meetingsScheduled: 10,
      meetingsAttended: 9,
      npsScore: 9,
      ticketsLast30: 2,
      csatAverage: 4.75,
      ticketsLast90: 3,
      paymentsLast12: 12,
      paymentsOnTimeLast12: 12,
      mrrCents: 450_000,
      mrr12MonthsAgoCents: 400_000,
      chargeAttemptsLast12: 12,
      failedChargesLast12: 0,
      openExpansionValueCents: 81_000,
      expansionConversationsLast90: 2,
    });
  });

  it('a chat is not a ticket: chats count in no ticket figure', () => {
    const docs = techCorpDocs();
    const chats = docs.tickets.map((t) => ({ ...t, channel: 'chat' as const }));
    const input = healthInputFromDocs({ ...docs, tickets: [...docs.tickets, ...chats] }, clock);
    expect(input).toMatchObject({ ticketsLast30: 2, ticketsLast90: 3 });
    expect(riskInputFromDocs({ ...docs, tickets: chats }, clock).oldestOpenTicketCreatedAt).toBeNull();
  });

  it('gives the Customer 360 bars 85 / 92 / 95 / 100 / 80 → 90,5 → 91', () => {
    const h = computeHealth(healthInputFromDocs(techCorpDocs(), clock));
    expect(Object.fromEntries(Object.entries(h.breakdown).map(([d, m]) => [d, m.score]))).toEqual({
      productUsage: 85,
      engagement: 92,
      support: 95,
      payment: 100,
      growth: 80,
    });
    expect(h.score).toBe(91);
    expect(h.missingDimensions).toEqual([]);
  });

  it('without meetings or signals documents those inputs are unknown, not zero', () => {
    const { meetings: _m, signals: _s, ...docs } = techCorpDocs();
    const input = healthInputFromDocs(docs, clock);
    expect([input.meetingsScheduled, input.meetingsAttended, input.openExpansionValueCents]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('a young customer with nothing logged: only the counts of synced collections are known', () => {
    const f = docFactory();
    const customer = f.customer({ customerSince: '2025-12-01' });
    const input = healthInputFromDocs(
      { customer, metrics: [], activities: [], tickets: [], invoices: [], signals: [] },
      clock,
    );
    expect(input).toEqual({
      activeUsers: null, // 0 seats: utilisation undefined
      totalSeats: null,
      emailsSent: null,
      emailsReplied: null,
      meetingsScheduled: null,
      meetingsAttended: null,
      npsScore: null,
      ticketsLast30: 0,
      csatAverage: null,
      ticketsLast90: 0,
      paymentsLast12: null,
      paymentsOnTimeLast12: null,
      mrrCents: 0,
      mrr12MonthsAgoCents: null, // customer for less than a year
      chargeAttemptsLast12: null,
      failedChargesLast12: null,
      openExpansionValueCents: 0,
      expansionConversationsLast90: 0,
    });
  });

  it('counts late and unpaid invoices and failed charges', () => {
    const f = docFactory();
    const customer = f.customer({ customerSince: '2024-01-01' });
    const cid = customer.id;
    const late = f.invoice(cid, { dueDate: '2025-06-10', paidDate: '2025-06-15', amountCents: 100 });
    late.payments.unshift(
      f.payment({ createdAt: '2025-06-10T12:00:00.000Z', status: 'failed', amountCents: 100 }),
    );
    const docs = {
      customer,
      metrics: [],
      activities: [],
      tickets: [],
      invoices: [
        f.invoice(cid, { dueDate: '2025-05-10', paidDate: '2025-05-10', amountCents: 100 }),
        late,
        f.invoice(cid, { dueDate: '2026-01-10', paidDate: null, status: 'overdue', amountCents: 100 }),
        f.invoice(cid, { dueDate: '2024-12-10', paidDate: '2024-12-30', amountCents: 100 }), // > 12 months
      ],
    };
    const input = healthInputFromDocs(docs, clock);
    expect([input.paymentsLast12, input.paymentsOnTimeLast12]).toEqual([3, 1]);
    expect([input.chargeAttemptsLast12, input.failedChargesLast12]).toEqual([3, 1]);
    expect(churnFeaturesFromDocs(docs, clock, 50).latePaymentsLast12).toBe(2);
  });
});

describe('riskInputFromDocs — the at-risk cards from their documents', () => {
  it('StartupXYZ', () => {
    expect(riskInputFromDocs(startupXyzDocs(), clock)).toMatchObject({
      lastLoginAt: '2026-01-15T12:30:00.000Z',
      usageLast30: 35,
      usagePrevious30: 100,
      consecutiveUnansweredEmails: 3,
      oldestOpenTicketCreatedAt: '2026-01-20T13:00:00.000Z',
      ticketsLast30: 2,
      lastExecutiveEngagementAt: '2026-01-12T15:00:00.000Z',
      npsCurrent: null,
      mainContactLeft: null,
    });
  });

  it('AgênciaDigital: an explicit `executive: false` call with the decision maker does not count', () => {
    expect(riskInputFromDocs(agenciaDigitalDocs(), clock)).toMatchObject({
      lastExecutiveEngagementAt: '2025-12-10T13:00:00.000Z',
      activeUsers: 28,
      totalSeats: 60,
      renewalDate: '2026-03-20',
    });
  });

  it('ConsultoriaDEF', () => {
    expect(riskInputFromDocs(consultoriaDefDocs(), clock)).toMatchObject({
      ticketsLast30: 5,
      npsPrevious: 8,
      npsCurrent: 6,
      consecutiveUnansweredEmails: 1,
      mainContactLeft: { name: 'Carla Mendes', leftAt: '2026-01-05T15:00:00.000Z' },
    });
  });

  it('TechCorp: a call with the decision maker without the flag is executive engagement; bulk e-mails are skipped', () => {
    const r = riskInputFromDocs(techCorpDocs(), clock);
    expect(r.lastExecutiveEngagementAt).toBe('2026-01-20T15:00:00.000Z');
    expect(r.consecutiveUnansweredEmails).toBe(0);
    expect([r.npsPrevious, r.npsCurrent]).toEqual([8, 9]); // the future answer (0) is ignored
  });

  it('never engaged: null (fires once the customer is 30 days old)', () => {
    const f = docFactory();
    const docs = {
      customer: f.customer({ customerSince: '2025-01-01' }),
      metrics: [],
      activities: [],
      tickets: [],
      invoices: [],
    };
    expect(riskInputFromDocs(docs, clock)).toMatchObject({
      lastExecutiveEngagementAt: null,
      usageLast30: null,
      usagePrevious30: null,
    });
  });
});

describe('usageWindows and churn features', () => {
  it('splits sessions into the last 30 local days (today included) and the 30 before', () => {
    const f = docFactory();
    const m = f.metrics(f.id(), '2025-11-01', '2026-02-02', () => 1);
    expect(usageWindows(clock, m)).toEqual({ last30: 30, previous30: 30 }); // days after today are ignored
    expect(usageWindows({ today: '2026-03-31' }, m)).toEqual({ last30: 0, previous30: 3 });
    expect(usageWindows(clock, [])).toEqual({ last30: null, previous30: null });
  });

  it("StartupXYZ's churn features", () => {
    const features = churnFeaturesFromDocs(startupXyzDocs(), clock, 42);
    expect(features).toEqual({
      healthScore: 42,
      usageTrend: -0.65,
      daysSinceLastLogin: 14,
      ticketsLast30: 2,
      npsScore: null,
      tenureMonths: 8,
      latePaymentsLast12: 0,
    });
  });
});

describe('contractMrrOn', () => {
  it('sums the contracts in force on a date; drafts never count; a cancelled one up to its end', () => {
    const f = docFactory();
    const contracts = [
      f.contract({
        status: 'completed',
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        monthlyValueCents: 100,
      }),
      f.contract({
        status: 'active',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        monthlyValueCents: 200,
      }),
      f.contract({
        status: 'cancelled',
        startDate: '2025-06-01',
        endDate: '2025-09-30',
        monthlyValueCents: 40,
      }),
      f.contract({
        status: 'draft',
        startDate: '2025-01-01',
        endDate: '2026-12-31',
        monthlyValueCents: 1000,
      }),
    ];
    expect(contractMrrOn(contracts, '2025-03-01')).toBe(100);
    expect(contractMrrOn(contracts, '2025-09-30')).toBe(140);
    expect(contractMrrOn(contracts, '2025-10-01')).toBe(100);
    expect(contractMrrOn(contracts, '2026-01-29')).toBe(200);
    expect(contractMrrOn(contracts, '2027-01-01')).toBe(0);
  });
});
