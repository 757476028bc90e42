import { describe, expect, it } from 'vitest';
import { scoreLead } from '../../shared/domain/portal/lead-score.ts';
import { evaluateAbTest } from '../../shared/domain/portal/ab-test.ts';
import { campaignPerformance, visitorsStillNeeded } from '../../shared/domain/portal/campaign-metrics.ts';
import {
  learningProgress,
  seatsLeft,
  trendingContent,
  upcomingEvents,
} from '../../shared/domain/portal/content-hub.ts';
import { pipelineSummary } from '../../shared/domain/portal/pipeline.ts';
import { computeRoi } from '../../shared/domain/portal/roi.ts';
import { slaStatus } from '../../shared/domain/portal/sla.ts';
import { verifyBrCode } from '../../shared/domain/portal/br-code.ts';
import { fullMonthsBetween } from '../../shared/domain/csm/dates.ts';
import { deriveCustomerRevenue } from '../../shared/domain/revenue.ts';
import { lastScoreOfMonth, scoreArco } from '../../shared/domain/portal/engagement-score.ts';
import { addDays, localDateOf } from '../../shared/domain/portal/time.ts';
import { INDUSTRY_CONVERSION_RATE } from './metrics.ts';
import { generateDemoData, SEED_REFERENCE_NOW } from './generate.ts';

/** TechCorp LTDA as the seeds show it: customers spec §2.2–2.3 (CSM side) and the dashboard strategy (client). */
const NOW = SEED_REFERENCE_NOW;
const data = generateDemoData({ seed: 1, now: NOW });
const tech = data.documents.customers.find((c) => c.name === 'TechCorp LTDA');
if (!tech) throw new Error('TechCorp LTDA missing');
const mine = <T extends { customerId: string }>(list: T[]) => list.filter((x) => x.customerId === tech.id);

describe('TechCorp — Customer 360 and Contracts tab (customers spec §2.2–2.3)', () => {
  it('is an Enterprise customer for 13 months in São Paulo with 85 of 100 seats', () => {
    expect(tech).toMatchObject({
      tier: 'enterprise',
      domain: 'techcorp.com.br',
      location: 'São Paulo, SP',
      customerSince: '2024-12-16',
      renewalDate: '2027-01-15',
      renewalType: 'auto_renew',
      activeUsers: 85,
      totalSeats: 100,
      mrrCents: 450_000,
      arrCents: 5_400_000,
    });
    // "cliente há 13 meses" (the advocacy insight) and the tenure KPI card.
    expect(fullMonthsBetween(tech.customerSince, '2026-02-02')).toBe(13);
    const primary = tech.contacts.find((c) => c.isPrimary);
    expect(primary).toMatchObject({ firstName: 'João', lastName: 'Silva', jobTitle: 'CEO', npsScore: 9 });
    expect(tech.contacts.map((c) => `${c.firstName} ${c.lastName}`)).toEqual(
      expect.arrayContaining(['Maria Oliveira', 'Pedro Santos']),
    );
  });

  it('has the Enterprise Annual License (R$ 54.000/ano) amended from R$ 4.000, and the completed Training Package', () => {
    const license = tech.contracts.find((c) => c.contractNumber === 'CTR-2024-0045');
    expect(license).toMatchObject({
      name: 'Enterprise Annual License',
      status: 'active',
      monthlyValueCents: 450_000,
      startDate: '2025-11-01',
      endDate: '2027-01-15',
      billingCycle: 'monthly',
      renewalType: 'auto_renew',
    });
    expect(license?.items.map((i) => [i.name, i.unitPriceCents])).toEqual([
      ['Platform License (100 seats)', 350_000],
      ['Premium Support', 50_000],
      ['API Access', 50_000],
    ]);
    // The license as first signed (R$ 4.000, before the API Access amendment) is its predecessor.
    const original = tech.contracts.find((c) => c.id === license?.previousContractId);
    expect(original).toMatchObject({
      contractNumber: 'CTR-2024-0044',
      status: 'completed',
      monthlyValueCents: 400_000,
      totalValueCents: 4_000_000,
      startDate: '2024-12-16',
      endDate: '2025-10-31',
    });
    const training = tech.contracts.find((c) => c.contractNumber === 'CTR-2024-0046');
    expect(training).toMatchObject({
      name: 'Training Package',
      status: 'completed',
      billingCycle: 'one_time',
      monthlyValueCents: 0,
      totalValueCents: 500_000,
      startDate: '2025-02-01',
      endDate: '2025-04-30',
    });
  });

  it('has the payment history INV-1231…1234 (Oct R$ 4.000, then R$ 4.500), all paid on time', () => {
    const invoices = mine(data.documents.invoices);
    const rows = ['INV-1231', 'INV-1232', 'INV-1233', 'INV-1234'].map((n) =>
      invoices.find((i) => i.number === n),
    );
    expect(rows.map((i) => [i?.dueDate, i?.amountCents, i?.status, i?.paidDate])).toEqual([
      ['2025-10-15', 400_000, 'paid', '2025-10-15'],
      ['2025-11-15', 450_000, 'paid', '2025-11-15'],
      ['2025-12-15', 450_000, 'paid', '2025-12-15'],
      ['2026-01-15', 450_000, 'paid', '2026-01-15'],
    ]);
    const settled = invoices.filter((i) => i.number !== 'INV-1235');
    expect(settled.every((i) => i.status === 'paid' && (i.paidDate ?? '') <= i.dueDate)).toBe(true);
    for (const i of rows) expect(i?.nfeUrl).toMatch(/^https:\/\//);
  });

  it('has its next invoice INV-1235 open with a valid Pix code (dashboard §5C "Pendente")', () => {
    const next = mine(data.documents.invoices).find((i) => i.number === 'INV-1235');
    expect(next).toMatchObject({
      status: 'pending',
      amountCents: 450_000,
      dueDate: '2026-02-15',
      paidDate: null,
    });
    expect(verifyBrCode(next?.pixCode ?? '')).toMatchObject({
      valid: true,
      amountCents: 450_000,
      txid: 'INV1235',
    });
  });

  it('has collected R$ 58.500 by the shared revenue rule: 10 × R$ 4.000, 3 × R$ 4.500 and the training', () => {
    const payments = mine(data.documents.invoices).flatMap((i) => i.payments);
    const revenue = deriveCustomerRevenue(tech.contracts, payments, '2026-02-02');
    expect(revenue).toEqual({ mrrCents: 450_000, arrCents: 5_400_000, lifetimeValueCents: 5_850_000 });
    expect(tech.lifetimeValueCents).toBe(5_850_000);
    expect(mine(data.documents.invoices).filter((i) => i.status === 'paid')).toHaveLength(14);
  });

  it.each([
    '2026-02-15T23:30:00-03:00',
    '2026-02-16T00:30:00-03:00',
    '2026-03-31T12:00:00-03:00',
    '2026-12-06T12:00:00-03:00',
    '2026-12-20T12:00:00-03:00',
    '2027-01-03T12:00:00-03:00',
  ])('keeps 13 months, R$ 58.500 and INV-1234 as the last paid invoice when generated on %s', (now) => {
    const other = generateDemoData({ seed: 1, now, customers: 6 });
    const c = other.documents.customers.find((x) => x.name === 'TechCorp LTDA')!;
    const invoices = other.documents.invoices.filter((i) => i.customerId === c.id);
    const today = now.slice(0, 10);
    expect(fullMonthsBetween(c.customerSince, today)).toBe(13);
    expect(c.lifetimeValueCents).toBe(5_850_000);
    expect(c.contracts.map((x) => x.contractNumber)).toEqual([
      'CTR-2024-0045',
      'CTR-2024-0044',
      'CTR-2024-0046',
    ]);
    const paid = invoices.filter((i) => i.status === 'paid' && i.number.startsWith('INV-12'));
    expect(
      paid
        .map((i) => i.number)
        .sort()
        .at(-1),
    ).toBe('INV-1234');
    expect(paid.map((i) => i.amountCents).slice(-4)).toEqual([400_000, 450_000, 450_000, 450_000]);
    // …and INV-1235 open whatever the day (issued early when the 5th has not come yet).
    expect(invoices.filter((i) => i.status !== 'paid').map((i) => [i.number, i.status])).toEqual([
      ['INV-1235', 'pending'],
    ]);
  });

  it('has the seed timeline: the call with João about HR, the newsletter, the 4.8/5 ticket', () => {
    const acts = mine(data.documents.activities);
    expect(acts.find((a) => a.description?.includes('expansão para RH'))).toMatchObject({
      type: 'call',
      metadata: { executive: true },
    });
    expect(acts.some((a) => a.type === 'email' && a.title.includes('Newsletter mensal'))).toBe(true);
    expect(acts.find((a) => a.type === 'support_ticket' && a.metadata.rating === 4.8)).toBeDefined();
  });
});

describe('TechCorp — client dashboard (dashboard strategy §1–§7)', () => {
  const month = NOW.slice(0, 7);
  const metrics = mine(data.documents.metrics);
  const current = metrics.find((m) => m.month === month);
  const previous = metrics.find((m) => m.month === '2026-01');
  const sum = (days: { [k: string]: unknown }[] | undefined, field: string) =>
    (days ?? []).reduce((s, d) => s + (d[field] as number), 0);

  it('has a year of daily metrics: R$ 43,2K and 38 leads this month, R$ 35,1K last month, score 87', () => {
    expect(metrics).toHaveLength(12);
    expect(sum(current?.days, 'revenueCents')).toBe(4_320_000);
    expect(sum(current?.days, 'leads')).toBe(38);
    expect(sum(previous?.days, 'revenueCents')).toBe(3_510_000);
    expect(current?.days.at(-1)?.score).toBe(87);
    // "+5 este mês": against the last score of last month (lastScoreOfMonth, docs/domain-client.md §1).
    expect(lastScoreOfMonth(metrics, '2026-01')).toBe(82);
    // "+127% tráfego vs mês passado"
    expect(Math.round((sum(current?.days, 'sessions') / sum(previous?.days, 'sessions') - 1) * 100)).toBe(
      127,
    );
    // ROI (§5B): R$ 43.200 of revenue on R$ 8.500 invested → 408 %.
    const roi = computeRoi({
      revenueCents: sum(current?.days, 'revenueCents'),
      investmentCents: sum(current?.days, 'adSpendCents'),
    });
    expect(roi.kind === 'computed' && roi.roiPercentDisplay).toBe(408);
  });

  it('has the monthly goals: 10K visits reached, 50 leads at 38, R$ 20K revenue at 60 %', () => {
    const goals = mine(data.documents.goals).filter((g) => g.startDate.startsWith(month));
    const byType = Object.fromEntries(goals.map((g) => [g.type, g]));
    expect(byType.traffic).toMatchObject({ targetValue: 10_000, status: 'completed' });
    expect(byType.leads).toMatchObject({ targetValue: 50, currentValue: 38, status: 'active' });
    expect(byType.revenue).toMatchObject({ targetValue: 2_000_000, currentValue: 1_200_000, unit: 'cents' });
  });

  it('runs the A/B test "Landing Page: Hero Section" (2,3 % of 1.240 vs 3,1 % of 1.198)', () => {
    const test = mine(data.documents.campaigns)
      .flatMap((c) => c.abTests)
      .find((t) => t.name === 'Landing Page: Hero Section');
    expect(test).toMatchObject({
      status: 'running',
      variantA: { name: 'Aumente Vendas', visitors: 1_240 },
      variantB: { name: 'Dobre Resultados', visitors: 1_198 },
    });
    const r = evaluateAbTest({ variantA: test!.variantA, variantB: test!.variantB });
    expect([Math.round(r.rateA * 1000) / 10, Math.round(r.rateB * 1000) / 10]).toEqual([2.3, 3.1]);
  });

  it('has the active campaigns: Google Ads R$ 5.000 / R$ 3.240 (CTR 3,2 %, CPC R$ 1,80), Meta R$ 2.000 / R$ 1.890', () => {
    const campaigns = mine(data.documents.campaigns);
    const total = (name: string, field: 'spendCents' | 'clicks' | 'impressions' | 'conversions') =>
      campaigns.find((c) => c.name === name)?.daily.reduce((s, d) => s + d[field], 0) ?? -1;
    const google = campaigns.find((c) => c.name === 'Serviços Premium');
    expect(google).toMatchObject({ platform: 'google_ads', budgetCents: 500_000, status: 'active' });
    expect(total('Serviços Premium', 'spendCents')).toBe(324_000);
    expect(total('Serviços Premium', 'clicks') / total('Serviços Premium', 'impressions')).toBeCloseTo(
      0.032,
      4,
    );
    expect(total('Serviços Premium', 'spendCents') / total('Serviços Premium', 'clicks')).toBe(180);
    expect(google?.daily.slice(-2).map((d) => d.conversions)).toEqual([12, 18]);
    const meta = campaigns.find((c) => c.name === 'Retargeting');
    expect(meta).toMatchObject({ platform: 'meta_ads', budgetCents: 200_000 });
    expect(total('Retargeting', 'spendCents')).toBe(189_000);
    expect(meta?.daily.slice(-2).map((d) => d.conversions)).toEqual([14, 12]);
  });

  it('has the lead pipeline 23 / 15 / 8 / 3 worth R$ 276K / 180K / 96K / 36K, and Carlos Mendes scores 85', () => {
    const leads = mine(data.documents.leads);
    const stage = (s: string) => leads.filter((l) => l.stage === s);
    expect(['new', 'qualified', 'negotiation', 'won'].map((s) => stage(s).length)).toEqual([23, 15, 8, 3]);
    expect(
      ['new', 'qualified', 'negotiation', 'won'].map((s) => stage(s).reduce((t, l) => t + l.valueCents, 0)),
    ).toEqual([27_600_000, 18_000_000, 9_600_000, 3_600_000]);
    const carlos = leads.find((l) => l.name === 'Carlos Mendes');
    const score = scoreLead({ lead: carlos!, now: new Date(NOW).toISOString() });
    expect(score.total).toBe(85);
    expect(Object.values(score.breakdown).map((b) => b.points)).toEqual([30, 25, 20, 10]);
  });

  it('has the tickets #2847 (resolved 2h ago) and #2853 (in progress, SLA 1h), and the next meeting', () => {
    const tickets = mine(data.documents.tickets);
    expect(tickets.find((t) => t.number === 2847)).toMatchObject({
      subject: 'Ajuste em campanha',
      status: 'resolved',
      resolvedAt: new Date(Date.parse(NOW) - 2 * 3_600_000).toISOString(),
    });
    const open = tickets.find((t) => t.number === 2853);
    expect(open).toMatchObject({ subject: 'Dúvida sobre relatório', status: 'in_progress' });
    expect(slaStatus({ ticket: open!, now: new Date(NOW).toISOString() }).label).toBe('1h');
    const meetings = mine(data.documents.meetings);
    const next = meetings.find((m) => m.status === 'scheduled');
    const maria = data.users.find((u) => u.email === 'maria@arco.example');
    expect(next).toMatchObject({ accountManagerId: maria?.id, scheduledAt: '2026-02-18T18:00:00.000Z' });
    expect(meetings.find((m) => m.status === 'completed')?.scheduledAt).toBe('2026-01-14T18:00:00.000Z');
  });

  it('has action cards of the three kinds, the content hub and a visit streak for the client user', () => {
    const actions = mine(data.documents.actions).filter((a) => a.status === 'pending');
    expect(actions.map((a) => a.type).sort()).toEqual(['insight', 'quick_win', 'urgent']);
    const titles = data.documents.content.map((c) => c.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Como otimizar Google Ads',
        'Estratégias de Remarketing',
        'SEO para E-commerce',
        'E-commerce de Moda (+340% vendas)',
        '[LIVE] Estratégias 2026',
        'Workshop: Landing Pages',
      ]),
    );
    const live = data.documents.content.find((c) => c.title.startsWith('[LIVE]'));
    expect(live).toMatchObject({ startsAt: '2026-02-03T18:00:00.000Z', maxAttendees: 100, attendees: 88 });
    const client = data.users.find((u) => u.email === 'cliente@techcorp.example');
    const engagement = data.documents.engagement.find((e) => e.userId === client?.id);
    expect(engagement?.visitDays.slice(-12)).toEqual(
      Array.from({ length: 12 }, (_, k) =>
        new Date(Date.UTC(2026, 1, 2 - 11 + k)).toISOString().slice(0, 10),
      ),
    );
    expect(engagement?.badges.map((b) => b.id)).toEqual(
      expect.arrayContaining(['streak_7', 'estudante', 'vip']),
    );
    const inbox = data.documents.notifications.filter((n) => n.userId === client?.id);
    expect(inbox.length).toBeGreaterThanOrEqual(6);
    expect(inbox.some((n) => n.readAt === null)).toBe(true);
  });

  it("the portal screens' shared rules reproduce the seed: pipeline, campaign cards, A/B verdict, content hub", () => {
    expect(pipelineSummary(mine(data.documents.leads))).toMatchObject({
      new: { count: 23, valueCents: 27_600_000 },
      qualified: { count: 15, valueCents: 18_000_000 },
      negotiation: { count: 8, valueCents: 9_600_000 },
      won: { count: 3, valueCents: 3_600_000 },
    });
    const today = NOW.slice(0, 10);
    const perf = (name: string) => {
      const c = mine(data.documents.campaigns).find((x) => x.name === name)!;
      const leads = mine(data.documents.leads).filter((l) => l.campaignId === c.id).length;
      return campaignPerformance({ campaign: c, today, leads });
    };
    expect(perf('Serviços Premium')).toMatchObject({
      totals: { spendCents: 324_000 },
      ctrPercentDisplay: 3.2,
      cpcCents: 180,
      conversionsToday: 18,
      conversionsChange: 6,
      status: { kind: 'performing_well' },
    });
    expect(perf('Retargeting')).toMatchObject({
      totals: { spendCents: 189_000 },
      ctrPercentDisplay: 1.8,
      cpcCents: 95,
      conversionsToday: 12,
      conversionsChange: -2,
      status: { kind: 'needs_optimization' },
    });
    const test = mine(data.documents.campaigns).flatMap((c) => c.abTests)[0]!;
    expect(evaluateAbTest({ variantA: test.variantA, variantB: test.variantB }).verdict).toEqual({
      kind: 'inconclusive',
      reason: 'not_significant',
    });
    expect(visitorsStillNeeded(test.variantA, test.variantB)).toBe(2_368);

    const now = new Date(NOW);
    // What the client's device holds: its agency's content only.
    const content = data.documents.content.filter(
      (c) => data.owners.content[c.id] === data.owners.customers[tech.id],
    );
    expect(trendingContent(content, now).map((c) => c.title)).toEqual([
      'SEO para E-commerce',
      'Como otimizar Google Ads',
      'Estratégias de Remarketing',
    ]);
    const [live, workshop] = upcomingEvents(content, now);
    expect([live?.title, seatsLeft(live!)]).toEqual(['[LIVE] Estratégias 2026', 12]);
    expect(workshop?.title).toBe('Workshop: Landing Pages');
    const client = data.users.find((u) => u.email === 'cliente@techcorp.example');
    const engagement = data.documents.engagement.find((e) => e.userId === client?.id)!;
    // "📖 Seu Progresso: 12 artigos lidos • 3 vídeos assistidos • 🏆 Badge: Estudante Dedicado"
    expect(learningProgress(engagement.reading, content)).toEqual({
      articlesRead: 12,
      videosWatched: 3,
      studentProgress: 15,
      studentTarget: 10,
    });
  });
});

describe('TechCorp — Score ARCO through the shared rule (dashboard §1A "87/100 (+5 este mês)")', () => {
  // The screen computes the score from the synced documents, so the data must say 87 on whatever day the demo
  // is generated: the reference day, a month's first day, mid-month and the 27th (score-calibration.ts; the
  // last days of a month are a known gap).
  it.each([NOW, '2026-12-01T15:00:00-03:00', '2026-12-15T09:00:00-03:00', '2027-01-27T20:00:00-03:00'])(
    'is 87, +5 on %s',
    (now) => {
      const demo = now === NOW ? data : generateDemoData({ seed: 1, now });
      const corp = demo.documents.customers.find((c) => c.name === 'TechCorp LTDA')!;
      const own = <T extends { customerId: string }>(list: T[]) =>
        list.filter((x) => x.customerId === corp.id);
      const client = demo.users.find((u) => u.email === 'cliente@techcorp.example');
      const engagement = demo.documents.engagement.find((e) => e.userId === client?.id);
      const today = localDateOf(now, 'America/Sao_Paulo');
      const metrics = own(demo.documents.metrics);
      const result = scoreArco({
        asOf: today,
        visitDays: engagement?.visitDays ?? [],
        actions: own(demo.documents.actions),
        campaigns: own(demo.documents.campaigns),
        metrics,
        goals: own(demo.documents.goals),
        industryConversionRate: INDUSTRY_CONVERSION_RATE,
        previousScore: lastScoreOfMonth(metrics, addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)),
      });
      expect([result.score, result.trend?.delta]).toEqual([87, 5]);
    },
    30_000,
  );
});
