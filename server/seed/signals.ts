import { formatBRL } from '../../shared/domain/csm/format.ts';
import type { RiskAssessment, RiskFactorType } from '../../shared/domain/csm/risk.ts';
import type { Health, Signal, SuggestedAction } from '../../shared/entities/csm.ts';
import { lifecycleStamps } from '../../shared/domain/csm/alert-lifecycle.ts';
import { DAY_MS, HOUR_MS } from './clock.ts';
import type { BuiltCustomer } from './context.ts';
import { NEED_MENTIONS, SERVICES } from './vocabulary.ts';

/** pt-BR recommendation per leading risk factor; the first two are the seed's own texts (§2.4). */
const RECOMMENDATION: Record<RiskFactorType, string> = {
  no_login:
    'Agendar call de emergência. Cliente pode estar considerando cancelamento. Oferecer sessão de treinamento gratuita para reengajamento.',
  low_capacity_usage:
    'Agendar QBR com decisor antes do renewal. Focar em demonstrar ROI e propor treinamento para aumentar adoção.',
  usage_drop: 'Investigar a queda de uso com o time do cliente e oferecer um treinamento de reativação.',
  ticket_surge:
    'Ligar para o novo contato principal, revisar os tickets abertos e apresentar um plano de melhoria do suporte.',
  nps_drop:
    'Entender o motivo da queda do NPS em uma conversa com o decisor e definir um plano de ação em 30 dias.',
  main_contact_left:
    'Apresentar-se ao novo responsável, refazer o onboarding executivo e mapear novos champions.',
  unanswered_emails:
    'Tentar contato por telefone ou WhatsApp com outro decisor; os e-mails não estão sendo respondidos.',
  no_executive_engagement: 'Agendar uma reunião executiva para revisar resultados e metas.',
  renewal_soon:
    'Preparar a proposta de renovação com o histórico de resultados e agendar a conversa com o decisor.',
  stale_ticket: 'Priorizar a resolução do ticket pendente e informar o cliente sobre o prazo.',
};

const ACTIONS: Record<RiskFactorType, SuggestedAction> = {
  no_login: {
    type: 'call',
    title: 'Ligar agora',
    description: 'Ligação de reengajamento com o decisor.',
    priority: 'urgent',
    estimatedImpact: 30,
  },
  usage_drop: {
    type: 'training',
    title: 'Oferecer treinamento',
    description: 'Sessão gratuita de reativação para o time.',
    priority: 'high',
    estimatedImpact: 25,
  },
  unanswered_emails: {
    type: 'email',
    title: 'Enviar e-mail de reengajamento',
    description: 'Mensagem curta com um resultado concreto do mês.',
    priority: 'high',
    estimatedImpact: 10,
  },
  stale_ticket: {
    type: 'task',
    title: 'Resolver ticket pendente',
    description: 'Escalar o ticket para o time técnico.',
    priority: 'high',
    estimatedImpact: 10,
  },
  low_capacity_usage: {
    type: 'meeting',
    title: 'Agendar QBR',
    description: 'Revisão trimestral com o decisor, antes da renovação.',
    priority: 'high',
    estimatedImpact: 20,
  },
  no_executive_engagement: {
    type: 'meeting',
    title: 'Reunião executiva',
    description: 'Apresentar ROI e próximos passos à diretoria.',
    priority: 'medium',
    estimatedImpact: 15,
  },
  renewal_soon: {
    type: 'task',
    title: 'Gerar relatório de ROI',
    description: 'Relatório de resultados para a conversa de renovação.',
    priority: 'medium',
    estimatedImpact: 10,
  },
  ticket_surge: {
    type: 'task',
    title: 'Revisar tickets',
    description: 'Analisar causas comuns dos tickets dos últimos 30 dias.',
    priority: 'high',
    estimatedImpact: 15,
  },
  nps_drop: {
    type: 'call',
    title: 'Ligar para entender o NPS',
    description: 'Conversa para entender a queda da nota.',
    priority: 'medium',
    estimatedImpact: 12,
  },
  main_contact_left: {
    type: 'call',
    title: 'Ligar para o novo contato',
    description: 'Apresentação e alinhamento com o novo responsável.',
    priority: 'high',
    estimatedImpact: 11,
  },
};

const ACTED_AFTER_MS = 26 * HOUR_MS;

type SignalFields = Omit<
  Signal,
  'id' | 'updatedAt' | 'serverSeq' | 'clientUpdatedAt' | 'customerId' | 'createdAt'
>;

const BLANK: Pick<
  SignalFields,
  | 'riskScore'
  | 'riskFactors'
  | 'recommendation'
  | 'suggestedActions'
  | 'estimatedValueCents'
  | 'mrrAtRiskCents'
  | 'probability'
  | 'resolutionNotes'
  | 'resolvedAt'
  | 'resolvedBy'
  | 'acknowledgedAt'
  | 'startedAt'
  | 'dismissReason'
> = {
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
  acknowledgedAt: null,
  startedAt: null,
  dismissReason: null,
};

/**
 * Risk alerts (one open or acknowledged alert per at-risk customer, some resolved ones in the past), expansion
 * opportunities (seat use above 85 %, needs mentioned in notes, TechCorp's HR module) and insights (advocacy).
 */
export function buildSignals(b: BuiltCustomer, result: { health: Health; risk: RiskAssessment }): Signal[] {
  const { rng, org, customer, facts, plan } = b;
  const { cal } = org;
  const signals: Signal[] = [];
  const push = (createdMs: number, fields: SignalFields) => {
    // Signals past their open phase were first acted upon a day after they appeared (or now, if sooner):
    // the lifecycle's first-time stamps, as a CSM's move would have set them (docs/domain.md §6).
    const actedMs = Math.min(createdMs + ACTED_AFTER_MS, cal.nowMs);
    signals.push({
      id: rng.uuid(createdMs),
      updatedAt: cal.iso(createdMs),
      serverSeq: 0,
      clientUpdatedAt: cal.iso(createdMs),
      customerId: b.id,
      ...fields,
      ...lifecycleStamps(null, fields, cal.iso(actedMs)),
      createdAt: cal.iso(createdMs),
    });
  };
  if (plan.profile === 'churned') return signals;
  const { risk, health } = result;

  if (risk.riskLevel !== 'none') {
    const lead = risk.riskFactors[0]?.type as RiskFactorType;
    const acknowledged = facts ? facts.key === 'agencia' : rng.chance(0.3);
    const since = health.atRiskSince ? cal.dayOf(health.atRiskSince) : cal.today;
    push(cal.at(since, 7, 30), {
      ...BLANK,
      kind: 'risk_alert',
      subtype: risk.riskLevel,
      status: acknowledged ? 'acknowledged' : 'open',
      title: `${risk.riskLevel === 'critical' ? 'Risco crítico de churn' : 'Cliente em risco'}: ${customer.name}`,
      description: risk.riskFactors.map((f) => `${f.description} (${f.impact} pts)`).join('; '),
      source: 'rule',
      riskScore: risk.riskScore,
      riskFactors: risk.riskFactors,
      recommendation: RECOMMENDATION[lead],
      suggestedActions: risk.riskFactors.slice(0, 3).map((f) => ACTIONS[f.type as RiskFactorType]),
      mrrAtRiskCents: customer.mrrCents,
      probability: health.churnProbability,
    });
  } else if (plan.profile === 'healthy' && rng.chance(0.08) && cal.today - b.sinceDay > 200) {
    const createdMs = cal.at(cal.today - rng.int(100, 190), 8);
    push(createdMs, {
      ...BLANK,
      kind: 'risk_alert',
      subtype: 'warning',
      status: 'resolved',
      title: `Cliente em risco: ${customer.name}`,
      description: 'Uso caiu 55% no último mês (-25 pts); Sem contato com executivo há 34 dias (-15 pts)',
      source: 'rule',
      riskScore: 60,
      riskFactors: [
        {
          type: 'usage_drop',
          description: 'Uso caiu 55% no último mês',
          impact: -25,
          detectedAt: cal.iso(createdMs),
        },
        {
          type: 'no_executive_engagement',
          description: 'Sem contato com executivo há 34 dias',
          impact: -15,
          detectedAt: cal.iso(createdMs),
        },
      ],
      recommendation: RECOMMENDATION.usage_drop,
      suggestedActions: [ACTIONS.usage_drop, ACTIONS.no_executive_engagement],
      mrrAtRiskCents: customer.mrrCents,
      probability: rng.int(30, 55),
      resolutionNotes: 'Treinamento de reativação feito com o time; uso voltou ao normal em três semanas.',
      resolvedAt: cal.iso(createdMs + rng.int(15, 40) * DAY_MS),
      resolvedBy: b.owner.id,
    });
  }

  const license = customer.contracts.find((c) => c.status === 'active')?.items[0];
  const seatShare = customer.totalSeats > 0 ? customer.activeUsers / customer.totalSeats : 0;
  if (seatShare > 0.85 && license) {
    const extraSeats = Math.max(5, Math.round(customer.totalSeats * 0.2));
    const perSeat = Math.round(license.unitPriceCents / Math.max(1, customer.totalSeats));
    push(cal.nowMs - rng.int(1, 20) * DAY_MS, {
      ...BLANK,
      kind: 'expansion',
      subtype: 'expansion',
      status: rng.weighted([
        ['identified', 6],
        ['contacted', 3],
        ['negotiating', 1],
      ] as const),
      title: 'Expansão de licenças',
      description: `Cliente utilizando ${Math.round(seatShare * 100)}% das licenças (${customer.activeUsers} de ${customer.totalSeats}).`,
      source: 'usage_trigger',
      estimatedValueCents: extraSeats * perSeat,
      probability: 80,
      recommendation: `Propor ${extraSeats} licenças adicionais (${formatBRL(extraSeats * perSeat)}/mês).`,
    });
  }
  for (const need of b.mentionedNeeds) {
    const service = SERVICES.find((s) => s.need === need);
    if (!service) continue;
    push(cal.nowMs - rng.int(1, 30) * DAY_MS, {
      ...BLANK,
      kind: 'expansion',
      subtype: 'cross_sell',
      status: rng.weighted([
        ['identified', 5],
        ['contacted', 3],
        ['negotiating', 1],
        ['won', 1],
      ] as const),
      title: `Cross-sell: ${service.name}`,
      description: rng.pick(NEED_MENTIONS[need]),
      source: 'ai_detected',
      estimatedValueCents: Math.round((customer.mrrCents * rng.float(0.2, 0.35)) / 5_000) * 5_000,
      probability: rng.int(35, 70),
    });
  }
  if (facts?.key === 'techcorp') {
    push(cal.nowMs - 2 * DAY_MS + HOUR_MS, {
      ...BLANK,
      kind: 'expansion',
      subtype: 'upsell',
      status: 'identified',
      title: 'Módulo de RH',
      description:
        'Cliente mencionou interesse em módulo de RH. Usuários ativos chegando a 85% da capacidade. Potencial de upsell: R$ 1.500/mês.',
      source: 'ai_detected',
      estimatedValueCents: 150_000,
      probability: 65,
      recommendation: 'Agendar demonstração do módulo de RH com o CEO e o time de Operações.',
    });
  }

  const tenureMonths = Math.floor((cal.today - b.sinceDay) / 30.44);
  if (
    health.score >= 80 &&
    b.nps.latest >= 9 &&
    tenureMonths >= 12 &&
    (facts?.key === 'techcorp' || rng.chance(0.5))
  ) {
    push(cal.nowMs - rng.int(1, 10) * DAY_MS, {
      ...BLANK,
      kind: 'insight',
      subtype: 'advocacy',
      status: 'new',
      title: 'Candidato a advocacy',
      description: `NPS ${b.nps.latest}, Health Score ${health.score}, cliente há ${tenureMonths} meses. Ideal para: case study, programa de indicação, beta testing.`,
      source: 'rule',
      probability: 90,
      recommendation: 'Solicitar um case study e convidar para o programa de indicação.',
    });
  }
  return signals;
}
