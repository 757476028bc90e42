import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  byCategory,
  caseStudiesFor,
  isSameIndustry,
  learningProgress,
  readingOf,
  trendingContent,
  upcomingEvents,
} from '../../../shared/domain/portal/content-hub.ts';
import type { Content, Engagement } from '../../../shared/entities/portal.ts';
import { useDeviceData } from '../../db/device-data.tsx';
import { useNow } from '../../platform/use-now.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { useMyCustomer } from '../portal-home/use-my-customer.ts';
import { EventCard } from './event-card.tsx';
import { contentPaths } from './paths.ts';
import { useContent, useMyEngagement } from './use-content.ts';
import styles from './content.module.css';

/**
 * `/inicio/conteudo` — the content hub (dashboard §6): the user's progress (articles read, videos watched,
 * the Estudante badge), trending pieces, upcoming events with registration, case studies of the client's
 * industry first, and the knowledge base by category. All from the device database (offline too), through the
 * shared content-hub rules.
 */
export function ContentHubPage() {
  const { t } = useTranslation('content');
  const { error } = useDeviceData();
  const now = useNow(60_000);
  const content = useContent();
  const engagement = useMyEngagement().value;
  const customer = useMyCustomer();
  const industry = customer.value?.industry ?? null;
  const [category, setCategory] = useState('');
  const ids = { progress: useId(), trending: useId(), events: useId(), cases: useId(), library: useId() };

  const derived = useMemo(() => {
    const items = content.value;
    return {
      trending: trendingContent(items, now),
      events: upcomingEvents(items, now),
      cases: caseStudiesFor(items, industry),
      library: byCategory(items),
      progress: learningProgress(engagement?.reading ?? [], items),
    };
  }, [content.value, now, industry, engagement]);
  const categories = derived.library.map((g) => g.category);
  const shownGroups = derived.library.filter((g) => category === '' || g.category === category);

  return (
    <Page title={t('hub.title')} description={t('hub.description')}>
      {error ? <Notice tone="error">{t('hub.deviceError')}</Notice> : null}
      {!content.ready ? (
        error ? null : (
          <p role="status" className={styles.muted}>
            {t('hub.loading')}
          </p>
        )
      ) : content.value.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title={t('hub.emptyTitle')}>
          {t('hub.emptyBody')}
        </EmptyState>
      ) : (
        <div className={styles.hubGrid}>
          <section aria-labelledby={ids.progress} className={styles.panel}>
            <h2 id={ids.progress} className={styles.sectionTitle}>
              {t('hub.progressHeading')}
            </h2>
            <ul className={styles.plainList}>
              <li>{t('hub.articlesRead', { count: derived.progress.articlesRead })}</li>
              <li>{t('hub.videosWatched', { count: derived.progress.videosWatched })}</li>
              <li>
                {derived.progress.studentProgress >= derived.progress.studentTarget
                  ? t('hub.studentEarned')
                  : t('hub.studentProgress', {
                      done: derived.progress.studentProgress,
                      target: derived.progress.studentTarget,
                    })}
              </li>
            </ul>
          </section>

          <section aria-labelledby={ids.trending} className={styles.panel}>
            <h2 id={ids.trending} className={styles.sectionTitle}>
              {t('hub.trendingHeading')}
            </h2>
            {derived.trending.length === 0 ? (
              <p className={styles.muted}>{t('hub.noTrending')}</p>
            ) : (
              <ul className={styles.plainList}>
                {derived.trending.map((c) => (
                  <ContentLink key={c.id} item={c} engagement={engagement} />
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby={ids.events} className={`${styles.section} ${styles.wide}`}>
            <h2 id={ids.events} className={styles.sectionTitle}>
              {t('hub.eventsHeading')}
            </h2>
            {derived.events.length === 0 ? (
              <p className={styles.muted}>{t('hub.noEvents')}</p>
            ) : (
              <ul className={styles.cards}>
                {derived.events.map((e) => (
                  <EventCard key={e.id} event={e} engagement={engagement} />
                ))}
              </ul>
            )}
          </section>

          {derived.cases.length > 0 ? (
            <section aria-labelledby={ids.cases} className={`${styles.section} ${styles.wide}`}>
              <h2 id={ids.cases} className={styles.sectionTitle}>
                {t('hub.casesHeading')}
              </h2>
              <ul className={styles.cards}>
                {derived.cases.map((c) => (
                  <li key={c.id} className={styles.card}>
                    {isSameIndustry(c, industry) ? (
                      <span className={styles.kind}>{t('hub.similar')}</span>
                    ) : null}
                    <h3 className={styles.cardTitle}>
                      <Link to={contentPaths.item(c.slug)}>{c.title}</Link>
                    </h3>
                    <p className={styles.muted}>{c.excerpt}</p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby={ids.library} className={`${styles.section} ${styles.wide}`}>
            <div className={styles.sectionHeader}>
              <h2 id={ids.library} className={styles.sectionTitle}>
                {t('hub.libraryHeading')}
              </h2>
              <label className={styles.filter}>
                <span>{t('hub.categoryFilter')}</span>
                <select value={category} onChange={(e) => setCategory(e.target.value)}>
                  <option value="">{t('hub.allCategories')}</option>
                  {categories.map((c) => (
                    <option key={c} value={c}>
                      {t(`category.${c}`, { defaultValue: c })}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {shownGroups.map((group) => (
              <div key={group.category} className={styles.group}>
                <h3 className={styles.groupTitle}>
                  {t(`category.${group.category}`, { defaultValue: group.category })}
                </h3>
                <ul className={styles.plainList}>
                  {group.items.map((c) => (
                    <ContentLink key={c.id} item={c} engagement={engagement} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        </div>
      )}
    </Page>
  );
}

function ContentLink({ item, engagement }: { item: Content; engagement: Engagement | null }) {
  const { t } = useTranslation('content');
  const reading = engagement ? readingOf(engagement.reading, item.id) : null;
  return (
    <li className={styles.linkRow}>
      <Link to={contentPaths.item(item.slug)}>{item.title}</Link>
      <span className={styles.muted}>
        {t(`kind.${item.kind}`)}
        {item.readingMinutes !== null ? ` · ${t('hub.minutes', { count: item.readingMinutes })}` : null}
        {reading?.completedAt
          ? ` · ✓ ${t('hub.read')}`
          : reading
            ? ` · ${t('hub.progress', { progress: reading.progress })}`
            : null}
      </span>
    </li>
  );
}
