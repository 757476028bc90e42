import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeviceData } from '../../db/device-data.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { AbTestCard } from './ab-test-card.tsx';
import { CampaignFigures, PlatformBadge, StatusLine } from './campaign-parts.tsx';
import { CLIENT_CAMPAIGN_PATHS, useProvidedCampaignsScope } from './campaigns-scope.tsx';
import { useCampaigns, type CampaignView } from './use-campaigns.ts';
import styles from './campaigns.module.css';

/**
 * `/inicio/campanhas` — the active campaigns (dashboard §4A) with budget and spend, CTR, CPC, today's
 * conversions against yesterday, CPL, ROAS and a status from the shared rule; the running A/B tests (§4B);
 * then paused and finished campaigns. Reads the device database only, so it opens offline — the staff view
 * of a customer's campaigns too (`/clientes/:id/campanhas`, through `CampaignsScope`).
 */
export function CampaignsPage() {
  const { t } = useTranslation('campaigns');
  const { error } = useDeviceData();
  const scope = useProvidedCampaignsScope();
  const campaigns = useCampaigns();
  const activeId = useId();
  const testsId = useId();
  const otherId = useId();
  const active = campaigns.value.filter((c) => c.campaign.status === 'active');
  const other = campaigns.value.filter((c) => c.campaign.status !== 'active');
  const tests = campaigns.value.flatMap((c) =>
    c.campaign.abTests.filter((x) => x.status === 'running').map((test) => ({ test, campaign: c.campaign })),
  );

  return (
    <Page title={scope?.title ?? t('list.title')} description={scope?.description ?? t('list.description')}>
      {scope?.banner}
      {error ? <Notice tone="error">{t('list.deviceError')}</Notice> : null}
      {!campaigns.ready ? (
        error ? null : (
          <p role="status" className={styles.muted}>
            {t('list.loading')}
          </p>
        )
      ) : campaigns.value.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title={t('list.emptyTitle')}>
          {t('list.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby={activeId} className={styles.section}>
            <h2 id={activeId} className={styles.sectionTitle}>
              {t('list.activeHeading')}
            </h2>
            {active.length === 0 ? (
              <p className={styles.muted}>{t('list.noActive')}</p>
            ) : (
              <ul className={styles.cardGrid}>
                {active.map((c) => (
                  <CampaignCard key={c.campaign.id} view={c} />
                ))}
              </ul>
            )}
          </section>
          {tests.length > 0 ? (
            <section aria-labelledby={testsId} className={styles.section}>
              <h2 id={testsId} className={styles.sectionTitle}>
                {t('list.testsHeading')}
              </h2>
              <div className={styles.cardGrid}>
                {tests.map(({ test, campaign }) => (
                  <AbTestCard key={test.id} test={test} campaign={campaign} />
                ))}
              </div>
            </section>
          ) : null}
          {other.length > 0 ? (
            <section aria-labelledby={otherId} className={styles.section}>
              <h2 id={otherId} className={styles.sectionTitle}>
                {t('list.otherHeading')}
              </h2>
              <ul className={styles.cardGrid}>
                {other.map((c) => (
                  <CampaignCard key={c.campaign.id} view={c} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}

function CampaignCard({ view }: { view: CampaignView }) {
  const { campaign, performance } = view;
  const { t } = useTranslation('campaigns');
  const headingId = useId();
  const paths = useProvidedCampaignsScope()?.paths ?? CLIENT_CAMPAIGN_PATHS;
  return (
    <li className={styles.card} aria-labelledby={headingId}>
      <div className={styles.cardHead}>
        <PlatformBadge platform={campaign.platform} />
        <h3 id={headingId} className={styles.cardTitle}>
          <Link to={paths.campaign(campaign.id)}>{campaign.name}</Link>
        </h3>
        {campaign.status !== 'active' ? (
          <span className={styles.pill}>{t(`campaignStatus.${campaign.status}`)}</span>
        ) : null}
      </div>
      <CampaignFigures campaign={campaign} performance={performance} />
      <StatusLine performance={performance} />
    </li>
  );
}
