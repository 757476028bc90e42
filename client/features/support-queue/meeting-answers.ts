import {
  answerMeetingRequest,
  type MeetingAnswerChange,
  type MeetingAnswerError,
} from '../../../shared/domain/portal/meeting-request.ts';
import type { Meeting } from '../../../shared/entities/support.ts';
import { identityOf } from '../../../shared/identity.ts';
import { can } from '../../../shared/permissions.ts';
import { fail, writeAllowed, type PortalUser } from '../../platform/local-writes.ts';
import { localDateTimeToIso } from '../meetings/meeting-writes.ts';
import type { ErrorMessage } from './staff-writes.ts';
import type { WriteResult as LocalWriteResult } from '../../platform/local-writes.ts';

/**
 * The staff's answers to clients' meeting requests: which meetings wait for one, and the change an answer
 * makes — the shared rule's (shared/domain/portal/meeting-request.ts), authorized by the shared permission
 * rules. Pure: the clock and the time zone are parameters.
 */

type WriteResult<T, F extends string> = LocalWriteResult<T, F, ErrorMessage['key']>;

/** Meetings with a request waiting for the agency, the oldest request first. */
export function pendingMeetingRequests(meetings: readonly Meeting[]): Meeting[] {
  return meetings
    .filter((m) => m.clientRequest !== null && (m.status === 'scheduled' || m.status === 'rescheduled'))
    .sort(
      (a, b) =>
        Date.parse(a.clientRequest!.requestedAt) - Date.parse(b.clientRequest!.requestedAt) ||
        (a.id < b.id ? -1 : 1),
    );
}

/** Requests answered in the last `days` days, the latest answer first (what staff did recently). */
export function recentlyAnswered(meetings: readonly Meeting[], now: Date, days = 14): Meeting[] {
  const since = now.getTime() - days * 86_400_000;
  return meetings
    .filter((m) => m.requestAnswer !== null && Date.parse(m.requestAnswer.answeredAt) >= since)
    .sort((a, b) => Date.parse(b.requestAnswer!.answeredAt) - Date.parse(a.requestAnswer!.answeredAt));
}

export type AnswerField = 'scheduledAt' | 'message';
export type AnswerInput =
  | { readonly kind: 'accept'; readonly message: string }
  | { readonly kind: 'new_time'; readonly local: string; readonly message: string };

const ERRORS: Record<MeetingAnswerError, { field: AnswerField | null; error: ErrorMessage }> = {
  no_request: { field: null, error: { key: 'noRequest' } },
  meeting_closed: { field: null, error: { key: 'meetingClosed' } },
  needs_time: { field: null, error: { key: 'needsTime' } },
  time_in_past: { field: 'scheduledAt', error: { key: 'timeInPast' } },
};

export function buildMeetingAnswer(
  meeting: Meeting,
  input: AnswerInput,
  ctx: { user: PortalUser; now: Date; timeZone: string },
): WriteResult<MeetingAnswerChange, AnswerField> {
  const { user, now } = ctx;
  const identity = identityOf(user);
  if (
    identity === null ||
    identity.customerId !== null ||
    !can(identity, 'update', 'meetings', { ...meeting, organizationId: user.organizationId })
  )
    return fail({}, { key: 'notAllowed' });
  if (input.message.trim().length > 1000) return fail({ message: { key: 'messageTooLong', max: 1000 } });
  let answer: Parameters<typeof answerMeetingRequest>[1];
  if (input.kind === 'new_time') {
    const scheduledAt = localDateTimeToIso(input.local.trim(), ctx.timeZone);
    if (scheduledAt === null) return fail({ scheduledAt: { key: 'timeInvalid' } });
    answer = { kind: 'new_time', scheduledAt, message: input.message };
  } else {
    answer = { kind: 'accept', message: input.message };
  }
  const result = answerMeetingRequest(meeting, answer, { answeredBy: user.id, now: now.toISOString() });
  if (!result.ok) {
    const { field, error } = ERRORS[result.error];
    return field ? fail({ [field]: error }) : fail({}, error);
  }
  const allowed = writeAllowed(user, 'meetings', {
    organizationId: user.organizationId,
    before: meeting,
    after: { ...meeting, ...result.change },
  });
  return allowed ? { ok: true, value: result.change } : fail({}, { key: 'notAllowed' });
}
