import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v4 as uuidv4 } from 'uuid';
import type { Playbook } from '../../../shared/domain/csm/playbooks.ts';
import { RISK_FACTOR_TYPES } from '../../../shared/domain/csm/risk.ts';
import type { DeviceSettingsSync, PlaybooksSaveResult } from '../../db/device-settings.ts';
import { useDomainTextFor } from '../../domain-text/use-domain-text.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { Notice } from '../../ui/notice.tsx';
import {
  MAX_PLAYBOOKS,
  MAX_TASKS,
  newPlaybookDraft,
  newTaskDraft,
  parsePlaybooksForm,
  playbookDrafts,
  type DueUnit,
  type FactorChoice,
  type LevelChoice,
  type PlaybookDraft,
  type PlaybookErrors,
  type PlaybookTextShown,
  type SignalKind,
  type TaskDraft,
} from './playbooks-form.ts';
import styles from './playbooks.module.css';
import pageStyles from './settings-page.module.css';

type Failure = Exclude<PlaybooksSaveResult['status'], 'saved'> | 'local';

const KINDS: readonly SignalKind[] = ['risk_alert', 'expansion', 'insight'];
const LEVELS: readonly LevelChoice[] = ['', 'critical', 'warning'];
const UNITS: readonly DueUnit[] = ['hours', 'days'];
/** A fresh slug id for a new playbook or task (never shown; task ids derive from it). */
const freshId = (prefix: 'p' | 't') => `${prefix}-${uuidv4().slice(0, 8)}`;

/** Every place an error may show, in the form's order (focus goes to the first on a refusal). */
function errorKeysInOrder(drafts: readonly PlaybookDraft[]): string[] {
  return [
    ...drafts.flatMap((p) => [
      `${p.id}.name`,
      ...p.tasks.flatMap((t) => [
        `${p.id}.${t.id}.title`,
        `${p.id}.${t.id}.due`,
        `${p.id}.${t.id}.description`,
      ]),
      `${p.id}.tasks`,
    ]),
    'list',
  ];
}

/**
 * The admin's playbooks form: every playbook with its trigger (alert type, level, risk factor) and its task
 * templates (title, due in hours or days, description), added and removed in place. Checked first with the
 * shared schema (errors next to their fields, focus on the first); saving is online only, like the health
 * settings — offline the form stays open with its changes and says why it cannot save yet.
 */
export function PlaybooksEditor({
  playbooks,
  shown,
  settings,
  onSaved,
  onCancel,
}: {
  playbooks: readonly Playbook[];
  shown: PlaybookTextShown;
  settings: DeviceSettingsSync | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('playbooks');
  const online = useOnline();
  const prefix = useId();
  const offlineId = useId();
  const [drafts, setDrafts] = useState<readonly PlaybookDraft[]>(() => playbookDrafts(playbooks, shown));
  const [errors, setErrors] = useState<PlaybookErrors>({});
  const [failure, setFailure] = useState<{ kind: Failure; message?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState<{ key: string } | null>(null);
  const domId = (key: string) => `${prefix}${key.replace(/[^a-z0-9-]/gi, '_')}`;

  useEffect(() => {
    if (focusKey) document.getElementById(domId(focusKey.key))?.focus();
    // domId only depends on the stable prefix.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);

  const canSave = online && settings !== null && !busy;
  const clear = (...keys: string[]) =>
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([k]) => !keys.includes(k))));
  const setPlaybook = (id: string, change: (p: PlaybookDraft) => PlaybookDraft) =>
    setDrafts((list) => list.map((p) => (p.id === id ? change(p) : p)));
  const setTask = (pid: string, tid: string, patch: Partial<TaskDraft>, field: string) => {
    setPlaybook(pid, (p) => ({ ...p, tasks: p.tasks.map((x) => (x.id === tid ? { ...x, ...patch } : x)) }));
    clear(`${pid}.${tid}.${field}`);
  };

  const addTask = (pid: string) => {
    const id = freshId('t');
    setPlaybook(pid, (p) => ({ ...p, tasks: [...p.tasks, newTaskDraft(id)] }));
    clear(`${pid}.tasks`);
    setFocusKey({ key: `${pid}.${id}.title` });
  };
  const removeTask = (pid: string, tid: string) =>
    setPlaybook(pid, (p) => ({ ...p, tasks: p.tasks.filter((x) => x.id !== tid) }));
  const addPlaybook = () => {
    const draft = newPlaybookDraft(freshId('p'), freshId('t'));
    setDrafts((list) => [...list, draft]);
    clear('list');
    setFocusKey({ key: `${draft.id}.name` });
  };
  const removePlaybook = (pid: string) => setDrafts((list) => list.filter((p) => p.id !== pid));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSave || !settings) return;
    const parsed = parsePlaybooksForm(drafts);
    if (parsed.kind === 'invalid') {
      setErrors(parsed.errors);
      setFailure({ kind: 'local' });
      const first = errorKeysInOrder(drafts).find((k) => parsed.errors[k]);
      if (first) setFocusKey({ key: first });
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    const result = await settings.updatePlaybooks(parsed.playbooks);
    setBusy(false);
    if (result.status === 'saved') return onSaved();
    setFailure(
      result.status === 'failed' ? { kind: 'failed', message: result.message } : { kind: result.status },
    );
  };

  const errorText = (key: string) => (errors[key] ? t(`errors.${errors[key]}`) : undefined);

  return (
    <form className={pageStyles.form} noValidate onSubmit={(e) => void onSubmit(e)}>
      {failure ? (
        <Notice tone="error" role="alert">
          <p>
            {failure.kind === 'local'
              ? t('form.invalid')
              : failure.kind === 'failed'
                ? t('result.failed', { message: failure.message ?? '' })
                : t(`result.${failure.kind}`)}
          </p>
        </Notice>
      ) : null}

      {drafts.map((p) => (
        <PlaybookFields
          key={p.id}
          draft={p}
          domId={domId}
          errorText={errorText}
          onName={(name) => {
            setPlaybook(p.id, (x) => ({ ...x, name }));
            clear(`${p.id}.name`);
          }}
          onEnabled={(enabled) => setPlaybook(p.id, (x) => ({ ...x, enabled }))}
          onKind={(kind) => setPlaybook(p.id, (x) => ({ ...x, kind }))}
          onLevel={(level) => setPlaybook(p.id, (x) => ({ ...x, level }))}
          onFactor={(factor) => setPlaybook(p.id, (x) => ({ ...x, factor }))}
          onTask={(tid, patch, field) => setTask(p.id, tid, patch, field)}
          onAddTask={() => addTask(p.id)}
          onRemoveTask={(tid) => removeTask(p.id, tid)}
          onRemove={() => removePlaybook(p.id)}
        />
      ))}

      {errors.list ? (
        <p id={domId('list')} className={styles.error} tabIndex={-1}>
          {errorText('list')}
        </p>
      ) : null}
      <div className={pageStyles.actions}>
        <Button variant="secondary" onClick={addPlaybook} disabled={drafts.length >= MAX_PLAYBOOKS}>
          {t('form.addPlaybook')}
        </Button>
      </div>

      {online ? null : (
        <p id={offlineId} className={pageStyles.hint}>
          {t('form.offlineReason')}
        </p>
      )}
      <div className={pageStyles.actions}>
        <Button type="submit" disabled={!canSave} aria-describedby={online ? undefined : offlineId}>
          {busy ? t('form.saving') : t('form.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}

function PlaybookFields({
  draft,
  domId,
  errorText,
  onName,
  onEnabled,
  onKind,
  onLevel,
  onFactor,
  onTask,
  onAddTask,
  onRemoveTask,
  onRemove,
}: {
  draft: PlaybookDraft;
  domId: (key: string) => string;
  errorText: (key: string) => string | undefined;
  onName: (name: string) => void;
  onEnabled: (enabled: boolean) => void;
  onKind: (kind: SignalKind) => void;
  onLevel: (level: LevelChoice) => void;
  onFactor: (factor: FactorChoice) => void;
  onTask: (taskId: string, patch: Partial<TaskDraft>, field: string) => void;
  onAddTask: () => void;
  onRemoveTask: (taskId: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('playbooks');
  const format = useFormat();
  const domainText = useDomainTextFor(format.language);
  const enabledId = useId();
  const p = draft;
  const tasksError = errorText(`${p.id}.tasks`);
  return (
    <fieldset className={styles.editCard}>
      <legend className={styles.legend}>{p.name.trim() || t('form.legendNew')}</legend>
      <FormField id={domId(`${p.id}.name`)} label={t('form.name')} error={errorText(`${p.id}.name`)}>
        {(control) => (
          <input {...control} value={p.name} maxLength={200} onChange={(e) => onName(e.target.value)} />
        )}
      </FormField>
      <label className={styles.check} htmlFor={enabledId}>
        <input
          id={enabledId}
          type="checkbox"
          checked={p.enabled}
          onChange={(e) => onEnabled(e.target.checked)}
        />
        {t('form.enabled')}
      </label>
      <div className={styles.triggerFields}>
        <FormField label={t('form.kind')}>
          {(control) => (
            <select
              {...control}
              value={p.kind}
              onChange={(e) => onKind(KINDS.find((k) => k === e.target.value) ?? 'risk_alert')}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`trigger.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {p.kind === 'risk_alert' ? (
          <>
            <FormField label={t('form.level')}>
              {(control) => (
                <select
                  {...control}
                  value={p.level}
                  onChange={(e) => onLevel(LEVELS.find((l) => l === e.target.value) ?? '')}
                >
                  {LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {t(`trigger.levels.${l === '' ? 'any' : l}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('form.factor')}>
              {(control) => (
                <select
                  {...control}
                  value={p.factor}
                  onChange={(e) => onFactor(RISK_FACTOR_TYPES.find((f) => f === e.target.value) ?? '')}
                >
                  <option value="">{t('form.anyFactor')}</option>
                  {RISK_FACTOR_TYPES.map((f) => (
                    <option key={f} value={f}>
                      {domainText({ code: 'risk.threshold', params: { type: f } })}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </>
        ) : null}
      </div>

      {p.tasks.map((task, i) => (
        <TaskFields
          key={task.id}
          n={i + 1}
          task={task}
          keyOf={(field) => `${p.id}.${task.id}.${field}`}
          domId={domId}
          errorText={errorText}
          onChange={(patch, field) => onTask(task.id, patch, field)}
          onRemove={() => onRemoveTask(task.id)}
        />
      ))}
      {tasksError ? (
        <p id={`${domId(`${p.id}.tasks`)}-error`} className={styles.error}>
          {tasksError}
        </p>
      ) : null}
      <div className={pageStyles.actions}>
        <Button
          id={domId(`${p.id}.tasks`)}
          variant="secondary"
          onClick={onAddTask}
          disabled={p.tasks.length >= MAX_TASKS}
          aria-describedby={tasksError ? `${domId(`${p.id}.tasks`)}-error` : undefined}
        >
          {t('form.addTask')}
        </Button>
        <Button variant="danger" onClick={onRemove}>
          {t('form.removePlaybook')}
        </Button>
      </div>
    </fieldset>
  );
}

function TaskFields({
  n,
  task,
  keyOf,
  domId,
  errorText,
  onChange,
  onRemove,
}: {
  n: number;
  task: TaskDraft;
  keyOf: (field: 'title' | 'due' | 'description') => string;
  domId: (key: string) => string;
  errorText: (key: string) => string | undefined;
  onChange: (patch: Partial<TaskDraft>, field: 'title' | 'due' | 'description') => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('playbooks');
  return (
    <fieldset className={styles.taskCard}>
      <legend className={styles.taskLegend}>{t('form.taskLegend', { n })}</legend>
      <FormField id={domId(keyOf('title'))} label={t('form.taskTitle')} error={errorText(keyOf('title'))}>
        {(control) => (
          <input
            {...control}
            value={task.title}
            maxLength={250}
            onChange={(e) => onChange({ title: e.target.value }, 'title')}
          />
        )}
      </FormField>
      <div className={styles.dueRow}>
        <FormField
          id={domId(keyOf('due'))}
          label={t('form.dueAmount')}
          hint={t('form.dueHint')}
          error={errorText(keyOf('due'))}
        >
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={task.due}
              onChange={(e) => onChange({ due: e.target.value }, 'due')}
            />
          )}
        </FormField>
        <FormField label={t('form.dueUnit')}>
          {(control) => (
            <select
              {...control}
              value={task.unit}
              onChange={(e) => onChange({ unit: UNITS.find((u) => u === e.target.value) ?? 'days' }, 'due')}
            >
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`form.units.${u}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField
        id={domId(keyOf('description'))}
        label={t('form.taskDescription')}
        error={errorText(keyOf('description'))}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={task.description}
            onChange={(e) => onChange({ description: e.target.value }, 'description')}
          />
        )}
      </FormField>
      <div>
        <Button variant="secondary" onClick={onRemove}>
          {t('form.removeTask', { n })}
        </Button>
      </div>
    </fieldset>
  );
}
