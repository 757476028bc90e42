import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../../shared/entities/support.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useDeviceData } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { useShellNavigation } from '../../platform/shell-navigation.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { BellIcon, CheckIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { isUnread, unreadCount } from './inbox.ts';
import { PushOptIn } from './push-opt-in.tsx';
import { useInbox, useInboxWrites, type InboxWrites } from './use-inbox.ts';
import card from '../../ui/card.module.css';
import styles from './notifications.module.css';

/**
 * `/notificacoes` — the signed-in user's inbox from the device database (works offline): newest first, unread
 * ones marked, each opening its screen (the closest existing one when its own is not in the app yet), with
 * mark-as-read and mark-all-read written on the device and replicated later. Opening the inbox is a moment
 * the user chose, so this is where the push opt-in is offered (never on the first load).
 */
export function InboxPage() {
  const { t } = useTranslation('notifications');
  const { error } = useDeviceData();
  const inbox = useInbox();
  const writes = useInboxWrites();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<'markedAll' | 'writeError' | null>(null);
  const unread = unreadCount(inbox.value);

  const markAll = async () => {
    setBusy(true);
    setOutcome(null);
    const ok = await writes.markAllRead(inbox.value);
    setBusy(false);
    setOutcome(ok ? 'markedAll' : 'writeError');
  };

  return (
    <Page title={t('inbox.title')} description={t('inbox.description')}>
      {error ? <Notice tone="error">{t('inbox.deviceError')}</Notice> : null}
      <PushOptIn />
      {!inbox.ready ? (
        error ? null : (
          <p role="status" className={card.muted}>
            {t('inbox.loading')}
          </p>
        )
      ) : inbox.value.length === 0 ? (
        <EmptyState icon={<BellIcon />} title={t('inbox.emptyTitle')}>
          {t('inbox.emptyBody')}
        </EmptyState>
      ) : (
        <>
          <div className={styles.toolbar}>
            <p className={card.muted} data-testid="inbox-unread">
              {unread > 0 ? t('inbox.unreadCount', { count: unread }) : t('inbox.allRead')}
            </p>
            <Button variant="secondary" onClick={() => void markAll()} disabled={busy || unread === 0}>
              <CheckIcon size={18} />
              {busy ? t('inbox.marking') : t('inbox.markAllRead')}
            </Button>
            <p role="status" className={styles.status}>
              {outcome === 'markedAll' ? t('inbox.markedAll') : null}
            </p>
          </div>
          {outcome === 'writeError' ? (
            <Notice tone="error" role="alert">
              {t('inbox.writeError')}
            </Notice>
          ) : null}
          <ul className={styles.list} aria-label={t('inbox.listLabel')}>
            {inbox.value.map((n) => (
              <InboxItem
                key={n.id}
                notification={n}
                writes={writes}
                onError={() => setOutcome('writeError')}
              />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function InboxItem({
  notification: n,
  writes,
  onError,
}: {
  notification: Notification;
  writes: InboxWrites;
  onError: () => void;
}) {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  const now = useNow();
  const { user } = useSession();
  const { openablePath } = useShellNavigation();
  const unread = isUnread(n);
  // The page sits behind the role guard, so there is a user; the link is only ever an existing screen.
  const target = user ? openablePath(n.url, user.role) : '/';
  const markRead = async () => {
    if (!(await writes.markRead(n))) onError();
  };
  return (
    <li className={unread ? `${styles.item} ${styles.unread}` : styles.item}>
      {/* Opening an item reads it: the write is local, so it lands before the next screen renders. */}
      <Link to={target} className={styles.itemLink} onClick={() => void markRead()}>
        {/* Title first: a screen reader hears what happened before the details. */}
        <span className={styles.itemTitle}>{n.title}</span>
        {n.body ? <span className={styles.itemBody}>{n.body}</span> : null}
        <span className={styles.itemMeta}>
          {unread ? <span className={styles.unreadChip}>{t('inbox.unread')}</span> : null}
          <span className={styles.typeChip}>{t(`types.${n.type}`)}</span>
          <time dateTime={n.createdAt} title={format.dateTime(n.createdAt)}>
            {format.relative(n.createdAt, now)}
          </time>
        </span>
      </Link>
      {unread ? (
        <Button variant="secondary" className={styles.markRead} onClick={() => void markRead()}>
          <CheckIcon size={18} />
          {t('inbox.markRead')}
          {/* The visible text starts the name; the title tells the buttons of a long list apart. */}
          <span className="visually-hidden">: {n.title}</span>
        </Button>
      ) : null}
    </li>
  );
}
