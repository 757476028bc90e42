import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { goalPacing } from '../../../shared/domain/portal/goals.ts';
import { goalOutlook } from '../../../shared/domain/portal/home-summary.ts';
import { localDateOf } from '../../../shared/domain/portal/time.ts';
import type { Goal } from '../../../shared/entities/portal.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { CompassIcon } from '../../ui/icons.tsx';
import { Page } from '../../ui/page.tsx';
import card from '../../ui/card.module.css';
import { goalsRunningOn } from '../portal-home/home-summary.ts';
import { GoalRow, useGoalValue } from '../portal-home/summary-cards.tsx';
import { useMyGoals } from '../portal-home/use-portal-documents.ts';
import skeleton from '../portal-home/portal-home.module.css';

/**
 * `/inicio/metas` — every goal of the client's company from the device database (offline), with the shared
 * rules' pacing (expected by today, daily pace still needed) and outlook (projected end); then the goals that
 * already ended, with their result.
 */
export function GoalsPage() {
  const { t } = useTranslation('goals');
  const now = useNow();
  const format = useFormat();
  const goals = useMyGoals();
  const today = localDateOf(now.getTime(), format.timeZone);
  const { current, past } = useMemo(() => {
    const running = goalsRunningOn(goals.value, today);
    const ended = goals.value
      .filter((g) => g.endDate < today)
      .sort((a, b) =>
        a.endDate < b.endDate ? 1 : a.endDate > b.endDate ? -1 : a.title.localeCompare(b.title),
      );
    return { current: running, past: ended };
  }, [goals.value, today]);

  return (
    <Page title={t('page.title')} description={t('page.description')}>
      {!goals.ready ? (
        <>
          <p role="status" className={card.muted}>
            {t('page.loading')}
          </p>
          <div className={skeleton.skeleton} aria-hidden="true">
            <div className={skeleton.skeletonBlock} />
            <div className={skeleton.skeletonBlock} />
          </div>
        </>
      ) : goals.value.length === 0 ? (
        <EmptyState icon={<CompassIcon />} title={t('page.emptyTitle')}>
          {t('page.emptyBody')}
        </EmptyState>
      ) : (
        <div className={card.grid}>
          {current.length > 0 ? (
            <GoalSection title={t('page.current')} goals={current} today={today} />
          ) : null}
          {past.length > 0 ? <GoalSection title={t('page.past')} goals={past} today={today} /> : null}
        </div>
      )}
    </Page>
  );
}

function GoalSection({ title, goals, today }: { title: string; goals: readonly Goal[]; today: string }) {
  const headingId = useId();
  return (
    <section className={`${card.card} ${skeleton.fullRow}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={card.cardTitle}>
        {title}
      </h2>
      <ul className={skeleton.goalList} aria-label={title}>
        {goals.map((goal) => (
          <li key={goal.id}>
            <GoalDetails goal={goal} today={today} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function GoalDetails({ goal, today }: { goal: Goal; today: string }) {
  const { t } = useTranslation('goals');
  const format = useFormat();
  const value = useGoalValue();
  const outlook = goalOutlook({ goal, asOf: today });
  const pacing = goalPacing({ goal, asOf: today });
  const running = goal.startDate <= today && goal.endDate >= today;
  return (
    <div className={skeleton.goal}>
      <GoalRow goal={goal} outlook={outlook} detailed />
      <p className={card.muted}>
        {t('page.period', { start: format.date(goal.startDate), end: format.date(goal.endDate) })}
      </p>
      {running && outlook.pace !== 'reached' ? (
        <p className={card.muted}>
          {t('page.expected', { value: value(goal, pacing.expectedValue) })}
          {pacing.requiredPerDay !== null
            ? ` · ${t('page.perDay', { value: value(goal, goal.unit === 'percent' ? pacing.requiredPerDay : Math.ceil(pacing.requiredPerDay)) })}`
            : ''}
        </p>
      ) : null}
      {!running ? (
        <p className={card.muted}>
          {t('page.final', { value: value(goal, goal.currentValue), target: value(goal, goal.targetValue) })}
        </p>
      ) : null}
    </div>
  );
}
