import type { TranslationShape } from '../../i18n/resources/pt-br.ts';

/** Strings of the client's goals screen (i18next namespace `goals`); English typed against pt-BR. */
export const goalsPtBR = {
  nav: { goals: 'Metas' },
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

export const goalsEn: TranslationShape<typeof goalsPtBR> = {
  nav: { goals: 'Goals' },
  page: {
    title: 'Goals',
    description: 'Each goal’s progress, its pace and where it ends if the pace holds.',
    current: 'In progress',
    past: 'Earlier goals',
    period: '{{start}} to {{end}}',
    emptyTitle: 'No goals yet',
    emptyBody: 'Your account manager sets goals with you; they show up here with their daily progress.',
    loading: 'Loading your goals…',
    expected: 'Expected by today: {{value}}',
    perDay: 'To reach it: {{value}} a day',
    final: 'Result: {{value}} of {{target}}',
  },
};
