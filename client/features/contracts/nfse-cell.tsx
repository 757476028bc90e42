import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../shared/entities/billing.ts';
import { isStaff } from '../../../shared/identity.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { readNfse, requestNfse, type NfseAnswer } from './nfse-api.ts';
import { nfseCellView, type NfseProblem } from './nfse-view.ts';
import styles from './contracts.module.css';

/**
 * An invoice's NFS-e in the staff payment history: "Baixar NFe" once the nota exists, else — for a paid
 * invoice, admins and CSMs, online — "Emitir NFS-e" (`POST /api/nfse/invoices/:id`: the server sends the nota
 * or reads its state; a refused nota is sent again: "Reenviar NFS-e") and the issuance's state from `GET`
 * (nfse-view.ts decides what shows). Offline the button
 * stays, disabled, with the reason beside it. The nota's link also reaches the invoice by sync.
 */
export function NfseCell({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation('contracts');
  const { user } = useSession();
  const online = useOnline();
  const { fetch: fetchFn } = useDependencies();
  const reasonId = useId();
  const [answer, setAnswer] = useState<NfseAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const staff = user !== null && isStaff(user.role);
  const needsServer = staff && online && invoice.status === 'paid' && !invoice.nfeUrl;

  useEffect(() => {
    if (!needsServer) return;
    let live = true;
    void readNfse(fetchFn, invoice.id).then((a) => {
      if (live) setAnswer(a);
    });
    return () => {
      live = false;
    };
  }, [needsServer, fetchFn, invoice.id]);

  const issue = useCallback(async () => {
    setBusy(true);
    const next = await requestNfse(fetchFn, invoice.id);
    setAnswer(next);
    setBusy(false);
  }, [fetchFn, invoice.id]);

  if (!staff) return null;
  const view = nfseCellView(invoice, online, { answer, busy });
  const problemText = (problem: NfseProblem) => t(`payments.nfse.problem.${problem}`);

  switch (view.kind) {
    case 'download':
      return (
        <span className={styles.nfse}>
          <a href={view.url} target="_blank" rel="noreferrer">
            {t('payments.nfse.download')}
          </a>
          {view.number ? (
            <span className={styles.muted}>{t('payments.nfse.number', { number: view.number })}</span>
          ) : null}
        </span>
      );
    case 'not_paid':
      return <span className={styles.muted}>{t('payments.nfse.notPaid')}</span>;
    case 'loading':
      return (
        <span className={styles.muted} aria-busy="true">
          {t('payments.nfse.loading')}
        </span>
      );
    case 'offline':
      return (
        <span className={styles.nfse}>
          <Button variant="secondary" disabled aria-describedby={reasonId}>
            {t('payments.nfse.issue')}
          </Button>
          <span id={reasonId} className={styles.muted}>
            {t('payments.nfse.offline')}
          </span>
        </span>
      );
    case 'issue':
      return (
        <span className={styles.nfse}>
          <Button
            variant="secondary"
            disabled={view.busy}
            aria-describedby={view.problem ? reasonId : undefined}
            onClick={() => void issue()}
          >
            {view.busy ? t('payments.nfse.issuing') : t('payments.nfse.issue')}
          </Button>
          {view.problem ? (
            <span id={reasonId} role="alert" className={styles.nfseProblem}>
              {problemText(view.problem)}
            </span>
          ) : null}
        </span>
      );
    case 'processing':
      return (
        <span className={styles.nfse}>
          <span role="status">{t('payments.nfse.processing')}</span>
          <Button variant="secondary" disabled={view.busy} onClick={() => void issue()}>
            {view.busy ? t('payments.nfse.refreshing') : t('payments.nfse.refresh')}
          </Button>
        </span>
      );
    case 'refused':
      // The same POST: the server sends a refused nota again as a new attempt (server/nfse/issue-nfse.ts).
      return (
        <span className={styles.nfse}>
          <span role="alert" className={styles.nfseProblem}>
            {t('payments.nfse.refused')}
          </span>
          {view.errors ? <span className={styles.muted}>{view.errors}</span> : null}
          <span id={reasonId} className={styles.muted}>
            {t('payments.nfse.resendHint')}
          </span>
          <Button
            variant="secondary"
            disabled={view.busy}
            aria-describedby={reasonId}
            onClick={() => void issue()}
          >
            {view.busy ? t('payments.nfse.resending') : t('payments.nfse.resend')}
          </Button>
        </span>
      );
    case 'cancelled':
      return <span className={styles.muted}>{t('payments.nfse.cancelled')}</span>;
  }
}
