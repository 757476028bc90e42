import type { LeafDomainText } from '../../entities/domain-text.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { riskFactorSchema } from '../../entities/csm.ts';
import {
  detectRisks,
  mainContactLeft,
  RISK_FACTOR_TYPES,
  RISK_POINTS,
  riskLevelFor,
  riskScoreFrom,
  type RiskFactorType,
  type RiskInput,
} from './risk.ts';
import { AGENCIA_DIGITAL_RISK, CONSULTORIA_DEF_RISK, SEED_NOW, STARTUP_XYZ_RISK } from './seed-fixtures.ts';

const NOW = SEED_NOW; // 2026-01-29 15:00 in São Paulo
const BASE: RiskInput = { customerSince: '2025-01-01' };
const types = (input: RiskInput, now = NOW) => detectRisks(input, now).riskFactors.map((f) => f.type);

// Descriptions are codes; shared/domain-text/render.test.ts renders them ("Sem login há 14 dias").
describe("risk — the wireframe's at-risk customers (§2.4)", () => {
  it('StartupXYZ: −30 −25 −15 −10 → 20, critical (the wireframe prints 25; its factors add up to −80)', () => {
    const r = detectRisks(STARTUP_XYZ_RISK, NOW);
    expect(r.riskFactors.map((f) => [f.type, f.impact, f.description])).toEqual([
      ['no_login', -30, { code: 'risk.noLogin', params: { days: 14 } }],
      ['usage_drop', -25, { code: 'risk.usageDrop', params: { percent: 65 } }],
      ['unanswered_emails', -15, { code: 'risk.unansweredEmails', params: { count: 3 } }],
      ['stale_ticket', -10, { code: 'risk.staleTicket', params: { days: 9 } }],
    ]);
    expect(r.riskScore).toBe(20);
    expect(r.riskLevel).toBe('critical');
    for (const f of r.riskFactors) expect(() => riskFactorSchema.parse(f)).not.toThrow();
    expect(r.riskFactors[0]?.detectedAt).toBe('2026-01-29T18:00:00.000Z');
  });

  it('AgênciaDigital: −20 −15 −10 → 55, warning', () => {
    const r = detectRisks(AGENCIA_DIGITAL_RISK, NOW);
    expect(r.riskFactors.map((f) => [f.type, f.impact, f.description])).toEqual([
      ['low_capacity_usage', -20, { code: 'risk.lowCapacityUsage', params: { active: 28, seats: 60 } }],
      ['no_executive_engagement', -15, { code: 'risk.noExecutive', params: { days: 50 } }],
      ['renewal_soon', -10, { code: 'risk.renewalSoon', params: { days: 50, date: '2026-03-20' } }],
    ]);
    expect(r).toMatchObject({ riskScore: 55, riskLevel: 'warning' });
  });

  it('ConsultoriaDEF: −15 −12 −11 → 62, warning', () => {
    const r = detectRisks(CONSULTORIA_DEF_RISK, NOW);
    expect(r.riskFactors.map((f) => [f.type, f.impact, f.description])).toEqual([
      ['ticket_surge', -15, { code: 'risk.ticketSurge', params: { count: 5 } }],
      ['nps_drop', -12, { code: 'risk.npsDrop', params: { from: 8, to: 6 } }],
      ['main_contact_left', -11, { code: 'risk.mainContactLeft', params: { name: 'Carla Mendes' } }],
    ]);
    expect(r).toMatchObject({ riskScore: 62, riskLevel: 'warning' });
  });

  it("uses the seed's points for every factor", () => {
    expect(RISK_POINTS).toEqual({
      no_login: -30,
      usage_drop: -25,
      unanswered_emails: -15,
      stale_ticket: -10,
      low_capacity_usage: -20,
      no_executive_engagement: -15,
      renewal_soon: -10,
      ticket_surge: -15,
      nps_drop: -12,
      main_contact_left: -11,
    });
  });
});

describe('risk — each factor at its threshold', () => {
  it.each([
    ['no login for 13 days', { lastLoginAt: '2026-01-16T14:00:00-03:00' }, null],
    [
      'no login for 14 days',
      { lastLoginAt: '2026-01-15T15:00:00-03:00' },
      { code: 'risk.noLogin', params: { days: 14 } },
    ],
    ['never logged in, customer for 10 days', { customerSince: '2026-01-19', lastLoginAt: null }, null],
    [
      'never logged in, customer for 20 days',
      { customerSince: '2026-01-09', lastLoginAt: null },
      { code: 'risk.noLoginEver', params: { tenureDays: 20 } },
    ],
    ['logins not tracked', { customerSince: '2020-01-01' }, null],
    ['usage dropped exactly 50 %', { usageLast30: 50, usagePrevious30: 100 }, null],
    [
      'usage dropped 51 %',
      { usageLast30: 49, usagePrevious30: 100 },
      { code: 'risk.usageDrop', params: { percent: 51 } },
    ],
    ['no usage before (division by zero)', { usageLast30: 0, usagePrevious30: 0 }, null],
    ['usage grew', { usageLast30: 300, usagePrevious30: 100 }, null],
    ['2 unanswered e-mails', { consecutiveUnansweredEmails: 2 }, null],
    [
      '4 unanswered e-mails',
      { consecutiveUnansweredEmails: 4 },
      { code: 'risk.unansweredEmails', params: { count: 4 } },
    ],
    ['ticket open exactly 7 days', { oldestOpenTicketCreatedAt: '2026-01-22T15:00:00-03:00' }, null],
    [
      'ticket open 7 days and a minute',
      { oldestOpenTicketCreatedAt: '2026-01-22T14:59:00-03:00' },
      { code: 'risk.staleTicket', params: { days: 7 } },
    ],
    ['exactly 50 % of seats in use', { activeUsers: 10, totalSeats: 20 }, null],
    [
      '9 of 20 seats in use',
      { activeUsers: 9, totalSeats: 20 },
      { code: 'risk.lowCapacityUsage', params: { active: 9, seats: 20 } },
    ],
    ['zero seats', { activeUsers: 0, totalSeats: 0 }, null],
    ['executive contact 29 days ago', { lastExecutiveEngagementAt: '2025-12-31T15:00:00-03:00' }, null],
    [
      'executive contact 30 days ago',
      { lastExecutiveEngagementAt: '2025-12-30T15:00:00-03:00' },
      { code: 'risk.noExecutive', params: { days: 30 } },
    ],
    [
      'never an executive contact',
      { lastExecutiveEngagementAt: null },
      { code: 'risk.noExecutiveEver', params: {} },
    ],
    [
      'never an executive contact, customer for 10 days',
      { customerSince: '2026-01-19', lastExecutiveEngagementAt: null },
      null,
    ],
    ['renewal in 61 days', { renewalDate: '2026-03-31' }, null],
    [
      'renewal in 60 days',
      { renewalDate: '2026-03-30' },
      { code: 'risk.renewalSoon', params: { days: 60, date: '2026-03-30' } },
    ],
    [
      'renewal in 1 day',
      { renewalDate: '2026-01-30' },
      { code: 'risk.renewalSoon', params: { days: 1, date: '2026-01-30' } },
    ],
    ['renewal today', { renewalDate: '2026-01-29' }, { code: 'risk.renewalToday', params: {} }],
    ['renewal overdue', { renewalDate: '2026-01-24' }, { code: 'risk.renewalOverdue', params: { days: 5 } }],
    ['4 tickets in 30 days', { ticketsLast30: 4 }, null],
    ['5 tickets in 30 days', { ticketsLast30: 5 }, { code: 'risk.ticketSurge', params: { count: 5 } }],
    ['NPS dropped 1 point', { npsPrevious: 8, npsCurrent: 7 }, null],
    [
      'NPS dropped 2 points',
      { npsPrevious: 10, npsCurrent: 8 },
      { code: 'risk.npsDrop', params: { from: 10, to: 8 } },
    ],
    ['NPS rose', { npsPrevious: 6, npsCurrent: 9 }, null],
    ['only one NPS answer', { npsCurrent: 2 }, null],
    [
      'main contact left',
      { mainContactLeft: { name: 'Ana', leftAt: '2026-01-02T10:00:00Z' } },
      { code: 'risk.mainContactLeft', params: { name: 'Ana' } },
    ],
  ] satisfies [string, Partial<RiskInput>, LeafDomainText | null][])('%s', (_l, patch, description) => {
    const r = detectRisks({ ...BASE, ...patch }, NOW);
    expect(r.riskFactors.map((f) => f.description)).toEqual(description === null ? [] : [description]);
  });

  it('counts renewal days on the São Paulo calendar, not UTC', () => {
    // 01:00 UTC on the 30th is still the 29th, 22:00, in São Paulo: the renewal on the 30th is tomorrow.
    const lateEvening = new Date('2026-01-30T01:00:00Z');
    expect(
      detectRisks({ ...BASE, renewalDate: '2026-01-30' }, lateEvening).riskFactors[0]?.description,
    ).toEqual({ code: 'risk.renewalSoon', params: { days: 1, date: '2026-01-30' } });
    expect(
      detectRisks({ ...BASE, renewalDate: '2026-01-30' }, lateEvening, { timeZone: 'UTC' }).riskFactors[0]
        ?.description,
    ).toEqual({ code: 'risk.renewalToday', params: {} });
  });

  it('has no factor and score 100 without data', () => {
    expect(detectRisks(BASE, NOW)).toEqual({ riskScore: 100, riskLevel: 'none', riskFactors: [] });
  });

  it('floors the score at 0 when every factor fires', () => {
    const all: RiskInput = {
      customerSince: '2024-01-01',
      lastLoginAt: null,
      usageLast30: 0,
      usagePrevious30: 10,
      consecutiveUnansweredEmails: 5,
      oldestOpenTicketCreatedAt: '2025-12-01T00:00:00Z',
      activeUsers: 1,
      totalSeats: 10,
      lastExecutiveEngagementAt: null,
      renewalDate: '2026-02-01',
      ticketsLast30: 9,
      npsPrevious: 9,
      npsCurrent: 3,
      mainContactLeft: { name: 'X', leftAt: '2026-01-01T00:00:00Z' },
    };
    const r = detectRisks(all, NOW);
    expect(r.riskFactors.map((f) => f.type).sort()).toEqual([...RISK_FACTOR_TYPES].sort());
    expect(r.riskScore).toBe(0);
    expect(r.riskLevel).toBe('critical');
  });

  it.each([
    ['a date that is not ISO', { customerSince: '29/01/2026' }, 'customerSince'],
    ['an instant without offset', { lastLoginAt: '2026-01-01T10:00:00' }, 'lastLoginAt'],
    ['negative tickets', { ticketsLast30: -1 }, 'ticketsLast30'],
    ['NPS 11', { npsCurrent: 11 }, 'npsCurrent'],
    ['fractional e-mail count', { consecutiveUnansweredEmails: 1.5 }, 'consecutiveUnansweredEmails'],
  ] satisfies [string, Partial<RiskInput>, string][])('rejects %s', (_l, patch, field) => {
    try {
      detectRisks({ ...BASE, ...patch }, NOW);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ZodError);
      expect((e as ZodError).issues.map((i) => i.path.join('.'))).toContain(field);
    }
  });
});

describe('risk — levels', () => {
  it.each([
    [100, 'none'],
    [80, 'none'],
    [79, 'warning'],
    [50, 'warning'],
    [49, 'critical'],
    [0, 'critical'],
  ] as const)('risk score %i is %s', (score, level) => {
    expect(riskLevelFor(score)).toBe(level);
  });

  it('lets an organization move the thresholds', () => {
    expect(detectRisks(AGENCIA_DIGITAL_RISK, NOW, { levels: { critical: 60, warning: 90 } }).riskLevel).toBe(
      'critical',
    );
    expect(() => detectRisks(BASE, NOW, { levels: { critical: 60, warning: 60 } })).toThrow(
      'warning must be greater than critical',
    );
  });

  it('a single renewal or seat factor alone is not "at risk"', () => {
    expect(detectRisks({ ...BASE, renewalDate: '2026-02-10' }, NOW).riskLevel).toBe('none');
    expect(detectRisks({ ...BASE, activeUsers: 1, totalSeats: 10 }, NOW).riskLevel).toBe('none');
    expect(detectRisks({ ...BASE, usageLast30: 1, usagePrevious30: 10 }, NOW).riskLevel).toBe('warning');
  });
});

describe('mainContactLeft', () => {
  const c = (firstName: string, isPrimary: boolean, leftCompanyAt: string | null) => ({
    firstName,
    lastName: 'Souza',
    isPrimary,
    leftCompanyAt,
  });
  it.each([
    ['no contacts', [], null],
    ['primary still there', [c('Ana', true, null)], null],
    [
      'primary left, nobody replaced',
      [c('Ana', true, '2026-01-05T12:00:00Z'), c('Bia', false, null)],
      'Ana Souza',
    ],
    [
      'primary left but a new primary exists',
      [c('Ana', true, '2026-01-05T12:00:00Z'), c('Bia', true, null)],
      null,
    ],
    [
      'two primaries left: the latest',
      [c('Ana', true, '2025-10-01T00:00:00Z'), c('Bia', true, '2026-01-05T00:00:00Z')],
      'Bia Souza',
    ],
    ['a non-primary left', [c('Ana', true, null), c('Bia', false, '2026-01-05T00:00:00Z')], null],
  ] as const)('%s', (_l, contacts, name) => {
    expect(mainContactLeft(contacts)?.name ?? null).toBe(name);
  });
});

// — Properties —

const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const riskInputArb: fc.Arbitrary<RiskInput> = fc.record({
  customerSince: fc.constantFrom('2024-01-01', '2026-01-20', '2025-06-15'),
  lastLoginAt: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: 0, max: 60 }).map(at)),
  usageLast30: opt(fc.integer({ min: 0, max: 500 })),
  usagePrevious30: opt(fc.integer({ min: 0, max: 500 })),
  consecutiveUnansweredEmails: opt(fc.integer({ min: 0, max: 8 })),
  oldestOpenTicketCreatedAt: opt(fc.integer({ min: 0, max: 30 }).map(at)),
  activeUsers: opt(fc.integer({ min: 0, max: 100 })),
  totalSeats: opt(fc.integer({ min: 0, max: 100 })),
  lastExecutiveEngagementAt: fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.integer({ min: 0, max: 90 }).map(at),
  ),
  renewalDate: opt(fc.constantFrom('2026-01-01', '2026-02-15', '2026-03-30', '2026-09-01')),
  ticketsLast30: opt(fc.integer({ min: 0, max: 12 })),
  npsPrevious: opt(fc.integer({ min: 0, max: 10 })),
  npsCurrent: opt(fc.integer({ min: 0, max: 10 })),
  mainContactLeft: opt(fc.constant({ name: 'Ana', leftAt: '2026-01-01T00:00:00Z' })),
});

/** Changes only the fields one detector reads, so that its factor fires. */
const FORCE: Record<RiskFactorType, (i: RiskInput) => RiskInput> = {
  no_login: (i) => ({ ...i, lastLoginAt: at(20) }),
  usage_drop: (i) => ({ ...i, usageLast30: 0, usagePrevious30: Math.max(1, i.usagePrevious30 ?? 0) }),
  unanswered_emails: (i) => ({
    ...i,
    consecutiveUnansweredEmails: Math.max(3, i.consecutiveUnansweredEmails ?? 0),
  }),
  stale_ticket: (i) => ({ ...i, oldestOpenTicketCreatedAt: at(10) }),
  low_capacity_usage: (i) => ({ ...i, activeUsers: 0, totalSeats: Math.max(1, i.totalSeats ?? 0) }),
  no_executive_engagement: (i) => ({ ...i, lastExecutiveEngagementAt: at(45) }),
  renewal_soon: (i) => ({ ...i, renewalDate: '2026-02-15' }),
  ticket_surge: (i) => ({ ...i, ticketsLast30: Math.max(5, i.ticketsLast30 ?? 0) }),
  nps_drop: (i) => ({ ...i, npsPrevious: 10, npsCurrent: 0 }),
  main_contact_left: (i) => ({ ...i, mainContactLeft: { name: 'Bia', leftAt: '2026-01-02T00:00:00Z' } }),
};

describe('risk — properties', () => {
  it('the score stays in 0–100, equals max(0, 100 + Σ impacts), and factors match the stored schema', () => {
    fc.assert(
      fc.property(riskInputArb, (input) => {
        const r = detectRisks(input, NOW);
        expect(r.riskScore).toBe(Math.max(0, 100 + r.riskFactors.reduce((s, f) => s + f.impact, 0)));
        expect(r.riskScore >= 0 && r.riskScore <= 100).toBe(true);
        for (const f of r.riskFactors) riskFactorSchema.parse(f);
      }),
    );
  });

  it('adding a factor never raises the risk score', () => {
    fc.assert(
      fc.property(riskInputArb, fc.constantFrom(...RISK_FACTOR_TYPES), (input, type) => {
        const before = detectRisks(input, NOW);
        const after = detectRisks(FORCE[type](input), NOW);
        expect(types(FORCE[type](input))).toContain(type);
        expect(after.riskScore).toBeLessThanOrEqual(before.riskScore);
      }),
    );
  });

  it('riskScoreFrom is monotone in the set of factors', () => {
    const impact = fc.constantFrom(...Object.values(RISK_POINTS)).map((i) => ({ impact: i }));
    fc.assert(
      fc.property(fc.array(impact, { maxLength: 10 }), impact, (factors, extra) => {
        expect(riskScoreFrom([...factors, extra])).toBeLessThanOrEqual(riskScoreFrom(factors));
      }),
    );
  });
});
