import { zonedTimeToEpochMs } from '../../../shared/domain/portal/time.ts';
import { meetingSchema, type Meeting } from '../../../shared/entities/support.ts';
import { identityOf } from '../../../shared/identity.ts';
import { can, canWriteField } from '../../../shared/permissions.ts';
import {
  fail,
  lengthError,
  type ErrorMessage as LocalErrorMessage,
  type PortalUser,
  type WriteResult as LocalWriteResult,
  writeAllowed,
} from '../../platform/local-writes.ts';
import type { meetingsPtBR } from './i18n.ts';

/**
 * The client's offline meeting requests: the client cannot move or cancel a meeting themselves, they write a
 * `clientRequest` the account manager acts on. Each builder returns the change to store, already parsed by
 * the shared zod schema and authorized by the shared permission rules (the same function the sync push
 * applies), or the readable errors to show. Pure: the clock is a parameter.
 */

/** An error to show: a key of the `errors` section of the `meetings` namespace, with its parameters. */
export type ErrorMessage = LocalErrorMessage<keyof typeof meetingsPtBR.errors>;
type WriteResult<T, F extends string> = LocalWriteResult<T, F, ErrorMessage['key']>;

const NOT_ALLOWED: ErrorMessage = { key: 'notAllowed' };
const INVALID: ErrorMessage = { key: 'invalid' };

export type ClientRequest = NonNullable<Meeting['clientRequest']>;

export interface MeetingRequestInput {
  readonly type: ClientRequest['type'];
  /** A `<input type="datetime-local">` value (`YYYY-MM-DDTHH:mm`, the user's wall clock) or "". */
  readonly proposedLocal: string;
  readonly reason: string;
}
export type MeetingRequestField = 'proposedAt' | 'reason';

export const meetingEndMs = (m: Pick<Meeting, 'scheduledAt' | 'durationMinutes'>) =>
  Date.parse(m.scheduledAt) + m.durationMinutes * 60_000;

/** A meeting still ahead (or under way) that the client may ask to move or cancel. */
export function canRequestMeetingChange(meeting: Meeting, user: PortalUser, now: Date): boolean {
  const identity = identityOf(user);
  return (
    identity !== null &&
    (meeting.status === 'scheduled' || meeting.status === 'rescheduled') &&
    Date.parse(meeting.scheduledAt) > now.getTime() &&
    can(identity, 'update', 'meetings', { ...meeting, organizationId: user.organizationId }) &&
    canWriteField(identity, 'meetings', 'update', 'clientRequest')
  );
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** A wall-clock `YYYY-MM-DDTHH:mm` in `timeZone` → ISO instant (UTC), or null when malformed. */
export function localDateTimeToIso(value: string, timeZone: string): string | null {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return null;
  const [, date, hh, mm] = m as unknown as [string, string, string, string];
  const hours = Number(hh);
  const minutes = Number(mm);
  if (hours > 23 || minutes > 59) return null;
  try {
    const ms = zonedTimeToEpochMs(date, hours * 60 + minutes, timeZone);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  } catch {
    return null;
  }
}

/** The client's request on a meeting (`clientRequest`), signed by the user; the account manager acts on it. */
export function buildMeetingRequest(
  meeting: Meeting,
  input: MeetingRequestInput,
  ctx: { user: PortalUser; now: Date; timeZone: string },
): WriteResult<ClientRequest, MeetingRequestField> {
  const { user, now } = ctx;
  if (!canRequestMeetingChange(meeting, user, now)) return fail({}, NOT_ALLOWED);
  const errors: Partial<Record<MeetingRequestField, ErrorMessage>> = {};
  let proposedAt: string | null = null;
  if (input.type === 'reschedule' && input.proposedLocal.trim() !== '') {
    proposedAt = localDateTimeToIso(input.proposedLocal.trim(), ctx.timeZone);
    if (proposedAt === null) errors.proposedAt = { key: 'proposedInvalid' };
    else if (Date.parse(proposedAt) <= now.getTime()) errors.proposedAt = { key: 'proposedInPast' };
  }
  const reason = input.reason.trim();
  const parsed = meetingSchema.shape.clientRequest.safeParse({
    type: input.type,
    proposedAt,
    reason: reason === '' ? null : reason,
    requestedAt: now.toISOString(),
    requestedBy: user.id,
  });
  let formError: ErrorMessage | null = null;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'reason') errors.reason ??= lengthError(issue, 'invalid', 'reasonTooLong');
      else if (issue.path[0] !== 'proposedAt') formError = INVALID;
    }
  }
  if (!parsed.success || parsed.data === null || Object.keys(errors).length > 0) {
    return fail(errors, formError);
  }
  return authorizeMeetingRequest(meeting, parsed.data, user)
    ? { ok: true, value: parsed.data }
    : fail({}, NOT_ALLOWED);
}

/** Withdrawing the pending request (`clientRequest` back to null). */
export function buildWithdrawRequest(meeting: Meeting, user: PortalUser): WriteResult<null, never> {
  if (meeting.clientRequest === null) return fail({}, INVALID);
  return authorizeMeetingRequest(meeting, null, user) ? { ok: true, value: null } : fail({}, NOT_ALLOWED);
}

function authorizeMeetingRequest(meeting: Meeting, request: ClientRequest | null, user: PortalUser): boolean {
  return writeAllowed(user, 'meetings', {
    organizationId: user.organizationId,
    before: meeting,
    after: { ...meeting, clientRequest: request },
  });
}
