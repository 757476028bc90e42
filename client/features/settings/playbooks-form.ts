import type { z } from 'zod';
import { playbooksSchema, type Playbook, type Playbooks } from '../../../shared/domain/csm/playbooks.ts';
import type { RISK_FACTOR_TYPES } from '../../../shared/domain/csm/risk.ts';
import type { signalKindSchema } from '../../../shared/entities/csm.ts';

export type SignalKind = z.infer<typeof signalKindSchema>;

/**
 * The admin's playbooks form as pure data: the organization's playbooks as editable drafts (text inputs, a
 * due time as a number and a unit) and back, or the reasons they cannot be saved, field by field. The rules
 * are `playbooksSchema` (shared/), the server's own; this module turns typed text into a `Playbooks` list and
 * the schema's issues into error keys placed on their fields.
 *
 * Invariants:
 * - words shown translated (a default playbook's name, titles and descriptions, shown in the UI language) and
 *   left unchanged are saved as they were stored, so opening and saving never turns the defaults into English
 *   text (or into an admin's text): `shown` holds what the inputs started with, `stored` what to keep;
 * - ids are never edited: existing playbooks and templates keep theirs (task ids derive from them), new ones
 *   get a fresh id from `newId`;
 * - a due time is whole hours or whole days (`dueInHours` divisible by 24 opens as days).
 */

export type DueUnit = 'hours' | 'days';
export type FactorChoice = '' | (typeof RISK_FACTOR_TYPES)[number];
export type LevelChoice = '' | 'critical' | 'warning';

interface Original {
  /** What the input started with (possibly translated). */
  readonly shown: string;
  /** What was stored. */
  readonly stored: string;
}

export interface TaskDraft {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly due: string;
  readonly unit: DueUnit;
  readonly original: { readonly title: Original; readonly description: Original | null } | null;
}

export interface PlaybookDraft {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly kind: SignalKind;
  /** A risk alert's level; '' = any level (and always '' for the other kinds). */
  readonly level: LevelChoice;
  readonly factor: FactorChoice;
  readonly tasks: readonly TaskDraft[];
  readonly original: Original | null;
}

/** `playbooks:errors.<key>` in the UI. */
export type PlaybookFieldError =
  | 'required'
  | 'tooLong'
  | 'dueInvalid'
  | 'dueRange'
  | 'noTasks'
  | 'tooManyTasks'
  | 'tooManyPlaybooks'
  | 'invalid';

/** Where an error shows: `list`, `<playbook>.name`, `<playbook>.tasks`, `<playbook>.<task>.<field>`. */
export type PlaybookErrors = Readonly<Record<string, PlaybookFieldError>>;

export type PlaybooksFormResult =
  | { readonly kind: 'valid'; readonly playbooks: Playbooks }
  | { readonly kind: 'invalid'; readonly errors: PlaybookErrors };

export const MAX_TASKS = 10;
export const MAX_PLAYBOOKS = 50;
const HOURS_PER_DAY = 24;

/** How a stored text is shown (translated or as written): `playbookNameText` / `templateText` rendered. */
export interface PlaybookTextShown {
  name(playbook: Playbook): string;
  task(
    playbook: Playbook,
    template: Playbook['tasks'][number],
  ): { title: string; description: string | null };
}

export function playbookDrafts(playbooks: readonly Playbook[], shown: PlaybookTextShown): PlaybookDraft[] {
  return playbooks.map((p) => {
    const name = shown.name(p);
    const level =
      p.trigger.subtype === 'critical' || p.trigger.subtype === 'warning' ? p.trigger.subtype : '';
    return {
      id: p.id,
      name,
      enabled: p.enabled,
      kind: p.trigger.kind,
      level,
      factor: p.trigger.factor ?? '',
      original: { shown: name, stored: p.name },
      tasks: p.tasks.map((t) => {
        const text = shown.task(p, t);
        const days = t.dueInHours % HOURS_PER_DAY === 0;
        return {
          id: t.id,
          title: text.title,
          description: text.description ?? '',
          due: String(days ? t.dueInHours / HOURS_PER_DAY : t.dueInHours),
          unit: days ? 'days' : 'hours',
          original: {
            title: { shown: text.title, stored: t.title },
            description:
              t.description === null || text.description === null
                ? null
                : { shown: text.description, stored: t.description },
          },
        };
      }),
    };
  });
}

export const newTaskDraft = (id: string): TaskDraft => ({
  id,
  title: '',
  description: '',
  due: '1',
  unit: 'days',
  original: null,
});

export const newPlaybookDraft = (id: string, taskId: string): PlaybookDraft => ({
  id,
  name: '',
  enabled: true,
  kind: 'risk_alert',
  level: '',
  factor: '',
  tasks: [newTaskDraft(taskId)],
  original: null,
});

/** The text to store: the stored words when the input still shows what it started with, else the input. */
const keep = (value: string, original: Original | null): string =>
  original && value === original.shown ? original.stored : value.trim();

/** A whole, positive number of hours or days, or null. */
function dueHours(task: TaskDraft): number | null {
  const text = task.due.trim();
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 ? n * (task.unit === 'days' ? HOURS_PER_DAY : 1) : null;
}

export function parsePlaybooksForm(drafts: readonly PlaybookDraft[]): PlaybooksFormResult {
  const errors: Record<string, PlaybookFieldError> = {};
  const candidate = drafts.map((p) => ({
    id: p.id,
    name: keep(p.name, p.original),
    enabled: p.enabled,
    trigger: {
      kind: p.kind,
      subtype: p.kind === 'risk_alert' && p.level !== '' ? p.level : null,
      factor: p.kind === 'risk_alert' && p.factor !== '' ? p.factor : null,
    },
    tasks: p.tasks.map((t) => {
      const hours = dueHours(t);
      if (hours === null) errors[`${p.id}.${t.id}.due`] = 'dueInvalid';
      const description = keep(t.description, t.original?.description ?? null);
      return {
        id: t.id,
        title: keep(t.title, t.original?.title ?? null),
        description: description === '' ? null : description,
        // A placeholder that passes the schema: the due error is already recorded above.
        dueInHours: hours ?? 1,
      };
    }),
  }));
  const parsed = playbooksSchema.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0) return { kind: 'valid', playbooks: parsed.data };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [key, error] = placeIssue(issue, drafts);
    errors[key] ??= error;
  }
  return { kind: 'invalid', errors };
}

function placeIssue(issue: z.core.$ZodIssue, drafts: readonly PlaybookDraft[]): [string, PlaybookFieldError] {
  const [pi, field, ti, taskField] = issue.path;
  const size = issue.code === 'too_small' ? 'required' : issue.code === 'too_big' ? 'tooLong' : 'invalid';
  if (typeof pi !== 'number') return ['list', issue.code === 'too_big' ? 'tooManyPlaybooks' : 'invalid'];
  const playbook = drafts[pi];
  if (!playbook) return ['list', 'invalid'];
  if (field === 'name') return [`${playbook.id}.name`, size];
  if (field === 'tasks' && typeof ti === 'number') {
    const task = playbook.tasks[ti];
    if (!task) return [`${playbook.id}.tasks`, 'invalid'];
    if (taskField === 'dueInHours') return [`${playbook.id}.${task.id}.due`, 'dueRange'];
    if (taskField === 'title' || taskField === 'description')
      return [`${playbook.id}.${task.id}.${taskField}`, size];
    return [`${playbook.id}.${task.id}.title`, 'invalid'];
  }
  if (field === 'tasks') {
    const error =
      issue.code === 'too_small' ? 'noTasks' : issue.code === 'too_big' ? 'tooManyTasks' : 'invalid';
    return [`${playbook.id}.tasks`, error];
  }
  return [`${playbook.id}.name`, 'invalid'];
}
