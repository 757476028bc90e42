import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { SIGNAL_STATUSES, signalSchema } from '../../entities/csm.ts';
import { plainText } from '../../entities/domain-text.ts';
import { recommend } from './recommendations.ts';
import { detectRisks } from './risk.ts';
import { AGENCIA_DIGITAL_RISK, CONSULTORIA_DEF_RISK, SEED_NOW, STARTUP_XYZ_RISK } from './seed-fixtures.ts';
import type { Signal } from '../../entities/csm.ts';
import {
  newDetectedSignals,
  riskAlertDraft,
  riskAlertFor,
  riskAlertId,
  SIGNAL_TRANSITIONS,
  signalCondition,
  SignalTransitionError,
  transitionSignal,
} from './signals.ts';

const BY = '0190f3c2-0000-7000-8000-000000000001';
const open = {
  kind: 'risk_alert' as const,
  status: 'open' as const,
  resolutionNotes: null,
  resolvedAt: null,
  resolvedBy: null,
};

describe('signal lifecycle', () => {
  it('acknowledges, then resolves a risk alert with notes', () => {
    const ack = transitionSignal(open, { to: 'acknowledged', by: BY }, SEED_NOW);
    expect(ack).toEqual({
      status: 'acknowledged',
      resolutionNotes: null,
      resolvedAt: null,
      resolvedBy: null,
    });
    const done = transitionSignal(
      { ...open, ...ack },
      { to: 'resolved', notes: '  Call feita; treinamento agendado. ', by: BY },
      SEED_NOW,
    );
    expect(done).toEqual({
      status: 'resolved',
      resolutionNotes: 'Call feita; treinamento agendado.',
      resolvedAt: '2026-01-29T18:00:00.000Z',
      resolvedBy: BY,
    });
  });

  it.each([
    ['without notes', null],
    ['with blank notes', '   '],
  ])('refuses to resolve a risk alert %s', (_l, notes) => {
    try {
      transitionSignal(open, { to: 'resolved', notes, by: BY }, SEED_NOW);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SignalTransitionError);
      expect((e as SignalTransitionError).code).toBe('resolution_notes_required');
    }
  });

  it('reopening clears the resolution', () => {
    const resolved = {
      ...open,
      status: 'resolved' as const,
      resolutionNotes: 'x',
      resolvedAt: '2026-01-01T00:00:00Z',
      resolvedBy: BY,
    };
    expect(transitionSignal(resolved, { to: 'open', by: BY }, SEED_NOW)).toEqual({
      status: 'open',
      resolutionNotes: null,
      resolvedAt: null,
      resolvedBy: null,
    });
  });

  it.each([
    ['risk_alert', 'open', 'won'],
    ['risk_alert', 'resolved', 'acknowledged'],
    ['expansion', 'won', 'lost'],
    ['expansion', 'negotiating', 'contacted'],
    ['insight', 'actioned', 'new'],
    ['insight', 'new', 'resolved'],
  ] as const)('refuses %s %s → %s', (kind, status, to) => {
    try {
      transitionSignal({ ...open, kind, status }, { to, by: BY }, SEED_NOW);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SignalTransitionError);
      expect(e).toMatchObject({ code: 'invalid_signal_transition', details: { kind, from: status, to } });
    }
  });

  it('closes an expansion as won and stamps who and when', () => {
    const s = { ...open, kind: 'expansion' as const, status: 'negotiating' as const };
    expect(transitionSignal(s, { to: 'won', by: BY }, SEED_NOW)).toMatchObject({
      status: 'won',
      resolvedBy: BY,
    });
  });

  it('covers every status of every kind, and only valid ones', () => {
    for (const kind of Object.keys(SIGNAL_STATUSES) as (keyof typeof SIGNAL_STATUSES)[]) {
      expect(Object.keys(SIGNAL_TRANSITIONS[kind]).sort()).toEqual([...SIGNAL_STATUSES[kind]].sort());
      for (const targets of Object.values(SIGNAL_TRANSITIONS[kind])) {
        for (const t of targets) expect(SIGNAL_STATUSES[kind] as readonly string[]).toContain(t);
      }
    }
  });

  it('rejects a malformed change', () => {
    expect(() => transitionSignal(open, { to: 'acknowledged', by: 'me' }, SEED_NOW)).toThrow(ZodError);
  });
});

describe('risk alert draft', () => {
  it('StartupXYZ: a critical alert carrying score, factors, recommendation and MRR at risk', () => {
    const risk = detectRisks(STARTUP_XYZ_RISK, SEED_NOW);
    const d = riskAlertDraft(risk, recommend(risk), 150_000, 88)!;
    expect(d).toMatchObject({
      kind: 'risk_alert',
      subtype: 'critical',
      status: 'open',
      title: { code: 'riskAlert.title', params: { level: 'critical' } },
      source: 'rule',
      riskScore: 20,
      mrrAtRiskCents: 150_000,
      probability: 88,
    });
    // "Risk score 20: Sem login há 14 dias; Uso caiu 65% no último mês; …" (shared/domain-text/render.test.ts).
    expect(d.description).toEqual({
      code: 'riskAlert.description',
      params: { riskScore: 20, factors: risk.riskFactors.map((f) => f.description) },
    });
    expect(d.recommendation).toEqual({ code: 'rec.reengageCritical', params: {} });
  });

  it('a warning is "Cliente em risco"; no alert without risk', () => {
    const risk = detectRisks(AGENCIA_DIGITAL_RISK, SEED_NOW);
    expect(riskAlertDraft(risk, recommend(risk), 210_000)?.title).toEqual({
      code: 'riskAlert.title',
      params: { level: 'warning' },
    });
    const none = detectRisks({ customerSince: '2025-01-01' }, SEED_NOW);
    expect(riskAlertDraft(none, recommend(none), 1)).toBeNull();
  });
});

describe('newDetectedSignals (each detected condition once)', () => {
  const customerId = '019c0000-0000-7000-8000-000000000001';
  const at = new Date('2026-02-02T15:00:00.000Z');
  const seat = {
    subtype: 'expansion',
    title: { code: 'expansion.seatTitle', params: {} },
    description: plainText('86 de 100'),
    source: 'usage_trigger',
    estimatedValueCents: 80_500,
    probability: 80,
  } as const;
  const seo = {
    ...seat,
    subtype: 'cross_sell',
    title: { code: 'expansion.crossSellTitle', params: { need: 'SEO' } },
    source: 'ai_detected',
  } as const;
  const advocacy = {
    subtype: 'advocacy',
    title: { code: 'insight.advocacyTitle', params: {} },
    description: plainText('NPS 9'),
    probability: 90,
    actionCta: { code: 'insight.advocacyCta', params: {} },
  } as const;

  it('turns drafts into open signals with ids derived from the customer and the condition', () => {
    const out = newDetectedSignals(customerId, [], { expansion: [seat, seo], insights: [advocacy] }, at);
    expect(out.map((s) => [s.kind, s.subtype, s.status, s.source, s.estimatedValueCents])).toEqual([
      ['expansion', 'expansion', 'identified', 'usage_trigger', 80_500],
      ['expansion', 'cross_sell', 'identified', 'ai_detected', 80_500],
      ['insight', 'advocacy', 'new', 'rule', null],
    ]);
    for (const s of out)
      expect(
        signalSchema.parse({
          ...s,
          updatedAt: at.toISOString(),
          serverSeq: 0,
          clientUpdatedAt: at.toISOString(),
        }),
      ).toBeTruthy();
    expect(out.every((s) => s.createdAt === at.toISOString())).toBe(true);
    // Deterministic: the same condition of the same customer has the same id on every machine.
    expect(newDetectedSignals(customerId, [], { expansion: [seat], insights: [] }, at)[0]?.id).toBe(
      out[0]?.id,
    );
    expect(new Set(out.map((s) => s.id)).size).toBe(3);
  });

  it.each([
    ['identified', 'expansion'],
    ['won', 'expansion'],
    ['lost', 'expansion'],
    ['dismissed', 'insight'],
    ['actioned', 'insight'],
  ] as const)('adds nothing when the condition already has a signal, even %s', (status, kind) => {
    const existing = [{ kind, status, title: kind === 'expansion' ? seo.title : advocacy.title }];
    const out = newDetectedSignals(customerId, existing, { expansion: [seo], insights: [advocacy] }, at);
    expect(out.map((s) => s.kind)).toEqual([kind === 'expansion' ? 'insight' : 'expansion']);
  });

  it('tells conditions apart by their title parameters (one cross-sell per service), not by other fields', () => {
    const ads = {
      ...seo,
      title: { code: 'expansion.crossSellTitle', params: { need: 'Tráfego pago' } },
    } as const;
    expect(
      newDetectedSignals(
        customerId,
        [{ kind: 'expansion', title: seo.title }],
        { expansion: [seo, ads, ads], insights: [] },
        at,
      ).map((s) => s.title),
    ).toEqual([ads.title]);
    expect(signalCondition({ kind: 'expansion', title: seo.title })).not.toBe(
      signalCondition({ kind: 'insight', title: seo.title }),
    );
  });
});

describe('riskAlertFor (one active risk alert per customer, never reopened in its episode)', () => {
  const customerId = '019c0000-0000-7000-8000-0000000000aa';
  const EPISODE = '2026-01-20';
  const ctx = {
    episodeStart: EPISODE,
    dateOf: (iso: string) => iso.slice(0, 10),
    mrrCents: 150_000,
    churnProbability: 88,
  };
  const assess = (input: typeof STARTUP_XYZ_RISK) => {
    const risk = detectRisks(input, SEED_NOW);
    return { risk, advice: recommend(risk) };
  };
  const stored = (alert: Omit<Signal, 'updatedAt' | 'serverSeq' | 'clientUpdatedAt'>): Signal =>
    signalSchema.parse({
      ...alert,
      updatedAt: alert.createdAt,
      serverSeq: 1,
      clientUpdatedAt: alert.createdAt,
    });
  const close = (s: Signal, status: 'resolved' | 'dismissed'): Signal => ({
    ...s,
    status,
    resolvedAt: SEED_NOW.toISOString(),
    resolvedBy: BY,
    resolutionNotes: status === 'resolved' ? 'Ligação feita.' : null,
    dismissReason: status === 'dismissed' ? 'false_positive' : null,
  });

  it.each([
    [
      'StartupXYZ',
      STARTUP_XYZ_RISK,
      'critical',
      20,
      ['no_login', 'usage_drop', 'unanswered_emails', 'stale_ticket'],
    ],
    ['AgênciaDigital', AGENCIA_DIGITAL_RISK, 'warning', 55, null],
    ['ConsultoriaDEF', CONSULTORIA_DEF_RISK, 'warning', 62, null],
  ] as const)(
    '%s: a new open %s alert, risk score %i, with its factors and points',
    (_, input, level, score, types) => {
      const { risk, advice } = assess(input);
      const out = riskAlertFor(customerId, [], risk, advice, ctx, SEED_NOW);
      expect(out?.change).toBe('created');
      const alert = out!.alert;
      expect(() => stored(alert)).not.toThrow();
      expect(alert).toMatchObject({
        id: riskAlertId(customerId, EPISODE, level),
        customerId,
        kind: 'risk_alert',
        subtype: level,
        status: 'open',
        source: 'rule',
        riskScore: score,
        mrrAtRiskCents: 150_000,
        probability: 88,
        recommendation: advice.recommendation,
        suggestedActions: advice.suggestedActions,
        createdAt: SEED_NOW.toISOString(),
        acknowledgedAt: null,
        dismissReason: null,
      });
      expect(alert.riskFactors).toEqual(risk.riskFactors);
      expect(100 + alert.riskFactors.reduce((sum, f) => sum + f.impact, 0)).toBe(score);
      if (types)
        expect(alert.riskFactors.map((f) => [f.type, f.impact])).toEqual(
          types.map((t, i) => [t, [-30, -25, -15, -10][i]]),
        );
    },
  );

  it('nothing without risk, and nothing new while an alert is active (whatever its id)', () => {
    const none = assess({ customerSince: '2025-01-01' });
    expect(riskAlertFor(customerId, [], none.risk, none.advice, ctx, SEED_NOW)).toBeNull();
    const { risk, advice } = assess(STARTUP_XYZ_RISK);
    const first = stored(riskAlertFor(customerId, [], risk, advice, ctx, SEED_NOW)!.alert);
    for (const status of ['open', 'acknowledged', 'in_progress'] as const) {
      const active = { ...first, id: '019c0000-0000-7000-8000-0000000000bb', status };
      expect(riskAlertFor(customerId, [active], risk, advice, ctx, SEED_NOW)).toBeNull();
    }
    // Racing recomputes compute the same document.
    expect(riskAlertFor(customerId, [], risk, advice, ctx, new Date(SEED_NOW.getTime() + 1))?.alert.id).toBe(
      first.id,
    );
  });

  it('a dismissed or resolved alert is not reopened nor repeated in its episode; a new episode gets a new one', () => {
    const { risk, advice } = assess(STARTUP_XYZ_RISK);
    const first = stored(riskAlertFor(customerId, [], risk, advice, ctx, SEED_NOW)!.alert);
    for (const status of ['dismissed', 'resolved'] as const) {
      expect(riskAlertFor(customerId, [close(first, status)], risk, advice, ctx, SEED_NOW)).toBeNull();
      const next = riskAlertFor(
        customerId,
        [close(first, status)],
        risk,
        advice,
        { ...ctx, episodeStart: '2026-03-01' },
        SEED_NOW,
      );
      expect(next?.change).toBe('created');
      expect(next?.alert.id).toBe(riskAlertId(customerId, '2026-03-01', 'critical'));
    }
    // Another customer's alerts do not count.
    expect(
      riskAlertFor(
        '019c0000-0000-7000-8000-0000000000cc',
        [close(first, 'dismissed')],
        risk,
        advice,
        ctx,
        SEED_NOW,
      )?.change,
    ).toBe('created');
  });

  it('a warning escalated to critical is updated in place, keeping its lifecycle; a closed warning does not silence a critical', () => {
    const warning = assess(AGENCIA_DIGITAL_RISK);
    const critical = assess(STARTUP_XYZ_RISK);
    const created = stored(riskAlertFor(customerId, [], warning.risk, warning.advice, ctx, SEED_NOW)!.alert);
    const acknowledged: Signal = {
      ...created,
      status: 'acknowledged',
      acknowledgedAt: SEED_NOW.toISOString(),
    };
    const later = new Date(SEED_NOW.getTime() + 86_400_000);
    const up = riskAlertFor(customerId, [acknowledged], critical.risk, critical.advice, ctx, later);
    expect(up?.change).toBe('escalated');
    expect(up?.alert).toMatchObject({
      id: created.id,
      createdAt: created.createdAt,
      status: 'acknowledged',
      acknowledgedAt: SEED_NOW.toISOString(),
      subtype: 'critical',
      title: { code: 'riskAlert.title', params: { level: 'critical' } },
      riskScore: 20,
      riskFactors: critical.risk.riskFactors,
      recommendation: critical.advice.recommendation,
    });
    // Once critical, nothing more; a de-escalation changes nothing.
    const escalated = stored(up!.alert);
    expect(riskAlertFor(customerId, [escalated], critical.risk, critical.advice, ctx, later)).toBeNull();
    expect(riskAlertFor(customerId, [escalated], warning.risk, warning.advice, ctx, later)).toBeNull();
    // A warning dismissed in this episode: a critical still gets its own alert; a closed critical silences both.
    const closedWarning = close(created, 'dismissed');
    expect(riskAlertFor(customerId, [closedWarning], warning.risk, warning.advice, ctx, later)).toBeNull();
    const own = riskAlertFor(customerId, [closedWarning], critical.risk, critical.advice, ctx, later);
    expect(own?.alert.id).toBe(riskAlertId(customerId, EPISODE, 'critical'));
    const closedCritical = close(stored(own!.alert), 'resolved');
    expect(
      riskAlertFor(customerId, [closedWarning, closedCritical], critical.risk, critical.advice, ctx, later),
    ).toBeNull();
    expect(riskAlertFor(customerId, [closedCritical], warning.risk, warning.advice, ctx, later)).toBeNull();
  });
});
