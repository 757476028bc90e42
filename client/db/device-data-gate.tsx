import { useEffect, type ReactNode } from 'react';
import { useSession } from '../auth/session-context.tsx';
import { ProfileLanguage } from '../i18n/profile-language.tsx';
import type { SyncStatusSource } from '../sync-status/sync-status-source.ts';
import { DeviceDataProvider } from './device-data.tsx';
import type { DeviceSessions } from './device-session.ts';

/**
 * Opens the signed-in user's device data under the session, and turns a sync 401 into "sign in again":
 * `expire()` keeps every local database, so queued edits drain after the next sign-in (docs/architecture.md §6).
 */
export function DeviceDataGate(props: {
  sessions: DeviceSessions;
  status: SyncStatusSource;
  children: ReactNode;
}) {
  const { user, expire } = useSession();
  const { status } = props;
  useEffect(
    () =>
      status.subscribe(() => {
        if (status.getSnapshot().blocker === 'session_expired') expire();
      }),
    [status, expire],
  );
  return (
    <DeviceDataProvider sessions={props.sessions} user={user}>
      <ProfileLanguage />
      {props.children}
    </DeviceDataProvider>
  );
}
