import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { signalKindSchema, type Activity, type Signal } from '../../entities/csm.ts';
import {
  DEFAULT_PLAYBOOK_IDS,
  DEFAULT_PLAYBOOK_TASK_IDS,
  plainText,
  type DefaultPlaybookId,
  type DefaultPlaybookTaskId,
  type LeafDomainText,
} from '../../entities/domain-text.ts';
import { createDomainTextRenderer } from '../../domain-text/render.ts';
import { RISK_FACTOR_TYPES } from './risk.ts';

/**
 * Playbooks (docs/domain.md §6): task templates an alert triggers — e.g. a critical risk alert → "Ligação de
 * emergência em 24 h" and "Oferecer treinamento gratuito" (customers spec §2.4's recommendations). They are the
 * organization's configuration: defaults below, edited by admins online (`PUT /api/settings/playbooks`), kept
 * on devices as a local document.
 *
 * Invariants:
 * - `tasksForAlert` is pure and deterministic: a task's id is a UUID v5 of (signal, playbook, template), so the
 *   same alert never gets the same task twice — whichever device (or the server) creates it first, the others'
 *   creates are the same document and merge;
 * - a playbook's template ids are unique within it, playbook ids unique in the list (the schema refuses others);
 * - the defaults' texts are the pt-BR renderings of domain-text codes (`playbook.*`). A name, title or
 *   description that is still word for word the default's (same playbook and template id) is shown in each
 *   reader's language (`playbookNameText`, `templateText`, `taskText`); anything an admin wrote is shown as
 *   written. Rewording a default in the pt-BR catalogue therefore leaves texts stored before as written.
 */

/** Fixed namespace of playbook task ids (UUID v5). Never change it: ids already stored depend on it. */
export const PLAYBOOK_TASK_NAMESPACE = '6b0c3f1e-4f7a-5a8e-9c1d-2e5b7a9d0c41';

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, { error: 'Use lowercase letters, digits and hyphens (at most 60).' });

export const playbookTaskTemplateSchema = z.strictObject({
  id: slug,
  title: z.string().trim().min(1, { error: 'Enter the task title.' }).max(200),
  description: z.string().trim().max(2000).nullable(),
  /** Due this many hours after the alert triggers it (1 hour to 90 days). */
  dueInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
});
export type PlaybookTaskTemplate = z.infer<typeof playbookTaskTemplateSchema>;

export const playbookTriggerSchema = z.strictObject({
  kind: signalKindSchema,
  /** The alert's subtype (a risk alert's level: `critical`, `warning`); null = any. */
  subtype: z.string().trim().min(1).max(40).nullable(),
  /** Only alerts with this risk factor; null = any. */
  factor: z.enum(RISK_FACTOR_TYPES).nullable(),
});
export type PlaybookTrigger = z.infer<typeof playbookTriggerSchema>;

const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;

export const playbookSchema = z
  .strictObject({
    id: slug,
    name: z.string().trim().min(1, { error: 'Enter the playbook name.' }).max(120),
    enabled: z.boolean(),
    trigger: playbookTriggerSchema,
    tasks: z.array(playbookTaskTemplateSchema).min(1).max(10),
  })
  .refine((p) => unique(p.tasks.map((t) => t.id)), {
    error: 'Each task of a playbook needs its own id.',
    path: ['tasks'],
  });
export type Playbook = z.infer<typeof playbookSchema>;

export const playbooksSchema = z
  .array(playbookSchema)
  .max(50)
  .refine((list) => unique(list.map((p) => p.id)), { error: 'Each playbook needs its own id.' });
export type Playbooks = z.infer<typeof playbooksSchema>;

const ptBR = createDomainTextRenderer('pt-BR');
const defaultName = (playbook: DefaultPlaybookId) => ptBR({ code: 'playbook.name', params: { playbook } });
const defaultTask = (task: DefaultPlaybookTaskId, dueInHours: number): PlaybookTaskTemplate => ({
  id: task,
  title: ptBR({ code: 'playbook.taskTitle', params: { task } }),
  description: ptBR({ code: 'playbook.taskDescription', params: { task } }),
  dueInHours,
});

/** The product's defaults (customers spec §2.4), stored in the organization's default language (pt-BR). */
export const DEFAULT_PLAYBOOKS: Playbooks = [
  {
    id: 'risco-critico',
    name: defaultName('risco-critico'),
    enabled: true,
    trigger: { kind: 'risk_alert', subtype: 'critical', factor: null },
    tasks: [defaultTask('ligacao-emergencia', 24), defaultTask('treinamento-gratuito', 72)],
  },
  {
    id: 'cliente-em-risco',
    name: defaultName('cliente-em-risco'),
    enabled: true,
    trigger: { kind: 'risk_alert', subtype: 'warning', factor: null },
    tasks: [defaultTask('agendar-qbr', 24 * 7)],
  },
  {
    id: 'contato-principal-saiu',
    name: defaultName('contato-principal-saiu'),
    enabled: true,
    trigger: { kind: 'risk_alert', subtype: null, factor: 'main_contact_left' },
    tasks: [defaultTask('novo-contato', 48)],
  },
];

const isDefaultPlaybook = (id: string): id is DefaultPlaybookId =>
  (DEFAULT_PLAYBOOK_IDS as readonly string[]).includes(id);
const isDefaultTask = (id: string): id is DefaultPlaybookTaskId =>
  (DEFAULT_PLAYBOOK_TASK_IDS as readonly string[]).includes(id);

/** The default template `templateId` of the default playbook `playbookId` with its code's key, or null. */
function defaultTemplateOf(
  playbookId: string,
  templateId: string,
): { readonly task: DefaultPlaybookTaskId; readonly original: PlaybookTaskTemplate } | null {
  if (!isDefaultPlaybook(playbookId) || !isDefaultTask(templateId)) return null;
  const original = DEFAULT_PLAYBOOKS.find((p) => p.id === playbookId)?.tasks.find((t) => t.id === templateId);
  return original ? { task: templateId, original } : null;
}

/** A playbook's name: the code while it is the default's own words, else as the admin wrote it. */
export function playbookNameText(playbook: Pick<Playbook, 'id' | 'name'>): LeafDomainText {
  return isDefaultPlaybook(playbook.id) && playbook.name === defaultName(playbook.id)
    ? { code: 'playbook.name', params: { playbook: playbook.id } }
    : plainText(playbook.name);
}

export interface TaskText {
  readonly title: LeafDomainText;
  readonly description: LeafDomainText | null;
}

/** A template's title and description (each coded while it is still the default's, see the invariants). */
export function templateText(
  playbookId: string,
  template: Pick<PlaybookTaskTemplate, 'id' | 'title' | 'description'>,
): TaskText {
  const found = defaultTemplateOf(playbookId, template.id);
  return {
    title:
      found && template.title === found.original.title
        ? { code: 'playbook.taskTitle', params: { task: found.task } }
        : plainText(template.title),
    description:
      template.description === null
        ? null
        : found && template.description === found.original.description
          ? { code: 'playbook.taskDescription', params: { task: found.task } }
          : plainText(template.description),
  };
}

/**
 * A task activity's title and description for display: a task a default playbook made (its `metadata` names
 * the playbook and template) with the default's words reads in the reader's language; every other activity
 * as written.
 */
export function taskText(task: Pick<Activity, 'title' | 'description' | 'metadata'>): TaskText {
  const { playbook, template } = task.metadata;
  if (typeof playbook === 'string' && typeof template === 'string') {
    return templateText(playbook, { id: template, title: task.title, description: task.description });
  }
  return {
    title: plainText(task.title),
    description: task.description === null ? null : plainText(task.description),
  };
}

/** Does `playbook` fire for `signal`? */
export function playbookMatches(
  playbook: Playbook,
  signal: Pick<Signal, 'kind' | 'subtype' | 'riskFactors'>,
): boolean {
  const { kind, subtype, factor } = playbook.trigger;
  return (
    playbook.enabled &&
    kind === signal.kind &&
    (subtype === null || subtype === signal.subtype) &&
    (factor === null || signal.riskFactors.some((f) => f.type === factor))
  );
}

/** The deterministic id of the task `template` of `playbook` for `signalId`. */
export const playbookTaskId = (signalId: string, playbookId: string, templateId: string): string =>
  uuidv5(`${signalId}:${playbookId}:${templateId}`, PLAYBOOK_TASK_NAMESPACE);

export interface TaskContext {
  /** Who the tasks are for: the customer's CSM, or the user acting on the alert when it has none. */
  readonly assignedTo: string | null;
  /** Who creates them (the acting user; null for the server). */
  readonly performedBy: string | null;
  readonly performedByName: string | null;
}

/**
 * The tasks the playbooks give `signal` at `now`, as complete `activities` documents not yet synced
 * (`serverSeq` 0). The caller stores those whose id it does not have yet.
 */
export function tasksForAlert(
  signal: Pick<Signal, 'id' | 'customerId' | 'kind' | 'subtype' | 'riskFactors'>,
  playbooks: readonly Playbook[],
  now: Date,
  context: TaskContext,
): Activity[] {
  const at = now.toISOString();
  return playbooks
    .filter((p) => playbookMatches(p, signal))
    .flatMap((p) =>
      p.tasks.map((t): Activity => ({
        id: playbookTaskId(signal.id, p.id, t.id),
        updatedAt: at,
        serverSeq: 0,
        clientUpdatedAt: at,
        customerId: signal.customerId,
        type: 'task',
        title: t.title,
        description: t.description,
        performedBy: context.performedBy,
        performedByName: context.performedByName,
        occurredAt: at,
        metadata: { playbook: p.id, template: t.id },
        signalId: signal.id,
        dueAt: new Date(now.getTime() + t.dueInHours * 3_600_000).toISOString(),
        completedAt: null,
        assignedTo: context.assignedTo,
        ticketId: null,
      })),
    );
}
