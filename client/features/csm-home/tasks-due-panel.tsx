import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePendingIds } from '../../db/pending-writes.ts';
import { useFormat } from '../../platform/use-format.ts';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ChecklistIcon } from '../../ui/icons.tsx';
import { customerPath } from '../customer-360/paths.ts';
import { taskPaths } from '../tasks/paths.ts';
import { useCompleteTask } from '../tasks/use-complete-task.ts';
import { useTaskText } from '../tasks/use-task-text.ts';
import type { DueTask, TasksDue } from './tasks-due.ts';
import styles from './csm-home.module.css';

/**
 * The home's "tasks due" panel: overdue first, then today and the next 7 days (`tasksDue`), each with its
 * customer and a one-tap "Concluir" that works offline (the row leaves the list once stored; the status line
 * says so, and the shell's sync state shows it is waiting to be sent). "Ver todas" opens `/tarefas`.
 */
export function TasksDuePanel({
  due,
  customerNames,
}: {
  due: TasksDue;
  customerNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation('csmHome');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className={`${styles.panel} ${styles.wide}`} aria-labelledby="csm-home-tasks">
      <h2 id="csm-home-tasks" className={styles.panelTitle}>
        {t('tasks.heading')}
      </h2>
      {due.items.length === 0 ? (
        <EmptyState icon={<ChecklistIcon />} title={t('tasks.emptyTitle')} headingLevel={3}>
          {t('tasks.emptyBody')}
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label={t('tasks.listLabel')}>
          {due.items.map((item) => (
            <TaskDueRow
              key={item.task.id}
              item={item}
              customer={customerNames.get(item.task.customerId) ?? null}
              onMessage={setMessage}
            />
          ))}
        </ul>
      )}
      <p role="status" className={styles.statusLine}>
        {message}
      </p>
      {due.later > 0 ? <p className={styles.muted}>{t('tasks.later', { count: due.later })}</p> : null}
      <ButtonLink to={taskPaths.mine} className={styles.more}>
        {t('tasks.viewAll')}
      </ButtonLink>
    </section>
  );
}

function TaskDueRow({
  item,
  customer,
  onMessage,
}: {
  item: DueTask;
  customer: string | null;
  onMessage: (message: string) => void;
}) {
  const { t } = useTranslation('csmHome');
  const format = useFormat();
  const completeTask = useCompleteTask();
  const pending = usePendingIds('activities');
  const { task, bucket } = item;
  const { title } = useTaskText()(task);
  const complete = async () => {
    const result = await completeTask(task);
    onMessage(result === 'done' ? t('tasks.done', { title }) : t(`tasks.${result}`));
  };
  return (
    <li className={styles.item} data-bucket={bucket}>
      <div className={styles.itemMain}>
        <span className={styles.name}>{title}</span>
        <span className={styles.badge} data-bucket={bucket}>
          {t(`tasks.bucket.${bucket}`)}
        </span>
      </div>
      <div className={styles.itemMeta}>
        <Link to={customerPath(task.customerId)}>{customer ?? t('tasks.unknownCustomer')}</Link>
        {task.dueAt ? <span>{t('tasks.due', { date: format.dateTime(task.dueAt) })}</span> : null}
        {pending.has(task.id) ? <span className={styles.pending}>{t('tasks.pending')}</span> : null}
      </div>
      <div>
        <Button onClick={() => void complete()} aria-label={t('tasks.completeLabel', { title })}>
          {t('tasks.complete')}
        </Button>
      </div>
    </li>
  );
}
