/** Strings of the client's goals screen (i18next namespace `goals`); English typed against pt-BR. */
export const goalsPtBR = {
  page: {
    title: 'Metas',
    description: 'O progresso de cada meta, o ritmo e onde ela termina se o ritmo continuar.',
    current: 'Em andamento',
    past: 'Metas anteriores',
    period: '{{start}} a {{end}}',
    emptyTitle: 'Nenhuma meta ainda',
    emptyBody: 'Seu gerente de conta combina as metas com você; elas aparecem aqui com o progresso diário.',
    loading: 'Carregando suas metas…',
    expected: 'Esperado até hoje: {{value}}',
    perDay: 'Para atingir: {{value}} por dia',
    final: 'Resultado: {{value}} de {{target}}',
  },
} as const;
