import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { readingOf } from '../../../shared/domain/portal/content-hub.ts';
import { useDeviceData, useDeviceUser } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { buildReading } from './engagement-writes.ts';
import { contentPaths } from './paths.ts';
import { useContent, useEngagementWriter, useMyEngagement } from './use-content.ts';
import styles from './content.module.css';

const MarkdownBody = lazy(() => import('./markdown-body.tsx'));

/** Reading progress is stored in these steps (a write per step, not per scroll event). */
const STEP = 25;

/**
 * `/inicio/conteudo/:slug` — one article, video page or case study: its markdown rendered safely, and the
 * user's reading progress, which grows as they scroll through the text (in 25 % steps) or mark it completed.
 * Progress is a local write to the user's engagement record (offline too); the shared rule keeps it from ever
 * going down and stamps the completion once — the count that feeds the Estudante badge.
 */
export function ArticlePage() {
  const { slug } = useParams();
  const { t } = useTranslation('content');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const format = useFormat();
  const { now } = useDependencies();
  const content = useContent();
  const engagement = useMyEngagement().value;
  const write = useEngagementWriter();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const item = useMemo(() => content.value.find((c) => c.slug === slug) ?? null, [content.value, slug]);
  const reading = item && engagement ? readingOf(engagement.reading, item.id) : null;
  const stored = reading?.progress ?? 0;

  const record = useMemo(
    () => (progress: number) => {
      if (!item || !user) return;
      // Nothing written is fine here (the progress was already that far); only a failed write is reported.
      write((e) => buildReading(e, item.id, progress, user, now())).then(
        () => setFailed(false),
        () => setFailed(true),
      );
    },
    [item, user, write, now],
  );

  // Scrolling through the text records the furthest step reached (only forward: the rule ignores less).
  // Only the reader's own scrolling counts: opening the page also scrolls (the kept scroll position, the
  // heading receiving focus), which must not read the article for them.
  useEffect(() => {
    if (!item) return;
    let frame = 0;
    let reading = false;
    const startReading = () => (reading = true);
    const gestures = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
    for (const g of gestures) window.addEventListener(g, startReading, { passive: true });
    const onScroll = () => {
      if (!reading) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const el = bodyRef.current;
        if (!el) return;
        const rect = el.getBoundingClientRect();
        const seen = (window.innerHeight - rect.top) / Math.max(1, rect.height);
        const step = Math.min(100, Math.floor((seen * 100) / STEP) * STEP);
        if (step > stored) record(step);
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      for (const g of gestures) window.removeEventListener(g, startReading);
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [item, stored, record]);

  if (!content.ready || !user) {
    return (
      <Page title={t('hub.title')}>
        {error ? (
          <Notice tone="error">{t('hub.deviceError')}</Notice>
        ) : (
          <p role="status" className={styles.muted}>
            {t('hub.loading')}
          </p>
        )}
      </Page>
    );
  }
  if (!item) {
    return (
      <Page title={t('article.notFoundTitle')}>
        <EmptyState
          icon={<InboxIcon />}
          title={t('article.notFoundTitle')}
          actions={<Link to={contentPaths.hub}>{t('article.backToHub')}</Link>}
        >
          {t('article.notFoundBody')}
        </EmptyState>
      </Page>
    );
  }
  const kind = t(`kind.${item.kind}`);
  return (
    <Page
      title={item.title}
      description={
        item.readingMinutes === null
          ? kind
          : item.difficulty
            ? t('article.meta', {
                kind,
                minutes: item.readingMinutes,
                difficulty: t(`difficulty.${item.difficulty}`),
              })
            : t('article.metaShort', { kind, minutes: item.readingMinutes })
      }
    >
      <p>
        <Link to={contentPaths.hub}>{t('article.backToHub')}</Link>
      </p>
      <div className={styles.progressRow}>
        <label className={styles.progressLabel}>
          <span>{t('article.progressLabel')}</span>
          <progress
            max={100}
            value={stored}
            aria-valuetext={t('article.progressValue', { progress: stored })}
          />
        </label>
        <span>{t('article.progressValue', { progress: stored })}</span>
      </div>
      <article ref={bodyRef} className={styles.article}>
        <Suspense fallback={<p className={styles.muted}>{t('hub.loading')}</p>}>
          <MarkdownBody source={item.body} />
        </Suspense>
      </article>
      {reading?.completedAt ? (
        <p className={styles.good}>{t('article.completed', { date: format.date(reading.completedAt) })}</p>
      ) : (
        <p>
          <Button onClick={() => record(100)}>{t('article.markRead')}</Button>
        </p>
      )}
      {failed ? (
        <Notice tone="error" role="alert">
          {t('article.failed')}
        </Notice>
      ) : null}
    </Page>
  );
}
