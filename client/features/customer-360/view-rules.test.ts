import { plainText } from '../../../shared/entities/domain-text.ts';
import { describe, expect, it } from 'vitest';
import { assessCustomer } from '../../../shared/domain/csm/assess-customer.ts';
import { DEFAULT_HEALTH_CONFIG } from '../../../shared/domain/csm/health-config.ts';
import { docFactory, DOCS_NOW, techCorpDocs } from '../../../shared/domain/csm/test-docs.ts';
import { monthlyHealth, seatUsage, topChurnFactors } from './analytics-view.ts';
import { assessmentInstant, compareHealth } from './health-change-view.ts';
import {
  dimensionRows,
  keyContacts,
  primaryContact,
  recentActivities,
  signedPoints,
} from './overview-view.ts';

const TZ = 'America/Sao_Paulo';

describe('keyContacts / primaryContact', () => {
  const f = docFactory();
  const left = f.contact({ firstName: 'Zé', isPrimary: true, leftCompanyAt: '2025-12-01T12:00:00.000Z' });
  const cto = f.contact({ firstName: 'Maria', lastName: 'Oliveira', role: 'technical' });
  const ceo = f.contact({ firstName: 'João', lastName: 'Silva', role: 'decision_maker' });
  const champion = f.contact({ firstName: 'Ana', role: 'champion' });
  const user = f.contact({ firstName: 'Bruno', role: 'user' });
  const primaryUser = f.contact({ firstName: 'Pedro', role: 'user', isPrimary: true });

  it('leaves out who left, puts the primary first, then decision makers, champions… and caps at three', () => {
    expect(keyContacts([user, cto, left, champion, primaryUser, ceo]).map((c) => c.firstName)).toEqual([
      'Pedro',
      'João',
      'Ana',
    ]);
  });

  it('has no primary when the primary left', () => {
    expect(primaryContact([left, ceo])).toBeNull();
    expect(primaryContact([left, primaryUser])?.firstName).toBe('Pedro');
  });
});

describe('recentActivities', () => {
  it('keeps what already happened, newest first, five at most', () => {
    const f = docFactory();
    const at = (d: string) => `2026-01-${d}T12:00:00.000Z`;
    const list = ['02', '28', '10', '27', '15', '20', '30'].map((d) =>
      f.activity(f.id(), { type: 'note', title: d, occurredAt: at(d) }),
    );
    expect(recentActivities(list, DOCS_NOW).map((a) => a.title)).toEqual(['28', '27', '20', '15', '10']);
  });
});

describe('dimensionRows', () => {
  it('lists the five dimensions in the spec’s order with their rounded score and trend', () => {
    const docs = techCorpDocs();
    const health = assessCustomer(docs, DEFAULT_HEALTH_CONFIG, DOCS_NOW, TZ, {
      baseline: {
        score: 86,
        breakdown: null,
      },
    }).health!;
    const breakdown = {
      ...health.breakdown,
      growth: { ...health.breakdown.growth, trend: 'down' as const, trendValue: -4.6 },
      support: { ...health.breakdown.support, score: null },
    };
    expect(dimensionRows(breakdown)).toEqual([
      { dimension: 'productUsage', score: 85, trendPoints: null },
      { dimension: 'engagement', score: 92, trendPoints: null },
      { dimension: 'support', score: null, trendPoints: null },
      { dimension: 'payment', score: 100, trendPoints: null },
      { dimension: 'growth', score: 80, trendPoints: -5 },
    ]);
  });

  it('signs points', () => {
    const n = (v: number) => String(v);
    expect([signedPoints(5, n), signedPoints(-3, n), signedPoints(0, n)]).toEqual(['+5', '−3', '0']);
  });
});

describe('monthlyHealth', () => {
  it('keeps the latest point of each of the last 12 months, oldest first, without inventing gaps', () => {
    const history = [
      { date: '2024-12-31', score: 10 },
      { date: '2025-02-03', score: 70 },
      { date: '2025-02-27', score: 72 },
      { date: '2025-05-10', score: 80 },
      { date: '2026-01-02', score: 88 },
      { date: '2026-01-29', score: 91 },
    ];
    expect(monthlyHealth(history, '2026-01-29')).toEqual([
      { month: '2025-02', date: '2025-02-27', score: 72 },
      { month: '2025-05', date: '2025-05-10', score: 80 },
      { month: '2026-01', date: '2026-01-29', score: 91 },
    ]);
  });
});

describe('topChurnFactors / seatUsage', () => {
  it('orders factors by the size of their contribution and drops the neutral ones', () => {
    const factors = [
      { feature: 'a', label: plainText('Uso caindo'), contribution: 0.4 },
      { feature: 'b', label: plainText('NPS alto'), contribution: -1.2 },
      { feature: 'c', label: plainText('Nada'), contribution: 0 },
      { feature: 'd', label: plainText('Tickets'), contribution: 0.1 },
      { feature: 'e', label: plainText('Tempo de casa'), contribution: -0.2 },
    ];
    expect(topChurnFactors(factors).map((f) => f.feature)).toEqual(['b', 'a', 'e']);
  });

  it('is a fraction of the seats, none without seats', () => {
    expect(seatUsage(85, 100)).toBe(0.85);
    expect(seatUsage(3, 0)).toBeNull();
  });
});

describe('compareHealth', () => {
  it('takes a past date at the end of that day in the zone, and today as now', () => {
    expect(assessmentInstant('2026-01-01', DOCS_NOW, TZ).toISOString()).toBe('2026-01-02T02:59:00.000Z');
    expect(assessmentInstant('2026-01-29', DOCS_NOW, TZ)).toEqual(DOCS_NOW);
  });

  it('explains the change factor by factor, the impacts adding up to the change', () => {
    const docs = techCorpDocs();
    const result = compareHealth(
      docs,
      DEFAULT_HEALTH_CONFIG,
      [{ date: '2026-01-29', score: 91 }],
      '2025-10-01',
      '2026-01-29',
      DOCS_NOW,
      TZ,
    );
    if (result === 'invalid_range') throw new Error('valid range');
    const { explanation } = result;
    expect(explanation).not.toBeNull();
    expect(result.scoreTo).toBe(assessCustomer(docs, DEFAULT_HEALTH_CONFIG, DOCS_NOW, TZ).health!.score);
    expect(result.storedTo).toBe(91);
    expect(result.storedFrom).toBeNull();
    const sum = explanation!.items.reduce((s, i) => s + i.impact, 0);
    expect(sum).toBeCloseTo(explanation!.delta!, 6);
  });

  it('refuses a range that does not move forward', () => {
    const docs = techCorpDocs();
    expect(compareHealth(docs, DEFAULT_HEALTH_CONFIG, [], '2026-01-29', '2026-01-29', DOCS_NOW, TZ)).toBe(
      'invalid_range',
    );
    expect(compareHealth(docs, DEFAULT_HEALTH_CONFIG, [], '2026-01-29', '2026-01-01', DOCS_NOW, TZ)).toBe(
      'invalid_range',
    );
  });
});
