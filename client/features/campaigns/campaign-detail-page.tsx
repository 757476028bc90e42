import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDeviceData, useDeviceUser } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { Chart } from '../../ui/charts/chart.tsx';
import { AbTestCard } from './ab-test-card.tsx';
import { CampaignFigures, PlatformBadge, StatusLine } from './campaign-parts.tsx';
import { CLIENT_CAMPAIGN_PATHS, useProvidedCampaignsScope } from './campaigns-scope.tsx';
import { useCampaigns } from './use-campaigns.ts';
import styles from './campaigns.module.css';

/**
 * `/inicio/campanhas/:campaignId` — one campaign: its figures and status (the shared rule), its daily spend and
 * conversions charted (with a table for screen readers), and its A/B tests with the two-proportion verdict.
 * Staff open the same screen for any customer (`/clientes/:id/campanhas/:campaignId`, through `CampaignsScope`).
 */
export function CampaignDetailPage() {
  const { campaignId } = useParams();
  const { t } = useTranslation('campaigns');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const format = useFormat();
  const scope = useProvidedCampaignsScope();
  const paths = scope?.paths ?? CLIENT_CAMPAIGN_PATHS;
  const campaigns = useCampaigns();
  const figuresId = useId();
  const dailyId = useId();
  const testsId = useId();
  const view = campaigns.value.find((c) => c.campaign.id === campaignId) ?? null;
  const points = useMemo(() => {
    const days = view?.campaign.daily ?? [];
    // A calendar date as "dd/mm": mid-afternoon UTC of that date is the same day in every Brazilian zone.
    const label = (date: string) => format.dayMonth(`${date}T15:00:00Z`);
    return {
      spend: days.map((d) => ({ label: label(d.date), value: d.spendCents })),
      conversions: days.map((d) => ({ label: label(d.date), value: d.conversions })),
    };
  }, [view, format]);

  if (!campaigns.ready || !user) {
    return (
      <Page title={scope?.title ?? t('list.title')}>
        {scope?.banner}
        {error ? (
          <Notice tone="error">{t('list.deviceError')}</Notice>
        ) : (
          <p role="status" className={styles.muted}>
            {t('list.loading')}
          </p>
        )}
      </Page>
    );
  }
  if (!view) {
    return (
      <Page title={t('detail.notFoundTitle')}>
        {scope?.banner}
        <EmptyState
          icon={<InboxIcon />}
          title={t('detail.notFoundTitle')}
          actions={<Link to={paths.list}>{t('detail.backToList')}</Link>}
        >
          {t('detail.notFoundBody')}
        </EmptyState>
      </Page>
    );
  }
  const { campaign, performance, leadsKnown } = view;
  return (
    <Page
      title={campaign.name}
      description={
        <span className={styles.cardHead}>
          <PlatformBadge platform={campaign.platform} />
          <span>{t(`campaignStatus.${campaign.status}`)}</span>
          <span>
            {campaign.endDate
              ? t('metric.between', {
                  start: format.date(campaign.startDate),
                  end: format.date(campaign.endDate),
                })
              : t('metric.since', { date: format.date(campaign.startDate) })}
          </span>
        </span>
      }
    >
      {scope?.banner}
      <p>
        <Link to={paths.list}>{t('detail.backToList')}</Link>
      </p>
      <div className={styles.detailGrid}>
        <section aria-labelledby={figuresId} className={styles.card}>
          <h2 id={figuresId} className={styles.sectionTitle}>
            {t('detail.figuresHeading')}
          </h2>
          <CampaignFigures campaign={campaign} performance={performance} />
          <dl className={styles.figures}>
            <div>
              <dt>{t('metric.impressions')}</dt>
              <dd>{format.number(performance.totals.impressions)}</dd>
            </div>
            <div>
              <dt>{t('metric.clicks')}</dt>
              <dd>{format.number(performance.totals.clicks)}</dd>
            </div>
            <div>
              <dt>{t('metric.revenue')}</dt>
              <dd>{format.money(performance.totals.revenueCents)}</dd>
            </div>
            <div>
              <dt>{t('metric.leads')}</dt>
              <dd>{leadsKnown ? format.number(performance.leads) : t('metric.none')}</dd>
            </div>
          </dl>
          <StatusLine performance={performance} />
        </section>
        <section aria-labelledby={dailyId} className={styles.card}>
          <h2 id={dailyId} className={styles.sectionTitle}>
            {t('detail.dailyHeading')}
          </h2>
          {campaign.daily.length === 0 ? (
            <p className={styles.muted}>{t('detail.noDaily')}</p>
          ) : (
            <>
              <h3 className={styles.chartTitle}>{t('detail.spendChart')}</h3>
              <Chart
                kind="bar"
                caption={t('detail.spendChart')}
                labelHeader={t('detail.day')}
                valueHeader={t('metric.spend')}
                points={points.spend}
                formatValue={format.money}
              />
              <h3 className={styles.chartTitle}>{t('detail.conversionsChart')}</h3>
              <Chart
                kind="line"
                caption={t('detail.conversionsChart')}
                labelHeader={t('detail.day')}
                valueHeader={t('metric.conversions')}
                points={points.conversions}
                formatValue={format.number}
              />
            </>
          )}
        </section>
      </div>
      <section aria-labelledby={testsId} className={styles.section}>
        <h2 id={testsId} className={styles.sectionTitle}>
          {t('ab.heading')}
        </h2>
        {campaign.abTests.length === 0 ? (
          <p className={styles.muted}>{t('ab.none')}</p>
        ) : (
          <div className={styles.cardGrid}>
            {campaign.abTests.map((test) => (
              <AbTestCard key={test.id} test={test} campaign={campaign} />
            ))}
          </div>
        )}
      </section>
    </Page>
  );
}
