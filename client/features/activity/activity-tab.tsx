import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Activity } from '../../../shared/entities/csm.ts';
import { useLiveDocuments } from '../../db/device-data.tsx';
import { usePendingIds } from '../../db/pending-writes.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { useTaskText } from '../tasks/use-task-text.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { PAGE_SIZE, TIMELINE_FILTERS, timelineQuery, type TimelineFilter } from './activity-log.ts';
import { QuickLog } from './quick-log.tsx';
import styles from './activity.module.css';

/**
 * The Customer 360's Activity tab, mounted by the 360 shell at `/clientes/:id/atividades`: the quick log, then
 * the customer's timeline (calls, e-mails, meetings, notes, NPS answers, tickets and the rest), newest first,
 * filtered by type and paged ("load more"), read live from the device database. An activity the server has
 * not acknowledged yet carries the pending marker.
 */
export function ActivityTab({ customer: { id: customerId } }: { customer: Pick<Customer, 'id'> }) {
  const { t } = useTranslation('activity');
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [pages, setPages] = useState(1);
  const query = useMemo(() => timelineQuery(customerId, filter, pages), [customerId, filter, pages]);
  const timeline = useLiveDocuments('activities', query);
  const pending = usePendingIds('activities');
  const shown = timeline.docs.slice(0, pages * PAGE_SIZE);
  const hasMore = timeline.docs.length > shown.length;

  return (
    <div className={styles.tab}>
      <QuickLog customerId={customerId} headingLevel={3} />
      <section aria-labelledby="activity-timeline" className={styles.timelineSection}>
        <h3 id="activity-timeline" className={styles.title}>
          {t('tab.heading')}
        </h3>
        <fieldset className={styles.chipGroup}>
          <legend className={styles.legend}>{t('tab.filter')}</legend>
          <div className={styles.chips}>
            {TIMELINE_FILTERS.map((option) => (
              <label key={option} className={styles.chip}>
                <input
                  type="radio"
                  name="activity-filter"
                  value={option}
                  checked={filter === option}
                  onChange={() => {
                    setFilter(option);
                    setPages(1);
                  }}
                />
                <span>{t(`filter.${option}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {!timeline.ready ? (
          <p role="status" className={styles.muted}>
            {t('tab.loading')}
          </p>
        ) : shown.length === 0 ? (
          filter === 'all' ? (
            <EmptyState icon={<InboxIcon />} title={t('tab.emptyTitle')} headingLevel={3}>
              {t('tab.emptyBody')}
            </EmptyState>
          ) : (
            <EmptyState icon={<InboxIcon />} title={t('tab.emptyFilteredTitle')} headingLevel={3}>
              {t('tab.emptyFilteredBody')}
            </EmptyState>
          )
        ) : (
          <ol className={styles.timeline} aria-label={t('tab.listLabel')}>
            {shown.map((a) => (
              <TimelineEntry key={a.id} activity={a} pending={pending.has(a.id) || a.serverSeq === 0} />
            ))}
          </ol>
        )}
        {hasMore ? (
          <div>
            <Button variant="secondary" onClick={() => setPages((p) => p + 1)}>
              {t('tab.loadMore')}
            </Button>
          </div>
        ) : null}
      </section>
    </div>
  );
}

function TimelineEntry({ activity, pending }: { activity: Activity; pending: boolean }) {
  const { t } = useTranslation('activity');
  const format = useFormat();
  const now = useNow();
  const { metadata } = activity;
  const details: string[] = [
    typeof metadata.npsScore === 'number' ? t('tab.npsScore', { score: metadata.npsScore }) : null,
    typeof metadata.rating === 'number' ? t('tab.rating', { rating: format.number(metadata.rating) }) : null,
    typeof metadata.durationMinutes === 'number'
      ? t('tab.duration', { minutes: metadata.durationMinutes })
      : null,
  ].filter((d) => d !== null);
  const when = format.relative(activity.occurredAt, now);
  const text = useTaskText()(activity);
  return (
    <li className={styles.entry} data-type={activity.type}>
      <span className={styles.typeBadge}>{t(`type.${activity.type}`)}</span>
      <div className={styles.entryBody}>
        <p className={styles.entryTitle}>{text.title}</p>
        {text.description && text.description !== text.title ? (
          <p className={styles.entryText}>{text.description}</p>
        ) : null}
        <p className={styles.muted}>
          <time dateTime={activity.occurredAt} title={format.dateTime(activity.occurredAt)}>
            {activity.performedByName ? t('tab.by', { name: activity.performedByName, when }) : when}
          </time>
          {details.length > 0 ? ` · ${details.join(' · ')}` : null}
          {pending ? <span className={styles.pending}>{t('tab.pending')}</span> : null}
        </p>
      </div>
    </li>
  );
}
