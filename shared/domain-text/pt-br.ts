import type { DomainTextResources } from './render.ts';

/**
 * Brazilian Portuguese, the product's default language: the sentences the seed's wireframes print
 * ("Sem login há 14 dias", "Agendar QBR com decisor antes do renewal…"). docs/domain.md quotes them.
 */
const RISK_THRESHOLDS = {
  no_login: 'Sem login há mais de 14 dias',
  usage_drop: 'Uso caiu mais de 50% no último mês',
  unanswered_emails: 'Sem resposta aos últimos 3 e-mails',
  stale_ticket: 'Ticket de suporte sem resolução há mais de 7 dias',
  low_capacity_usage: 'Uso abaixo de 50% da capacidade',
  no_executive_engagement: 'Sem contato com executivo há mais de 30 dias',
  renewal_soon: 'Renovação do contrato em até 60 dias',
  ticket_surge: 'Abriu 5 ou mais tickets de suporte em 30 dias',
  nps_drop: 'NPS caiu 2 pontos ou mais',
  main_contact_left: 'Contato principal saiu da empresa',
} as const;

const DIRECTION = { raises: 'aumenta o risco', lowers: 'reduz o risco', neutral: 'neutro' } as const;
const PLAN = { pro: 'Pro', enterprise: 'Enterprise' } as const;
const TIER = { starter: 'Starter', pro: 'Pro' } as const;
const ADOPTION = ' e propor treinamento para aumentar adoção.';

const PLAYBOOK_NAMES = {
  'risco-critico': 'Risco crítico de churn',
  'cliente-em-risco': 'Cliente em risco',
  'contato-principal-saiu': 'Contato principal saiu',
} as const;
const PLAYBOOK_TASKS = {
  'ligacao-emergencia': {
    title: 'Ligação de emergência em 24 h',
    description: 'Ligar para o decisor: entender o risco de cancelamento e combinar um plano.',
  },
  'treinamento-gratuito': {
    title: 'Oferecer treinamento gratuito',
    description: 'Sessão de treinamento gratuita para reengajar o time do cliente.',
  },
  'agendar-qbr': {
    title: 'Agendar QBR com o decisor',
    description: 'Revisão trimestral antes da renovação: demonstrar ROI e propor treinamento.',
  },
  'novo-contato': {
    title: 'Apresentar-se ao novo contato principal',
    description: 'Refazer o onboarding executivo e mapear novos champions.',
  },
} as const;

export const ptBR: DomainTextResources = {
  intlLocale: 'pt-BR',
  factorNames: {
    loginFrequency: 'Frequência de login',
    featureAdoption: 'Adoção de funcionalidades',
    seatUtilization: 'Usuários ativos vs licenças',
    keyFeatureUsage: 'Uso das funcionalidades-chave',
    emailResponseRate: 'Taxa de resposta a e-mails',
    meetingParticipation: 'Participação em reuniões',
    netPromoterScore: 'NPS',
    communityActivity: 'Atividade na comunidade',
    ticketVolume: 'Volume de tickets',
    resolutionSatisfaction: 'Satisfação com a resolução (CSAT)',
    escalationRate: 'Taxa de escalonamento',
    selfServiceUsage: 'Uso de autoatendimento',
    onTimePayments: 'Pagamentos em dia',
    contractValueGrowth: 'Crescimento do valor do contrato',
    paymentReliability: 'Confiabilidade do meio de pagamento',
    upsellPotential: 'Potencial de upsell',
    referralActivity: 'Indicações',
    expansionConversations: 'Conversas de expansão',
  },
  dimensionNames: {
    productUsage: 'Uso do produto',
    engagement: 'Engajamento',
    support: 'Suporte',
    payment: 'Pagamento',
    growth: 'Crescimento',
  },
  messages: {
    text: (p) => p.text,

    'factor.loginFrequency': (p, t) => `Login em ${t.number(p.days)} dos últimos 30 dias`,
    'factor.featureAdoption': (p, t) =>
      `${t.number(p.adopted)} de ${t.number(p.available)} funcionalidades adotadas (${t.percent(p.percent)})`,
    'factor.featureAdoptionShare': (p, t) => `${t.percent(p.percent)} das funcionalidades do plano adotadas`,
    'factor.seatUtilization': (p, t) =>
      `${t.count(p.active, 'usuário ativo', 'usuários ativos')} de ${t.count(p.seats, 'licença', 'licenças')} (${t.percent(p.percent)})`,
    'factor.keyFeatureUsage': (p, t) =>
      `${t.number(p.used)} de ${t.number(p.total)} funcionalidades-chave usadas nos últimos 30 dias`,
    'factor.emailResponseRate': (p, t) =>
      `Respondeu ${t.number(p.replied)} de ${t.count(p.sent, 'e-mail', 'e-mails')} (90 dias)`,
    'factor.emailResponseShare': (p, t) => `Respondeu ${t.percent(p.percent)} dos e-mails (90 dias)`,
    'factor.meetingParticipation': (p, t) =>
      `Participou de ${t.number(p.attended)} de ${t.count(p.scheduled, 'reunião agendada', 'reuniões agendadas')} (90 dias)`,
    'factor.meetingParticipationShare': (p, t) =>
      `Participou de ${t.percent(p.percent)} das reuniões agendadas (90 dias)`,
    'factor.netPromoterScore': (p, t) => `Última nota NPS: ${t.number(p.score)}`,
    'factor.communityActivity': (p, t) =>
      `${t.count(p.count, 'participação', 'participações')} na comunidade (30 dias)`,
    'factor.ticketVolume': (p, t) =>
      `${t.count(p.count, 'ticket aberto', 'tickets abertos')} nos últimos 30 dias`,
    'factor.resolutionSatisfaction': (p, t) => `CSAT médio ${t.number(p.csat)}/5`,
    'factor.escalationRate': (p, t) =>
      `${t.number(p.escalated)} de ${t.count(p.tickets, 'ticket escalonado', 'tickets escalonados')} (90 dias, ${t.percent(p.percent)})`,
    'factor.selfServiceUsage': (p, t) =>
      `${t.count(p.sessions, 'consulta', 'consultas')} de autoatendimento e ${t.count(p.tickets, 'ticket', 'tickets')} em 30 dias`,
    'factor.onTimePayments': (p, t) =>
      `${t.number(p.onTime)} de ${t.count(p.invoices, 'fatura paga', 'faturas pagas')} em dia (12 meses)`,
    'factor.contractValueGrowth': (p, t) =>
      `MRR ${t.signed(p.growthPercent)}% em 12 meses (${t.money(p.beforeCents)} → ${t.money(p.nowCents)})`,
    'factor.paymentReliability': (p, t) =>
      `${t.number(p.failed)} de ${t.count(p.attempts, 'cobrança recusada', 'cobranças recusadas')} (12 meses)`,
    'factor.upsellPotential': (p, t) =>
      `Oportunidades abertas de ${t.money(p.openCents)}/mês (${t.percent(p.percent)} do MRR)`,
    'factor.referralActivity': (p, t) =>
      `${t.count(p.count, 'indicação', 'indicações')} nos últimos 12 meses`,
    'factor.expansionConversations': (p, t) =>
      `${t.count(p.count, 'conversa', 'conversas')} sobre expansão (90 dias)`,
    'factor.value': (p, t) => `${t.factorName(p.factor)}: ${t.number(p.value)}/100`,

    'risk.noLoginEver': (p, t) => `Nenhum login desde o início (cliente há ${t.number(p.tenureDays)} dias)`,
    'risk.noLogin': (p, t) => `Sem login há ${t.number(p.days)} dias`,
    'risk.usageDrop': (p, t) => `Uso caiu ${t.percent(p.percent)} no último mês`,
    'risk.unansweredEmails': (p, t) => `Sem resposta aos últimos ${t.number(p.count)} e-mails`,
    'risk.staleTicket': (p, t) => `Ticket de suporte sem resolução há ${t.number(p.days)} dias`,
    'risk.lowCapacityUsage': (p, t) =>
      `Uso abaixo de 50% da capacidade (${t.number(p.active)} de ${t.count(p.seats, 'licença', 'licenças')} em uso)`,
    'risk.noExecutiveEver': () => 'Nenhum contato com executivo registrado',
    'risk.noExecutive': (p, t) => `Sem contato com executivo há ${t.number(p.days)} dias`,
    'risk.renewalOverdue': (p, t) => `Renovação do contrato vencida há ${t.count(p.days, 'dia', 'dias')}`,
    'risk.renewalToday': () => 'Renovação do contrato hoje',
    'risk.renewalSoon': (p, t) =>
      `Renovação do contrato em ${t.count(p.days, 'dia', 'dias')} (${t.date(p.date)})`,
    'risk.ticketSurge': (p, t) => `Abriu ${t.number(p.count)} tickets de suporte em 30 dias`,
    'risk.npsDrop': (p, t) => `NPS caiu de ${t.number(p.from)} para ${t.number(p.to)}`,
    'risk.mainContactLeft': (p) => `Contato principal saiu da empresa (${p.name})`,
    'risk.threshold': (p) => RISK_THRESHOLDS[p.type],

    'churn.healthScore': (p, t) => `Health score ${t.number(p.score)} (${DIRECTION[p.direction]})`,
    'churn.usageStable': (p) => `Uso estável no último mês (${DIRECTION[p.direction]})`,
    'churn.usageFell': (p, t) => `Uso caiu ${t.percent(p.percent)} no último mês (${DIRECTION[p.direction]})`,
    'churn.usageRose': (p, t) =>
      `Uso subiu ${t.percent(p.percent)} no último mês (${DIRECTION[p.direction]})`,
    'churn.neverLoggedIn': (p) => `Nenhum login registrado (${DIRECTION[p.direction]})`,
    'churn.loggedInToday': (p) => `Login hoje (${DIRECTION[p.direction]})`,
    'churn.lastLogin': (p, t) =>
      `Último login há ${t.count(p.days, 'dia', 'dias')} (${DIRECTION[p.direction]})`,
    'churn.tickets': (p, t) =>
      `${t.count(p.count, 'ticket', 'tickets')} nos últimos 30 dias (${DIRECTION[p.direction]})`,
    'churn.npsUnanswered': (p) => `NPS não respondido (${DIRECTION[p.direction]})`,
    'churn.nps': (p, t) => `NPS ${t.number(p.score)} (${DIRECTION[p.direction]})`,
    'churn.tenure': (p, t) => `Cliente há ${t.count(p.months, 'mês', 'meses')} (${DIRECTION[p.direction]})`,
    'churn.latePayments': (p, t) =>
      `${t.count(p.count, 'pagamento atrasado', 'pagamentos atrasados')} em 12 meses (${DIRECTION[p.direction]})`,

    'change.factor': (p, t) => {
      const show = (v: number | null) => (v === null ? 'sem dados' : t.number(v));
      return `${t.factorName(p.factor)}: ${show(p.before)} → ${show(p.after)} (${t.signed(p.impact)} pts no score)`;
    },
    'change.rules': (p, t) =>
      `Regras configuradas em ${t.dimensionName(p.dimension)}: ${t.signed(p.before, 0)} → ${t.signed(p.after, 0)} pontos (${t.signed(p.impact)} pts no score)`,
    'change.rounding': (p, t) => `Arredondamento e limites 0–100 (${t.signed(p.impact)} pts no score)`,
    'change.noPrevious': () => 'Sem score anterior para comparar.',
    'change.stable': (p, t) => `Score estável em ${t.number(p.score)}.`,
    'change.summary': (p, t) => {
      const head =
        p.after === p.before
          ? `Score estável em ${t.number(p.after)}`
          : `Score ${p.after > p.before ? 'subiu' : 'caiu'} de ${t.number(p.before)} para ${t.number(p.after)}`;
      return p.causes.length
        ? `${head}. Principais causas: ${p.causes.map((c) => t.render(c)).join('; ')}.`
        : `${head}.`;
    },

    'rec.none': () => 'Nenhum fator de risco ativo. Manter a cadência normal de acompanhamento.',
    'rec.reengageCritical': () =>
      'Agendar call de emergência. Cliente pode estar considerando cancelamento. Oferecer sessão de treinamento gratuita para reengajamento.',
    'rec.reengageFollowUp': () =>
      'Agendar call de acompanhamento para entender a queda de uso e oferecer treinamento para reengajamento.',
    'rec.reengageUnansweredEmails': (p, t) =>
      p.count === null
        ? 'Trocar de canal e ligar para o contato principal (sem resposta aos últimos e-mails).'
        : `Trocar de canal e ligar para o contato principal (sem resposta aos últimos ${t.number(p.count)} e-mails).`,
    'rec.valueQbr': (p) =>
      `Agendar QBR com decisor antes do renewal. Focar em demonstrar ROI${p.adoption ? ADOPTION : '.'}`,
    'rec.valueDecisionMaker': (p) =>
      `Agendar reunião com o decisor para demonstrar ROI${p.adoption ? ADOPTION : '.'}`,
    'rec.valueRenewal': () =>
      'Preparar a renovação com antecedência: revisar os resultados entregues e confirmar o interesse do cliente.',
    'rec.valueAdoption': () => 'Propor treinamento para aumentar a adoção e ativar as licenças ociosas.',
    'rec.relationshipNewContact': (p, t) =>
      `Apresentar-se ao novo contato principal e reconstruir o relacionamento${
        p.npsFrom !== null && p.npsTo !== null
          ? `, entendendo a queda do NPS (de ${t.number(p.npsFrom)} para ${t.number(p.npsTo)})`
          : ''
      }.`,
    'rec.relationshipNps': (p, t) =>
      `Ligar para entender a queda do NPS${
        p.npsFrom !== null && p.npsTo !== null ? ` (de ${t.number(p.npsFrom)} para ${t.number(p.npsTo)})` : ''
      } e tratar os pontos de insatisfação.`,
    'rec.support': (p, t) =>
      'Revisar os tickets de suporte com o time técnico' +
      (p.staleDays !== null ? ` e resolver o ticket parado há ${t.number(p.staleDays)} dias` : '') +
      (p.surge ? ' para reduzir o volume de chamados' : '') +
      '.',
    'rec.proposeSeats': (p, t) =>
      `Propor ${t.number(p.seats)} licenças adicionais (${t.money(p.valueCents)}/mês).`,
    'rec.advocacy': () => 'Solicitar um case study e convidar para o programa de indicação.',

    'action.callMainContact.title': () => 'Ligar para o contato principal',
    'action.callMainContact.description': () =>
      'O cliente não responde aos e-mails: trocar de canal e confirmar se a mensagem está chegando.',
    'action.callNow.title': () => 'Ligar agora',
    'action.callNow.description': () => 'Call para entender a queda de uso e o risco de cancelamento.',
    'action.callCustomer.title': () => 'Ligar para o cliente',
    'action.callCustomer.description': () => 'Call para entender a queda de uso e o risco de cancelamento.',
    'action.reengagementEmail.title': () => 'Enviar e-mail de reengajamento',
    'action.reengagementEmail.description': () =>
      'Mostrar resultados recentes e novidades e convidar para uma sessão de treinamento.',
    'action.freeTraining.title': () => 'Oferecer treinamento gratuito',
    'action.freeTraining.description': () =>
      'Sessão de treinamento gratuita para a equipe do cliente voltar a usar a plataforma.',
    'action.qbrDecisionMaker.title': () => 'Agendar QBR com o decisor',
    'action.qbrDecisionMaker.description': () =>
      'Revisão com o decisor antes da renovação: resultados, ROI e próximos passos.',
    'action.meetDecisionMaker.title': () => 'Agendar reunião com o decisor',
    'action.meetDecisionMaker.description': () => 'Reunião com o decisor: resultados, ROI e próximos passos.',
    'action.roiReport.title': () => 'Gerar relatório de ROI',
    'action.roiReport.description': () => 'Consolidar os resultados entregues para apresentar ao decisor.',
    'action.adoptionTraining.title': () => 'Propor treinamento de adoção',
    'action.adoptionTraining.description': () => 'Treinar os usuários e ativar as licenças ociosas.',
    'action.renewalTerms.title': () => 'Avaliar condição comercial na renovação',
    'action.renewalTerms.description': () =>
      'Considerar desconto ou condição especial vinculada à renovação.',
    'action.callNewContact.title': () => 'Ligar para o novo contato',
    'action.callNewContact.description': () =>
      'Apresentar-se, entender as prioridades e reconstruir o relacionamento.',
    'action.callNpsDrop.title': () => 'Ligar para entender a queda do NPS',
    'action.callNpsDrop.description': () =>
      'Ouvir os motivos da nota e combinar um plano para os pontos de insatisfação.',
    'action.reviewTickets.title': () => 'Revisar tickets com o suporte',
    'action.reviewTickets.description': () =>
      'Revisar os tickets abertos, priorizar os parados e tratar a causa raiz.',
    'action.followUpTask.title': () => 'Criar tarefa de acompanhamento',
    'action.followUpTask.description': () =>
      'Registrar o plano de ação e revisar o risco deste cliente em 7 dias.',

    'riskAlert.title': (p) => (p.level === 'critical' ? 'Risco de churn crítico' : 'Cliente em risco'),
    'riskAlert.description': (p, t) =>
      `Risk score ${t.number(p.riskScore)}: ${p.factors.map((f) => t.render(f)).join('; ')}.`,
    'expansion.seatTitle': () => 'Expansão de licenças',
    'expansion.seatUsage': (p, t) =>
      `Cliente utilizando ${t.percent(p.percent)} das licenças (${t.number(p.active)} de ${t.number(p.seats)}).`,
    'expansion.seatDescription': (p, t) =>
      `Cliente utilizando ${t.percent(p.percent)} das licenças (${t.number(p.active)} de ${t.number(p.seats)}). ` +
      `Sugestão: +${t.count(p.extraSeats, 'licença', 'licenças')} para voltar a ${t.percent(p.targetPercent)} de uso, ` +
      `a ${t.money(p.pricePerSeatCents)} por licença${p.pricedFromMrr ? ' (MRR ÷ licenças)' : ''}.`,
    'expansion.upsellTitle': (p) => `Upgrade para ${PLAN[p.plan]}`,
    'expansion.upsellDescription': (p, t) =>
      `Cliente ${TIER[p.tier]} usa ${t.number(p.adopted)} de ${t.number(p.available)} funcionalidades do plano ` +
      `(${t.percent(p.percent)}): pronto para o plano ${PLAN[p.plan]}. ` +
      `Acréscimo estimado de ${t.money(p.valueCents)}/mês.`,
    'expansion.crossSellTitle': (p) => `Cross-sell: ${p.need}`,
    'expansion.crossSellDescription': (p, t) =>
      `Cliente mencionou ${p.interest ? 'interesse em ' : ''}${p.need}: "${p.quote}" ` +
      `(${t.date(p.date)}${p.activities > 1 ? `; em ${t.number(p.activities)} atividades` : ''}). ` +
      `Potencial estimado: ${t.money(p.valueCents)}/mês.`,
    'insight.advocacyTitle': () => 'Candidato a advocacy',
    'insight.advocacyDescription': (p, t) =>
      `NPS ${t.number(p.nps)}, Health Score ${t.number(p.health)}, cliente há ${t.count(p.months, 'mês', 'meses')}. ` +
      'Ideal para: case study, programa de indicação, beta testing.',
    'insight.advocacyCta': () => 'Solicitar case study',
    'insight.lowAdoptionTitle': () => 'Baixa adoção de funcionalidades',
    'insight.lowAdoptionDescription': (p, t) =>
      `Cliente usa ${t.number(p.adopted)} de ${t.number(p.available)} funcionalidades do plano ` +
      `(${t.percent(p.percent)}) após ${t.count(p.months, 'mês', 'meses')}. ` +
      'Propor treinamento das funcionalidades não utilizadas.',
    'insight.lowAdoptionCta': () => 'Agendar treinamento',
    'playbook.name': (p) => PLAYBOOK_NAMES[p.playbook],
    'playbook.taskTitle': (p) => PLAYBOOK_TASKS[p.task].title,
    'playbook.taskDescription': (p) => PLAYBOOK_TASKS[p.task].description,
    'outlook.increaseBudget': (p, t) =>
      `Aumentar o budget em ${t.percent(p.percent)} para maximizar o momentum: ` +
      `o ROI projetado é de ${t.percent(p.roiPercent)}.`,
    'outlook.keepBudget': (p, t) =>
      `Manter o budget e concentrar o investimento nas campanhas de melhor retorno ` +
      `(ROI projetado de ${t.percent(p.roiPercent)}).`,
    'outlook.reviewCampaigns': (p, t) =>
      `Revisar as campanhas com seu gerente de conta antes de investir mais: ` +
      `o ROI projetado é de ${t.percent(p.roiPercent)}.`,
    'outlook.noInvestment': () =>
      'Sem investimento em mídia neste mês: fale com seu gerente de conta para planejar campanhas.',

    join: (p, t) => p.parts.map((part) => t.render(part)).join(' '),
  },
};
