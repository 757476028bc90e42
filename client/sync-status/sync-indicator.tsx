import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSynced, totalPending } from '../../sync/client/status.ts';
import { CloudIcon, CloudOffIcon, RefreshIcon } from '../ui/icons.tsx';
import { useFormat } from '../platform/use-format.ts';
import { useNow } from '../platform/use-now.ts';
import { useSyncStatus } from './use-sync-status.ts';
import styles from './sync-indicator.module.css';

/**
 * Always visible in the top bar (docs/architecture.md §8): online/offline, pending changes, last sync. The chip opens a
 * small panel with the details; a polite live region announces connectivity and queue changes.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const format = useFormat();
  const now = useNow();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const pending = totalPending(status);
  const connectivityLabel = t(`sync.${status.connectivity}`);
  const lastShort = status.lastSyncedAt ? format.relative(status.lastSyncedAt, now, 'short') : null;
  // "Synced" only when it is true now (sync/client/status.ts `isSynced`: everything pulled is stored, nothing
  // waits to be sent); otherwise the time of the last sync, in words that do not claim it.
  const lastLong = !status.lastSyncedAt
    ? t('sync.neverSynced')
    : isSynced(status)
      ? t('sync.lastSynced', { when: format.relative(status.lastSyncedAt, now) })
      : t('sync.lastSyncedBefore', { when: format.relative(status.lastSyncedAt, now) });
  const pendingLong = pending > 0 ? t('sync.pendingLong', { count: pending }) : t('sync.noPending');
  // The chip's words, in its name too (WCAG 2.5.3 "label in name": a voice user says what they see).
  const visible = [
    connectivityLabel,
    pending > 0 ? t('sync.pending', { count: pending }) : null,
    lastShort ? `· ${lastShort}` : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
  const Icon =
    status.connectivity === 'offline'
      ? CloudOffIcon
      : status.connectivity === 'online'
        ? CloudIcon
        : RefreshIcon;

  return (
    <div
      className={styles.root}
      ref={rootRef}
      data-testid="sync-indicator"
      data-connectivity={status.connectivity}
    >
      <button
        ref={buttonRef}
        type="button"
        className={styles.chip}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${t('sync.details')}: ${visible}. ${pendingLong}. ${lastLong}.`}
        onClick={() => setOpen((v) => !v)}
      >
        <span className={`${styles.dot} ${styles[status.connectivity]}`} aria-hidden="true" />
        {/* The spaces keep the words apart in the text (the flex gap only spaces them on screen). */}
        <span>{connectivityLabel}</span>{' '}
        {pending > 0 ? <span className={styles.pending}>{t('sync.pending', { count: pending })}</span> : null}{' '}
        {lastShort ? <span className={styles.last}>· {lastShort}</span> : null}
      </button>

      <p className="visually-hidden" role="status" aria-live="polite">
        {connectivityLabel}
        {pending > 0 ? `, ${pendingLong}` : ''}
      </p>

      <div id={panelId} className={styles.panel} hidden={!open}>
        <h2 className={styles.panelTitle}>{t('sync.details')}</h2>
        <ul className={styles.facts}>
          <li className={styles.row}>
            <Icon size={18} />
            {connectivityLabel}
          </li>
          <li>{pendingLong}</li>
          <li>
            {status.lastSyncedAt ? (
              <time dateTime={status.lastSyncedAt} title={format.dateTime(status.lastSyncedAt)}>
                {lastLong}
              </time>
            ) : (
              lastLong
            )}
          </li>
        </ul>
        {status.connectivity === 'offline' ? <p className={styles.hint}>{t('sync.offlineHint')}</p> : null}
        {status.rejected.length > 0 ? (
          <p className={styles.rejected}>{t('sync.rejected', { count: status.rejected.length })}</p>
        ) : null}
      </div>
    </div>
  );
}
