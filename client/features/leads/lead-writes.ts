import { moveTarget } from '../../../shared/domain/portal/pipeline.ts';
import {
  leadInteractionSchema,
  leadSchema,
  type Lead,
  type LeadInteraction,
} from '../../../shared/entities/portal.ts';
import { identityOf } from '../../../shared/identity.ts';
import { can } from '../../../shared/permissions.ts';
import {
  fail,
  lengthError,
  writeAllowed,
  type ErrorMessage as LocalErrorMessage,
  type PortalUser,
  type WriteResult as LocalWriteResult,
} from '../../platform/local-writes.ts';
import type { leadsPtBR } from './i18n.ts';
import { numberFormat } from '../../../shared/intl.ts';

/**
 * The client's offline lead writes (create, edit, move, log an interaction): each builder returns the exact
 * document or change to store, parsed by the shared zod schema and authorized by the shared permission rules
 * (`authorizeWrite`, the function the sync push applies), or the errors to show. Pure: ids, the clock and the
 * language of typed amounts are parameters.
 */
export type ErrorMessage = LocalErrorMessage<keyof typeof leadsPtBR.errors>;
type WriteResult<T, F extends string> = LocalWriteResult<T, F, ErrorMessage['key']>;

const NOT_ALLOWED: ErrorMessage = { key: 'notAllowed' };
const INVALID: ErrorMessage = { key: 'invalid' };

export function canWriteLeads(user: PortalUser): boolean {
  const identity = identityOf(user);
  return identity !== null && identity.customerId !== null && can(identity, 'create', 'leads');
}

/**
 * An amount typed in reais → integer cents, or null for an empty field; NaN when it is not an amount.
 * pt-BR writes "12.000,50", English "12,000.50"; "R$" and spaces are ignored, at most two decimals.
 */
export function parseReais(text: string, language: string): number | null {
  const raw = text.replace(/R\$|\s/g, '');
  if (raw === '') return null;
  const [group, decimal] = language === 'en' ? [',', '.'] : ['.', ','];
  const pattern = new RegExp(
    `^\\d{1,3}(\\${group}\\d{3})*(\\${decimal}\\d{1,2})?$|^\\d+(\\${decimal}\\d{1,2})?$`,
  );
  if (!pattern.test(raw)) return Number.NaN;
  const [whole = '0', cents = ''] = raw.split(group).join('').split(decimal);
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/** Cents → the text an amount field shows for editing ("12.000", "12.000,50"). */
export function reaisText(cents: number | null, language: string): string {
  if (cents === null) return '';
  return numberFormat(language === 'en' ? 'en-US' : 'pt-BR', {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

export interface LeadInput {
  readonly name: string;
  readonly company: string;
  readonly email: string;
  readonly phone: string;
  readonly value: string;
  readonly budget: string;
  readonly source: string;
  readonly stage: Lead['stage'];
  readonly timeline: Lead['timeline'];
  readonly authority: Lead['authority'];
}
export type LeadField = 'name' | 'company' | 'email' | 'phone' | 'value' | 'budget' | 'source';

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * A new lead (`before` null, placed at the end of its stage: `stagePositions` are that stage's positions) or
 * the edited one (`before` given: its id, owner, interactions, creation and position kept; a stage change
 * moves it to the end of the new stage).
 */
export function buildLead(
  input: LeadInput,
  ctx: {
    user: PortalUser;
    before: Lead | null;
    id: string;
    now: Date;
    language: string;
    /** Leads of the input's stage in board order (the lead itself excluded). */
    stageLeads: readonly Pick<Lead, 'position'>[];
  },
): WriteResult<Lead, LeadField> {
  const { user, before, now } = ctx;
  if (user.customerId === null || !canWriteLeads(user)) return fail({}, NOT_ALLOWED);
  const errors: Partial<Record<LeadField, ErrorMessage>> = {};
  const valueCents = parseReais(input.value, ctx.language);
  const budgetCents = parseReais(input.budget, ctx.language);
  if (Number.isNaN(valueCents)) errors.value = { key: 'moneyInvalid' };
  if (Number.isNaN(budgetCents)) errors.budget = { key: 'moneyInvalid' };
  const stamp = now.toISOString();
  const position =
    before !== null && before.stage === input.stage
      ? before.position
      : moveTarget(ctx.stageLeads, input.stage).position;
  const candidate = {
    id: before?.id ?? ctx.id,
    updatedAt: before?.updatedAt ?? stamp,
    serverSeq: before?.serverSeq ?? 0,
    clientUpdatedAt: stamp,
    customerId: before?.customerId ?? user.customerId,
    name: input.name.trim(),
    company: orNull(input.company),
    email: orNull(input.email),
    phone: orNull(input.phone),
    stage: input.stage,
    valueCents: valueCents === null || Number.isNaN(valueCents) ? 0 : valueCents,
    source: orNull(input.source),
    campaignId: before?.campaignId ?? null,
    budgetCents: budgetCents === null || Number.isNaN(budgetCents) ? null : budgetCents,
    timeline: input.timeline,
    authority: input.authority,
    position,
    interactions: before?.interactions ?? [],
    createdAt: before?.createdAt ?? stamp,
  };
  const parsed = leadSchema.safeParse(candidate);
  let formError: ErrorMessage | null = null;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'name') errors.name ??= lengthError(issue, 'nameRequired', 'nameTooLong');
      else if (field === 'email') errors.email ??= { key: 'emailInvalid' };
      else if (field === 'company' || field === 'phone' || field === 'source')
        errors[field] ??= { key: 'tooLong', max: issue.code === 'too_big' ? Number(issue.maximum) : 0 };
      else if (field === 'valueCents') errors.value ??= { key: 'moneyInvalid' };
      else if (field === 'budgetCents') errors.budget ??= { key: 'moneyInvalid' };
      else formError = INVALID;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return fail(errors, formError);
  const allowed = writeAllowed(user, 'leads', {
    organizationId: user.organizationId,
    before,
    after: parsed.data,
  });
  return allowed ? { ok: true, value: parsed.data } : fail({}, NOT_ALLOWED);
}

/** Moving a lead: its new stage and position, authorized as an update of the stored lead. */
export function buildMove(
  lead: Lead,
  target: { stage: Lead['stage']; position: number },
  user: PortalUser,
): WriteResult<{ stage: Lead['stage']; position: number }, never> {
  const change = { stage: target.stage, position: target.position };
  const after = leadSchema.safeParse({ ...lead, ...change });
  if (!after.success) return fail({}, INVALID);
  return writeAllowed(user, 'leads', { organizationId: user.organizationId, before: lead, after: after.data })
    ? { ok: true, value: change }
    : fail({}, NOT_ALLOWED);
}

export interface InteractionInput {
  readonly type: LeadInteraction['type'];
  readonly direction: 'inbound' | 'outbound';
  readonly subject: string;
  readonly duration: string;
  readonly content: string;
}
export type InteractionField = 'subject' | 'duration' | 'content';

/** Types whose length in minutes is worth logging (the timeline shows "Ligação — ontem 15:30 (12 min)"). */
export const TIMED_TYPES: readonly LeadInteraction['type'][] = ['call', 'meeting'];

/** A logged interaction, signed by the user, to append to the stored lead (`withInteraction`). */
export function buildInteraction(
  lead: Lead,
  input: InteractionInput,
  ctx: { user: PortalUser; id: string; now: Date },
): WriteResult<LeadInteraction, InteractionField> {
  const { user } = ctx;
  if (!canWriteLeads(user)) return fail({}, NOT_ALLOWED);
  const errors: Partial<Record<InteractionField, ErrorMessage>> = {};
  const timed = TIMED_TYPES.includes(input.type);
  const durationText = input.duration.trim();
  const duration = timed && durationText !== '' ? Number(durationText) : null;
  if (duration !== null && !(Number.isInteger(duration) && duration >= 0 && duration <= 1440))
    errors.duration = { key: 'durationInvalid' };
  const content = input.content.trim();
  if (input.type === 'note' && content === '') errors.content = { key: 'contentRequired' };
  const parsed = leadInteractionSchema.safeParse({
    id: ctx.id,
    type: input.type,
    direction: input.type === 'note' ? null : input.direction,
    subject: input.type === 'email' ? orNull(input.subject) : null,
    content: content === '' ? null : content,
    durationMinutes: errors.duration ? null : duration,
    outcome: null,
    nextAction: null,
    performedBy: user.id,
    createdAt: ctx.now.toISOString(),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'subject' || field === 'content')
        errors[field] ??= { key: 'tooLong', max: issue.code === 'too_big' ? Number(issue.maximum) : 0 };
    }
    if (Object.keys(errors).length === 0) return fail({}, INVALID);
  }
  if (!parsed.success || Object.keys(errors).length > 0) return fail(errors);
  const after = leadSchema.safeParse(withInteraction(lead, parsed.data));
  if (!after.success) return fail({}, INVALID);
  return writeAllowed(user, 'leads', { organizationId: user.organizationId, before: lead, after: after.data })
    ? { ok: true, value: parsed.data }
    : fail({}, NOT_ALLOWED);
}

/** The stored lead with the interaction appended once (a retried save adds nothing). */
export function withInteraction(lead: Lead, interaction: LeadInteraction): Lead {
  if (lead.interactions.some((i) => i.id === interaction.id)) return lead;
  return { ...lead, interactions: [...lead.interactions, interaction] };
}
