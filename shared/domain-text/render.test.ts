import { describe, expect, it } from 'vitest';
import { recommend } from '../domain/csm/recommendations.ts';
import { detectRisks } from '../domain/csm/risk.ts';
import { riskAlertDraft } from '../domain/csm/signals.ts';
import {
  AGENCIA_DIGITAL_RISK,
  CONSULTORIA_DEF_RISK,
  SEED_NOW,
  STARTUP_XYZ_RISK,
} from '../domain/csm/seed-fixtures.ts';
import { DOMAIN_TEXT_CODES, domainTextSchema, type DomainText } from '../entities/domain-text.ts';
import { createDomainTextRenderer, DOMAIN_TEXT_LANGUAGES, DOMAIN_TEXT_RESOURCES } from './render.ts';

const pt = createDomainTextRenderer('pt-BR');
const en = createDomainTextRenderer('en');
/** Intl puts a no-break space after "R$" (so it never wraps); the expectations are written with plain spaces. */
const plain = (render: (t: DomainText) => string) => (t: DomainText) => render(t).replace(/\u00a0/g, ' ');
const ptText = plain(pt);
const enText = plain(en);

/**
 * Every code with an example from the seed (customers spec §2.1–§2.4: StartupXYZ, AgênciaDigital, ConsultoriaDEF,
 * TechCorp) or from the rules' thresholds: pt-BR reads as the seed's text, English says the same.
 */
const CASES: [string, DomainText, string, string][] = [
  [
    'StartupXYZ',
    { code: 'risk.noLogin', params: { days: 14 } },
    'Sem login há 14 dias',
    'No login for 14 days',
  ],
  [
    'StartupXYZ',
    { code: 'risk.usageDrop', params: { percent: 65 } },
    'Uso caiu 65% no último mês',
    'Usage fell 65% last month',
  ],
  [
    'StartupXYZ',
    { code: 'risk.unansweredEmails', params: { count: 3 } },
    'Sem resposta aos últimos 3 e-mails',
    'No reply to the last 3 e-mails',
  ],
  [
    'StartupXYZ',
    { code: 'risk.staleTicket', params: { days: 9 } },
    'Ticket de suporte sem resolução há 9 dias',
    'Support ticket unresolved for 9 days',
  ],
  [
    'StartupXYZ',
    { code: 'riskAlert.title', params: { level: 'critical' } },
    'Risco de churn crítico',
    'Critical churn risk',
  ],
  [
    'StartupXYZ',
    {
      code: 'riskAlert.description',
      params: {
        riskScore: 20,
        factors: [
          { code: 'risk.noLogin', params: { days: 14 } },
          { code: 'risk.usageDrop', params: { percent: 65 } },
          { code: 'risk.unansweredEmails', params: { count: 3 } },
          { code: 'risk.staleTicket', params: { days: 9 } },
        ],
      },
    },
    'Risk score 20: Sem login há 14 dias; Uso caiu 65% no último mês; Sem resposta aos últimos 3 e-mails; Ticket de suporte sem resolução há 9 dias.',
    'Risk score 20: No login for 14 days; Usage fell 65% last month; No reply to the last 3 e-mails; Support ticket unresolved for 9 days.',
  ],
  [
    'StartupXYZ',
    { code: 'rec.reengageCritical', params: {} },
    'Agendar call de emergência. Cliente pode estar considerando cancelamento. Oferecer sessão de treinamento gratuita para reengajamento.',
    'Schedule an emergency call. The customer may be considering cancelling. Offer a free training session to re-engage.',
  ],
  [
    'StartupXYZ',
    { code: 'churn.healthScore', params: { score: 42, direction: 'raises' } },
    'Health score 42 (aumenta o risco)',
    'Health score 42 (raises the risk)',
  ],
  [
    'StartupXYZ',
    { code: 'churn.usageFell', params: { percent: 65, direction: 'raises' } },
    'Uso caiu 65% no último mês (aumenta o risco)',
    'Usage fell 65% last month (raises the risk)',
  ],
  [
    'StartupXYZ',
    { code: 'churn.lastLogin', params: { days: 14, direction: 'raises' } },
    'Último login há 14 dias (aumenta o risco)',
    'Last login 14 days ago (raises the risk)',
  ],
  [
    'AgênciaDigital',
    { code: 'risk.lowCapacityUsage', params: { active: 28, seats: 60 } },
    'Uso abaixo de 50% da capacidade (28 de 60 licenças em uso)',
    'Usage below 50% of capacity (28 of 60 seats in use)',
  ],
  [
    'AgênciaDigital',
    { code: 'risk.noExecutive', params: { days: 50 } },
    'Sem contato com executivo há 50 dias',
    'No contact with an executive for 50 days',
  ],
  [
    'AgênciaDigital',
    { code: 'risk.renewalSoon', params: { days: 50, date: '2026-03-20' } },
    'Renovação do contrato em 50 dias (20/03/2026)',
    'Contract renewal in 50 days (Mar 20, 2026)',
  ],
  [
    'AgênciaDigital',
    { code: 'riskAlert.title', params: { level: 'warning' } },
    'Cliente em risco',
    'Customer at risk',
  ],
  [
    'AgênciaDigital',
    { code: 'rec.valueQbr', params: { adoption: true } },
    'Agendar QBR com decisor antes do renewal. Focar em demonstrar ROI e propor treinamento para aumentar adoção.',
    'Schedule a QBR with the decision maker before the renewal. Focus on demonstrating ROI and propose training to raise adoption.',
  ],
  [
    'ConsultoriaDEF',
    { code: 'risk.ticketSurge', params: { count: 5 } },
    'Abriu 5 tickets de suporte em 30 dias',
    'Opened 5 support tickets in 30 days',
  ],
  [
    'ConsultoriaDEF',
    { code: 'risk.npsDrop', params: { from: 8, to: 6 } },
    'NPS caiu de 8 para 6',
    'NPS fell from 8 to 6',
  ],
  [
    'ConsultoriaDEF',
    { code: 'risk.mainContactLeft', params: { name: 'Carla Mendes' } },
    'Contato principal saiu da empresa (Carla Mendes)',
    'Main contact left the company (Carla Mendes)',
  ],
  [
    'ConsultoriaDEF',
    {
      code: 'join',
      params: {
        parts: [
          { code: 'rec.relationshipNewContact', params: { npsFrom: 8, npsTo: 6 } },
          { code: 'rec.support', params: { staleDays: null, surge: true } },
        ],
      },
    },
    'Apresentar-se ao novo contato principal e reconstruir o relacionamento, entendendo a queda do NPS (de 8 para 6). Revisar os tickets de suporte com o time técnico para reduzir o volume de chamados.',
    'Introduce yourself to the new main contact and rebuild the relationship, understanding the NPS drop (from 8 to 6). Review the support tickets with the technical team to reduce the ticket volume.',
  ],
  [
    'TechCorp',
    { code: 'factor.loginFrequency', params: { days: 17 } },
    'Login em 17 dos últimos 30 dias',
    'Logged in on 17 of the last 30 days',
  ],
  [
    'TechCorp',
    { code: 'factor.featureAdoption', params: { adopted: 17, available: 20, percent: 85 } },
    '17 de 20 funcionalidades adotadas (85%)',
    '17 of 20 features adopted (85%)',
  ],
  [
    'TechCorp',
    { code: 'factor.seatUtilization', params: { active: 85, seats: 100, percent: 85 } },
    '85 usuários ativos de 100 licenças (85%)',
    '85 active users of 100 seats (85%)',
  ],
  [
    'TechCorp',
    { code: 'factor.keyFeatureUsage', params: { used: 17, total: 20 } },
    '17 de 20 funcionalidades-chave usadas nos últimos 30 dias',
    '17 of 20 key features used in the last 30 days',
  ],
  [
    'TechCorp',
    { code: 'factor.emailResponseRate', params: { replied: 22, sent: 25 } },
    'Respondeu 22 de 25 e-mails (90 dias)',
    'Replied to 22 of 25 e-mails (90 days)',
  ],
  [
    'TechCorp',
    { code: 'factor.meetingParticipation', params: { attended: 9, scheduled: 10 } },
    'Participou de 9 de 10 reuniões agendadas (90 dias)',
    'Attended 9 of 10 scheduled meetings (90 days)',
  ],
  [
    'TechCorp',
    { code: 'factor.netPromoterScore', params: { score: 9 } },
    'Última nota NPS: 9',
    'Latest NPS score: 9',
  ],
  [
    'TechCorp',
    { code: 'factor.communityActivity', params: { count: 5 } },
    '5 participações na comunidade (30 dias)',
    '5 community contributions (30 days)',
  ],
  [
    'TechCorp',
    { code: 'factor.ticketVolume', params: { count: 2 } },
    '2 tickets abertos nos últimos 30 dias',
    '2 tickets opened in the last 30 days',
  ],
  [
    'TechCorp',
    { code: 'factor.resolutionSatisfaction', params: { csat: 4.8 } },
    'CSAT médio 4,8/5',
    'Average CSAT 4.8/5',
  ],
  [
    'TechCorp',
    { code: 'factor.escalationRate', params: { escalated: 0, tickets: 4, percent: 0 } },
    '0 de 4 tickets escalonados (90 dias, 0%)',
    '0 of 4 tickets escalated (90 days, 0%)',
  ],
  [
    'TechCorp',
    { code: 'factor.selfServiceUsage', params: { sessions: 16, tickets: 2 } },
    '16 consultas de autoatendimento e 2 tickets em 30 dias',
    '16 self-service visits and 2 tickets in 30 days',
  ],
  [
    'TechCorp',
    { code: 'factor.onTimePayments', params: { onTime: 12, invoices: 12 } },
    '12 de 12 faturas pagas em dia (12 meses)',
    '12 of 12 invoices paid on time (12 months)',
  ],
  [
    'TechCorp',
    {
      code: 'factor.contractValueGrowth',
      params: { growthPercent: 12.5, beforeCents: 400000, nowCents: 450000 },
    },
    'MRR +12,5% em 12 meses (R$ 4.000 → R$ 4.500)',
    'MRR +12.5% in 12 months (R$4,000 → R$4,500)',
  ],
  [
    'TechCorp',
    { code: 'factor.paymentReliability', params: { failed: 0, attempts: 12 } },
    '0 de 12 cobranças recusadas (12 meses)',
    '0 of 12 charges declined (12 months)',
  ],
  [
    'TechCorp',
    { code: 'factor.upsellPotential', params: { openCents: 121500, percent: 27 } },
    'Oportunidades abertas de R$ 1.215/mês (27% do MRR)',
    'Open opportunities of R$1,215/month (27% of MRR)',
  ],
  [
    'TechCorp',
    { code: 'factor.referralActivity', params: { count: 1 } },
    '1 indicação nos últimos 12 meses',
    '1 referral in the last 12 months',
  ],
  [
    'TechCorp',
    { code: 'factor.expansionConversations', params: { count: 2 } },
    '2 conversas sobre expansão (90 dias)',
    '2 expansion conversations (90 days)',
  ],
  [
    'TechCorp',
    { code: 'factor.featureAdoptionShare', params: { percent: 85 } },
    '85% das funcionalidades do plano adotadas',
    "85% of the plan's features adopted",
  ],
  [
    'TechCorp',
    { code: 'factor.emailResponseShare', params: { percent: 88 } },
    'Respondeu 88% dos e-mails (90 dias)',
    'Replied to 88% of e-mails (90 days)',
  ],
  [
    'TechCorp',
    { code: 'factor.meetingParticipationShare', params: { percent: 90 } },
    'Participou de 90% das reuniões agendadas (90 dias)',
    'Attended 90% of scheduled meetings (90 days)',
  ],
  [
    'TechCorp',
    { code: 'factor.value', params: { factor: 'communityActivity', value: 100 } },
    'Atividade na comunidade: 100/100',
    'Community activity: 100/100',
  ],
  ['TechCorp', { code: 'expansion.seatTitle', params: {} }, 'Expansão de licenças', 'Seat expansion'],
  [
    'TechCorp',
    { code: 'expansion.seatUsage', params: { percent: 86, active: 86, seats: 100 } },
    'Cliente utilizando 86% das licenças (86 de 100).',
    'Customer using 86% of its seats (86 of 100).',
  ],
  [
    'TechCorp',
    {
      code: 'expansion.seatDescription',
      params: {
        percent: 86,
        active: 86,
        seats: 100,
        extraSeats: 23,
        targetPercent: 70,
        pricePerSeatCents: 3500,
        pricedFromMrr: false,
      },
    },
    'Cliente utilizando 86% das licenças (86 de 100). Sugestão: +23 licenças para voltar a 70% de uso, a R$ 35 por licença.',
    'Customer using 86% of its seats (86 of 100). Suggestion: +23 seats to get back to 70% usage, at R$35 per seat.',
  ],
  [
    'TechCorp',
    { code: 'expansion.crossSellTitle', params: { need: 'módulo de RH' } },
    'Cross-sell: módulo de RH',
    'Cross-sell: módulo de RH',
  ],
  [
    'TechCorp',
    {
      code: 'expansion.crossSellDescription',
      params: {
        need: 'módulo de RH',
        interest: true,
        quote: 'Muito satisfeitos com a plataforma, discutimos expansão para RH',
        date: '2026-01-27',
        activities: 1,
        valueCents: 150000,
      },
    },
    'Cliente mencionou interesse em módulo de RH: "Muito satisfeitos com a plataforma, discutimos expansão para RH" (27/01/2026). Potencial estimado: R$ 1.500/mês.',
    'Customer mentioned interest in módulo de RH: "Muito satisfeitos com a plataforma, discutimos expansão para RH" (Jan 27, 2026). Estimated potential: R$1,500/month.',
  ],
  ['TechCorp', { code: 'insight.advocacyTitle', params: {} }, 'Candidato a advocacy', 'Advocacy candidate'],
  [
    'TechCorp',
    { code: 'insight.advocacyDescription', params: { nps: 9, health: 92, months: 13 } },
    'NPS 9, Health Score 92, cliente há 13 meses. Ideal para: case study, programa de indicação, beta testing.',
    'NPS 9, Health Score 92, customer for 13 months. Ideal for: case study, referral programme, beta testing.',
  ],
  ['TechCorp', { code: 'insight.advocacyCta', params: {} }, 'Solicitar case study', 'Ask for a case study'],
  [
    'TechCorp',
    { code: 'rec.advocacy', params: {} },
    'Solicitar um case study e convidar para o programa de indicação.',
    'Ask for a case study and invite them to the referral programme.',
  ],
  [
    'TechCorp',
    { code: 'rec.proposeSeats', params: { seats: 20, valueCents: 70000 } },
    'Propor 20 licenças adicionais (R$ 700/mês).',
    'Propose 20 additional seats (R$700/month).',
  ],
  [
    'TechCorp',
    { code: 'change.factor', params: { factor: 'loginFrequency', before: 85, after: 30, impact: -4.125 } },
    'Frequência de login: 85 → 30 (−4,1 pts no score)',
    'Login frequency: 85 → 30 (−4.1 score pts)',
  ],
  [
    'TechCorp',
    {
      code: 'change.summary',
      params: {
        before: 91,
        after: 86,
        causes: [
          {
            code: 'change.factor',
            params: { factor: 'loginFrequency', before: 85, after: 30, impact: -4.125 },
          },
        ],
      },
    },
    'Score caiu de 91 para 86. Principais causas: Frequência de login: 85 → 30 (−4,1 pts no score).',
    'Score fell from 91 to 86. Main causes: Login frequency: 85 → 30 (−4.1 score pts).',
  ],
  [
    'TechCorp',
    { code: 'change.factor', params: { factor: 'referralActivity', before: 50, after: null, impact: -1.25 } },
    'Indicações: 50 → sem dados (−1,3 pts no score)',
    'Referrals: 50 → no data (−1.3 score pts)',
  ],
  [
    'TechCorp',
    { code: 'change.rules', params: { dimension: 'support', before: 0, after: -10, impact: -2 } },
    'Regras configuradas em Suporte: 0 → −10 pontos (−2 pts no score)',
    'Configured rules in Support: 0 → −10 points (−2 score pts)',
  ],
  [
    'TechCorp',
    { code: 'change.rounding', params: { impact: 0.375 } },
    'Arredondamento e limites 0–100 (+0,4 pts no score)',
    'Rounding and 0–100 limits (+0.4 score pts)',
  ],
  [
    'TechCorp',
    { code: 'change.noPrevious', params: {} },
    'Sem score anterior para comparar.',
    'No previous score to compare with.',
  ],
  [
    'TechCorp',
    { code: 'change.stable', params: { score: 91 } },
    'Score estável em 91.',
    'Score steady at 91.',
  ],
  [
    'TechCorp',
    { code: 'churn.healthScore', params: { score: 92, direction: 'lowers' } },
    'Health score 92 (reduz o risco)',
    'Health score 92 (lowers the risk)',
  ],
  [
    'TechCorp',
    { code: 'churn.tenure', params: { months: 13, direction: 'lowers' } },
    'Cliente há 13 meses (reduz o risco)',
    'Customer for 13 months (lowers the risk)',
  ],
  [
    'TechCorp',
    { code: 'churn.nps', params: { score: 9, direction: 'lowers' } },
    'NPS 9 (reduz o risco)',
    'NPS 9 (lowers the risk)',
  ],
  [
    'TechCorp',
    { code: 'churn.tickets', params: { count: 2, direction: 'raises' } },
    '2 tickets nos últimos 30 dias (aumenta o risco)',
    '2 tickets in the last 30 days (raises the risk)',
  ],
  [
    'TechCorp',
    { code: 'churn.loggedInToday', params: { direction: 'lowers' } },
    'Login hoje (reduz o risco)',
    'Logged in today (lowers the risk)',
  ],
  ['TechCorp', { code: 'text', params: { text: 'Módulo de RH' } }, 'Módulo de RH', 'Módulo de RH'],
  [
    'ConsultoriaDEF',
    { code: 'rec.relationshipNewContact', params: { npsFrom: null, npsTo: null } },
    'Apresentar-se ao novo contato principal e reconstruir o relacionamento.',
    'Introduce yourself to the new main contact and rebuild the relationship.',
  ],
  [
    'rules',
    { code: 'risk.noLoginEver', params: { tenureDays: 20 } },
    'Nenhum login desde o início (cliente há 20 dias)',
    'No login since the start (customer for 20 days)',
  ],
  [
    'rules',
    { code: 'risk.noExecutiveEver', params: {} },
    'Nenhum contato com executivo registrado',
    'No contact with an executive on record',
  ],
  [
    'rules',
    { code: 'risk.renewalOverdue', params: { days: 5 } },
    'Renovação do contrato vencida há 5 dias',
    'Contract renewal overdue by 5 days',
  ],
  [
    'rules',
    { code: 'risk.renewalToday', params: {} },
    'Renovação do contrato hoje',
    'Contract renewal today',
  ],
  [
    'rules',
    { code: 'risk.renewalSoon', params: { days: 1, date: '2026-01-30' } },
    'Renovação do contrato em 1 dia (30/01/2026)',
    'Contract renewal in 1 day (Jan 30, 2026)',
  ],
  [
    'rules',
    { code: 'risk.threshold', params: { type: 'no_login' } },
    'Sem login há mais de 14 dias',
    'No login for more than 14 days',
  ],
  [
    'rules',
    { code: 'churn.usageStable', params: { direction: 'neutral' } },
    'Uso estável no último mês (neutro)',
    'Usage stable last month (neutral)',
  ],
  [
    'rules',
    { code: 'churn.usageRose', params: { percent: 100, direction: 'lowers' } },
    'Uso subiu 100% no último mês (reduz o risco)',
    'Usage rose 100% last month (lowers the risk)',
  ],
  [
    'rules',
    { code: 'churn.neverLoggedIn', params: { direction: 'raises' } },
    'Nenhum login registrado (aumenta o risco)',
    'No login on record (raises the risk)',
  ],
  [
    'rules',
    { code: 'churn.npsUnanswered', params: { direction: 'neutral' } },
    'NPS não respondido (neutro)',
    'NPS not answered (neutral)',
  ],
  [
    'rules',
    { code: 'churn.latePayments', params: { count: 3, direction: 'raises' } },
    '3 pagamentos atrasados em 12 meses (aumenta o risco)',
    '3 late payments in 12 months (raises the risk)',
  ],
  [
    'rules',
    { code: 'rec.none', params: {} },
    'Nenhum fator de risco ativo. Manter a cadência normal de acompanhamento.',
    'No active risk factor. Keep the usual follow-up cadence.',
  ],
  [
    'rules',
    { code: 'rec.reengageFollowUp', params: {} },
    'Agendar call de acompanhamento para entender a queda de uso e oferecer treinamento para reengajamento.',
    'Schedule a follow-up call to understand the drop in usage and offer training to re-engage.',
  ],
  [
    'rules',
    { code: 'rec.reengageUnansweredEmails', params: { count: 4 } },
    'Trocar de canal e ligar para o contato principal (sem resposta aos últimos 4 e-mails).',
    'Switch channels and call the main contact (no reply to the last 4 e-mails).',
  ],
  [
    'rules',
    { code: 'rec.valueDecisionMaker', params: { adoption: false } },
    'Agendar reunião com o decisor para demonstrar ROI.',
    'Schedule a meeting with the decision maker to demonstrate ROI.',
  ],
  [
    'rules',
    { code: 'rec.valueRenewal', params: {} },
    'Preparar a renovação com antecedência: revisar os resultados entregues e confirmar o interesse do cliente.',
    'Prepare the renewal early: review the results delivered and confirm the customer’s interest.',
  ],
  [
    'rules',
    { code: 'rec.valueAdoption', params: {} },
    'Propor treinamento para aumentar a adoção e ativar as licenças ociosas.',
    'Propose training to raise adoption and activate the idle seats.',
  ],
  [
    'rules',
    { code: 'rec.relationshipNps', params: { npsFrom: 9, npsTo: 5 } },
    'Ligar para entender a queda do NPS (de 9 para 5) e tratar os pontos de insatisfação.',
    'Call to understand the NPS drop (from 9 to 5) and address the points of dissatisfaction.',
  ],
  [
    'rules',
    { code: 'rec.support', params: { staleDays: 12, surge: false } },
    'Revisar os tickets de suporte com o time técnico e resolver o ticket parado há 12 dias.',
    'Review the support tickets with the technical team and resolve the ticket stuck for 12 days.',
  ],
  ['rules', { code: 'expansion.upsellTitle', params: { plan: 'pro' } }, 'Upgrade para Pro', 'Upgrade to Pro'],
  [
    'rules',
    {
      code: 'expansion.upsellDescription',
      params: { tier: 'starter', plan: 'pro', adopted: 17, available: 20, percent: 85, valueCents: 150000 },
    },
    'Cliente Starter usa 17 de 20 funcionalidades do plano (85%): pronto para o plano Pro. Acréscimo estimado de R$ 1.500/mês.',
    'Starter customer uses 17 of 20 plan features (85%): ready for the Pro plan. Estimated increase of R$1,500/month.',
  ],
  [
    'rules',
    { code: 'insight.lowAdoptionTitle', params: {} },
    'Baixa adoção de funcionalidades',
    'Low feature adoption',
  ],
  [
    'rules',
    {
      code: 'insight.lowAdoptionDescription',
      params: { adopted: 6, available: 20, percent: 30, months: 13 },
    },
    'Cliente usa 6 de 20 funcionalidades do plano (30%) após 13 meses. Propor treinamento das funcionalidades não utilizadas.',
    'Customer uses 6 of 20 plan features (30%) after 13 months. Propose training on the unused features.',
  ],
  ['rules', { code: 'insight.lowAdoptionCta', params: {} }, 'Agendar treinamento', 'Schedule training'],
  [
    'rules',
    { code: 'outlook.increaseBudget', params: { percent: 20, roiPercent: 340 } },
    'Aumentar o budget em 20% para maximizar o momentum: o ROI projetado é de 340%.',
    'Increase the budget by 20% to make the most of the momentum: the projected ROI is 340%.',
  ],
  [
    'rules',
    { code: 'outlook.keepBudget', params: { roiPercent: 180 } },
    'Manter o budget e concentrar o investimento nas campanhas de melhor retorno (ROI projetado de 180%).',
    'Keep the budget and put the spend on the campaigns with the best return (projected ROI 180%).',
  ],
  [
    'rules',
    { code: 'outlook.reviewCampaigns', params: { roiPercent: 45 } },
    'Revisar as campanhas com seu gerente de conta antes de investir mais: o ROI projetado é de 45%.',
    'Review the campaigns with your account manager before investing more: the projected ROI is 45%.',
  ],
  [
    'rules',
    { code: 'outlook.noInvestment', params: {} },
    'Sem investimento em mídia neste mês: fale com seu gerente de conta para planejar campanhas.',
    'No media spend this month: talk to your account manager to plan campaigns.',
  ],
];

/** The template actions: a title and a description each. */
const ACTIONS: [DomainText['code'], string, string][] = [
  ['action.callMainContact.title', 'Ligar para o contato principal', 'Call the main contact'],
  [
    'action.callMainContact.description',
    'O cliente não responde aos e-mails: trocar de canal e confirmar se a mensagem está chegando.',
    'The customer does not answer e-mails: switch channels and check the messages are arriving.',
  ],
  ['action.callNow.title', 'Ligar agora', 'Call now'],
  [
    'action.callNow.description',
    'Call para entender a queda de uso e o risco de cancelamento.',
    'Call to understand the drop in usage and the risk of cancellation.',
  ],
  ['action.callCustomer.title', 'Ligar para o cliente', 'Call the customer'],
  [
    'action.callCustomer.description',
    'Call para entender a queda de uso e o risco de cancelamento.',
    'Call to understand the drop in usage and the risk of cancellation.',
  ],
  ['action.reengagementEmail.title', 'Enviar e-mail de reengajamento', 'Send a re-engagement e-mail'],
  [
    'action.reengagementEmail.description',
    'Mostrar resultados recentes e novidades e convidar para uma sessão de treinamento.',
    'Show recent results and what is new, and invite them to a training session.',
  ],
  ['action.freeTraining.title', 'Oferecer treinamento gratuito', 'Offer free training'],
  [
    'action.freeTraining.description',
    'Sessão de treinamento gratuita para a equipe do cliente voltar a usar a plataforma.',
    'A free training session so the customer’s team uses the platform again.',
  ],
  ['action.qbrDecisionMaker.title', 'Agendar QBR com o decisor', 'Schedule a QBR with the decision maker'],
  [
    'action.qbrDecisionMaker.description',
    'Revisão com o decisor antes da renovação: resultados, ROI e próximos passos.',
    'Review with the decision maker before the renewal: results, ROI and next steps.',
  ],
  [
    'action.meetDecisionMaker.title',
    'Agendar reunião com o decisor',
    'Schedule a meeting with the decision maker',
  ],
  [
    'action.meetDecisionMaker.description',
    'Reunião com o decisor: resultados, ROI e próximos passos.',
    'Meeting with the decision maker: results, ROI and next steps.',
  ],
  ['action.roiReport.title', 'Gerar relatório de ROI', 'Generate an ROI report'],
  [
    'action.roiReport.description',
    'Consolidar os resultados entregues para apresentar ao decisor.',
    'Gather the results delivered to present to the decision maker.',
  ],
  ['action.adoptionTraining.title', 'Propor treinamento de adoção', 'Propose adoption training'],
  [
    'action.adoptionTraining.description',
    'Treinar os usuários e ativar as licenças ociosas.',
    'Train the users and activate the idle seats.',
  ],
  [
    'action.renewalTerms.title',
    'Avaliar condição comercial na renovação',
    'Consider commercial terms for the renewal',
  ],
  [
    'action.renewalTerms.description',
    'Considerar desconto ou condição especial vinculada à renovação.',
    'Consider a discount or special terms tied to the renewal.',
  ],
  ['action.callNewContact.title', 'Ligar para o novo contato', 'Call the new contact'],
  [
    'action.callNewContact.description',
    'Apresentar-se, entender as prioridades e reconstruir o relacionamento.',
    'Introduce yourself, understand their priorities and rebuild the relationship.',
  ],
  ['action.callNpsDrop.title', 'Ligar para entender a queda do NPS', 'Call to understand the NPS drop'],
  [
    'action.callNpsDrop.description',
    'Ouvir os motivos da nota e combinar um plano para os pontos de insatisfação.',
    'Hear the reasons for the score and agree a plan for the points of dissatisfaction.',
  ],
  ['action.reviewTickets.title', 'Revisar tickets com o suporte', 'Review tickets with support'],
  [
    'action.reviewTickets.description',
    'Revisar os tickets abertos, priorizar os parados e tratar a causa raiz.',
    'Review the open tickets, prioritise the stuck ones and address the root cause.',
  ],
  ['action.followUpTask.title', 'Criar tarefa de acompanhamento', 'Create a follow-up task'],
  [
    'action.followUpTask.description',
    'Registrar o plano de ação e revisar o risco deste cliente em 7 dias.',
    'Record the action plan and review this customer’s risk in 7 days.',
  ],
];

/** The default playbooks (shared/domain/csm/playbooks.ts): names and task templates. */
const PLAYBOOK_CASES: [string, DomainText, string, string][] = [
  [
    'playbook',
    { code: 'playbook.name', params: { playbook: 'risco-critico' } },
    'Risco crítico de churn',
    'Critical churn risk',
  ],
  [
    'playbook',
    { code: 'playbook.taskTitle', params: { task: 'ligacao-emergencia' } },
    'Ligação de emergência em 24 h',
    'Emergency call within 24 h',
  ],
  [
    'playbook',
    { code: 'playbook.taskDescription', params: { task: 'treinamento-gratuito' } },
    'Sessão de treinamento gratuita para reengajar o time do cliente.',
    'A free training session to re-engage the customer’s team.',
  ],
];
CASES.push(...PLAYBOOK_CASES);

describe('domain text — every code in pt-BR and English', () => {
  it.each(CASES)('%s: %j', (_who, message, ptBR, english) => {
    expect(domainTextSchema.parse(message)).toEqual(message);
    expect(ptText(message)).toBe(ptBR);
    expect(enText(message)).toBe(english);
  });

  it.each(ACTIONS)('%s', (code, ptBR, english) => {
    const message = domainTextSchema.parse({ code, params: {} });
    expect(ptText(message)).toBe(ptBR);
    expect(enText(message)).toBe(english);
  });

  it('has a pt-BR and an English template for every code, and an example for each here', () => {
    for (const language of DOMAIN_TEXT_LANGUAGES) {
      const templates = DOMAIN_TEXT_RESOURCES[language].messages as Record<string, unknown>;
      expect(Object.keys(templates).sort()).toEqual([...DOMAIN_TEXT_CODES].sort());
      for (const code of DOMAIN_TEXT_CODES) expect(typeof templates[code]).toBe('function');
    }
    const covered = new Set([...CASES.map(([, m]) => m.code), ...ACTIONS.map(([code]) => code)]);
    expect(DOMAIN_TEXT_CODES.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('never renders the English text in Portuguese (the two resources differ on every sentence code)', () => {
    for (const [, message] of CASES.filter(
      ([, m]) => m.code !== 'text' && m.code !== 'expansion.crossSellTitle',
    ))
      expect(ptText(message)).not.toBe(enText(message));
  });
});

describe("domain text — the rules' output for the seed customers", () => {
  it('StartupXYZ: the at-risk card reads as the wireframe in pt-BR and in English', () => {
    const risk = detectRisks(STARTUP_XYZ_RISK, SEED_NOW);
    const advice = recommend(risk);
    const alert = riskAlertDraft(risk, advice, 150_000)!;
    expect(ptText(alert.title)).toBe('Risco de churn crítico');
    expect(ptText(alert.description)).toBe(
      'Risk score 20: Sem login há 14 dias; Uso caiu 65% no último mês; Sem resposta aos últimos 3 e-mails; Ticket de suporte sem resolução há 9 dias.',
    );
    expect(ptText(advice.recommendation)).toBe(
      'Agendar call de emergência. Cliente pode estar considerando cancelamento. Oferecer sessão de treinamento gratuita para reengajamento.',
    );
    expect(advice.suggestedActions.map((a) => ptText(a.title))).toEqual([
      'Ligar agora',
      'Enviar e-mail de reengajamento',
      'Oferecer treinamento gratuito',
      'Revisar tickets com o suporte',
      'Criar tarefa de acompanhamento',
    ]);
    expect(risk.riskFactors.map((f) => enText(f.description))).toEqual([
      'No login for 14 days',
      'Usage fell 65% last month',
      'No reply to the last 3 e-mails',
      'Support ticket unresolved for 9 days',
    ]);
    expect(advice.suggestedActions.map((a) => enText(a.title))[0]).toBe('Call now');
  });

  it('AgênciaDigital and ConsultoriaDEF: recommendations and actions in both languages', () => {
    const agencia = recommend(detectRisks(AGENCIA_DIGITAL_RISK, SEED_NOW));
    expect(ptText(agencia.recommendation)).toBe(
      'Agendar QBR com decisor antes do renewal. Focar em demonstrar ROI e propor treinamento para aumentar adoção.',
    );
    expect(agencia.suggestedActions.map((a) => ptText(a.title))).toEqual([
      'Agendar QBR com o decisor',
      'Gerar relatório de ROI',
      'Propor treinamento de adoção',
      'Criar tarefa de acompanhamento',
    ]);
    expect(enText(agencia.suggestedActions[0]!.title)).toBe('Schedule a QBR with the decision maker');
    const consultoria = recommend(detectRisks(CONSULTORIA_DEF_RISK, SEED_NOW));
    expect(ptText(consultoria.recommendation)).toBe(
      'Apresentar-se ao novo contato principal e reconstruir o relacionamento, entendendo a queda do NPS (de 8 para 6). ' +
        'Revisar os tickets de suporte com o time técnico para reduzir o volume de chamados.',
    );
    expect(consultoria.suggestedActions.map((a) => ptText(a.title))).toEqual([
      'Ligar para o novo contato',
      'Revisar tickets com o suporte',
      'Criar tarefa de acompanhamento',
    ]);
  });
});

describe('domain text — formatting per language', () => {
  it.each([
    [150_000, 'R$ 1.500', 'R$1,500'],
    [1_840_000, 'R$ 18.400', 'R$18,400'],
    [150_050, 'R$ 1.500,50', 'R$1,500.50'],
    [5, 'R$ 0,05', 'R$0.05'],
  ])('%i cents: %s / %s', (cents, ptBR, english) => {
    const message: DomainText = { code: 'rec.proposeSeats', params: { seats: 1, valueCents: cents } };
    expect(ptText(message)).toBe(`Propor 1 licenças adicionais (${ptBR}/mês).`);
    expect(enText(message)).toBe(`Propose 1 additional seats (${english}/month).`);
  });

  it('groups thousands, signs with a real minus and keeps calendar dates on their day', () => {
    expect(ptText({ code: 'risk.noLogin', params: { days: 1234 } })).toBe('Sem login há 1.234 dias');
    expect(enText({ code: 'risk.noLogin', params: { days: 1234 } })).toBe('No login for 1,234 days');
    const drop: DomainText = { code: 'change.rounding', params: { impact: -4.125 } };
    expect(ptText(drop)).toBe('Arredondamento e limites 0–100 (−4,1 pts no score)');
    expect(ptText({ code: 'change.rounding', params: { impact: 0.01 } })).toBe(
      'Arredondamento e limites 0–100 (0 pts no score)',
    );
    const renewal: DomainText = { code: 'risk.renewalSoon', params: { days: 1, date: '2026-01-01' } };
    expect(ptText(renewal)).toBe('Renovação do contrato em 1 dia (01/01/2026)');
    expect(enText(renewal)).toBe('Contract renewal in 1 day (Jan 1, 2026)');
  });

  it('shows a factor key it does not know as the key (documents from another version of the rules)', () => {
    const message: DomainText = {
      code: 'change.factor',
      params: { factor: 'mood', before: 1, after: 2, impact: 0.5 },
    };
    expect(ptText(message)).toBe('mood: 1 → 2 (+0,5 pts no score)');
  });
});
