import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useConnectivity } from '../../sync-status/use-sync-status.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useTaskText } from '../tasks/use-task-text.ts';
import { Button } from '../../ui/button.tsx';
import { Chart } from '../../ui/charts/chart.tsx';
import { useCustomer360 } from './customer-360-context.ts';
import { InsightCards } from './insight-cards.tsx';
import { LogDialog, type LogKind } from './log-dialog.tsx';
import {
  contactName,
  dimensionRows,
  keyContacts,
  primaryContact,
  recentActivities,
  signedPoints,
} from './overview-view.ts';
import { customerPath } from './paths.ts';
import { useCustomer360Translation } from './use-customer-360-translation.ts';
import { useMoney } from './use-money.ts';
import { useMrrPoints } from './use-mrr-points.ts';
import { TabSection } from './tab-section.tsx';
import styles from './customer-360.module.css';

/** Months in the overview's MRR chart (the wireframe shows five to six). */
const MRR_CHART_MONTHS = 6;

/**
 * The Customer 360's overview tab (customers spec §2.2): revenue, health breakdown, key contacts, recent activity,
 * insights and quick actions. Every figure comes from the shared rules over the device's documents.
 */
export function OverviewTab() {
  const [announcement, setAnnouncement] = useState<string | null>(null);
  return (
    <div className={styles.sections}>
      <RevenueSection />
      <HealthSection />
      <ContactsSection />
      <ActivitySection />
      <InsightCards onDone={setAnnouncement} />
      <QuickActions onDone={setAnnouncement} />
      <p role="status" className={announcement ? `${styles.wide} ${styles.muted}` : 'visually-hidden'}>
        {announcement}
      </p>
    </div>
  );
}

function RevenueSection() {
  const { t } = useCustomer360Translation();
  const money = useMoney();
  const { summary } = useCustomer360();
  const points = useMrrPoints(MRR_CHART_MONTHS);
  const caption = t('overview.revenue.chartTitle', { count: MRR_CHART_MONTHS });
  return (
    <TabSection id="c360-revenue" title={t('overview.revenue.title')}>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>{t('overview.revenue.mrr')}</dt>
          <dd>{money(summary.mrrCents)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>{t('overview.revenue.arr')}</dt>
          <dd>{money(summary.arrCents)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>{t('overview.revenue.ltv')}</dt>
          <dd>{money(summary.lifetimeValueCents)}</dd>
        </div>
      </dl>
      <p className={styles.muted} aria-hidden="true">
        {caption}
      </p>
      <Chart
        kind="bar"
        caption={caption}
        labelHeader={t('analytics.mrrHistory.month')}
        valueHeader={t('analytics.mrrHistory.mrr')}
        points={points}
        formatValue={money}
      />
    </TabSection>
  );
}

function HealthSection() {
  const { t } = useCustomer360Translation();
  const format = useFormat();
  const { health } = useCustomer360();
  const shown = health.shown;
  return (
    <TabSection id="c360-health" title={t('overview.health.title')}>
      {shown === null ? (
        <p className={styles.muted}>{t('overview.health.empty')}</p>
      ) : (
        <>
          <ul className={styles.bars}>
            {dimensionRows(shown.breakdown).map((row) => (
              <li key={row.dimension} className={styles.bar}>
                <span className={styles.barLabel} id={`c360-dim-${row.dimension}`}>
                  {t(`dimensions.${row.dimension}`)}
                </span>
                <span className={styles.barValue}>
                  {row.score === null ? t('overview.health.noData') : format.percent(row.score / 100)}
                </span>
                <span
                  className={styles.barTrack}
                  role="meter"
                  aria-labelledby={`c360-dim-${row.dimension}`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={row.score ?? 0}
                  aria-valuetext={row.score === null ? t('overview.health.noData') : `${row.score}%`}
                >
                  <span className={styles.barFill} style={{ width: `${row.score ?? 0}%` }} />
                </span>
                {row.trendPoints === null ? null : (
                  <span className={styles.barTrend}>
                    {t('overview.health.dimensionTrend', {
                      value: signedPoints(row.trendPoints, format.number),
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
          <p className={styles.muted}>
            {shown.trend === null
              ? t('overview.health.noTrend')
              : t('overview.health.trend', { value: signedPoints(shown.trend, format.number) })}
          </p>
        </>
      )}
    </TabSection>
  );
}

function ContactsSection() {
  const { t } = useCustomer360Translation();
  const { customer, tabs } = useCustomer360();
  const contacts = keyContacts(customer.contacts);
  return (
    <TabSection id="c360-contacts" title={t('overview.contacts.title')}>
      {contacts.length === 0 ? (
        <p className={styles.muted}>{t('overview.contacts.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {contacts.map((c) => {
            const name = contactName(c);
            return (
              <li key={c.id} className={styles.item}>
                <span className={styles.itemTitle}>
                  {name}
                  {c.isPrimary ? (
                    <span className={styles.badge}>{t('overview.contacts.primary')}</span>
                  ) : null}
                </span>
                {c.jobTitle ? <span className={styles.muted}>{c.jobTitle}</span> : null}
                <span className={styles.itemText}>{c.email}</span>
                <span className={styles.linkRow}>
                  {c.phone ? (
                    <a className={styles.iconLink} href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>
                      <span aria-hidden="true">☎</span>
                      <span className="visually-hidden">{t('overview.contacts.call', { name })}</span>
                    </a>
                  ) : null}
                  <a className={styles.iconLink} href={`mailto:${c.email}`}>
                    <span aria-hidden="true">✉</span>
                    <span className="visually-hidden">{t('overview.contacts.email', { name })}</span>
                  </a>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {tabs.some((tab) => tab.id === 'contacts') ? (
        <Link className={styles.more} to={customerPath(customer.id, 'contacts')}>
          {t('overview.contacts.viewAll')}
        </Link>
      ) : null}
    </TabSection>
  );
}

function ActivitySection() {
  const { t } = useCustomer360Translation();
  const format = useFormat();
  const { customer, docs, now, tabs } = useCustomer360();
  const recent = recentActivities(docs.activities, now);
  const textOf = useTaskText();
  return (
    <TabSection id="c360-activity" title={t('overview.activity.title')}>
      {recent.length === 0 ? (
        <p className={styles.muted}>{t('overview.activity.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {recent.map((a) => (
            <li key={a.id} className={styles.item}>
              <span className={styles.itemTitle}>
                {t(`activityType.${a.type}`)} · {textOf(a).title}
                {a.serverSeq === 0 ? (
                  <span className={`${styles.badge} ${styles.pendingBadge}`}>
                    {t('overview.activity.pending')}
                  </span>
                ) : null}
              </span>
              {a.description ? <span className={styles.itemText}>“{a.description}”</span> : null}
              <span className={styles.muted}>
                <time dateTime={a.occurredAt} title={format.dateTime(a.occurredAt)}>
                  {format.relative(a.occurredAt, now)}
                </time>
                {a.performedByName ? ` · ${t('overview.activity.by', { name: a.performedByName })}` : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {tabs.some((tab) => tab.id === 'activity') ? (
        <Link className={styles.more} to={customerPath(customer.id, 'activity')}>
          {t('overview.activity.viewAll')}
        </Link>
      ) : null}
    </TabSection>
  );
}

function QuickActions({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useCustomer360Translation();
  const { customer } = useCustomer360();
  const connectivity = useConnectivity();
  const [open, setOpen] = useState<LogKind | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const primary = primaryContact(customer.contacts);
  const phone = primary?.phone ? primary.phone.replace(/[^\d+]/g, '') : null;

  const start = (kind: LogKind, opener: HTMLElement) => {
    openerRef.current = opener;
    setOpen(kind);
  };
  const close = () => {
    setOpen(null);
    const opener = openerRef.current;
    requestAnimationFrame(() => opener?.focus());
  };
  const done = (what: string) => {
    onDone(connectivity === 'online' ? t('log.saved', { what }) : t('log.savedOffline', { what }));
    close();
  };

  return (
    <TabSection id="c360-actions" title={t('overview.actions.title')} wide>
      <div className={styles.quickActions}>
        {phone ? (
          // The phone app opens through tel:, and the call is logged here (the form stays open behind it).
          <a
            className={styles.iconLink}
            href={`tel:${phone}`}
            onClick={(e) => start('call', e.currentTarget)}
          >
            <span aria-hidden="true">☎</span> {t('overview.actions.call')}
          </a>
        ) : (
          <Button variant="secondary" onClick={(e) => start('call', e.currentTarget)}>
            <span aria-hidden="true">☎</span> {t('overview.actions.call')}
          </Button>
        )}
        {primary ? (
          <a
            className={styles.iconLink}
            href={`mailto:${primary.email}`}
            onClick={(e) => start('email', e.currentTarget)}
          >
            <span aria-hidden="true">✉</span> {t('overview.actions.email')}
          </a>
        ) : (
          <Button variant="secondary" onClick={(e) => start('email', e.currentTarget)}>
            <span aria-hidden="true">✉</span> {t('overview.actions.email')}
          </Button>
        )}
        <Button variant="secondary" onClick={(e) => start('note', e.currentTarget)}>
          {t('overview.actions.note')}
        </Button>
        <Button variant="secondary" onClick={(e) => start('meeting', e.currentTarget)}>
          {t('overview.actions.meeting')}
        </Button>
        <Button variant="secondary" onClick={(e) => start('expansion', e.currentTarget)}>
          {t('overview.actions.expansion')}
        </Button>
      </div>
      {primary === null ? <p className={styles.muted}>{t('overview.actions.noContact')}</p> : null}
      {primary !== null && phone === null ? (
        <p className={styles.muted}>{t('overview.actions.noPhone')}</p>
      ) : null}
      {open === null ? null : <LogDialog kind={open} customer={customer} onDone={done} onClose={close} />}
    </TabSection>
  );
}
