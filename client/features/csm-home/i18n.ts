import type { TranslationShape } from '../../i18n/resources/pt-br.ts';

/**
 * Strings of the CSM's home (i18next namespace `csmHome`). pt-BR is the source of the key set; the English
 * resource is typed against it. Plurals use i18next's `_one` / `_other` suffixes.
 */
export const csmHomePtBR = {
  nav: { home: 'Meu painel' },
  title: 'Meu painel',
  description: 'Seus clientes que precisam de atenção e as renovações dos próximos 90 dias.',
  loading: 'Carregando sua carteira…',
  summary: {
    label: 'Resumo da sua carteira',
    customers: 'Clientes na carteira',
    attention: 'Precisam de atenção',
    critical_one: '{{count, number}} crítico',
    critical_other: '{{count, number}} críticos',
    renewals: 'Renovações em 90 dias',
    mrrOf: '{{value}} de MRR',
  },
  attention: {
    heading: 'Clientes em risco',
    listLabel: 'Clientes em risco, mais arriscados primeiro',
    emptyTitle: 'Nenhum cliente em risco',
    emptyBody: 'Quando um cliente da sua carteira entrar em risco, ele aparece aqui com o principal motivo.',
    riskScore: 'Risco {{score}}',
    healthScore: 'Saúde {{score}}',
    viewAll: 'Ver todos os clientes em risco',
  },
  renewals: {
    heading: 'Renovações nos próximos 90 dias',
    listLabel: 'Renovações, as mais próximas primeiro',
    emptyTitle: 'Nenhuma renovação nos próximos 90 dias',
    emptyBody: 'Contratos da sua carteira com renovação em até 90 dias aparecem aqui.',
    today: 'hoje',
    inDays_one: 'em {{count, number}} dia',
    inDays_other: 'em {{count, number}} dias',
    on: '{{date}} ({{when}})',
  },
  status: { at_risk: 'Em risco', critical: 'Crítico' },
  renewalTypes: {
    auto_renew: 'Renovação automática',
    manual: 'Renovação manual',
    month_to_month: 'Mês a mês',
  },
  noPortfolioTitle: 'Nenhum cliente atribuído a você',
  noPortfolioBody: 'Quando um administrador atribuir clientes a você, eles aparecem aqui — também offline.',
} as const;

export const csmHomeEn: TranslationShape<typeof csmHomePtBR> = {
  nav: { home: 'My dashboard' },
  title: 'My dashboard',
  description: 'Your customers who need attention and the renewals of the next 90 days.',
  loading: 'Loading your portfolio…',
  summary: {
    label: 'Your portfolio at a glance',
    customers: 'Customers in portfolio',
    attention: 'Need attention',
    critical_one: '{{count, number}} critical',
    critical_other: '{{count, number}} critical',
    renewals: 'Renewals in 90 days',
    mrrOf: '{{value}} MRR',
  },
  attention: {
    heading: 'Customers at risk',
    listLabel: 'Customers at risk, riskiest first',
    emptyTitle: 'No customers at risk',
    emptyBody: 'When a customer in your portfolio becomes at risk, it shows here with the main reason.',
    riskScore: 'Risk {{score}}',
    healthScore: 'Health {{score}}',
    viewAll: 'See every customer at risk',
  },
  renewals: {
    heading: 'Renewals in the next 90 days',
    listLabel: 'Renewals, soonest first',
    emptyTitle: 'No renewals in the next 90 days',
    emptyBody: 'Contracts in your portfolio renewing within 90 days show here.',
    today: 'today',
    inDays_one: 'in {{count, number}} day',
    inDays_other: 'in {{count, number}} days',
    on: '{{date}} ({{when}})',
  },
  status: { at_risk: 'At risk', critical: 'Critical' },
  renewalTypes: {
    auto_renew: 'Automatic renewal',
    manual: 'Manual renewal',
    month_to_month: 'Month to month',
  },
  noPortfolioTitle: 'No customers assigned to you',
  noPortfolioBody: 'When an admin assigns customers to you, they show here — offline too.',
};
