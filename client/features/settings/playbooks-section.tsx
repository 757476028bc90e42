import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { devicePlaybooksSchema } from '../../../shared/device-settings.ts';
import type { Playbook } from '../../../shared/domain/csm/playbooks.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useDeviceData } from '../../db/device-data.tsx';
import { PLAYBOOKS_DOC, readPlaybooks } from '../../db/device-settings.ts';
import { useLocalValue } from '../../db/local-documents.ts';
import { useDomainTextFor } from '../../domain-text/use-domain-text.ts';
import { useFormat } from '../../platform/use-format.ts';
import { Button } from '../../ui/button.tsx';
import { PlaybooksEditor } from './playbooks-editor.tsx';
import styles from './playbooks.module.css';
import pageStyles from './settings-page.module.css';
import { usePlaybookText } from './use-playbook-text.ts';

/**
 * "Playbooks" (staff only): the organization's task templates per alert type (docs/domain.md §6) from the
 * device's local document `playbooks`, so they read offline; an admin edits them (`PlaybooksEditor`, saved
 * online like the health settings). The default playbooks read in the UI language; an admin's words as written.
 */
export function PlaybooksSection() {
  const { user } = useSession();
  const stored = useLocalValue(PLAYBOOKS_DOC);
  // Client users never see (nor store) the staff-only playbooks.
  if (!user || user.role === 'client') return null;
  return (
    <PlaybooksView
      playbooks={readPlaybooks(stored)}
      updatedAt={devicePlaybooksSchema.safeParse(stored).data?.updatedAt ?? null}
      isAdmin={user.role === 'admin'}
    />
  );
}

function PlaybooksView({
  playbooks,
  updatedAt,
  isAdmin,
}: {
  playbooks: readonly Playbook[];
  updatedAt: string | null;
  isAdmin: boolean;
}) {
  const { t } = useTranslation('playbooks');
  const format = useFormat();
  const settings = useDeviceData().session?.settings ?? null;
  const titleId = useId();
  const descriptionId = useId();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const shown = usePlaybookText();

  useEffect(() => {
    // Back to the button that opened the form once it closes (saved or cancelled), not on the first render.
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <section className={pageStyles.section} aria-labelledby={titleId} aria-describedby={descriptionId}>
      <h2 id={titleId} className={pageStyles.sectionTitle}>
        {t('title')}
      </h2>
      <p id={descriptionId} className={pageStyles.hint}>
        {t('description')}
      </p>

      {editing ? (
        <PlaybooksEditor
          playbooks={playbooks}
          shown={shown}
          settings={settings}
          onSaved={() => {
            setSaved(true);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {playbooks.length === 0 ? (
            <p className={pageStyles.hint}>{t('noPlaybooks')}</p>
          ) : (
            <ul className={styles.list} aria-label={t('listLabel')}>
              {playbooks.map((p) => (
                <PlaybookCard key={p.id} playbook={p} />
              ))}
            </ul>
          )}
          <p className={pageStyles.hint}>
            {updatedAt ? t('updatedAt', { date: format.date(updatedAt) }) : t('defaults')}
          </p>
          {isAdmin ? (
            <div className={pageStyles.actions}>
              <Button
                ref={editButton}
                variant="secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('edit')}
              </Button>
            </div>
          ) : (
            <p className={pageStyles.hint}>{t('adminOnly')}</p>
          )}
        </>
      )}

      <p role="status" className={pageStyles.status}>
        {saved ? t('result.saved') : null}
      </p>
    </section>
  );
}

function PlaybookCard({ playbook }: { playbook: Playbook }) {
  const { t } = useTranslation('playbooks');
  const format = useFormat();
  const domainText = useDomainTextFor(format.language);
  const shown = usePlaybookText();
  const name = shown.name(playbook);
  const { kind, subtype, factor } = playbook.trigger;
  const level = subtype === 'critical' || subtype === 'warning' ? subtype : 'any';
  const trigger = [
    t(`trigger.${kind}`),
    kind === 'risk_alert' ? t(`trigger.levels.${level}`) : null,
    factor
      ? t('trigger.withFactor', { factor: domainText({ code: 'risk.threshold', params: { type: factor } }) })
      : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
  return (
    <li className={styles.card} data-enabled={playbook.enabled ? '' : undefined}>
      <div className={styles.cardHeader}>
        <h3 className={styles.name}>{name}</h3>
        <span className={styles.state} data-enabled={playbook.enabled ? '' : undefined}>
          {playbook.enabled ? t('enabled') : t('disabled')}
        </span>
      </div>
      <p className={styles.trigger}>
        <span className={styles.triggerLabel}>{t('trigger.label')}:</span> {trigger}
      </p>
      <ol className={styles.tasks} aria-label={t('tasksLabel', { name })}>
        {playbook.tasks.map((task) => {
          const text = shown.task(playbook, task);
          const days = task.dueInHours % 24 === 0;
          return (
            <li key={task.id} className={styles.task}>
              <span className={styles.taskTitle}>{text.title}</span>{' '}
              <span className={styles.due}>
                {days
                  ? t('dueIn.days', { count: task.dueInHours / 24 })
                  : t('dueIn.hours', { count: task.dueInHours })}
              </span>
              {text.description ? <p className={styles.taskDescription}>{text.description}</p> : null}
            </li>
          );
        })}
      </ol>
    </li>
  );
}
