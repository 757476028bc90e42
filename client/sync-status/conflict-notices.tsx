import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionName } from '../../shared/collections/index.ts';
import { CONFLICT_NOTICES_KEY, noticesOf, type ConflictNotice } from '../../sync/client/conflict-notices.ts';
import { reapplyLost } from '../../sync/conflicts/lost-writes.ts';
import { useDeviceData } from '../db/device-data.tsx';
import { useLocalValue } from '../db/local-documents.ts';
import { Button } from '../ui/button.tsx';
import { AlertIcon } from '../ui/icons.tsx';
import styles from './conflict-notices.module.css';

/**
 * Writes of this user that a conflict merge did not keep (sync/client/conflict-notices.ts), under the top bar
 * on every screen until dismissed: what they wrote, what stands now, and one tap to write theirs again — an
 * ordinary local write, so it works offline and replicates like any other edit.
 */
export function ConflictNotices() {
  const { t } = useTranslation();
  const stored = useLocalValue(CONFLICT_NOTICES_KEY);
  const notices = useMemo(() => noticesOf(stored), [stored]);
  const headingId = useId();
  if (notices.length === 0) return null;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.title}>
        <AlertIcon size={18} />
        {t('sync.conflicts.title', { count: notices.length })}
      </h2>
      <ul className={styles.list}>
        {notices.map((notice) => (
          <li key={notice.id}>
            <NoticeItem notice={notice} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function NoticeItem({ notice }: { notice: ConflictNotice }) {
  const { t } = useTranslation();
  const session = useDeviceData().session;
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const label = notice.label ?? t('sync.conflicts.unnamed');

  const fieldName = (path: readonly string[]): string => {
    const names = path
      .filter((_, i) => i !== 1)
      .map((p) => t(`sync.conflicts.fields.${p}`, { defaultValue: p }));
    const element = notice.fields.find((f) => f.path === path)?.elementLabel;
    return element ? `${names[0]} · ${element} · ${names.slice(1).join(' · ')}` : names.join(' · ');
  };
  const shown = (value: unknown): string =>
    value === null || value === undefined || value === ''
      ? t('sync.conflicts.empty')
      : typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : JSON.stringify(value);

  const reapply = async () => {
    if (!session) return;
    setBusy(true);
    try {
      const collection = session.database.collections[notice.collection as CollectionName];
      const doc = await collection?.findOne(notice.documentId).exec();
      if (!doc) {
        setFailed(true);
        return;
      }
      await doc.incrementalPatch(reapplyLost(doc.toMutableJSON() as Record<string, unknown>, notice.fields));
      await session.database.notices.dismiss(notice.id);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={styles.notice} aria-label={label}>
      <p>{t('sync.conflicts.intro', { label })}</p>
      <dl className={styles.fields}>
        {notice.fields.map((f) => (
          <div key={f.path.join('.')} className={styles.field}>
            <dt>{fieldName(f.path)}</dt>
            <dd>
              {t('sync.conflicts.yours')}: <strong>{shown(f.mine)}</strong>
            </dd>
            <dd>
              {t('sync.conflicts.current')}: <strong>{shown(f.kept)}</strong>
            </dd>
          </div>
        ))}
      </dl>
      {failed ? (
        <p role="alert" className={styles.error}>
          {t('sync.conflicts.failed')}
        </p>
      ) : null}
      <div className={styles.actions}>
        <Button
          variant="primary"
          disabled={busy || !session}
          aria-label={`${t('sync.conflicts.reapply')} — ${label}`}
          onClick={() => void reapply()}
        >
          {t('sync.conflicts.reapply')}
        </Button>
        <Button
          variant="secondary"
          disabled={!session}
          aria-label={`${t('sync.conflicts.dismiss')} — ${label}`}
          onClick={() => void session?.database.notices.dismiss(notice.id)}
        >
          {t('sync.conflicts.dismiss')}
        </Button>
      </div>
    </article>
  );
}
