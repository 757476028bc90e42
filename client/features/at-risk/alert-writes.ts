import { changeSignalStatus, type SignalStatusChange } from '../../../shared/domain/csm/alert-lifecycle.ts';
import { SignalTransitionError } from '../../../shared/domain/csm/signals.ts';
import { tasksForAlert, type Playbook } from '../../../shared/domain/csm/playbooks.ts';
import {
  activitySchema,
  signalSchema,
  type Activity,
  type DismissReason,
  type Signal,
} from '../../../shared/entities/csm.ts';
import type { Customer } from '../../../shared/entities/customer.ts';
import { meetingSchema, type Meeting } from '../../../shared/entities/support.ts';
import { writeAllowed, type PortalUser } from '../../platform/local-writes.ts';

/**
 * The at-risk page's offline writes (docs/domain.md §6), pure: each builder returns the exact document to store
 * — parsed by the shared schema and authorized by the shared permission rules, the same functions the sync push
 * applies — or why not. Ids and the clock are parameters; the page stores the result on the device and
 * replication sends it.
 */

export type AlertMoveError = 'notAllowed' | 'invalidMove' | 'notesRequired' | 'reasonRequired';
export type Built<T, E extends string = 'notAllowed'> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

const organizationOf = (user: PortalUser) => user.organizationId;

/** A move of the alert's lifecycle (acknowledge, start, resolve with notes, dismiss with a reason). */
export function moveAlert(
  alert: Signal,
  change: {
    readonly to: Signal['status'];
    readonly notes?: string | null;
    readonly reason?: DismissReason | null;
  },
  user: PortalUser,
  now: Date,
): Built<Signal, AlertMoveError> {
  const request: SignalStatusChange = {
    to: change.to,
    notes: change.notes ?? null,
    reason: change.reason ?? null,
    by: user.id,
  };
  let fields;
  try {
    fields = changeSignalStatus(alert, request, now);
  } catch (e) {
    if (!(e instanceof SignalTransitionError)) return { ok: false, error: 'invalidMove' };
    if (e.code === 'resolution_notes_required') return { ok: false, error: 'notesRequired' };
    if (e.code === 'dismiss_reason_required') return { ok: false, error: 'reasonRequired' };
    return { ok: false, error: 'invalidMove' };
  }
  const parsed = signalSchema.safeParse({ ...alert, ...fields });
  if (!parsed.success) return { ok: false, error: 'invalidMove' };
  return writeAllowed(user, 'signals', {
    organizationId: organizationOf(user),
    before: alert,
    after: parsed.data,
  })
    ? { ok: true, value: parsed.data }
    : { ok: false, error: 'notAllowed' };
}

/** Whether `user` may make this move at all (to hide a button: a CSM never dismisses a critical alert). */
export function mayMove(alert: Signal, to: Signal['status'], user: PortalUser, now: Date): boolean {
  const probe = moveAlert(alert, { to, notes: 'x', reason: to === 'dismissed' ? 'other' : null }, user, now);
  return probe.ok;
}

const activity = (
  fields: Pick<Activity, 'id' | 'customerId' | 'type' | 'title' | 'description' | 'metadata' | 'signalId'> &
    Partial<Pick<Activity, 'dueAt' | 'assignedTo'>>,
  user: PortalUser,
  now: Date,
): Built<Activity> => {
  const at = now.toISOString();
  const doc = activitySchema.parse({
    updatedAt: at,
    serverSeq: 0,
    clientUpdatedAt: at,
    performedBy: user.id,
    performedByName: user.name,
    occurredAt: at,
    completedAt: null,
    dueAt: null,
    assignedTo: null,
    ...fields,
  });
  return writeAllowed(user, 'activities', { organizationId: organizationOf(user), before: null, after: doc })
    ? { ok: true, value: doc }
    : { ok: false, error: 'notAllowed' };
};

/** "Ligar agora" / "E-mail de reengajamento": the intervention logged for the alert (days to action counts it). */
export function logIntervention(
  input: {
    readonly customerId: string;
    readonly signalId: string | null;
    readonly type: 'call' | 'email';
    readonly title: string;
    readonly to: string | null;
  },
  user: PortalUser,
  id: string,
  now: Date,
): Built<Activity> {
  return activity(
    {
      id,
      customerId: input.customerId,
      type: input.type,
      title: input.title,
      description: null,
      signalId: input.signalId,
      metadata:
        input.type === 'email'
          ? { direction: 'outbound', replied: false, template: 're_engagement', to: input.to }
          : { direction: 'outbound', to: input.to },
    },
    user,
    now,
  );
}

/**
 * The playbooks' tasks for the alert that the device does not hold yet (same deterministic ids on every
 * device: creating them twice is the same document). Assigned to the customer's CSM, else to the acting user.
 */
export function playbookTasks(
  alert: Signal,
  customer: Pick<Customer, 'csmId'>,
  playbooks: readonly Playbook[],
  existingIds: ReadonlySet<string>,
  user: PortalUser,
  now: Date,
): Activity[] {
  return tasksForAlert(alert, playbooks, now, {
    assignedTo: customer.csmId ?? user.id,
    performedBy: user.id,
    performedByName: user.name,
  }).filter(
    (t) =>
      !existingIds.has(t.id) &&
      writeAllowed(user, 'activities', { organizationId: organizationOf(user), before: null, after: t }),
  );
}

/** "Criar tarefa" when the playbooks have nothing (more) for this alert: one follow-up task in two days. */
export function followUpTask(
  input: { readonly customerId: string; readonly signalId: string | null; readonly title: string },
  customer: Pick<Customer, 'csmId'>,
  user: PortalUser,
  id: string,
  now: Date,
): Built<Activity> {
  return activity(
    {
      id,
      customerId: input.customerId,
      type: 'task',
      title: input.title,
      description: null,
      signalId: input.signalId,
      metadata: {},
      dueAt: new Date(now.getTime() + 48 * 3_600_000).toISOString(),
      assignedTo: customer.csmId ?? user.id,
    },
    user,
    now,
  );
}

/** "Agendar QBR": a 60-minute meeting a week from now, on the hour, with the customer's CSM (the client sees it). */
export function qbrMeeting(
  input: { readonly customer: Customer; readonly title: string; readonly description: string },
  user: PortalUser,
  id: string,
  now: Date,
): Built<Meeting> {
  const at = now.toISOString();
  const when = new Date(now.getTime() + 7 * 86_400_000);
  when.setMinutes(0, 0, 0);
  const doc = meetingSchema.parse({
    id,
    updatedAt: at,
    serverSeq: 0,
    clientUpdatedAt: at,
    customerId: input.customer.id,
    accountManagerId: input.customer.csmId ?? user.id,
    title: input.title,
    description: input.description,
    scheduledAt: when.toISOString(),
    durationMinutes: 60,
    meetingLink: null,
    notes: null,
    status: 'scheduled',
    clientRequest: null,
    completedAt: null,
  });
  return writeAllowed(user, 'meetings', { organizationId: organizationOf(user), before: null, after: doc })
    ? { ok: true, value: doc }
    : { ok: false, error: 'notAllowed' };
}
