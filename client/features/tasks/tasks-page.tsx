import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MangoQuery } from 'rxdb';
import type { Activity } from '../../../shared/entities/csm.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useLiveDocuments } from '../../db/device-data.tsx';
import { usePendingIds } from '../../db/pending-writes.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ChecklistIcon } from '../../ui/icons.tsx';
import { Page } from '../../ui/page.tsx';
import { customerPath } from '../customer-360/paths.ts';
import { myTasks, type TaskView } from './tasks.ts';
import { useCompleteTask } from './use-complete-task.ts';
import { useTaskText } from './use-task-text.ts';
import styles from './tasks.module.css';

const TASKS: MangoQuery<Activity> = { selector: { type: 'task' } };

/**
 * `/tarefas` — "Minhas tarefas": the signed-in user's tasks with their due dates, overdue first, each linked to
 * its customer; "Concluir" works offline (the pending marker shows until the server has it). Reads only the
 * device database; tasks created from an alert (at-risk page, playbooks) appear as soon as they are written.
 */
export function TasksPage() {
  const { t } = useTranslation('tasks');
  const { user } = useSession();
  const now = useNow();
  const tasks = useLiveDocuments('activities', TASKS);
  const customers = useLiveDocuments('customers');
  const names = useMemo(() => new Map(customers.docs.map((c) => [c.id, c.name])), [customers.docs]);
  const mine = useMemo(() => myTasks(tasks.docs, user?.id ?? '', now), [tasks.docs, user?.id, now]);
  const ready = tasks.ready && customers.ready;
  const format = useFormat();
  const pending = usePendingIds('activities');
  const textOf = useTaskText();
  return (
    <Page title={t('title')} description={t('description')}>
      {!ready ? (
        <p role="status" className={styles.muted} aria-busy="true">
          {t('loading')}
        </p>
      ) : mine.open.length === 0 && mine.done.length === 0 ? (
        <EmptyState icon={<ChecklistIcon />} title={t('emptyTitle')}>
          {t('emptyBody')}
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="tasks-open" className={styles.section}>
            <h2 id="tasks-open" className={styles.heading}>
              {t('openHeading')}{' '}
              {mine.overdue > 0 ? (
                <span className={styles.overdueCount}>{t('overdue', { count: mine.overdue })}</span>
              ) : null}
            </h2>
            {mine.open.length === 0 ? (
              <p className={styles.muted}>{t('emptyTitle')}</p>
            ) : (
              <ul className={styles.list} aria-label={t('openLabel')}>
                {mine.open.map((view) => (
                  <TaskRow
                    key={view.task.id}
                    view={view}
                    customer={names.get(view.task.customerId) ?? null}
                  />
                ))}
              </ul>
            )}
          </section>
          {mine.done.length > 0 ? (
            <section aria-labelledby="tasks-done" className={styles.section}>
              <h2 id="tasks-done" className={styles.heading}>
                {t('doneHeading')}
              </h2>
              <ul className={styles.list}>
                {mine.done.map((task) => (
                  <li key={task.id} className={styles.item} data-done="">
                    <span className={styles.title}>{textOf(task).title}</span>
                    {pending.has(task.id) ? <span className={styles.pending}>{t('pending')}</span> : null}
                    <span className={styles.muted}>
                      {names.get(task.customerId) ?? t('unknownCustomer')} ·{' '}
                      {t('doneAt', { when: format.relative(task.completedAt ?? task.occurredAt, now) })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}

function TaskRow({ view, customer }: { view: TaskView; customer: string | null }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const completeTask = useCompleteTask();
  const pending = usePendingIds('activities');
  const [message, setMessage] = useState<string | null>(null);
  const { task, overdue } = view;
  const text = useTaskText()(task);
  const complete = async () => {
    const result = await completeTask(task);
    if (result !== 'done') setMessage(t(result));
  };
  return (
    <li className={styles.item} data-overdue={overdue ? '' : undefined}>
      <div className={styles.main}>
        <span className={styles.title}>{text.title}</span>
        {overdue ? <span className={styles.badge}>{t('overdueBadge')}</span> : null}
      </div>
      <div className={styles.meta}>
        <Link to={customerPath(task.customerId)}>{customer ?? t('unknownCustomer')}</Link>
        <span>{task.dueAt ? t('due', { date: format.dateTime(task.dueAt) }) : t('noDue')}</span>
        {task.signalId ? <span>{t('fromAlert')}</span> : null}
        {pending.has(task.id) ? <span className={styles.pending}>{t('pending')}</span> : null}
      </div>
      {text.description ? <p className={styles.description}>{text.description}</p> : null}
      <div>
        <Button onClick={() => void complete()} aria-label={t('completeLabel', { title: text.title })}>
          {t('complete')}
        </Button>
      </div>
      {message ? (
        <p role="status" className={styles.muted}>
          {message}
        </p>
      ) : null}
    </li>
  );
}
