import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { BellIcon } from '../../ui/icons.tsx';
import { useAppBadge } from './app-badge.ts';
import { unreadCount } from './inbox-list.ts';
import { notificationPaths } from './paths.ts';
import { useDeviceUser } from '../../db/device-data.tsx';
import { useInbox, useReadOnNotificationTap } from './use-inbox.ts';
import { useKeepPushRegistered } from './keep-push-registered.ts';
import styles from './notifications.module.css';

/**
 * The header's bell (every signed-in role): a link to the inbox with the unread count from the device
 * database — live, offline too — in its accessible name and as a small badge; the installed app's icon badge
 * follows the same count. Mounted whenever someone is signed in, it also keeps this device's push
 * subscription registered and reads the inbox item a tapped push was about.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const inbox = useInbox();
  const unread = unreadCount(inbox.value);
  useAppBadge(inbox.ready ? unread : null);
  useKeepPushRegistered(useDeviceUser()?.id ?? null);
  useReadOnNotificationTap();
  const label = unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label');
  return (
    <NavLink to={notificationPaths.inbox} className={styles.bell} aria-label={label} title={label}>
      <BellIcon size={22} />
      {unread > 0 ? (
        <span className={styles.bellCount} aria-hidden="true" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
