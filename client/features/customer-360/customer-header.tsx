import { formatCnpj } from '../../../shared/domain/cnpj.ts';
import type { HealthStatus } from '../../../shared/entities/csm.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { csmNameResolver, useStaffDirectory } from '../customers/staff-directory.ts';
import { CsvImportLink } from '../data-import/import-link.tsx';
import { ConnectionsLink } from '../connections/connections-link.tsx';
import { CustomerPortalLinks } from '../staff-portal/customer-portal-links.tsx';
import { useCustomer360 } from './customer-360-context.ts';
import { EditCustomerButton } from './edit-customer.tsx';
import { initialsOf } from './customer-summary.ts';
import { ProvisionalBadge, ProvisionalNote } from './provisional-badge.tsx';
import { useCustomer360Translation } from './use-customer-360-translation.ts';
import { useMoney } from './use-money.ts';
import styles from './customer-360.module.css';

const STATUS_CLASS: Record<HealthStatus, string | undefined> = {
  healthy: styles.healthy,
  at_risk: styles.atRisk,
  critical: styles.critical,
};

/**
 * The Customer 360's header (customers spec §2.2): initials avatar, name, tier and customer since, domain and
 * city; the KPI cards (MRR with its change in the month, health with its label, active users of the seats,
 * tenure); the CSM, the renewal date with the days left and the CNPJ (the NFS-e's taker); "Editar dados". Figures come from `customerSummary` (shared rules).
 */
export function CustomerHeader() {
  const { t } = useCustomer360Translation();
  const format = useFormat();
  const money = useMoney();
  const { customer, summary, health, docs } = useCustomer360();
  const { user } = useSession();
  const directory = useStaffDirectory();
  const csmName =
    customer.csmId === null
      ? t('header.noCsm')
      : csmNameResolver(user ?? { id: '', name: '' }, directory, (ref) => t('header.unknownCsm', { ref }))(
          customer.csmId,
        );
  const place = [customer.domain, customer.location].filter((part): part is string => Boolean(part));
  const shown = health.shown;
  const change = summary.mrrChangePercent;
  const renewal = summary.renewal;

  return (
    <header className={styles.header}>
      <div className={styles.identity}>
        <span
          className={styles.avatar}
          role="img"
          aria-label={t('header.avatarLabel', { name: customer.name })}
        >
          {initialsOf(customer.name)}
        </span>
        <div className={styles.identityText}>
          <h1 className={styles.name} tabIndex={-1} data-page-heading="">
            {customer.name}
          </h1>
          <p className={styles.meta}>
            <span className={styles.tier}>{t(`tier.${customer.tier}`)}</span>{' '}
            {t('header.since', { date: format.monthYear(customer.customerSince) })}
            {customer.status === 'churned' ? (
              <span className={`${styles.chip} ${styles.critical}`}>{t('header.churned')}</span>
            ) : null}
          </p>
          {place.length > 0 ? <p className={styles.meta}>{place.join(' • ')}</p> : null}
        </div>
      </div>

      <dl className={styles.kpis} aria-label={t('kpi.label')}>
        <div className={styles.kpi}>
          <dt>{t('kpi.mrr')}</dt>
          <dd className={styles.kpiValue}>{money(summary.mrrCents)}</dd>
          <dd className={styles.kpiNote}>
            {change === null
              ? t('kpi.mrrNoPrevious')
              : t('kpi.mrrChange', { change: signedPercent(change / 100, format.percent) })}
          </dd>
        </div>
        <div className={styles.kpi}>
          <dt>{t('kpi.health')}</dt>
          {!docs.healthReady ? (
            <dd className={styles.kpiValue} aria-busy="true">
              <span className={styles.placeholder} />
              <span className="visually-hidden">{t('loading')}</span>
            </dd>
          ) : shown === null ? (
            <>
              <dd className={styles.kpiValue}>{t('kpi.noHealth')}</dd>
              <dd className={styles.kpiNote}>{t('kpi.noHealthNote')}</dd>
            </>
          ) : (
            <>
              <dd className={styles.kpiValue}>
                {shown.score}
                {health.provisional ? <ProvisionalBadge /> : null}
              </dd>
              <dd className={`${styles.kpiNote} ${styles.statusText} ${STATUS_CLASS[shown.status] ?? ''}`}>
                <span className={styles.dot} aria-hidden="true" />
                {t(`healthStatus.${shown.status}`)}
              </dd>
            </>
          )}
        </div>
        <div className={styles.kpi}>
          <dt>{t('kpi.users')}</dt>
          <dd className={styles.kpiValue}>{format.number(summary.seats.active)}</dd>
          <dd className={styles.kpiNote}>
            {summary.seats.total > 0
              ? t('kpi.seatsOf', { total: format.number(summary.seats.total) })
              : t('kpi.noSeats')}
          </dd>
        </div>
        <div className={styles.kpi}>
          <dt>{t('kpi.tenure')}</dt>
          <dd className={styles.kpiValue}>{t('kpi.months', { count: summary.tenureMonths })}</dd>
          <dd className={styles.kpiNote}>
            {t('kpi.since', { date: format.monthYear(customer.customerSince) })}
          </dd>
        </div>
      </dl>
      {health.provisional && shown !== null ? (
        <ProvisionalNote serverScore={health.server?.score ?? null} />
      ) : null}

      <dl className={styles.facts}>
        <div>
          <dt>{t('header.csm')}</dt>
          <dd>{csmName}</dd>
        </div>
        <div>
          <dt>{t('header.renewal')}</dt>
          <dd>
            {renewal === null
              ? t('header.noRenewal')
              : renewal.daysLeft === 0
                ? t('header.renewalToday', { date: format.date(renewal.date) })
                : renewal.daysLeft > 0
                  ? t('header.renewalIn', { date: format.date(renewal.date), count: renewal.daysLeft })
                  : t('header.renewalPast', { date: format.date(renewal.date), count: -renewal.daysLeft })}
          </dd>
        </div>
        <div>
          <dt>{t('header.cnpj')}</dt>
          <dd className={customer.cnpj === null ? styles.factMissing : undefined}>
            {customer.cnpj === null ? t('header.noCnpj') : formatCnpj(customer.cnpj)}
          </dd>
        </div>
      </dl>
      <EditCustomerButton customer={customer} />
      <CustomerPortalLinks customerId={customer.id} />
      <CsvImportLink customerId={customer.id} />
      <ConnectionsLink customerId={customer.id} />
    </header>
  );
}

/** "+12,5%" / "−3%" / "0%": the sign always shown for a change. */
export function signedPercent(ratio: number, percent: (ratio: number) => string): string {
  if (ratio > 0) return `+${percent(ratio)}`;
  if (ratio < 0) return `−${percent(-ratio)}`;
  return percent(0);
}
