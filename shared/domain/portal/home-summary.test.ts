import { describe, expect, it } from 'vitest';
import { goalOutlook, monthImpact, pickActionCards, type ActionCardFacts } from './home-summary.ts';

const day = (
  date: string,
  over: Partial<Record<'sessions' | 'conversions' | 'revenueCents' | 'leads', number>>,
) => ({
  date,
  sessions: 0,
  pageviews: 0,
  bounceRate: null,
  avgSessionSeconds: null,
  conversions: 0,
  revenueCents: 0,
  adSpendCents: 0,
  leads: 0,
  score: null,
  ...over,
});

describe('monthImpact — seed §1A "Impacto Real"', () => {
  const metrics = [
    {
      month: '2025-09',
      days: [day('2025-09-10', { sessions: 2_600 }), day('2025-09-20', { sessions: 2_000 })],
    },
    {
      month: '2025-10',
      days: [
        day('2025-10-01', { sessions: 5_000, conversions: 140, revenueCents: 2_000_000, leads: 20 }),
        day('2025-10-02', { sessions: 5_442, conversions: 152, revenueCents: 2_320_000, leads: 18 }),
        // After asOf: not counted (a device with a later clock cannot inflate today's figures).
        day('2025-10-03', { sessions: 9_999, conversions: 9, revenueCents: 9, leads: 9 }),
      ],
    },
  ];

  it('+127% traffic vs last month, R$ 43.200 in conversions, 38 leads', () => {
    expect(monthImpact({ metrics, asOf: '2025-10-02' })).toEqual({
      month: '2025-10',
      sessions: 10_442,
      previousSessions: 4_600,
      trafficChangePercent: 127,
      conversionRevenueCents: 4_320_000,
      conversions: 292,
      qualifiedLeads: 38,
    });
  });

  it('has no traffic change without a previous month, and zeros without data', () => {
    expect(monthImpact({ metrics: [], asOf: '2025-10-02' })).toMatchObject({
      trafficChangePercent: null,
      conversionRevenueCents: 0,
      qualifiedLeads: 0,
    });
  });

  it('truncates a fall toward zero (−33.3% → −33)', () => {
    const fall = [
      { month: '2025-09', days: [day('2025-09-10', { sessions: 300 })] },
      { month: '2025-10', days: [day('2025-10-01', { sessions: 200 })] },
    ];
    expect(monthImpact({ metrics: fall, asOf: '2025-10-01' }).trafficChangePercent).toBe(-33);
  });
});

describe('pickActionCards — seed §1B "priorização automática"', () => {
  // Readable names for uuids: 'u2' → …-000000007532 (the hex of the name's characters).
  const idOf = (name: string) =>
    `00000000-0000-7000-8000-${[...name]
      .map((c) => c.charCodeAt(0).toString(16))
      .join('')
      .padStart(12, '0')}`;
  const nameOf = (a: { id: string }) =>
    String.fromCharCode(
      ...(
        a.id
          .slice(24)
          .replace(/^(00)+/, '')
          .match(/../g) ?? []
      ).map((h) => parseInt(h, 16)),
    );
  const card = (
    name: string,
    type: ActionCardFacts['type'],
    priority: number,
    over: Partial<ActionCardFacts> = {},
  ) => ({
    id: idOf(name),
    type,
    priority,
    status: 'pending' as const,
    createdAt: '2025-10-01T12:00:00.000Z',
    ...over,
  });

  it('shows the best card of each kind, urgent → insight → quick win', () => {
    const picked = pickActionCards([
      card('q1', 'quick_win', 9),
      card('i1', 'insight', 3),
      card('u1', 'urgent', 5),
      card('u2', 'urgent', 8),
      card('i2', 'insight', 7),
    ]);
    expect(picked.map(nameOf)).toEqual(['u2', 'i2', 'q1']);
  });

  it('skips completed and dismissed cards and fills a missing kind with the next best', () => {
    const picked = pickActionCards([
      card('u1', 'urgent', 9, { status: 'completed' }),
      card('u2', 'urgent', 4),
      card('u3', 'urgent', 6),
      card('q1', 'quick_win', 2),
      card('i1', 'insight', 8, { status: 'dismissed' }),
    ]);
    expect(picked.map(nameOf)).toEqual(['u3', 'q1', 'u2']);
  });

  it('breaks ties by the newer card, then by id', () => {
    const picked = pickActionCards(
      [
        card('b', 'urgent', 5),
        card('a', 'urgent', 5),
        card('c', 'urgent', 5, { createdAt: '2025-10-02T12:00:00.000Z' }),
      ],
      3,
    );
    expect(picked.map(nameOf)).toEqual(['c', 'a', 'b']);
  });
});

describe('goalOutlook — seed §1C "Metas do Mês" with pacing and the projected end', () => {
  const october = { startDate: '2025-10-01', endDate: '2025-10-31' };
  const cumulative = (values: number[]) =>
    values.map((value, i) => ({ date: `2025-10-${String(i + 1).padStart(2, '0')}`, value }));

  it('✅ 10K visits reached: reached, on course, the current value as the end', () => {
    const goal = {
      ...october,
      unit: 'count' as const,
      targetValue: 10_000,
      currentValue: 10_442,
      progress: [],
    };
    expect(goalOutlook({ goal, asOf: '2025-10-06' })).toMatchObject({
      pace: 'reached',
      status: { icon: '✅' },
      projectedEnd: 10_442,
      onCourse: true,
    });
  });

  it('⏳ 38 of 50 leads on the 20th: ahead, projected by least squares past the target', () => {
    const progress = cumulative([...Array.from({ length: 19 }, (_, i) => 2 * (i + 1)), 38]);
    const outlook = goalOutlook({
      goal: { ...october, unit: 'count', targetValue: 50, currentValue: 38, progress },
      asOf: '2025-10-20',
    });
    expect(outlook.pace).toBe('ahead');
    expect(outlook.status.label).toBe('38/50');
    expect(outlook.projectedEnd).toBeGreaterThanOrEqual(50);
    expect(outlook.onCourse).toBe(true);
  });

  it('🔄 R$ 20K at 60 % on the 28th: behind, the run-rate end short of the target', () => {
    const goal = {
      startDate: '2025-10-03',
      endDate: '2025-11-01',
      unit: 'cents' as const,
      targetValue: 2_000_000,
      currentValue: 1_200_000,
      progress: [],
    };
    const outlook = goalOutlook({ goal, asOf: '2025-10-28' });
    expect(outlook.pace).toBe('behind');
    expect(outlook.status.label).toBe('60%');
    // 1.200.000 ÷ 26 days × 30 days.
    expect(outlook.projectedEnd).toBe(Math.round((1_200_000 / 26) * 30));
    expect(outlook.onCourse).toBe(false);
  });

  it('projects nothing before the start or after the end; a rate ends where it is', () => {
    const goal = { ...october, unit: 'count' as const, targetValue: 50, currentValue: 10, progress: [] };
    expect(goalOutlook({ goal, asOf: '2025-09-30' })).toMatchObject({
      pace: 'not_started',
      projectedEnd: null,
    });
    expect(goalOutlook({ goal, asOf: '2025-11-01' })).toMatchObject({ pace: 'missed', projectedEnd: null });
    const rate = { ...october, unit: 'percent' as const, targetValue: 3, currentValue: 2.8, progress: [] };
    expect(goalOutlook({ goal: rate, asOf: '2025-10-10' })).toMatchObject({
      projectedEnd: 2.8,
      onCourse: false,
    });
  });
});
