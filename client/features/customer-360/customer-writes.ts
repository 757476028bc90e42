import { z } from 'zod';
import { transitionSignal } from '../../../shared/domain/csm/signals.ts';
import { longText, shortText } from '../../../shared/entities/common.ts';
import { activitySchema, signalSchema, type Activity, type Signal } from '../../../shared/entities/csm.ts';
import { plainText } from '../../../shared/entities/domain-text.ts';
import {
  fail,
  lengthError,
  writeAllowed,
  type ErrorMessage as LocalErrorMessage,
  type PortalUser,
  type WriteResult as LocalWriteResult,
} from '../../platform/local-writes.ts';
import type { customer360PtBR } from './i18n.ts';

/**
 * The Customer 360's offline writes: logging an activity from a quick action, creating an expansion
 * opportunity (a `signals` document of kind `expansion`), advancing a detected one, and requesting a case study
 * from an advocacy insight. Each builder returns the exact document to store — parsed by the shared zod schema
 * and authorized by the shared permission rules, the same function the sync push applies — or the errors to
 * show. Pure: ids and the clock are parameters. Stored on the device first; replication sends them.
 *
 * "Solicitar case study" is recorded twice, on purpose: a `note` activity on the timeline (what the CSM did,
 * visible to everyone with the customer) with `metadata.request = 'case_study'` and the insight's id, and the
 * advocacy insight moves `new → actioned` (so the card does not ask again and the insight's lifecycle shows it
 * was acted upon).
 */
export type ErrorMessage = LocalErrorMessage<keyof typeof customer360PtBR.log.errors>;
type WriteResult<T, F extends string> = LocalWriteResult<T, F, ErrorMessage['key']>;

const NOT_ALLOWED: ErrorMessage = { key: 'notAllowed' };
const INVALID: ErrorMessage = { key: 'invalid' };

/** What the quick actions log as activities (e-mail and call also open the device's mail or phone app). */
export type LoggedType = Extract<Activity['type'], 'call' | 'email' | 'note' | 'meeting'>;

export interface ActivityInput {
  readonly customerId: string;
  readonly type: LoggedType | 'note';
  readonly title: string;
  readonly description: string;
  readonly metadata?: Activity['metadata'];
}
export type ActivityField = 'title' | 'description';

export function buildActivity(
  input: ActivityInput,
  user: PortalUser,
  id: string,
  now: Date,
): WriteResult<Activity, ActivityField> {
  const at = now.toISOString();
  const parsed = activitySchema.safeParse({
    id,
    updatedAt: at,
    serverSeq: 0,
    clientUpdatedAt: at,
    customerId: input.customerId,
    type: input.type,
    title: input.title.trim(),
    description: input.description.trim() === '' ? null : input.description.trim(),
    performedBy: user.id,
    performedByName: user.name,
    occurredAt: at,
    metadata: input.metadata ?? {},
  });
  if (!parsed.success) {
    const fieldErrors: Partial<Record<ActivityField, ErrorMessage>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'title' || field === 'description')
        fieldErrors[field] ??= lengthError(issue, 'required', 'tooLong');
    }
    return fail(fieldErrors, Object.keys(fieldErrors).length === 0 ? INVALID : null);
  }
  const doc = parsed.data;
  if (!writeAllowed(user, 'activities', { organizationId: user.organizationId, before: null, after: doc }))
    return fail({}, NOT_ALLOWED);
  return { ok: true, value: doc };
}

export interface ExpansionInput {
  readonly customerId: string;
  readonly title: string;
  readonly description: string;
  /** "1.500", "1.500,50", "1500" (pt-BR) or "1,500.50" (en); "" = not estimated. */
  readonly value: string;
  readonly language: 'pt-BR' | 'en';
}
export type ExpansionField = 'title' | 'description' | 'value';

/**
 * A money amount typed by a person, in cents: pt-BR uses "." for thousands and "," for decimals, English the
 * reverse. Null for anything else (letters, several decimal marks, more than two decimals, negative).
 */
export function parseMoneyInput(text: string, language: 'pt-BR' | 'en'): number | null {
  const trimmed = text.trim().replace(/^R\$\s*/, '');
  const [thousands, decimal] = language === 'pt-BR' ? ['.', ','] : [',', '.'];
  const pattern =
    language === 'pt-BR' ? /^(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$/ : /^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;
  if (!pattern.test(trimmed)) return null;
  const [whole = '', fraction = ''] = trimmed.split(decimal);
  const reais = Number(whole.split(thousands).join(''));
  const cents = Number(fraction.padEnd(2, '0'));
  const total = reais * 100 + cents;
  return Number.isSafeInteger(total) ? total : null;
}

const manualSignalTextSchema = z.object({ title: shortText, description: longText });

/** A manual expansion opportunity (`identified`), from the quick action "Criar expansão". */
export function buildExpansion(
  input: ExpansionInput,
  user: PortalUser,
  id: string,
  now: Date,
): WriteResult<Signal, ExpansionField> {
  const value = input.value.trim() === '' ? null : parseMoneyInput(input.value, input.language);
  if (input.value.trim() !== '' && value === null) return fail({ value: { key: 'invalidValue' } });
  const at = now.toISOString();
  // A person's words: checked as text here, stored as the domain-text `text` code (shown as written).
  const words = manualSignalTextSchema.safeParse({ title: input.title, description: input.description });
  const parsed = signalSchema.safeParse({
    id,
    updatedAt: at,
    serverSeq: 0,
    clientUpdatedAt: at,
    customerId: input.customerId,
    kind: 'expansion',
    subtype: 'expansion',
    status: 'identified',
    title: plainText(input.title.trim()),
    description: plainText(input.description.trim()),
    source: 'manual',
    riskScore: null,
    riskFactors: [],
    recommendation: null,
    suggestedActions: [],
    estimatedValueCents: value,
    mrrAtRiskCents: null,
    probability: null,
    resolutionNotes: null,
    resolvedAt: null,
    resolvedBy: null,
    createdAt: at,
  });
  if (!parsed.success || !words.success) {
    const fieldErrors: Partial<Record<ExpansionField, ErrorMessage>> = {};
    const issues = [...(words.error?.issues ?? []), ...(parsed.error?.issues ?? [])];
    for (const issue of issues) {
      const field = issue.path[0];
      if (field === 'title') fieldErrors.title ??= lengthError(issue, 'required', 'tooLong');
      // The description is optional to the person; the schema's long text accepts ''.
      if (field === 'description') fieldErrors.description ??= lengthError(issue, 'required', 'tooLong');
    }
    return fail(fieldErrors, Object.keys(fieldErrors).length === 0 ? INVALID : null);
  }
  const doc = parsed.data;
  if (!writeAllowed(user, 'signals', { organizationId: user.organizationId, before: null, after: doc }))
    return fail({}, NOT_ALLOWED);
  return { ok: true, value: doc };
}

/** The statuses in which an expansion opportunity is still open (docs/domain.md §7 "open expansion value"). */
export const OPEN_EXPANSION: ReadonlySet<Signal['status']> = new Set([
  'identified',
  'contacted',
  'negotiating',
]);

/**
 * A signal moved along its lifecycle (shared/domain/csm/signals.ts), authorized like the push would be; null
 * when the move is not allowed (a transition the lifecycle refuses, or a role that may not make it).
 */
export function moveSignal(signal: Signal, to: Signal['status'], user: PortalUser, now: Date): Signal | null {
  let fields: ReturnType<typeof transitionSignal>;
  try {
    fields = transitionSignal(signal, { to, notes: null, by: user.id }, now);
  } catch {
    return null;
  }
  const parsed = signalSchema.safeParse({ ...signal, ...fields });
  if (!parsed.success) return null;
  const after = parsed.data;
  return writeAllowed(user, 'signals', { organizationId: user.organizationId, before: signal, after })
    ? after
    : null;
}

/**
 * "Criar oportunidade" on a detected expansion: the CSM takes it into the pipeline, `identified → contacted`
 * (the first step a CSM makes on an opportunity). Null when the signal is not a detected, untouched expansion.
 */
export function createOpportunity(signal: Signal, user: PortalUser, now: Date): Signal | null {
  if (signal.kind !== 'expansion' || signal.status !== 'identified') return null;
  return moveSignal(signal, 'contacted', user, now);
}

/** "Solicitar case study": the timeline entry and the insight marked as acted upon. */
export function requestCaseStudy(
  insight: Signal,
  text: { readonly title: string; readonly description: string },
  user: PortalUser,
  activityId: string,
  now: Date,
): { readonly activity: Activity; readonly insight: Signal } | null {
  if (insight.kind !== 'insight' || insight.subtype !== 'advocacy' || insight.status !== 'new') return null;
  const moved = moveSignal(insight, 'actioned', user, now);
  if (moved === null) return null;
  const activity = buildActivity(
    {
      customerId: insight.customerId,
      type: 'note',
      title: text.title,
      description: text.description,
      metadata: { request: 'case_study', signalId: insight.id },
    },
    user,
    activityId,
    now,
  );
  return activity.ok ? { activity: activity.value, insight: moved } : null;
}
