import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { evaluateAbTest } from '../../../shared/domain/portal/ab-test.ts';
import { visitorsStillNeeded } from '../../../shared/domain/portal/campaign-metrics.ts';
import { formatSignedPercentPtBr } from '../../../shared/domain/portal/numbers.ts';
import type { AbTest, Campaign } from '../../../shared/entities/portal.ts';
import { useCollection, useDeviceUser } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { ticketPaths } from '../tickets/paths.ts';
import { buildNewTicket, canOpenTicket } from '../tickets/ticket-writes.ts';
import styles from './campaigns.module.css';

/**
 * One A/B test (dashboard §4B): each variant's visitors, conversions and rate, the lift of B over A, the
 * confidence and the verdict of the shared two-proportion test (`evaluateAbTest`). A winner is crowned only
 * at 95 % confidence; otherwise the card says "Inconclusivo — continue testando", why, and how many more
 * visitors the current rates would need (`visitorsStillNeeded`). On a winner, "Implementar" sends the agency
 * a request as a support ticket (a local write: offline too).
 */
export function AbTestCard({ test, campaign }: { test: AbTest; campaign: Campaign }) {
  const { t } = useTranslation('campaigns');
  const format = useFormat();
  const headingId = useId();
  const result = evaluateAbTest({ variantA: test.variantA, variantB: test.variantB });
  const needed =
    result.verdict.kind === 'inconclusive' && result.verdict.reason !== 'no_variation'
      ? visitorsStillNeeded(test.variantA, test.variantB)
      : null;
  const lift = (value: number | null) =>
    value === null
      ? null
      : format.language === 'en'
        ? `${value > 0 ? '+' : ''}${value.toFixed(1)}%`
        : formatSignedPercentPtBr(value, 1);
  const liftText = lift(result.liftPercentDisplay);
  const variants = [
    { letter: 'A' as const, v: test.variantA, rate: result.rateA },
    { letter: 'B' as const, v: test.variantB, rate: result.rateB },
  ];
  return (
    <article className={styles.abCard} aria-labelledby={headingId}>
      <header className={styles.abHeader}>
        <h3 id={headingId} className={styles.abTitle}>
          {test.name}
        </h3>
        <span className={styles.pill}>{t(`ab.status.${test.status}`)}</span>
      </header>
      <p className={styles.muted}>{t('ab.element', { element: test.element })}</p>
      <ul className={styles.variants}>
        {variants.map(({ letter, v, rate }) => (
          <li
            key={letter}
            className={
              result.verdict.kind === 'winner' && result.verdict.variant === letter
                ? styles.winnerVariant
                : ''
            }
          >
            <strong>{t('ab.variant', { letter, name: v.name })}</strong>
            <span>
              {t('ab.variantFigures', {
                rate: format.percent(Math.trunc(rate * 1000) / 1000),
                visitors: format.number(v.visitors),
                conversions: format.number(v.conversions),
              })}
            </span>
          </li>
        ))}
      </ul>
      <p>{liftText === null ? t('ab.liftUnknown') : t('ab.lift', { lift: liftText })}</p>
      <p>{t('ab.confidence', { confidence: format.percent(result.confidencePercentDisplay / 100) })}</p>
      {result.verdict.kind === 'winner' ? (
        <>
          <p className={`${styles.verdict} ${styles.good}`}>
            <span aria-hidden="true">✓ </span>
            {liftText === null
              ? t('ab.winnerNoLift', { variant: result.verdict.variant })
              : t('ab.winner', { variant: result.verdict.variant, lift: liftText })}
          </p>
          <ImplementWinner test={test} campaign={campaign} variant={result.verdict.variant} />
        </>
      ) : (
        <div className={`${styles.verdict} ${styles.warn}`}>
          <p>
            <strong>{t('ab.inconclusive')}</strong>
          </p>
          <p>{t(`ab.reason.${result.verdict.reason}`)}</p>
          {needed !== null && needed > 0 ? (
            <p>{t('ab.needed', { formatted: format.number(needed) })}</p>
          ) : null}
        </div>
      )}
    </article>
  );
}

function ImplementWinner(props: { test: AbTest; campaign: Campaign; variant: 'A' | 'B' }) {
  const { test, campaign, variant } = props;
  const { t } = useTranslation('campaigns');
  const { now } = useDependencies();
  const user = useDeviceUser();
  const tickets = useCollection('tickets');
  const [sent, setSent] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  if (!user || !canOpenTicket(user)) return null;
  const name = (variant === 'A' ? test.variantA : test.variantB).name;

  async function send() {
    if (!user || !tickets) return setFailed(true);
    const result = buildNewTicket(
      {
        subject: t('ab.implementSubject', { variant, test: test.name }),
        description: t('ab.implementBody', { variant, name, test: test.name, campaign: campaign.name }),
        priority: 'medium',
      },
      { user, id: uuidv7(), messageId: uuidv7(), now: now() },
    );
    if (!result.ok) return setFailed(true);
    try {
      await tickets.insert(result.value);
      setFailed(false);
      setSent(result.value.id);
    } catch {
      setFailed(true);
    }
  }

  return sent ? (
    <Notice tone="info" role="status">
      {t('ab.implementSent')} <Link to={ticketPaths.ticket(sent)}>{t('ab.viewRequest')}</Link>
    </Notice>
  ) : (
    <div className={styles.actions}>
      <Button onClick={() => void send()}>{t('ab.implement')}</Button>
      {failed ? (
        <Notice tone="error" role="alert">
          {t('ab.implementFailed')}
        </Notice>
      ) : null}
    </div>
  );
}
