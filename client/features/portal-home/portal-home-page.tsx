import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../../../shared/domain/portal/time.ts';
import type { Action } from '../../../shared/entities/portal.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useCollection, useDeviceData, useDeviceUser } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { EmptyState } from '../../ui/empty-state.tsx';
import { CompassIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import card from '../../ui/card.module.css';
import { AccountManagerCard } from '../account-manager/account-manager-card.tsx';
import { achievementPaths } from '../achievements/paths.ts';
import { goalPaths } from '../goals/paths.ts';
import { useMyMeetings } from '../meetings/use-my-meetings.ts';
import { TicketsSummaryCard } from '../tickets/tickets-summary-card.tsx';
import { ChatCard } from '../chat/chat-card.tsx';
import { useMyTickets } from '../tickets/use-my-tickets.ts';
import { actionChange, quickWinEntry, type CardMove } from './action-writes.ts';
import { CompanyCard } from './company-card.tsx';
import { buildHomeSummary } from './home-summary.ts';
import { ActionCards, GoalsCard, ScoreCard, StreakCard } from './summary-cards.tsx';
import { useMyCustomer } from './use-my-customer.ts';
import { useRecordVisit } from './use-record-visit.ts';
import {
  useMyActions,
  useMyCampaigns,
  useMyEngagement,
  useMyGoals,
  useMyMetrics,
} from './use-portal-documents.ts';
import styles from './portal-home.module.css';

/**
 * `/inicio` — the client portal's home, an executive summary (dashboard §1A–C): Score ARCO with its change
 * this month and the impact lines, three action cards, the month's goals, the visit streak; then the company,
 * the account manager and the tickets. Everything is read from the device database and computed by the shared
 * rules, so it opens offline after the first sync; completing or dismissing a card is written there and
 * replicates later. Before the first sync, an honest "being prepared" state.
 */
export function PortalHomePage() {
  const { t } = useTranslation('portalHome');
  const { user } = useSession();
  const { error } = useDeviceData();
  const now = useNow();
  const { timeZone } = useFormat();
  const customer = useMyCustomer();
  const tickets = useMyTickets();
  const chats = useMyTickets('chat');
  const meetings = useMyMeetings();
  const metrics = useMyMetrics();
  const campaigns = useMyCampaigns();
  const goals = useMyGoals();
  const actions = useMyActions();
  const engagement = useMyEngagement();
  const writes = useCardWrites(engagement.value);
  useRecordVisit(engagement);

  const firstName = user?.name.trim().split(/\s+/)[0] ?? '';
  const hasAccountData = customer.value !== null || meetings.value.length > 0;
  const today = localDateOf(now.getTime(), timeZone);
  const ready =
    customer.ready &&
    tickets.ready &&
    metrics.ready &&
    campaigns.ready &&
    goals.ready &&
    actions.ready &&
    engagement.ready;
  const summary = useMemo(
    () =>
      ready
        ? buildHomeSummary(
            {
              metrics: metrics.value,
              campaigns: campaigns.value,
              goals: goals.value,
              actions: actions.value,
              engagement: engagement.value,
            },
            today,
            timeZone,
          )
        : null,
    [ready, metrics.value, campaigns.value, goals.value, actions.value, engagement.value, today, timeZone],
  );

  return (
    <Page
      title={firstName ? t('home.greeting', { name: firstName }) : t('home.title')}
      description={t('home.description')}
    >
      {error ? <Notice tone="error">{t('home.deviceError')}</Notice> : null}
      {!summary ? (
        error ? null : (
          <>
            <p role="status" className={card.muted}>
              {t('home.loading')}
            </p>
            <div className={styles.skeleton} aria-hidden="true">
              <div className={styles.skeletonBlock} />
              <div className={styles.skeletonBlock} />
              <div className={styles.skeletonBlock} />
            </div>
          </>
        )
      ) : (
        <>
          {customer.value === null ? (
            <EmptyState icon={<CompassIcon />} title={t('home.preparingTitle')}>
              {t('home.preparingBody')}
            </EmptyState>
          ) : null}
          <div className={card.grid}>
            {customer.value ? <ScoreCard score={summary.score} impact={summary.impact} /> : null}
            {customer.value ? <GoalsCard goals={summary.goals} allGoalsPath={goalPaths.goals} /> : null}
            {customer.value ? (
              <StreakCard streak={summary.streak} achievementsPath={achievementPaths.achievements} />
            ) : null}
            {customer.value ? (
              <ActionCards cards={summary.cards} onMove={writes.move} onUndo={writes.undo} />
            ) : null}
            {customer.value ? <CompanyCard customer={customer.value} /> : null}
            {hasAccountData ? (
              <AccountManagerCard
                customer={customer.value}
                tickets={tickets.value}
                meetings={meetings.value}
                now={now}
              />
            ) : null}
            <ChatCard hasChat={chats.value.some((c) => c.status !== 'closed' && c.status !== 'resolved')} />
            <TicketsSummaryCard tickets={tickets.value} now={now} />
          </div>
        </>
      )}
    </Page>
  );
}

/**
 * Completing, dismissing and undoing a card on the device (action-writes.ts builds and checks each change).
 * A completed quick win is also appended to the user's engagement record (XP, the ⚡ badge).
 */
function useCardWrites(engagement: ReturnType<typeof useMyEngagement>['value']) {
  const user = useDeviceUser();
  const { now } = useDependencies();
  const collection = useCollection('actions');
  const engagementCollection = useCollection('engagement');

  const store = async (action: Action, move: CardMove): Promise<boolean> => {
    if (!user || !collection) return false;
    const at = now();
    const change = actionChange(action, move, { user, now: at });
    if (!change) return false;
    try {
      const doc = await collection.findOne(action.id).exec();
      if (!doc) return false;
      await doc.incrementalPatch(change);
      if (move === 'complete' && engagement && engagementCollection) {
        const quickWins = quickWinEntry(engagement, action, { user, now: at });
        const record = quickWins ? await engagementCollection.findOne(engagement.id).exec() : null;
        if (record && quickWins) await record.incrementalPatch({ quickWins });
      }
      return true;
    } catch {
      return false;
    }
  };
  return {
    move: (action: Action, move: Exclude<CardMove, 'undo'>) => store(action, move),
    undo: (action: Action) => store(action, 'undo'),
  };
}
