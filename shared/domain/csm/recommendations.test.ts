import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { suggestedActionSchema } from '../../entities/csm.ts';
import { domainTextSchema, type LeafDomainText } from '../../entities/domain-text.ts';
import { MAX_ACTIONS, recommend } from './recommendations.ts';
import {
  detectRisks,
  RISK_FACTOR_TYPES,
  RISK_POINTS,
  riskLevelFor,
  riskScoreFrom,
  type RiskFactorType,
} from './risk.ts';
import { AGENCIA_DIGITAL_RISK, CONSULTORIA_DEF_RISK, SEED_NOW, STARTUP_XYZ_RISK } from './seed-fixtures.ts';

const factor = (
  type: RiskFactorType,
  description: LeafDomainText = { code: 'risk.threshold', params: { type } },
) => ({
  type,
  description,
  impact: RISK_POINTS[type],
  detectedAt: '2026-01-29T18:00:00.000Z',
});
const assess = (...factors: ReturnType<typeof factor>[]) => ({
  riskLevel: riskLevelFor(riskScoreFrom(factors)),
  riskFactors: factors,
});
// Texts are codes here; shared/domain-text/render.test.ts renders these cards in pt-BR and English.
const summary = (r: ReturnType<typeof recommend>) =>
  r.suggestedActions.map((a) => [a.type, a.title.code, a.priority, a.estimatedImpact]);
const code = (c: string, params: Record<string, unknown> = {}) => ({ code: c, params });

describe("recommendations — the wireframe's at-risk cards (§2.4)", () => {
  it('StartupXYZ (critical): emergency call and free training; Call Now, Send Re-engagement, Create Task', () => {
    const r = recommend(detectRisks(STARTUP_XYZ_RISK, SEED_NOW));
    expect(r.recommendation).toEqual(code('rec.reengageCritical'));
    expect(summary(r)).toEqual([
      ['call', 'action.callNow.title', 'urgent', 70],
      ['email', 'action.reengagementEmail.title', 'high', 70],
      ['training', 'action.freeTraining.title', 'high', 55],
      ['task', 'action.reviewTickets.title', 'high', 10],
      ['task', 'action.followUpTask.title', 'medium', 0],
    ]);
  });

  it('AgênciaDigital (warning): QBR with the decision maker before renewal; Schedule QBR, ROI Report, Task', () => {
    const r = recommend(detectRisks(AGENCIA_DIGITAL_RISK, SEED_NOW));
    expect(r.recommendation).toEqual(code('rec.valueQbr', { adoption: true }));
    expect(summary(r)).toEqual([
      ['meeting', 'action.qbrDecisionMaker.title', 'high', 45],
      ['task', 'action.roiReport.title', 'medium', 25],
      ['training', 'action.adoptionTraining.title', 'medium', 20],
      ['task', 'action.followUpTask.title', 'low', 0],
    ]);
  });

  it('ConsultoriaDEF (warning): Call New Contact, Review Tickets, Task', () => {
    const r = recommend(detectRisks(CONSULTORIA_DEF_RISK, SEED_NOW));
    expect(r.recommendation).toEqual(
      code('join', {
        parts: [
          code('rec.relationshipNewContact', { npsFrom: 8, npsTo: 6 }),
          code('rec.support', { staleDays: null, surge: true }),
        ],
      }),
    );
    expect(summary(r)).toEqual([
      ['call', 'action.callNewContact.title', 'high', 23],
      ['task', 'action.reviewTickets.title', 'medium', 15],
      ['task', 'action.followUpTask.title', 'low', 0],
    ]);
  });
});

describe('recommendations — templates', () => {
  it.each([
    [
      'usage drop alone (warning)',
      assess(factor('usage_drop', { code: 'risk.usageDrop', params: { percent: 60 } })),
      code('rec.reengageFollowUp'),
    ],
    [
      'only unanswered e-mails',
      assess(factor('unanswered_emails', { code: 'risk.unansweredEmails', params: { count: 4 } })),
      code('rec.reengageUnansweredEmails', { count: 4 }),
    ],
    [
      'no executive engagement without renewal',
      assess(factor('no_executive_engagement')),
      code('rec.valueDecisionMaker', { adoption: false }),
    ],
    ['renewal alone', assess(factor('renewal_soon')), code('rec.valueRenewal')],
    ['low seat use alone', assess(factor('low_capacity_usage')), code('rec.valueAdoption')],
    [
      'NPS drop alone',
      assess(factor('nps_drop', { code: 'risk.npsDrop', params: { from: 9, to: 5 } })),
      code('rec.relationshipNps', { npsFrom: 9, npsTo: 5 }),
    ],
    [
      'stale ticket alone',
      assess(factor('stale_ticket', { code: 'risk.staleTicket', params: { days: 12 } })),
      code('rec.support', { staleDays: 12, surge: false }),
    ],
  ])('%s', (_l, risk, text) => {
    expect(recommend(risk).recommendation).toEqual(text);
  });

  it('adds a discount option only when a critical customer is up for renewal', () => {
    const critical = recommend({
      riskLevel: 'critical',
      riskFactors: [factor('renewal_soon'), factor('no_login'), factor('usage_drop')],
    });
    expect(critical.suggestedActions.map((a) => a.type)).toContain('discount');
    expect(recommend(assess(factor('renewal_soon'))).suggestedActions.map((a) => a.type)).not.toContain(
      'discount',
    );
  });

  it('mentions a second theme only when it weighs at least half of the first', () => {
    // relationship 23 vs support 10: 10 < 11.5 → one theme
    const r = recommend(
      assess(
        factor('nps_drop', { code: 'risk.npsDrop', params: { from: 8, to: 6 } }),
        factor('main_contact_left'),
        factor('stale_ticket'),
      ),
    );
    expect(r.recommendation).toEqual(code('rec.relationshipNewContact', { npsFrom: 8, npsTo: 6 }));
    expect(r.suggestedActions.map((a) => a.title.code)).toContain('action.reviewTickets.title');
  });

  it('without risk factors there is nothing to do', () => {
    expect(recommend({ riskLevel: 'none', riskFactors: [] })).toEqual({
      recommendation: code('rec.none'),
      suggestedActions: [],
    });
  });

  it('rejects malformed factors', () => {
    expect(() =>
      recommend({ riskLevel: 'none', riskFactors: [{ ...factor('no_login'), impact: 30 }] }),
    ).toThrow(ZodError);
    expect(() => recommend({ riskLevel: 'bad' as 'none', riskFactors: [] })).toThrow(ZodError);
  });

  it('property: any set of factors yields valid, ordered, bounded actions and a non-empty text', () => {
    const order = ['urgent', 'high', 'medium', 'low'];
    fc.assert(
      fc.property(fc.subarray([...RISK_FACTOR_TYPES], { minLength: 1 }), (types) => {
        const r = recommend(
          assess(...types.map((t) => factor(t, { code: 'risk.staleTicket', params: { days: 9 } }))),
        );
        expect(domainTextSchema.parse(r.recommendation)).toEqual(r.recommendation);
        expect(r.suggestedActions.length).toBeGreaterThan(0);
        expect(r.suggestedActions.length).toBeLessThanOrEqual(MAX_ACTIONS);
        for (const a of r.suggestedActions) suggestedActionSchema.parse(a);
        const ranks = r.suggestedActions.map((a) => order.indexOf(a.priority));
        expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
      }),
    );
  });
});
