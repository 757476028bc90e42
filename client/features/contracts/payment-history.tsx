import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../shared/entities/billing.ts';
import type { PaymentSummary } from '../../../shared/domain/csm/contracts.ts';
import { useFormat } from '../../platform/use-format.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { NfseCell } from './nfse-cell.tsx';
import styles from './contracts.module.css';

/** The wireframe shows the last four invoices, then "View All". */
const FIRST_ROWS = 4;

/**
 * The payment history (customers spec §2.3): the customer's invoices, newest due date first, with the total
 * collected (approved payments — the lifetime value rule) and the share paid on time, computed by the shared
 * rule (`paymentSummary`) over every synced invoice. Each invoice's NFS-e: "Baixar NFe", or "Emitir NFS-e"
 * for staff (nfse-cell.tsx).
 */
export function PaymentHistory({
  invoices,
  ready,
  summary,
}: {
  invoices: readonly Invoice[];
  ready: boolean;
  summary: PaymentSummary;
}) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const [all, setAll] = useState(false);
  const sorted = [...invoices].sort(
    (a, b) => b.dueDate.localeCompare(a.dueDate) || b.number.localeCompare(a.number),
  );
  const shown = all ? sorted : sorted.slice(0, FIRST_ROWS);

  return (
    <section aria-labelledby="contracts-payments" className={styles.section}>
      <h3 id="contracts-payments" className={styles.sectionTitle}>
        {t('payments.heading')}
      </h3>
      {ready && invoices.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title={t('payments.emptyTitle')} headingLevel={3}>
          {t('payments.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <div className={styles.tableWrap}>
            <table className={`${styles.table} ${styles.stacked}`} aria-busy={!ready || undefined}>
              <caption className={styles.visuallyHidden}>{t('payments.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('payments.date')}</th>
                  <th scope="col">{t('payments.description')}</th>
                  <th scope="col" className={styles.numeric}>
                    {t('payments.amount')}
                  </th>
                  <th scope="col">{t('payments.status')}</th>
                  <th scope="col">{t('payments.invoice')}</th>
                  <th scope="col">{t('payments.nfseColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((invoice) => (
                  <tr key={invoice.id}>
                    <td className={`${styles.nowrap} ${styles.stackedDate}`}>
                      {format.date(invoice.dueDate)}
                    </td>
                    <td className={styles.stackedWide}>{invoice.description}</td>
                    <td className={`${styles.numeric} ${styles.nowrap} ${styles.stackedAmount}`}>
                      {format.money(invoice.amountCents)}
                    </td>
                    <td className={styles.stackedWide}>
                      <span className={`${styles.badge} ${styles[`invoice_${invoice.status}`] ?? ''}`}>
                        {t(`payments.invoiceStatus.${invoice.status}`)}
                      </span>
                      {invoice.paidDate && invoice.paidDate !== invoice.dueDate ? (
                        <span className={styles.muted}>
                          {' '}
                          {t('payments.paidOn', { date: format.date(invoice.paidDate) })}
                        </span>
                      ) : null}
                    </td>
                    <td className={styles.nowrap} data-label={t('payments.invoice')}>
                      {invoice.nfeUrl ? (
                        <a href={invoice.nfeUrl} target="_blank" rel="noreferrer">
                          {invoice.number}
                        </a>
                      ) : (
                        invoice.number
                      )}
                    </td>
                    <td className={styles.stackedWide} data-label={t('payments.nfseColumn')}>
                      <NfseCell invoice={invoice} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={styles.paymentFooter}>
            <dl className={styles.paymentSummary}>
              <div>
                <dt>{t('payments.totalCollected')}</dt>
                <dd>{format.money(summary.totalCollectedCents)}</dd>
              </div>
              <div>
                <dt>{t('payments.onTime')}</dt>
                <dd>
                  {summary.onTimeRatio === null
                    ? t('payments.onTimeNone')
                    : format.percent(summary.onTimeRatio)}
                </dd>
              </div>
            </dl>
            {sorted.length > FIRST_ROWS ? (
              <Button variant="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
                {all ? t('payments.showFewer') : t('payments.viewAll', { count: sorted.length })}
              </Button>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}
