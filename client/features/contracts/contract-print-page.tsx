import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { readOrganization, ORGANIZATION_DOC } from '../../db/device-settings.ts';
import { useLocalValue } from '../../db/local-documents.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { usePageTitle } from '../../ui/page.tsx';
import { useCustomerRecord } from './customer-record.ts';
import { contractPaths } from './paths.ts';
import styles from './contract-print.module.css';

/**
 * `/clientes/:id/contratos/:contractId/imprimir` — one contract as a document: parties, terms, items with
 * subtotals, values, renewal and signatures. Read from the device database (opens offline); the browser's
 * print dialog saves it as PDF, and the print stylesheet leaves only the document on the page (the app's
 * frame hides itself when printing: app-shell.module.css).
 */
export function ContractPrintPage() {
  const { id = '', contractId = '' } = useParams();
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const now = useNow(60_000);
  const record = useCustomerRecord(id);
  const organization = readOrganization(useLocalValue(ORGANIZATION_DOC));
  const contract = record.customer?.contracts.find((c) => c.id === contractId) ?? null;
  usePageTitle(contract ? t('print.title', { number: contract.contractNumber }) : t('print.notFound'));

  const back = (
    <ButtonLink to={contractPaths.tabOf(id)} className={styles.noPrint}>
      <span aria-hidden="true">←</span> {t('print.back')}
    </ButtonLink>
  );
  if (!record.ready) return <p role="status">{t('tab.loading')}</p>;
  if (!record.customer || !contract) {
    return (
      <div className={styles.page}>
        <h1 tabIndex={-1} data-page-heading="" className={styles.title}>
          {t('print.notFound')}
        </h1>
        {back}
      </div>
    );
  }
  const { customer } = record;
  const oneTime = contract.monthlyValueCents === 0;

  return (
    <div className={styles.page}>
      <div className={`${styles.toolbar} ${styles.noPrint}`}>
        {back}
        <Button onClick={() => window.print()}>{t('print.print')}</Button>
      </div>
      {record.pending ? (
        <div className={styles.noPrint}>
          <Notice tone="info">{t('tab.pending')}</Notice>
        </div>
      ) : null}

      <article className={styles.document} aria-labelledby="contract-document-title">
        <header className={styles.docHeader}>
          <p className={styles.kicker}>{contract.name}</p>
          <h1 id="contract-document-title" tabIndex={-1} data-page-heading="" className={styles.title}>
            {t('print.title', { number: contract.contractNumber })}
          </h1>
          <p className={styles.muted}>{t(`statusOption.${contract.status}`)}</p>
        </header>

        <section aria-labelledby="print-parties" className={styles.block}>
          <h2 id="print-parties" className={styles.blockTitle}>
            {t('print.parties')}
          </h2>
          <dl className={styles.parties}>
            <div>
              <dt>{t('print.provider')}</dt>
              <dd>{organization?.name ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('print.client')}</dt>
              <dd>
                <strong>{customer.name}</strong>
                {customer.domain ? <span className={styles.line}>{customer.domain}</span> : null}
                {customer.location ? <span className={styles.line}>{customer.location}</span> : null}
              </dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="print-terms" className={styles.block}>
          <h2 id="print-terms" className={styles.blockTitle}>
            {t('print.terms')}
          </h2>
          <dl className={styles.terms}>
            <div>
              <dt>{t('card.period')}</dt>
              <dd>
                {t('card.periodRange', {
                  from: format.date(contract.startDate),
                  to: format.date(contract.endDate),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('form.billingCycle')}</dt>
              <dd>{t(`billingCycle.${contract.billingCycle}`)}</dd>
            </div>
            {oneTime ? null : (
              <div>
                <dt>{t('card.renewal')}</dt>
                <dd>
                  {t(`renewalType.${contract.renewalType}`)}
                  {contract.renewalType === 'month_to_month'
                    ? null
                    : ` ${t('card.renewsOn', { date: format.date(contract.endDate) })}`}
                </dd>
              </div>
            )}
          </dl>
        </section>

        <section aria-labelledby="print-items" className={styles.block}>
          <h2 id="print-items" className={styles.blockTitle}>
            {t('print.items')}
          </h2>
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t('print.item')}</th>
                  <th scope="col" className={styles.numeric}>
                    {t('print.quantity')}
                  </th>
                  <th scope="col" className={styles.numeric}>
                    {t('print.unitPrice')}
                  </th>
                  <th scope="col" className={styles.numeric}>
                    {t('print.subtotal')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {contract.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      {item.name}
                      {item.description ? <span className={styles.itemNote}>{item.description}</span> : null}
                    </td>
                    <td className={styles.numeric}>{format.number(item.quantity)}</td>
                    <td className={styles.numeric}>{format.money(item.unitPriceCents)}</td>
                    <td className={styles.numeric}>
                      {item.billingType === 'recurring'
                        ? t('card.itemMonthly', { value: format.money(item.quantity * item.unitPriceCents) })
                        : t('card.itemOnce', { value: format.money(item.quantity * item.unitPriceCents) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className={styles.totals}>
            {oneTime ? null : (
              <>
                <div>
                  <dt>{t('print.monthly')}</dt>
                  <dd>{format.money(contract.monthlyValueCents)}</dd>
                </div>
                <div>
                  <dt>{t('print.yearly')}</dt>
                  <dd>{format.money(contract.monthlyValueCents * 12)}</dd>
                </div>
              </>
            )}
            <div className={styles.grandTotal}>
              <dt>{t('print.total')}</dt>
              <dd>{format.money(contract.totalValueCents)}</dd>
            </div>
          </dl>
        </section>

        <footer className={styles.signatures}>
          <p className={styles.muted}>
            {contract.signedAt && contract.signedBy
              ? t('print.signedBy', { name: contract.signedBy, date: format.date(contract.signedAt) })
              : t('print.notSigned')}
          </p>
          <div className={styles.signatureLines}>
            <div className={styles.signatureLine}>{t('print.signatureProvider')}</div>
            <div className={styles.signatureLine}>{t('print.signatureClient')}</div>
          </div>
        </footer>
        <p className={styles.footnote}>{t('print.generatedOn', { date: format.date(now) })}</p>
      </article>
    </div>
  );
}
