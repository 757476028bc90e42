import type { TranslationShape } from '../../i18n/resources/pt-br.ts';
import type { goalsPtBR } from './i18n.ts';

/** English, loaded when the app switches to it (client/app/i18n.ts); typed against pt-BR in ./i18n.ts. */
export const goalsEn: TranslationShape<typeof goalsPtBR> = {
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
