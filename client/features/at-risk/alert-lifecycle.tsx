import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNAL_TRANSITIONS } from '../../../shared/domain/csm/signals.ts';
import { DISMISS_REASONS, type DismissReason, type Signal } from '../../../shared/entities/csm.ts';
import type { Customer } from '../../../shared/entities/customer.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useCollection } from '../../db/device-data.tsx';
import { PLAYBOOKS_DOC, readPlaybooks } from '../../db/device-settings.ts';
import { useLocalValue } from '../../db/local-documents.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { useConnectivity } from '../../sync-status/use-sync-status.ts';
import { Button } from '../../ui/button.tsx';
import { mayMove, moveAlert, playbookTasks } from './alert-writes.ts';
import styles from './at-risk.module.css';

type Status = 'open' | 'acknowledged' | 'in_progress' | 'resolved' | 'dismissed';
const BUTTON: Record<Status, 'acknowledge' | 'start' | 'resolve' | 'dismiss' | 'reopen'> = {
  acknowledged: 'acknowledge',
  in_progress: 'start',
  resolved: 'resolve',
  dismissed: 'dismiss',
  open: 'reopen',
};

/**
 * An alert's lifecycle on its card (docs/domain.md §6): its status, when it opened and how long the first action
 * took, and the moves the lifecycle allows and the user may make (a CSM sees no "Descartar" on a critical alert:
 * the shared permission rule says why). Resolving asks what was done; dismissing asks why. Acknowledging also
 * creates the playbooks' tasks for the alert (deterministic ids: never twice). Offline like every write here.
 */
export function AlertLifecycle({
  alert,
  customer,
  actedAfterDays,
}: {
  alert: Signal;
  customer: Customer;
  actedAfterDays: number | null;
}) {
  const { t } = useTranslation('atRisk');
  const format = useFormat();
  const now = useNow();
  const { user } = useSession();
  const connectivity = useConnectivity();
  const signals = useCollection('signals');
  const activities = useCollection('activities');
  const storedPlaybooks = useLocalValue(PLAYBOOKS_DOC);
  const playbooks = useMemo(() => readPlaybooks(storedPlaybooks), [storedPlaybooks]);
  const [form, setForm] = useState<'resolve' | 'dismiss' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const status = alert.status as Status;
  const moves = ((SIGNAL_TRANSITIONS.risk_alert[status] ?? []) as Status[]).filter(
    (to) => user !== null && mayMove(alert, to, user, now),
  );
  const dismissBlocked =
    (SIGNAL_TRANSITIONS.risk_alert[status] ?? []).includes('dismissed') && !moves.includes('dismissed');

  const move = async (to: Status, extra: { notes?: string; reason?: DismissReason } = {}) => {
    if (!user || !signals) return false;
    const at = new Date();
    const built = moveAlert(
      alert,
      { to, notes: extra.notes ?? null, reason: extra.reason ?? null },
      user,
      at,
    );
    if (!built.ok) {
      setMessage(
        built.error === 'notesRequired'
          ? t('lifecycle.notesRequired')
          : built.error === 'reasonRequired'
            ? t('lifecycle.reasonRequired')
            : t('actions.notAllowed'),
      );
      return false;
    }
    const next = built.value;
    try {
      const stored = await signals.findOne(alert.id).exec();
      // Only the lifecycle fields: a concurrent change to another field (sync) is kept.
      await stored?.incrementalPatch({
        status: next.status,
        resolutionNotes: next.resolutionNotes,
        resolvedAt: next.resolvedAt,
        resolvedBy: next.resolvedBy,
        acknowledgedAt: next.acknowledgedAt,
        startedAt: next.startedAt,
        dismissReason: next.dismissReason,
      });
      let text: string = t(`lifecycle.moved.${to}`);
      if (to === 'acknowledged' && activities) {
        // By primary key (the ids are deterministic): a `signalId` selector is not indexed and scans every
        // activity on the device, which with a real portfolio never finished before the user gave up.
        const candidates = playbookTasks(next, customer, playbooks, new Set(), user, at);
        const held = await activities.findByIds(candidates.map((c) => c.id)).exec();
        const tasks = candidates.filter((c) => !held.has(c.id));
        if (tasks.length > 0) {
          await activities.bulkInsert(tasks);
          text = `${text} ${t('actions.tasksCreated', { count: tasks.length })}`;
        }
      }
      setMessage(connectivity === 'online' ? text : `${text} ${t('actions.savedOffline')}`);
      return true;
    } catch {
      setMessage(t('actions.failed'));
      return false;
    }
  };

  return (
    <section className={styles.lifecycle} aria-label={t('card.lifecycle', { name: customer.name })}>
      <p className={styles.lifecycleLine}>
        <span className={styles.status} data-status={status}>
          {t(`lifecycle.status.${status}`)}
        </span>
        <span className={styles.muted}>
          {t('lifecycle.since', { when: format.relative(alert.createdAt, now) })}
          {actedAfterDays === null
            ? null
            : ` · ${
                actedAfterDays < 1
                  ? t('lifecycle.actedSameDay')
                  : t('lifecycle.actedAfter', { count: Math.floor(actedAfterDays) })
              }`}
        </span>
      </p>
      {form === null ? (
        <div className={styles.actions}>
          {moves.map((to) => (
            <Button
              key={to}
              variant={to === 'dismissed' ? 'secondary' : to === 'open' ? 'secondary' : 'primary'}
              onClick={() =>
                to === 'resolved' || to === 'dismissed'
                  ? setForm(to === 'resolved' ? 'resolve' : 'dismiss')
                  : void move(to)
              }
            >
              {t(`lifecycle.${BUTTON[to]}`)}
            </Button>
          ))}
        </div>
      ) : (
        <MoveForm
          kind={form}
          onCancel={() => setForm(null)}
          onSubmit={async (values) => {
            if (await move(form === 'resolve' ? 'resolved' : 'dismissed', values)) setForm(null);
          }}
        />
      )}
      {dismissBlocked && form === null ? (
        <p className={styles.muted}>{t('lifecycle.criticalAdminOnly')}</p>
      ) : null}
      {message ? (
        <p role="status" className={styles.message}>
          {message}
        </p>
      ) : null}
    </section>
  );
}

function MoveForm({
  kind,
  onCancel,
  onSubmit,
}: {
  kind: 'resolve' | 'dismiss';
  onCancel: () => void;
  onSubmit: (values: { notes?: string; reason?: DismissReason }) => Promise<void>;
}) {
  const { t } = useTranslation('atRisk');
  const notesId = useId();
  const reasonId = useId();
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState<DismissReason | ''>('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit(kind === 'resolve' ? { notes } : { notes, ...(reason ? { reason } : {}) });
  };
  return (
    <form className={styles.moveForm} onSubmit={submit}>
      {kind === 'dismiss' ? (
        <div className={styles.field}>
          <label htmlFor={reasonId}>{t('lifecycle.reason')}</label>
          <select
            id={reasonId}
            value={reason}
            required
            onChange={(e) => setReason(e.target.value as DismissReason | '')}
          >
            <option value="" disabled>
              —
            </option>
            {DISMISS_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`lifecycle.reasons.${r}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={styles.field}>
        <label htmlFor={notesId}>
          {kind === 'resolve' ? t('lifecycle.notes') : t('lifecycle.dismissNotes')}
        </label>
        <textarea
          id={notesId}
          rows={3}
          value={notes}
          required={kind === 'resolve'}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <div className={styles.actions}>
        <Button type="submit">
          {kind === 'resolve' ? t('lifecycle.confirmResolve') : t('lifecycle.confirmDismiss')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('lifecycle.cancel')}
        </Button>
      </div>
    </form>
  );
}
