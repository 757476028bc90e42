import { useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { Signal } from '../../../shared/entities/csm.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useCollection } from '../../db/device-data.tsx';
import { useDomainTextFor } from '../../domain-text/use-domain-text.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useConnectivity } from '../../sync-status/use-sync-status.ts';
import { Button } from '../../ui/button.tsx';
import { useCustomer360 } from './customer-360-context.ts';
import { createOpportunity, OPEN_EXPANSION, requestCaseStudy } from './customer-writes.ts';
import { useCustomer360Translation } from './use-customer-360-translation.ts';
import { useMoney } from './use-money.ts';
import styles from './customer-360.module.css';

/** Newest first: the signals' own creation time. */
const newestFirst = (a: Signal, b: Signal) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;

/**
 * "Insights e oportunidades" (customers spec §2.2): the customer's open expansion opportunities (with their
 * estimated monthly value and "Criar oportunidade" on a detected one) and its advocacy insight ("Solicitar case
 * study"). Both actions are written on the device (customer-writes.ts) and work offline.
 */
export function InsightCards({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useCustomer360Translation();
  const format = useFormat();
  const domainText = useDomainTextFor(format.language);
  const money = useMoney();
  const { docs } = useCustomer360();
  const { user } = useSession();
  const { now } = useDependencies();
  const connectivity = useConnectivity();
  const signals = useCollection('signals');
  const activities = useCollection('activities');
  const [busy, setBusy] = useState<string | null>(null);

  const expansions = docs.signals
    .filter((s) => s.kind === 'expansion' && OPEN_EXPANSION.has(s.status))
    .sort(newestFirst);
  const advocacy = docs.signals
    .filter((s) => s.kind === 'insight' && s.subtype === 'advocacy' && s.status === 'new')
    .sort(newestFirst);
  const saved = (text: string) =>
    onDone(connectivity === 'online' ? text : `${text} ${t('overview.insights.savedOffline')}`);

  const onCreate = async (signal: Signal) => {
    if (!user || !signals) return;
    const next = createOpportunity(signal, user, now());
    if (next === null) return onDone(t('overview.insights.failed'));
    setBusy(signal.id);
    try {
      const stored = await signals.findOne(signal.id).exec();
      // Only the lifecycle fields: a concurrent change to another field (sync) is kept.
      await stored?.incrementalPatch({
        status: next.status,
        resolvedAt: next.resolvedAt,
        resolvedBy: next.resolvedBy,
        resolutionNotes: next.resolutionNotes,
      });
      saved(t('overview.insights.opportunityCreated'));
    } catch {
      onDone(t('overview.insights.failed'));
    } finally {
      setBusy(null);
    }
  };

  const onCaseStudy = async (insight: Signal) => {
    if (!user || !signals || !activities) return;
    const result = requestCaseStudy(
      insight,
      {
        title: t('overview.insights.caseStudyTitle'),
        description: t('overview.insights.caseStudyDescription', { title: domainText(insight.title) }),
      },
      user,
      uuidv7(),
      now(),
    );
    if (result === null) return onDone(t('overview.insights.failed'));
    setBusy(insight.id);
    try {
      await activities.insert(result.activity);
      const stored = await signals.findOne(insight.id).exec();
      await stored?.incrementalPatch({
        status: result.insight.status,
        resolvedAt: result.insight.resolvedAt,
        resolvedBy: result.insight.resolvedBy,
        resolutionNotes: result.insight.resolutionNotes,
      });
      saved(t('overview.insights.caseStudyRequested'));
    } catch {
      onDone(t('overview.insights.failed'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className={`${styles.section} ${styles.wide}`} aria-labelledby="c360-insights">
      <h3 id="c360-insights" className={styles.sectionTitle}>
        {t('overview.insights.title')}
      </h3>
      {expansions.length === 0 && advocacy.length === 0 ? (
        <p className={styles.muted}>{t('overview.insights.empty')}</p>
      ) : null}
      {expansions.map((s) => (
        <article key={s.id} className={styles.insight} aria-labelledby={`c360-insight-${s.id}`}>
          <span className={styles.insightKind}>{t('overview.insights.expansion')}</span>
          <h4 id={`c360-insight-${s.id}`} className={styles.itemTitle}>
            {domainText(s.title)}
          </h4>
          <p className={styles.itemText}>{domainText(s.description)}</p>
          {s.estimatedValueCents === null ? null : (
            <p className={styles.itemTitle}>
              {t('overview.insights.estimated', { value: money(s.estimatedValueCents) })}
            </p>
          )}
          {s.probability === null ? null : (
            <p className={styles.muted}>
              {t('overview.insights.probability', { value: format.percent(s.probability / 100) })}
            </p>
          )}
          {s.status === 'identified' ? (
            <Button disabled={busy === s.id} onClick={() => void onCreate(s)}>
              {t('overview.insights.create')}
            </Button>
          ) : (
            <p className={styles.muted}>
              {t(`overview.insights.status.${s.status === 'negotiating' ? 'negotiating' : 'contacted'}`)}
            </p>
          )}
        </article>
      ))}
      {advocacy.map((s) => (
        <article
          key={s.id}
          className={`${styles.insight} ${styles.insightAdvocacy}`}
          aria-labelledby={`c360-insight-${s.id}`}
        >
          <span className={styles.insightKind}>{t('overview.insights.advocacy')}</span>
          <h4 id={`c360-insight-${s.id}`} className={styles.itemTitle}>
            {domainText(s.title)}
          </h4>
          <p className={styles.itemText}>{domainText(s.description)}</p>
          <Button disabled={busy === s.id} onClick={() => void onCaseStudy(s)}>
            {t('overview.insights.requestCaseStudy')}
          </Button>
        </article>
      ))}
    </section>
  );
}
