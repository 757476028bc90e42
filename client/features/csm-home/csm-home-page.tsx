import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MangoQuery } from 'rxdb';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Activity, Health } from '../../../shared/entities/csm.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useDomainTextFor } from '../../domain-text/use-domain-text.ts';
import { useLiveDocuments } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { AlertIcon, CompassIcon, UsersIcon } from '../../ui/icons.tsx';
import { Page } from '../../ui/page.tsx';
import { customerPath } from '../customer-360/paths.ts';
import { formatMoneyWhole } from '../customers/money.ts';
import { customerPaths } from '../customers/paths.ts';
import { csmHome, type AttentionItem, type RenewalItem } from './csm-home.ts';
import styles from './csm-home.module.css';
import { tasksDue } from './tasks-due.ts';
import { TasksDuePanel } from './tasks-due-panel.tsx';

const STATUS_GLYPH = { at_risk: '▲', critical: '■' } as const;
const TASKS: MangoQuery<Activity> = { selector: { type: 'task' } };

/**
 * `/painel` — the signed-in CSM's home: their tasks due (overdue first, completed with one tap, offline), their
 * customers at risk (critical first, riskiest first) and their renewals in the next 90 days, each linking to
 * the customer's 360. Reads only the device database (their own customers by `csmId`, those customers' health
 * documents, and the task activities), so it opens offline. A task may be for a customer outside the portfolio
 * (assigned by a colleague), so task rows name customers from the whole device copy.
 */
export function CsmHomePage() {
  const { t } = useTranslation('csmHome');
  const { user } = useSession();
  const format = useFormat();
  const now = useNow();
  const userId = user?.id ?? '';
  const customersQuery = useMemo<MangoQuery<Customer>>(() => ({ selector: { csmId: userId } }), [userId]);
  const customers = useLiveDocuments('customers', userId ? customersQuery : null);
  const ids = useMemo(() => customers.docs.map((c) => c.id), [customers.docs]);
  const healthQuery = useMemo<MangoQuery<Health>>(() => ({ selector: { customerId: { $in: ids } } }), [ids]);
  const health = useLiveDocuments('health', customers.ready ? healthQuery : null);
  const tasks = useLiveDocuments('activities', TASKS);
  const allCustomers = useLiveDocuments('customers');
  const customerNames = useMemo(
    () => new Map(allCustomers.docs.map((c) => [c.id, c.name])),
    [allCustomers.docs],
  );
  const ready = customers.ready && health.ready && tasks.ready && allCustomers.ready;
  // The day changes the renewals' "in N days": recomputed when the clock's minute does (useNow ticks).
  const home = useMemo(
    () => csmHome(userId, customers.docs, health.docs, now, format.timeZone),
    [userId, customers.docs, health.docs, now, format.timeZone],
  );
  const due = useMemo(
    () => tasksDue(tasks.docs, userId, now, format.timeZone),
    [tasks.docs, userId, now, format.timeZone],
  );

  return (
    <Page title={t('title')} description={t('description')}>
      {!ready ? (
        <p role="status" className={styles.muted} aria-busy="true">
          {t('loading')}
        </p>
      ) : home.customers === 0 && due.items.length === 0 ? (
        <EmptyState icon={<UsersIcon />} title={t('noPortfolioTitle')}>
          {t('noPortfolioBody')}
        </EmptyState>
      ) : (
        <>
          <section aria-label={t('summary.label')}>
            <dl className={styles.summary}>
              <div className={styles.stat}>
                <dt>{t('summary.customers')}</dt>
                <dd className={styles.statValue}>{format.number(home.customers)}</dd>
                <dd className={styles.statNote}>
                  {t('summary.mrrOf', { value: formatMoneyWhole(home.mrrCents, format.language) })}
                </dd>
              </div>
              <div className={styles.stat} data-tone={home.attention.length > 0 ? 'risk' : undefined}>
                <dt>{t('summary.attention')}</dt>
                <dd className={styles.statValue}>{format.number(home.attention.length)}</dd>
                {home.critical > 0 ? (
                  <dd className={styles.statNote} data-tone="critical">
                    {t('summary.critical', { count: home.critical })}
                  </dd>
                ) : null}
              </div>
              <div className={styles.stat} data-tone={due.overdue > 0 ? 'risk' : undefined}>
                <dt>{t('summary.tasks')}</dt>
                <dd className={styles.statValue}>{format.number(due.items.length)}</dd>
                <dd className={styles.statNote} data-tone={due.overdue > 0 ? 'critical' : undefined}>
                  {due.overdue > 0 ? t('summary.overdue', { count: due.overdue }) : t('summary.noneOverdue')}
                </dd>
              </div>
              <div className={styles.stat}>
                <dt>{t('summary.renewals')}</dt>
                <dd className={styles.statValue}>{format.number(home.renewals.length)}</dd>
                <dd className={styles.statNote}>
                  {t('summary.mrrOf', { value: formatMoneyWhole(home.renewalMrrCents, format.language) })}
                </dd>
              </div>
            </dl>
          </section>

          <div className={styles.columns}>
            <TasksDuePanel due={due} customerNames={customerNames} />

            <section className={styles.panel} aria-labelledby="csm-home-attention">
              <h2 id="csm-home-attention" className={styles.panelTitle}>
                {t('attention.heading')}
              </h2>
              {home.attention.length === 0 ? (
                <EmptyState icon={<AlertIcon />} title={t('attention.emptyTitle')} headingLevel={3}>
                  {t('attention.emptyBody')}
                </EmptyState>
              ) : (
                <>
                  <ul className={styles.list} aria-label={t('attention.listLabel')}>
                    {home.attention.map((item) => (
                      <AttentionRow key={item.customer.id} item={item} />
                    ))}
                  </ul>
                  <ButtonLink to={customerPaths.atRisk} className={styles.more}>
                    {t('attention.viewAll')}
                  </ButtonLink>
                </>
              )}
            </section>

            <section className={styles.panel} aria-labelledby="csm-home-renewals">
              <h2 id="csm-home-renewals" className={styles.panelTitle}>
                {t('renewals.heading')}
              </h2>
              {home.renewals.length === 0 ? (
                <EmptyState icon={<CompassIcon />} title={t('renewals.emptyTitle')} headingLevel={3}>
                  {t('renewals.emptyBody')}
                </EmptyState>
              ) : (
                <ul className={styles.list} aria-label={t('renewals.listLabel')}>
                  {home.renewals.map((item) => (
                    <RenewalRow key={item.customer.id} item={item} />
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </Page>
  );
}

function AttentionRow({ item }: { item: AttentionItem }) {
  const { t } = useTranslation('csmHome');
  const format = useFormat();
  const domainText = useDomainTextFor(format.language);
  const { customer, health, status } = item;
  const top = health.riskFactors[0];
  const reason = top ? domainText(top.description) : null;
  return (
    <li className={styles.item} data-status={status}>
      <div className={styles.itemMain}>
        <Link to={customerPath(customer.id)} className={styles.name}>
          {customer.name}
        </Link>
        <span className={styles.badge} data-status={status}>
          <span aria-hidden="true">{STATUS_GLYPH[status]}</span> {t(`status.${status}`)}
        </span>
      </div>
      <div className={styles.itemMeta}>
        <span>{t('attention.riskScore', { score: health.riskScore })}</span>
        <span>{t('attention.healthScore', { score: health.score })}</span>
        <span className={styles.money}>{formatMoneyWhole(customer.mrrCents, format.language)}</span>
      </div>
      {reason ? <p className={styles.reason}>{reason}</p> : null}
    </li>
  );
}

function RenewalRow({ item }: { item: RenewalItem }) {
  const { t } = useTranslation('csmHome');
  const format = useFormat();
  const when = item.daysLeft === 0 ? t('renewals.today') : t('renewals.inDays', { count: item.daysLeft });
  return (
    <li className={styles.item}>
      <div className={styles.itemMain}>
        <Link to={customerPath(item.customer.id)} className={styles.name}>
          {item.customer.name}
        </Link>
        <span className={styles.money}>{formatMoneyWhole(item.mrrCents, format.language)}</span>
      </div>
      <div className={styles.itemMeta}>
        <span>{t('renewals.on', { date: format.date(item.renewalDate), when })}</span>
        <span>{t(`renewalTypes.${item.customer.renewalType}`)}</span>
      </div>
    </li>
  );
}
