import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { verifyBrCode } from '../../../shared/domain/portal/br-code.ts';
import { effectiveInvoiceStatus } from '../../../shared/domain/portal/money.ts';
import type { Invoice } from '../../../shared/entities/billing.ts';
import { useDeviceData, useDeviceUser, useLiveDocument } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InboxIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { InvoiceStatusBadge } from './invoices-page.tsx';
import { payInvoice, type PayResult } from './pay-invoice.ts';
import { moneyPaths } from './paths.ts';
import { PixQrCode } from './pix-qr-code.tsx';
import { LoadingCards } from './skeleton.tsx';
import { useToday } from './use-money-data.ts';
import card from '../../ui/card.module.css';
import styles from './money.module.css';

/**
 * `/inicio/faturas/:invoiceId` — one invoice: amount, dates and status; while it is open, the Pix "copia e
 * cola" code (checked with the shared `verifyBrCode` before it is shown: the device never offers a code a bank
 * would refuse), its QR code, a copy button and "Pagar" (online only: the server opens a charge with its payment
 * gateway, whose webhook later marks the invoice paid — the device learns it through sync); once paid, the NFe
 * link and the payments. Read from the device database: it opens offline, Pix code included.
 */
export function InvoicePage() {
  const { invoiceId } = useParams();
  const { t } = useTranslation('money');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const live = useLiveDocument('invoices', invoiceId);
  const stored = live.docs[0] ?? null;
  const invoice = stored && user && stored.customerId === user.customerId ? stored : null;

  if (!live.ready || !user) {
    return (
      <Page title={t('invoices.title')}>
        {error ? (
          <Notice tone="error">{t('common.deviceError')}</Notice>
        ) : (
          <LoadingCards label={t('common.loading')} count={1} />
        )}
      </Page>
    );
  }
  if (!invoice) {
    return (
      <Page title={t('invoice.notFoundTitle')}>
        <EmptyState
          icon={<InboxIcon />}
          title={t('invoice.notFoundTitle')}
          actions={<Link to={moneyPaths.invoices}>{t('invoice.backToList')}</Link>}
        >
          {t('invoice.notFoundBody')}
        </EmptyState>
      </Page>
    );
  }
  return <InvoiceView invoice={invoice} />;
}

function InvoiceView({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation('money');
  const format = useFormat();
  const today = useToday();
  const status = effectiveInvoiceStatus(invoice, today);
  const open = status === 'pending' || status === 'overdue';

  return (
    <Page title={invoice.description} description={<InvoiceStatusBadge status={status} />}>
      <p>
        <Link to={moneyPaths.invoices}>{t('invoice.backToList')}</Link>
      </p>
      {status === 'paid' ? (
        <Notice tone="info" role="status">
          {t('invoice.paidNotice')}
        </Notice>
      ) : null}
      <div className={styles.invoiceLayout}>
        <section className={card.card} aria-labelledby="invoice-details">
          <h2 id="invoice-details" className={card.cardTitle}>
            {t('invoice.details')}
          </h2>
          <dl className={card.facts}>
            <div className={card.fact}>
              <dt>{t('invoice.number')}</dt>
              <dd>{invoice.number}</dd>
            </div>
            <div className={card.fact}>
              <dt>{t('invoice.amount')}</dt>
              <dd className={styles.bigNumber}>{format.money(invoice.amountCents)}</dd>
            </div>
            <div className={card.fact}>
              <dt>{t('invoice.issued')}</dt>
              <dd>{format.date(invoice.issueDate)}</dd>
            </div>
            <div className={card.fact}>
              <dt>{t('invoice.due')}</dt>
              <dd>{format.date(invoice.dueDate)}</dd>
            </div>
            {invoice.paidDate ? (
              <div className={card.fact}>
                <dt>{t('invoice.paid')}</dt>
                <dd>{format.date(invoice.paidDate)}</dd>
              </div>
            ) : null}
          </dl>
          {invoice.nfeUrl ? (
            <p>
              <a href={invoice.nfeUrl} target="_blank" rel="noopener noreferrer" className={styles.external}>
                {t('invoice.nfe')}
              </a>
              {invoice.nfeNumber ? (
                <span className={card.muted}> · {t('invoice.nfeNumber', { number: invoice.nfeNumber })}</span>
              ) : null}
            </p>
          ) : (
            <p className={card.muted}>{t(status === 'paid' ? 'invoice.nfePending' : 'invoice.nfeMissing')}</p>
          )}
          <Payments invoice={invoice} />
        </section>
        {open ? <PixSection invoice={invoice} /> : null}
      </div>
    </Page>
  );
}

function Payments({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation('money');
  const format = useFormat();
  if (invoice.payments.length === 0) return null;
  const sorted = [...invoice.payments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <div>
      <h3 className={styles.subTitle}>{t('invoice.paymentsHeading')}</h3>
      <ul className={styles.plainList}>
        {sorted.map((p) => (
          <li key={p.id}>
            {t('invoice.payment', {
              method: t(`invoice.method.${p.method}`),
              amount: format.money(p.amountCents),
            })}{' '}
            · {t(`invoice.paymentStatus.${p.status}`)} · {format.date(p.paidAt ?? p.createdAt)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PixSection({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation('money');
  const codeId = useId();
  const check = invoice.pixCode ? verifyBrCode(invoice.pixCode) : null;
  return (
    <section className={card.card} aria-labelledby="invoice-pix">
      <h2 id="invoice-pix" className={card.cardTitle}>
        {t('invoice.pixHeading')}
      </h2>
      {invoice.pixCode === null || check === null ? (
        <p className={card.muted}>{t('invoice.noPix')}</p>
      ) : !check.valid ? (
        <Notice tone="warning">{t('invoice.pixInvalid')}</Notice>
      ) : (
        <>
          <p className={card.muted}>{t('invoice.pixIntro')}</p>
          <PixQrCode code={invoice.pixCode} label={t('invoice.qrAlt', { number: invoice.number })} />
          <label htmlFor={codeId} className={styles.label}>
            {t('invoice.pixCodeLabel')}
          </label>
          <textarea
            id={codeId}
            className={styles.pixCode}
            readOnly
            rows={4}
            value={invoice.pixCode}
            data-testid="pix-code"
          />
          <CopyButton text={invoice.pixCode} targetId={codeId} />
        </>
      )}
      <PayButton invoice={invoice} />
    </section>
  );
}

function CopyButton({ text, targetId }: { text: string; targetId: string }) {
  const { t } = useTranslation('money');
  const [message, setMessage] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage(t('invoice.copied'));
    } catch {
      // No clipboard permission (or an old browser): select the code so the user can copy it by hand.
      const field = document.getElementById(targetId);
      if (field instanceof HTMLTextAreaElement) {
        field.focus();
        field.select();
      }
      setMessage(t('invoice.copyFailed'));
    }
  };
  return (
    <div className={styles.copyRow}>
      <Button variant="secondary" onClick={() => void copy()}>
        {t('invoice.copy')}
      </Button>
      <span role="status" className={card.muted}>
        {message}
      </span>
    </div>
  );
}

function PayButton({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation('money');
  const deps = useDependencies();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PayResult | null>(null);
  const pay = async () => {
    setBusy(true);
    setResult(await payInvoice(deps, invoice.id));
    setBusy(false);
  };
  const message =
    result === null
      ? ''
      : result.kind === 'started'
        ? t('pay.started')
        : result.kind === 'offline'
          ? t('pay.offline')
          : result.code === 'conflict'
            ? t('pay.alreadyPaid')
            : result.code === 'not_found'
              ? t('pay.notFound')
              : result.code === 'unauthorized'
                ? t('pay.signedOut')
                : t('pay.failed');
  const started = result?.kind === 'started';
  return (
    <div className={styles.payRow}>
      <Button
        variant="primary"
        block
        disabled={!online || busy || started}
        aria-describedby={!online ? 'pay-offline' : undefined}
        onClick={() => void pay()}
      >
        {busy ? t('pay.paying') : t('pay.button')}
      </Button>
      {!online ? (
        <p id="pay-offline" className={card.muted}>
          {t('pay.offline')}
        </p>
      ) : null}
      <p
        role={result && result.kind !== 'started' ? 'alert' : 'status'}
        className={result && result.kind !== 'started' ? styles.errorText : card.muted}
      >
        {message}
      </p>
    </div>
  );
}
