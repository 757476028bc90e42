import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SEED_INDUSTRY_BENCHMARK } from '../../../shared/domain/portal/benchmarks.ts';
import { deriveAchievements, type Achievements } from '../../../shared/domain/portal/achievements.ts';
import { streakFromDays, visitDayFor, type Streak } from '../../../shared/domain/portal/streak.ts';
import { addDays } from '../../../shared/domain/portal/time.ts';
import type { Engagement } from '../../../shared/entities/portal.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { FlameIcon, ShieldCheckIcon } from '../../ui/icons.tsx';
import { Page } from '../../ui/page.tsx';
import card from '../../ui/card.module.css';
import { useMyCustomer } from '../portal-home/use-my-customer.ts';
import {
  useMyActions,
  useMyEngagement,
  useMyGoals,
  useMyMetrics,
} from '../portal-home/use-portal-documents.ts';
import { useRecordVisit } from '../portal-home/use-record-visit.ts';
import home from '../portal-home/portal-home.module.css';
import { achievementPaths } from './paths.ts';
import { shareOrCopy } from './share.ts';
import styles from './achievements.module.css';

/**
 * `/inicio/conquistas` — the visit streak (local days in the user's time zone), the seed's six badges with
 * progress toward each, XP and level. Computed on the device by the shared rule (`deriveAchievements`) the
 * server also runs on every push of the engagement record, so a badge shows the moment it is earned, offline
 * too, and reads "a confirmar" until the server has stored it. "Compartilhar" uses the Web Share API, else
 * copies the link.
 */
export function AchievementsPage() {
  const { t } = useTranslation('achievements');
  const now = useNow();
  const engagement = useMyEngagement();
  const customer = useMyCustomer();
  const goals = useMyGoals();
  const metrics = useMyMetrics();
  const actions = useMyActions();
  useRecordVisit(engagement);
  const ready = engagement.ready && customer.ready && goals.ready && metrics.ready && actions.ready;
  const record = engagement.value;
  const iso = now.toISOString();

  const view = useMemo(() => {
    if (!ready || !record) return null;
    const timeZone = record.timeZone;
    const today = visitDayFor({ now: iso, timeZone });
    return {
      today,
      streak: streakFromDays({ visitDays: record.visitDays, today }),
      achievements: deriveAchievements({
        now: iso,
        timeZone,
        engagement: record,
        goals: [...goals.value],
        metrics: [...metrics.value],
        actions: [...actions.value],
        industryConversionRate: SEED_INDUSTRY_BENCHMARK.conversionRate,
        customerSince: customer.value?.customerSince ?? null,
      }),
    };
  }, [ready, record, iso, goals.value, metrics.value, actions.value, customer.value]);

  return (
    <Page title={t('page.title')} description={t('page.description')}>
      {!ready ? (
        <>
          <p role="status" className={card.muted}>
            {t('page.loading')}
          </p>
          <div className={home.skeleton} aria-hidden="true">
            <div className={home.skeletonBlock} />
            <div className={home.skeletonBlock} />
          </div>
        </>
      ) : !view || !record ? (
        <EmptyState icon={<ShieldCheckIcon />} title={t('page.emptyTitle')}>
          {t('page.emptyBody')}
        </EmptyState>
      ) : (
        <div className={card.grid}>
          <StreakSection streak={view.streak} record={record} today={view.today} />
          <LevelSection achievements={view.achievements} streak={view.streak} />
          <BadgesSection achievements={view.achievements} />
        </div>
      )}
    </Page>
  );
}

function Section({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const headingId = useId();
  return (
    <section className={wide ? `${card.card} ${home.fullRow}` : card.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={card.cardTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function StreakSection({ streak, record, today }: { streak: Streak; record: Engagement; today: string }) {
  const { t } = useTranslation('achievements');
  const format = useFormat();
  const days = new Set(record.visitDays);
  const week = Array.from({ length: 7 }, (_, k) => addDays(today, k - 6));
  return (
    <Section title={t('streak.heading')}>
      <p className={card.headline}>
        <FlameIcon size={22} />{' '}
        {streak.current > 0 ? t('streak.days', { count: streak.current }) : t('streak.none')}
      </p>
      {streak.atRisk ? <p className={home.warning}>{t('streak.atRisk')}</p> : null}
      {streak.visitedToday ? <p className={card.muted}>{t('streak.visitedToday')}</p> : null}
      <p className={card.muted}>{t('streak.longest', { count: streak.longest })}</p>
      <ol className={styles.week} aria-label={t('streak.week')}>
        {week.map((date) => (
          <li key={date} className={styles.day} data-visited={days.has(date) ? 'true' : 'false'}>
            <span aria-hidden="true">{date.slice(8)}</span>
            <span className="visually-hidden">
              {days.has(date)
                ? t('streak.visited', { date: format.date(date) })
                : t('streak.missed', { date: format.date(date) })}
            </span>
          </li>
        ))}
      </ol>
    </Section>
  );
}

function LevelSection({ achievements, streak }: { achievements: Achievements; streak: Streak }) {
  const { t } = useTranslation('achievements');
  const format = useFormat();
  const { xp } = achievements;
  const level = xp.level;
  const percent = Math.floor(level.progress * 100);
  const levelKey = String(level.level);
  const name = isLevelKey(levelKey) ? t(`level.names.${levelKey}`) : level.name;
  const summary = t('badges.summaryText', {
    level: level.level,
    xp: format.number(xp.total),
    count: streak.current,
  });
  return (
    <Section title={t('level.heading')}>
      <p className={card.headline}>{t('level.level', { level: level.level, name })}</p>
      <p className={styles.xp}>{t('level.xp', { xp: format.number(xp.total) })}</p>
      <progress className={home.bar} max={100} value={percent} aria-label={t('level.meter', { percent })} />
      <p className={card.muted}>
        {level.xpToNext !== null
          ? t('level.toNext', { xp: format.number(level.xpToNext), level: level.level + 1 })
          : t('level.top')}
      </p>
      <ShareButton label={t('badges.shareSummary')} text={summary} />
    </Section>
  );
}

const LEVEL_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const isLevelKey = (key: string): key is (typeof LEVEL_KEYS)[number] =>
  (LEVEL_KEYS as readonly string[]).includes(key);

function BadgesSection({ achievements }: { achievements: Achievements }) {
  const { t } = useTranslation('achievements');
  const format = useFormat();
  const listLabel = t('badges.heading');
  return (
    <Section title={listLabel} wide>
      <ul className={styles.badges} aria-label={listLabel}>
        {achievements.evaluated.map((badge) => {
          const name = t(`badges.items.${badge.id}.name`);
          return (
            <li key={badge.id} className={styles.badge} data-earned={badge.earned ? 'true' : 'false'}>
              <span className={styles.badgeIcon} aria-hidden="true">
                {badge.icon}
              </span>
              <div className={styles.badgeBody}>
                <h3 className={styles.badgeName}>{name}</h3>
                <p className={card.muted}>{t(`badges.items.${badge.id}.description`)}</p>
                {badge.earned && badge.earnedAt ? (
                  <p className={styles.earned}>
                    {t('badges.earned', { date: format.date(badge.earnedAt) })}
                    {badge.stored ? null : <span className={styles.pending}> · {t('badges.pending')}</span>}
                  </p>
                ) : (
                  <>
                    <progress
                      className={home.bar}
                      max={badge.progress.target}
                      value={badge.progress.current}
                      aria-label={t('badges.meter', {
                        name,
                        current: format.number(badge.progress.current),
                        target: format.number(badge.progress.target),
                      })}
                    />
                    <p className={card.muted}>
                      {t('badges.progress', {
                        current: format.number(badge.progress.current),
                        target: format.number(badge.progress.target),
                      })}
                    </p>
                  </>
                )}
                {badge.earned ? (
                  <ShareButton
                    label={t('badges.share')}
                    accessibleLabel={t('badges.shareLabel', { name })}
                    text={t('badges.shareText', { icon: badge.icon, name })}
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

/** "Compartilhar": the Web Share API where the device has it, else the link copied, with what happened said. */
function ShareButton({
  label,
  accessibleLabel,
  text,
}: {
  label: string;
  accessibleLabel?: string;
  text: string;
}) {
  const { t } = useTranslation('achievements');
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  const share = async () => {
    const url = new URL(achievementPaths.achievements, window.location.origin).href;
    const result = await shareOrCopy({ title: t('page.title'), text, url }, navigator);
    setStatus(result === 'copied' ? 'copied' : result === 'failed' ? 'failed' : null);
  };
  return (
    <div className={styles.share}>
      <Button variant="secondary" onClick={() => void share()} aria-label={accessibleLabel}>
        {label}
      </Button>
      <span role="status" className={card.muted}>
        {status === 'copied' ? t('badges.copied') : status === 'failed' ? t('badges.shareFailed') : ''}
      </span>
    </div>
  );
}
