import type { TranslationShape } from '../../i18n/resources/pt-br.ts';
import type { tasksPtBR } from './i18n.ts';

/** English, loaded when the app switches to it (client/app/i18n.ts); typed against pt-BR in ./i18n.ts. */
export const tasksEn: TranslationShape<typeof tasksPtBR> = {
  title: 'My tasks',
  description: 'Your tasks with due dates, overdue first — offline too.',
  loading: 'Loading your tasks…',
  openHeading: 'To do',
  openLabel: 'Tasks to do, overdue first',
  overdue_one: '{{count, number}} overdue',
  overdue_other: '{{count, number}} overdue',
  overdueBadge: 'Overdue',
  due: 'Due: {{date}}',
  noDue: 'No due date',
  fromAlert: 'From a risk alert',
  complete: 'Complete',
  completeLabel: 'Complete “{{title}}”',
  failed: 'Could not complete it. Try again.',
  notAllowed: 'Only the person responsible for the task (or an administrator) can complete it.',
  pending: 'Waiting to sync',
  doneHeading: 'Completed in the last 7 days',
  doneAt: 'Completed {{when}}',
  emptyTitle: 'No pending task',
  emptyBody: 'Tasks created from risk alerts and playbooks show up here.',
  unknownCustomer: 'Customer',
};
