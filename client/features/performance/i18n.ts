/**
 * Strings of the client's performance screen (i18next namespace `performance`). pt-BR is the source of the key
 * set; the English resource is typed against it. Numbers, money and dates are formatted by useFormat; the
 * recommendation sentence is domain text (shared/domain-text/), not a string here.
 */
export const performancePtBR = {
  // The bottom bar's cell is 72 px wide at 360 px: a short word (the page keeps its title, "Desempenho").
  page: {
    title: 'Desempenho',
    description: 'Visitas, conversões, receita e leads do seu site — disponíveis mesmo offline.',
    loading: 'Carregando o desempenho deste aparelho…',
    deviceError:
      'Não foi possível abrir os dados salvos neste aparelho. Recarregue a página para tentar de novo.',
    emptyTitle: 'Ainda não há métricas',
    emptyBody:
      'As métricas do seu site aparecem aqui depois da primeira sincronização. A partir daí, você pode consultá-las mesmo sem internet.',
  },
  range: {
    label: 'Período',
    '30d': '30 dias',
    '90d': '90 dias',
    '12m': '12 meses',
    previous_30d: 'vs 30 dias anteriores',
    previous_90d: 'vs 90 dias anteriores',
    previous_12m: 'vs 12 meses anteriores',
  },
  charts: {
    heading: 'Evolução',
    sessions: 'Sessões',
    conversions: 'Conversões',
    revenueCents: 'Receita',
    leads: 'Leads',
    noPrevious: 'sem período anterior para comparar',
    noData: 'Sem dados neste período.',
    caption: '{{measure}} por {{unit}}, {{range}}',
    unit_day: 'dia',
    unit_month: 'mês',
    dateHeader: 'Data',
    monthHeader: 'Mês',
  },
  live: {
    heading: 'Ao vivo',
    visitorsNow: 'visitantes ativos',
    conversions2h: 'conversões nas últimas 2h',
    conversionRate: 'Taxa de conversão',
    rateChangeUp: '↑ {{points}} p.p. vs mês anterior',
    rateChangeDown: '↓ {{points}} p.p. vs mês anterior',
    rateChangeFlat: 'igual ao mês anterior',
    rateChangeNone: 'sem mês anterior para comparar',
    updatedAt: 'atualizado às {{time}}',
    connecting: 'Conectando ao painel ao vivo…',
    offline: 'Offline: mostrando os últimos valores recebidos.',
    never: 'O painel ao vivo aparece quando este aparelho estiver online.',
    noData: 'Sem dados',
  },
  benchmark: {
    heading: 'Você vs indústria',
    description: 'Mês atual até hoje, comparado com a média do setor.',
    conversionRate: 'Taxa de conversão',
    costPerLead: 'Custo por lead',
    bounceRate: 'Taxa de rejeição',
    versus: '{{you}} vs {{industry}}',
    you: 'Você',
    industry: 'Indústria',
    better: 'Melhor que a indústria',
    worse: 'Abaixo da indústria',
    equal: 'Igual à indústria',
    no_data: 'Sem dados neste mês',
    summary_one: '{{count}} de 3 indicadores melhor que a indústria',
    summary_other: '{{count}} de 3 indicadores melhores que a indústria',
  },
  outlook: {
    heading: 'Projeção do mês',
    pace: 'Se mantiver o ritmo atual (dia {{day}} de {{days}}):',
    leads: '~{{value}} leads até o fim do mês',
    revenue: '~{{value}} de receita estimada',
    roi: 'ROI projetado: {{value}}',
    roiNone: 'ROI projetado: sem investimento em mídia',
    recommendation: 'Recomendação',
    noData: 'A projeção aparece quando houver métricas deste mês.',
  },
} as const;
