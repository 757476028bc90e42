import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MangoQuery } from 'rxdb';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Health } from '../../../shared/entities/csm.ts';
import { calendarDate } from '../../../shared/domain/csm/dates.ts';
import { portfolioKpis, type PortfolioKpis } from '../../../shared/domain/csm/portfolio-kpis.ts';
import { useDeviceData, useLiveDocuments } from '../../db/device-data.tsx';
import { useLocalValue } from '../../db/local-documents.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { Page } from '../../ui/page.tsx';
import { customerPath } from '../customer-360/paths.ts';
import { formatMoneyWhole } from '../customers/money.ts';
import {
  PORTAL_ENGAGEMENT_DOC,
  readPortalEngagement,
  refreshPortalEngagement,
  type RefreshResult,
} from './portal-engagement.ts';
import styles from './agency-dashboard.module.css';

const ALL_CUSTOMERS: MangoQuery<Customer> = {};
const ALL_HEALTH: MangoQuery<Health> = {};
const HEALTH_ORDER = ['healthy', 'at_risk', 'critical', 'unscored'] as const;
const RENEWALS_SHOWN = 5;

/**
 * `/agencia` — the agency's figures for an admin (customers spec "KPIs"; client dashboard strategy "KPIs de
 * Sucesso"): MRR and its change, churn rate, net revenue retention, average LTV, health distribution and
 * renewals, all computed on the device by the shared `portfolioKpis` rule over the synced customers and health
 * documents (so they open offline), and the portal's DAU/MAU, which only the server can compute (staff devices
 * do not sync the clients' engagement): fetched when online, kept as a local document with its time, and
 * shown as "disponível online" when it was never fetched.
 */
export function AgencyDashboardPage() {
  const { t } = useTranslation('agencyDashboard');
  const format = useFormat();
  const now = useNow();
  const customers = useLiveDocuments('customers', ALL_CUSTOMERS);
  const health = useLiveDocuments('health', ALL_HEALTH);
  const ready = customers.ready && health.ready;
  const today = calendarDate(now, format.timeZone);
  // Recomputed when the documents or the calendar day change, not on every clock tick.
  const kpis = useMemo(
    () =>
      ready ? portfolioKpis({ customers: customers.docs, health: health.docs }, now, format.timeZone) : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `now` matters only through `today`
    [ready, customers.docs, health.docs, today, format.timeZone],
  );
  const names = useMemo(() => new Map(customers.docs.map((c) => [c.id, c.name])), [customers.docs]);

  return (
    <Page title={t('title')} description={t('description')}>
      {kpis === null ? (
        <p role="status" aria-busy="true" className={styles.muted}>
          {t('loading')}
        </p>
      ) : (
        <>
          <RevenueCards kpis={kpis} />
          <div className={styles.columns}>
            <HealthDistribution kpis={kpis} />
            <PortalEngagementCard />
            <Renewals kpis={kpis} names={names} />
          </div>
        </>
      )}
    </Page>
  );
}

function useMoney() {
  const { language } = useFormat();
  return (cents: number) => formatMoneyWhole(cents, language);
}

function RevenueCards({ kpis }: { kpis: PortfolioKpis }) {
  const { t } = useTranslation('agencyDashboard');
  const format = useFormat();
  const money = useMoney();
  const percent = (p: number | null) => (p === null ? t('noData') : format.percent(p / 100));
  const signed = (cents: number) => (cents > 0 ? `+${money(cents)}` : money(cents));
  const { mrr, churn, netRevenueRetention: nrr } = kpis;
  return (
    <section aria-label={t('revenue.label')}>
      <dl className={styles.kpis}>
        <div className={styles.kpi}>
          <dt>{t('revenue.mrr')}</dt>
          <dd className={styles.kpiValue}>{money(mrr.currentCents)}</dd>
          <dd
            className={styles.kpiNote}
            data-trend={mrr.changeCents > 0 ? 'up' : mrr.changeCents < 0 ? 'down' : undefined}
          >
            {mrr.changePercent === null
              ? t('revenue.mrrChangeNoBase', { change: signed(mrr.changeCents) })
              : t('revenue.mrrChange', {
                  change: signed(mrr.changeCents),
                  percent: `${mrr.changePercent > 0 ? '+' : ''}${format.percent(mrr.changePercent / 100)}`,
                })}
          </dd>
        </div>
        <div className={styles.kpi}>
          <dt>{t('revenue.churn')}</dt>
          <dd className={styles.kpiValue}>{percent(churn.customerRatePercent)}</dd>
          <dd className={styles.kpiNote}>
            {t('revenue.churnDetail', {
              lost: churn.customersLost,
              count: churn.customersAtStart,
              mrrPercent: percent(churn.mrrRatePercent),
            })}
          </dd>
        </div>
        <div className={styles.kpi}>
          <dt>{t('revenue.nrr')}</dt>
          <dd className={styles.kpiValue}>{percent(nrr.percent)}</dd>
          <dd className={styles.kpiNote}>{t('revenue.nrrDetail')}</dd>
        </div>
        <div className={styles.kpi}>
          <dt>{t('revenue.ltv')}</dt>
          <dd className={styles.kpiValue}>
            {kpis.averageLifetimeValueCents === null ? t('noData') : money(kpis.averageLifetimeValueCents)}
          </dd>
          <dd className={styles.kpiNote}>{t('revenue.ltvDetail')}</dd>
        </div>
      </dl>
    </section>
  );
}

/** One bar per status; the text says everything the bar shows (the bars are decoration for sighted users). */
function HealthDistribution({ kpis }: { kpis: PortfolioKpis }) {
  const { t } = useTranslation('agencyDashboard');
  const format = useFormat();
  const money = useMoney();
  const total = kpis.health.total.customers;
  return (
    <section className={styles.panel} aria-labelledby="agency-health">
      <h2 id="agency-health" className={styles.panelTitle}>
        {t('health.heading')}
      </h2>
      <p className={styles.muted}>{t('health.total', { count: total })}</p>
      <ul className={styles.bars} aria-label={t('health.listLabel')}>
        {HEALTH_ORDER.map((status) => {
          const bucket = kpis.health[status];
          const share = total === 0 ? 0 : bucket.customers / total;
          return (
            <li key={status} className={styles.barRow} data-status={status}>
              <span className={styles.barLabel}>{t(`health.${status}`)}</span>
              <span className={styles.barValue}>
                {t('health.row', {
                  count: bucket.customers,
                  share: format.percent(Math.round(share * 1000) / 1000),
                  mrr: money(bucket.mrrCents),
                })}
              </span>
              <span className={styles.bar} aria-hidden="true">
                <span className={styles.barFill} style={{ width: `${share * 100}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Renewals({ kpis, names }: { kpis: PortfolioKpis; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('agencyDashboard');
  const format = useFormat();
  const money = useMoney();
  const { renewals } = kpis;
  const shown = renewals.upcoming.slice(0, RENEWALS_SHOWN);
  return (
    <section className={styles.panel} aria-labelledby="agency-renewals">
      <h2 id="agency-renewals" className={styles.panelTitle}>
        {t('renewals.heading')}
      </h2>
      {renewals.customers === 0 ? (
        <p className={styles.muted}>{t('renewals.none')}</p>
      ) : (
        <>
          <p className={styles.lead}>
            {t('renewals.summary', { count: renewals.customers, mrr: money(renewals.mrrCents) })}
          </p>
          <ul className={styles.list} aria-label={t('renewals.listLabel')}>
            {shown.map((r) => (
              <li key={r.customerId} className={styles.item}>
                <Link to={customerPath(r.customerId)} className={styles.name}>
                  {names.get(r.customerId) ?? r.customerId}
                </Link>
                <span className={styles.muted}>
                  {format.date(r.renewalDate)} ·{' '}
                  {r.daysLeft === 0 ? t('renewals.today') : t('renewals.inDays', { count: r.daysLeft })}
                </span>
              </li>
            ))}
          </ul>
          {renewals.customers > shown.length ? (
            <p className={styles.muted}>{t('renewals.more', { count: renewals.customers - shown.length })}</p>
          ) : null}
        </>
      )}
    </section>
  );
}

/**
 * DAU/MAU from the server, through the local document: refreshed when the page opens online and when the
 * connection comes back; the stored copy (with its time) is what renders, so offline shows the last value.
 */
function PortalEngagementCard() {
  const { t } = useTranslation('agencyDashboard');
  const format = useFormat();
  const now = useNow();
  const online = useOnline();
  const { fetch } = useDependencies();
  const { session } = useDeviceData();
  const kv = session?.database.kv ?? null;
  const figures = readPortalEngagement(useLocalValue(PORTAL_ENGAGEMENT_DOC));
  const [state, setState] = useState<RefreshResult | 'refreshing' | null>(null);

  const refresh = useMemo(
    () => async () => {
      if (!kv) return;
      setState('refreshing');
      setState(await refreshPortalEngagement({ fetch, kv }));
    },
    [fetch, kv],
  );
  useEffect(() => {
    if (online) void refresh();
  }, [online, refresh]);

  const sameDay =
    figures !== null &&
    calendarDate(new Date(figures.computedAt), format.timeZone) === calendarDate(now, format.timeZone);
  return (
    <section
      className={styles.panel}
      aria-labelledby="agency-portal"
      aria-busy={state === 'refreshing' || undefined}
    >
      <h2 id="agency-portal" className={styles.panelTitle}>
        {t('portal.heading')}
      </h2>
      {figures === null ? (
        <p className={styles.muted}>{state === 'failed' ? t('portal.failed') : t('portal.onlineOnly')}</p>
      ) : (
        <>
          <dl className={styles.portal}>
            <div className={styles.portalMain}>
              <dt>{t('portal.dauMau')}</dt>
              <dd className={styles.kpiValue}>
                {figures.dauMauPercent === null ? t('noData') : format.percent(figures.dauMauPercent / 100)}
              </dd>
              <dd className={styles.kpiNote}>{t('portal.target')}</dd>
            </div>
            <div>
              <dt>{t('portal.dau')}</dt>
              <dd className={styles.portalValue}>{format.number(figures.averageDailyActiveUsers)}</dd>
            </div>
            <div>
              <dt>{t('portal.mau')}</dt>
              <dd className={styles.portalValue}>{format.number(figures.monthlyActiveUsers)}</dd>
            </div>
          </dl>
          <p className={styles.muted}>
            {sameDay
              ? t('portal.updatedAt', { time: format.time(figures.computedAt) })
              : t('portal.updatedOn', { date: format.dateTime(figures.computedAt) })}
          </p>
          {!online ? <p className={styles.muted}>{t('portal.offlineCopy')}</p> : null}
          {online && state === 'failed' ? <p className={styles.muted}>{t('portal.failed')}</p> : null}
        </>
      )}
      {online ? (
        <Button
          variant="secondary"
          className={styles.refresh}
          disabled={state === 'refreshing'}
          onClick={() => void refresh()}
        >
          {state === 'refreshing' ? t('portal.refreshing') : t('portal.refresh')}
        </Button>
      ) : null}
    </section>
  );
}
