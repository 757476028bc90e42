import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { suggestedActionSchema } from '../../entities/csm.ts';
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

const factor = (type: RiskFactorType, description = 'x') => ({
  type,
  description,
  impact: RISK_POINTS[type],
  detectedAt: '2026-01-29T18:00:00.000Z',
});
const assess = (...factors: ReturnType<typeof factor>[]) => ({
  riskLevel: riskLevelFor(riskScoreFrom(factors)),
  riskFactors: factors,
});
const summary = (r: ReturnType<typeof recommend>) =>
  r.suggestedActions.map((a) => [a.type, a.title, a.priority, a.estimatedImpact]);

describe("recommendations — the wireframe's at-risk cards (§2.4)", () => {
  it('StartupXYZ (critical): emergency call and free training; Call Now, Send Re-engagement, Create Task', () => {
    const r = recommend(detectRisks(STARTUP_XYZ_RISK, SEED_NOW));
    expect(r.recommendation).toBe(
      'Agendar call de emergência. Cliente pode estar considerando cancelamento. Oferecer sessão de treinamento gratuita para reengajamento.',
    );
    expect(summary(r)).toEqual([
      ['call', 'Ligar agora', 'urgent', 70],
      ['email', 'Enviar e-mail de reengajamento', 'high', 70],
      ['training', 'Oferecer treinamento gratuito', 'high', 55],
      ['task', 'Revisar tickets com o suporte', 'high', 10],
      ['task', 'Criar tarefa de acompanhamento', 'medium', 0],
    ]);
  });

  it('AgênciaDigital (warning): QBR with the decision maker before renewal; Schedule QBR, ROI Report, Task', () => {
    const r = recommend(detectRisks(AGENCIA_DIGITAL_RISK, SEED_NOW));
    expect(r.recommendation).toBe(
      'Agendar QBR com decisor antes do renewal. Focar em demonstrar ROI e propor treinamento para aumentar adoção.',
    );
    expect(summary(r)).toEqual([
      ['meeting', 'Agendar QBR com o decisor', 'high', 45],
      ['task', 'Gerar relatório de ROI', 'medium', 25],
      ['training', 'Propor treinamento de adoção', 'medium', 20],
      ['task', 'Criar tarefa de acompanhamento', 'low', 0],
    ]);
  });

  it('ConsultoriaDEF (warning): Call New Contact, Review Tickets, Task', () => {
    const r = recommend(detectRisks(CONSULTORIA_DEF_RISK, SEED_NOW));
    expect(r.recommendation).toBe(
      'Apresentar-se ao novo contato principal e reconstruir o relacionamento, entendendo a queda do NPS (de 8 para 6). ' +
        'Revisar os tickets de suporte com o time técnico para reduzir o volume de chamados.',
    );
    expect(summary(r)).toEqual([
      ['call', 'Ligar para o novo contato', 'high', 23],
      ['task', 'Revisar tickets com o suporte', 'medium', 15],
      ['task', 'Criar tarefa de acompanhamento', 'low', 0],
    ]);
  });
});

describe('recommendations — templates', () => {
  it.each([
    [
      'usage drop alone (warning)',
      assess(factor('usage_drop', 'Uso caiu 60% no último mês')),
      'Agendar call de acompanhamento para entender a queda de uso e oferecer treinamento para reengajamento.',
    ],
    [
      'only unanswered e-mails',
      assess(factor('unanswered_emails', 'Sem resposta aos últimos 4 e-mails')),
      'Trocar de canal e ligar para o contato principal (sem resposta aos últimos 4 e-mails).',
    ],
    [
      'no executive engagement without renewal',
      assess(factor('no_executive_engagement')),
      'Agendar reunião com o decisor para demonstrar ROI.',
    ],
    [
      'renewal alone',
      assess(factor('renewal_soon')),
      'Preparar a renovação com antecedência: revisar os resultados entregues e confirmar o interesse do cliente.',
    ],
    [
      'low seat use alone',
      assess(factor('low_capacity_usage')),
      'Propor treinamento para aumentar a adoção e ativar as licenças ociosas.',
    ],
    [
      'NPS drop alone',
      assess(factor('nps_drop', 'NPS caiu de 9 para 5')),
      'Ligar para entender a queda do NPS (de 9 para 5) e tratar os pontos de insatisfação.',
    ],
    [
      'stale ticket alone',
      assess(factor('stale_ticket', 'Ticket de suporte sem resolução há 12 dias')),
      'Revisar os tickets de suporte com o time técnico e resolver o ticket parado há 12 dias.',
    ],
  ])('%s', (_l, risk, text) => {
    expect(recommend(risk).recommendation).toBe(text);
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
      assess(factor('nps_drop', 'NPS caiu de 8 para 6'), factor('main_contact_left'), factor('stale_ticket')),
    );
    expect(r.recommendation).not.toContain('tickets');
    expect(r.suggestedActions.map((a) => a.title)).toContain('Revisar tickets com o suporte');
  });

  it('without risk factors there is nothing to do', () => {
    expect(recommend({ riskLevel: 'none', riskFactors: [] })).toEqual({
      recommendation: 'Nenhum fator de risco ativo. Manter a cadência normal de acompanhamento.',
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
          assess(...types.map((t) => factor(t, 'Ticket de suporte sem resolução há 9 dias'))),
        );
        expect(r.recommendation.length).toBeGreaterThan(10);
        expect(r.suggestedActions.length).toBeGreaterThan(0);
        expect(r.suggestedActions.length).toBeLessThanOrEqual(MAX_ACTIONS);
        for (const a of r.suggestedActions) suggestedActionSchema.parse(a);
        const ranks = r.suggestedActions.map((a) => order.indexOf(a.priority));
        expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
      }),
    );
  });
});
