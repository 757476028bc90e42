import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EngagementScore } from '../../../shared/domain/portal/engagement-score.ts';
import type { GoalOutlook, MonthImpact } from '../../../shared/domain/portal/home-summary.ts';
import type { Streak } from '../../../shared/domain/portal/streak.ts';
import type { Action, Goal } from '../../../shared/entities/portal.ts';
import { useFormat } from '../../platform/use-format.ts';
import { Button } from '../../ui/button.tsx';
import {
  AlertIcon,
  CheckCircleIcon,
  ChecklistIcon,
  ClockIcon,
  CompassIcon,
  FlameIcon,
  RefreshIcon,
  ShieldCheckIcon,
} from '../../ui/icons.tsx';
import card from '../../ui/card.module.css';
import type { CardMove as AnyMove } from './action-writes.ts';
import styles from './portal-home.module.css';

/**
 * The executive summary's cards (dashboard §1A–C): Score ARCO with the impact lines, the three action cards,
 * the month's goals and the visit streak. Presentation only: the figures arrive computed by the shared rules
 * (home-summary.ts), the writes through the callbacks.
 */

function Card({
  title,
  icon,
  children,
  wide,
}: {
  title: string;
  icon: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const headingId = useId();
  return (
    <section className={wide ? `${card.card} ${styles.fullRow}` : card.card} aria-labelledby={headingId}>
      <div className={card.cardHeader}>
        {icon}
        <h2 id={headingId} className={card.cardTitle}>
          {title}
        </h2>
      </div>
      {children}
    </section>
  );
}

// ------------------------------------------------------------------------------------ §1A Score ARCO + impact

export function ScoreCard({ score, impact }: { score: EngagementScore; impact: MonthImpact }) {
  const { t } = useTranslation('portalHome');
  const format = useFormat();
  const delta = score.trend?.delta ?? null;
  const traffic = impact.trafficChangePercent;
  return (
    <Card title={t('score.heading')} icon={<ShieldCheckIcon size={20} />}>
      {score.score === null ? (
        <p className={card.muted}>{t('score.noScore')}</p>
      ) : (
        <>
          <p className={styles.scoreLine}>
            <span className={styles.scoreValue}>{t('score.value', { score: score.score })}</span>
            {delta !== null ? (
              <span className={styles.trend} data-direction={delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat'}>
                {delta > 0
                  ? t('score.trendUp', { delta })
                  : delta < 0
                    ? t('score.trendDown', { delta: Math.abs(delta) })
                    : t('score.trendFlat')}
              </span>
            ) : null}
          </p>
          <progress
            className={styles.bar}
            max={100}
            value={score.score}
            aria-label={t('score.meter', { score: score.score })}
          />
        </>
      )}
      <h3 className={styles.subheading}>{t('score.impactHeading')}</h3>
      <ul className={styles.impactList}>
        {traffic !== null ? (
          <li>
            {traffic > 0
              ? t('score.trafficUp', { percent: format.number(traffic) })
              : traffic < 0
                ? t('score.trafficDown', { percent: format.number(Math.abs(traffic)) })
                : t('score.trafficFlat')}
          </li>
        ) : null}
        <li>{t('score.conversions', { amount: format.moneyWhole(impact.conversionRevenueCents) })}</li>
        <li>{t('score.leads', { count: impact.qualifiedLeads })}</li>
      </ul>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------- §1B action cards

export type CardMove = Exclude<AnyMove, 'undo'>;

/** The last move, shown with its undo until the next one. */
interface LastMove {
  readonly action: Action;
  readonly move: CardMove | 'undo';
}

export function ActionCards({
  cards,
  onMove,
  onUndo,
}: {
  cards: readonly Action[];
  /** Stores the move; resolves false when the device could not. */
  onMove: (action: Action, move: CardMove) => Promise<boolean>;
  onUndo: (action: Action) => Promise<boolean>;
}) {
  const { t } = useTranslation('portalHome');
  const [last, setLast] = useState<LastMove | null>(null);
  const [failed, setFailed] = useState(false);
  const listLabel = t('actions.heading');

  const act = async (action: Action, move: CardMove) => {
    const ok = await onMove(action, move);
    setFailed(!ok);
    if (ok) setLast({ action, move });
  };
  const undo = async (action: Action) => {
    const ok = await onUndo(action);
    setFailed(!ok);
    if (ok) setLast({ action, move: 'undo' });
  };

  return (
    <Card title={listLabel} icon={<ChecklistIcon size={20} />} wide>
      {/* Announced politely: what just happened, with the way back. */}
      <div role="status" className={styles.moveStatus}>
        {last ? (
          <p className={styles.moveLine}>
            <span>
              {last.move === 'complete'
                ? t('actions.completed', { title: last.action.title })
                : last.move === 'dismiss'
                  ? t('actions.dismissed', { title: last.action.title })
                  : t('actions.undone', { title: last.action.title })}
            </span>
            {last.move !== 'undo' ? (
              <Button variant="secondary" onClick={() => void undo(last.action)}>
                {t('actions.undo')}
              </Button>
            ) : null}
          </p>
        ) : null}
        {failed ? <p className={styles.error}>{t('actions.failed')}</p> : null}
      </div>
      {cards.length === 0 ? (
        <p className={card.muted}>{t('actions.empty')}</p>
      ) : (
        <ul className={styles.cardList} aria-label={listLabel}>
          {cards.map((action) => (
            <li key={action.id}>
              <ActionCard action={action} onMove={(move) => void act(action, move)} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ActionCard({ action, onMove }: { action: Action; onMove: (move: CardMove) => void }) {
  const { t } = useTranslation('portalHome');
  const titleId = useId();
  const inApp = action.url !== null && action.url.startsWith('/') && !action.url.startsWith('//');
  return (
    <article className={styles.actionCard} data-kind={action.type} aria-labelledby={titleId}>
      <p className={styles.kind}>
        {action.type === 'urgent' ? <AlertIcon size={16} /> : <CompassIcon size={16} />}
        {t(`actions.kinds.${action.type}`)}
      </p>
      <h3 id={titleId} className={styles.actionTitle}>
        {action.title}
      </h3>
      {action.description ? <p className={card.muted}>{action.description}</p> : null}
      {action.estimatedImpact || action.estimatedTime ? (
        <p className={styles.meta}>
          {action.estimatedImpact ? <span>{t(`actions.impact.${action.estimatedImpact}`)}</span> : null}
          {action.estimatedTime ? <span>{t('actions.time', { time: action.estimatedTime })}</span> : null}
        </p>
      ) : null}
      <div className={styles.cardButtons}>
        {inApp && action.url ? (
          <Link
            className={styles.openLink}
            to={action.url}
            aria-label={t('actions.openLabel', { title: action.title })}
          >
            {t('actions.open')}
          </Link>
        ) : null}
        <Button
          onClick={() => onMove('complete')}
          aria-label={t('actions.completeLabel', { title: action.title })}
        >
          {t('actions.complete')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => onMove('dismiss')}
          aria-label={t('actions.dismissLabel', { title: action.title })}
        >
          {t('actions.dismiss')}
        </Button>
      </div>
    </article>
  );
}

// ----------------------------------------------------------------------------------------------- §1C goals

/** A goal's value in its unit: "10.442", "R$ 12.000", "2,8%". */
export function useGoalValue() {
  const format = useFormat();
  return (goal: Pick<Goal, 'unit'>, value: number) =>
    goal.unit === 'cents'
      ? format.moneyWhole(value)
      : goal.unit === 'percent'
        ? format.percent(value / 100)
        : format.number(Math.trunc(value));
}

export function GoalRow({
  goal,
  outlook,
  detailed,
}: {
  goal: Goal;
  outlook: GoalOutlook;
  detailed?: boolean;
}) {
  const { t } = useTranslation('portalHome');
  const value = useGoalValue();
  const { status } = outlook;
  const label =
    status.state === 'reached'
      ? t('goals.reached')
      : goal.unit === 'count'
        ? `${value(goal, goal.currentValue)}/${value(goal, goal.targetValue)}`
        : `${status.percent}%`;
  return (
    <div className={styles.goal} data-pace={outlook.pace}>
      <p className={styles.goalHead}>
        {/* The seed's ✅ / ⏳ / 🔄 as drawn icons (an emoji font is not on every device). */}
        <span className={styles.goalIcon} data-icon={status.icon}>
          {status.state === 'reached' ? (
            <CheckCircleIcon size={18} />
          ) : goal.unit === 'count' ? (
            <ClockIcon size={18} />
          ) : (
            <RefreshIcon size={18} />
          )}
        </span>
        <span className={styles.goalTitle}>{goal.title}</span>
        <span className={styles.goalLabel}>{label}</span>
      </p>
      <progress
        className={styles.bar}
        max={100}
        value={status.percent}
        aria-label={`${goal.title}: ${t('goals.progress', { label: `${status.percent}%` })}`}
      />
      <p className={styles.goalFoot}>
        <span className={styles.pace} data-pace={outlook.pace}>
          {t(`goals.pace.${outlook.pace}`)}
        </span>
        {outlook.pace !== 'reached' && outlook.projectedEnd !== null ? (
          <span className={card.muted}>
            {detailed
              ? t('goals.projected', { value: value(goal, outlook.projectedEnd) })
              : t('goals.projectedShort', { value: value(goal, outlook.projectedEnd) })}
          </span>
        ) : null}
      </p>
    </div>
  );
}

export function GoalsCard({
  goals,
  allGoalsPath,
}: {
  goals: readonly { goal: Goal; outlook: GoalOutlook }[];
  allGoalsPath: string;
}) {
  const { t } = useTranslation('portalHome');
  const listLabel = t('goals.heading');
  return (
    <Card title={listLabel} icon={<CompassIcon size={20} />}>
      {goals.length === 0 ? (
        <p className={card.muted}>{t('goals.empty')}</p>
      ) : (
        <ul className={styles.goalList} aria-label={listLabel}>
          {goals.map(({ goal, outlook }) => (
            <li key={goal.id}>
              <GoalRow goal={goal} outlook={outlook} />
            </li>
          ))}
        </ul>
      )}
      <Link to={allGoalsPath}>{t('goals.all')}</Link>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------- the streak

export function StreakCard({ streak, achievementsPath }: { streak: Streak; achievementsPath: string }) {
  const { t } = useTranslation('portalHome');
  return (
    <Card title={t('streak.heading')} icon={<FlameIcon size={20} />}>
      {streak.current > 0 ? (
        <p className={card.headline}>{t('streak.days', { count: streak.current })}</p>
      ) : (
        <p className={card.muted}>{t('streak.none')}</p>
      )}
      {streak.atRisk ? <p className={styles.warning}>{t('streak.atRisk')}</p> : null}
      {streak.longest > 0 ? (
        <p className={card.muted}>{t('streak.longest', { count: streak.longest })}</p>
      ) : null}
      <Link to={achievementsPath}>{t('streak.achievements')}</Link>
    </Card>
  );
}
