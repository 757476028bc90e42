import type { TranslationShape } from '../../i18n/resources/pt-br.ts';
import type { achievementsPtBR } from './i18n.ts';

/** English, loaded when the app switches to it (client/app/i18n.ts); typed against pt-BR in ./i18n.ts. */
export const achievementsEn: TranslationShape<typeof achievementsPtBR> = {
  page: {
    title: 'Achievements',
    description:
      'Your visit streak, your badges and your level. They show at once; the server confirms them.',
    loading: 'Loading your achievements…',
    emptyTitle: 'Your achievements show up here',
    emptyBody: 'After the first sync your visit streak, badges and XP are available even offline.',
  },
  streak: {
    heading: 'Visit streak',
    days_one: '{{count}} day in a row',
    days_other: '{{count}} days in a row',
    none: 'Visit the portal on consecutive days to start a streak.',
    atRisk: 'Visit today to keep your streak.',
    visitedToday: 'Today’s visit is recorded.',
    longest: 'Record: {{count}} days',
    week: 'Last 7 days',
    visited: '{{date}}: visited',
    missed: '{{date}}: no visit',
  },
  level: {
    heading: 'Level and XP',
    level: 'Level {{level}} · {{name}}',
    xp: '{{xp}} XP',
    toNext: '{{xp}} XP to level {{level}}',
    top: 'Top level reached',
    meter: 'Progress in the level: {{percent}}%',
    names: {
      '1': 'Beginner',
      '2': 'Explorer',
      '3': 'Engaged',
      '4': 'Strategist',
      '5': 'Specialist',
      '6': 'Master',
      '7': 'Legend',
    },
  },
  badges: {
    heading: 'Badges',
    earned: 'Earned on {{date}}',
    pending: 'Awaiting the server’s confirmation',
    progress: '{{current}} of {{target}}',
    meter: '{{name}}: {{current}} of {{target}}',
    share: 'Share',
    shareLabel: 'Share: {{name}}',
    shareText: 'I earned the {{icon}} {{name}} badge on Arco!',
    shareSummary: 'Share summary',
    summaryText: 'Level {{level}} on Arco, {{xp}} XP and a {{count}}-day visit streak.',
    copied: 'Link copied.',
    shareFailed: 'Could not share. Copy the page’s address.',
    items: {
      streak_7: { name: '7-day streak', description: '7 days in a row visiting' },
      meta_batida: { name: 'Goal Crusher', description: 'Reached 100% of a monthly goal' },
      precisao_total: {
        name: 'Sharp Shooter',
        description: 'Conversion rate above the industry for a month',
      },
      estudante: { name: 'Student', description: 'Read 10 articles' },
      relampago: { name: 'Lightning', description: 'Completed 5 quick wins in 1 day' },
      vip: { name: 'VIP', description: 'Customer for 12 months' },
    },
  },
};
