import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { groupInvoices, type EffectiveInvoiceStatus } from '../../../shared/domain/portal/money.ts';
import type { Invoice } from '../../../shared/entities/billing.ts';
import { useDeviceData } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { moneyPaths } from './paths.ts';
import { LoadingCards } from './skeleton.tsx';
import { useMyInvoices, useToday } from './use-money-data.ts';
import card from '../../ui/card.module.css';
import styles from './money.module.css';

/**
 * `/inicio/faturas` — the payment history (dashboard §5C): open invoices first (overdue, then pending, by the
 * shared `groupInvoices` on the user's local day), then paid and cancelled ones. Read from the device database:
 * it opens offline.
 */
export function InvoicesPage() {
  const { t } = useTranslation('money');
  const { error } = useDeviceData();
  const format = useFormat();
  const invoices = useMyInvoices();
  const today = useToday();
  const groups = useMemo(() => groupInvoices(invoices.value, today), [invoices.value, today]);

  return (
    <Page title={t('invoices.title')} description={t('invoices.description')}>
      {error ? <Notice tone="error">{t('common.deviceError')}</Notice> : null}
      {!invoices.ready ? (
        error ? null : (
          <LoadingCards label={t('common.loading')} count={2} />
        )
      ) : invoices.value.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title={t('invoices.emptyTitle')}>
          {t('invoices.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <section className={card.card} aria-labelledby="invoices-open">
            <h2 id="invoices-open" className={card.cardTitle}>
              {t('invoices.openHeading')}
            </h2>
            {groups.open.length === 0 ? (
              <p className={card.muted}>{t('invoices.noneOpen')}</p>
            ) : (
              <>
                <p className={styles.totals}>
                  <span>{t('invoices.openTotal', { amount: format.money(groups.openCents) })}</span>
                  {groups.overdueCents > 0 ? (
                    <span className={styles.overdueText}>
                      {t('invoices.overdueTotal', { amount: format.money(groups.overdueCents) })}
                    </span>
                  ) : null}
                </p>
                <ul className={styles.invoiceList} aria-label={t('invoices.listLabel')}>
                  {groups.open.map(({ invoice, status }) => (
                    <InvoiceRow key={invoice.id} invoice={invoice} status={status} />
                  ))}
                </ul>
              </>
            )}
          </section>
          {groups.settled.length > 0 ? (
            <section className={card.card} aria-labelledby="invoices-history">
              <h2 id="invoices-history" className={card.cardTitle}>
                {t('invoices.settledHeading')}
              </h2>
              <ul className={styles.invoiceList} aria-label={t('invoices.historyLabel')}>
                {groups.settled.map(({ invoice, status }) => (
                  <InvoiceRow key={invoice.id} invoice={invoice} status={status} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
      <p>
        <Link to={moneyPaths.finance}>{t('invoices.backToFinance')}</Link>
      </p>
    </Page>
  );
}

export function InvoiceStatusBadge({ status }: { status: EffectiveInvoiceStatus }) {
  const { t } = useTranslation('money');
  return (
    <span className={`${styles.status} ${styles[`status_${status}`]}`}>
      <span aria-hidden="true">{STATUS_ICON[status]} </span>
      {t(`invoices.status.${status}`)}
    </span>
  );
}

/** Plain text marks (no emoji: not every phone or printer has an emoji font); colour and word carry the meaning. */
const STATUS_ICON: Record<EffectiveInvoiceStatus, string> = {
  paid: '✓',
  pending: '•',
  overdue: '!',
  cancelled: '–',
};

function InvoiceRow({ invoice, status }: { invoice: Invoice; status: EffectiveInvoiceStatus }) {
  const { t } = useTranslation('money');
  const format = useFormat();
  return (
    <li className={styles.invoiceRow}>
      <Link to={moneyPaths.invoice(invoice.id)} className={styles.invoiceLink}>
        <span className={styles.invoiceTitle}>{invoice.description}</span>
        <span className={styles.invoiceAmount}>{format.money(invoice.amountCents)}</span>
      </Link>
      <span className={styles.invoiceMeta}>
        <InvoiceStatusBadge status={status} />
        <span className={card.muted}>
          {invoice.number} ·{' '}
          {invoice.paidDate
            ? t('invoices.paidOn', { date: format.date(invoice.paidDate) })
            : t('invoices.due', { date: format.date(invoice.dueDate) })}
        </span>
      </span>
    </li>
  );
}
