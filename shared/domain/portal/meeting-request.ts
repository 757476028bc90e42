import { z } from 'zod';
import { isoDateTime } from '../../entities/common.ts';
import {
  meetingClientRequestSchema,
  meetingRequestAnswerSchema,
  meetingStatusSchema,
  type MeetingClientRequest,
  type MeetingRequestAnswer,
} from '../../entities/support.ts';

/**
 * The agency's side of a client's meeting request (dashboard §7C "📅 Próxima reunião … [REAGENDAR]
 * [CANCELAR]"; docs/domain-client.md). A client never moves or cancels a meeting: they write `clientRequest`
 * (shared/collections/meetings.ts). Staff answer it, and the answer is one change of the meeting:
 *
 * | request    | answer     | meeting after                                   | `requestAnswer.outcome` |
 * | ---------- | ---------- | ----------------------------------------------- | ----------------------- |
 * | cancel     | accept     | `cancelled`, time unchanged                     | `accepted`              |
 * | reschedule | accept     | moved to the proposed time, `rescheduled`       | `accepted`              |
 * | either     | new time   | moved to the staff's time, `rescheduled` (kept `scheduled` when the time is the same) | `new_time` |
 *
 * Every answer clears `clientRequest` and records `requestAnswer` (signed by the staff member, naming the
 * request it answers by its `requestedAt`), which the client's device shows. Refused: no pending request, a
 * meeting already cancelled or completed, accepting a reschedule that proposed no time (the agency must
 * choose one), and any new time that is not in the future (`now` is a parameter: pure, no clock).
 *
 * `requestAfterMerge` keeps the rule in a conflict merge: a client's new request is never swallowed by a
 * concurrent answer to the one before, and an answered request never stays pending.
 */

/** The parts of a meeting the rules read (whole meetings parse too; other fields are ignored). */
export const meetingRequestViewSchema = z.object({
  scheduledAt: isoDateTime,
  status: meetingStatusSchema,
  clientRequest: meetingClientRequestSchema.nullable(),
  requestAnswer: meetingRequestAnswerSchema.nullable(),
});
export type MeetingRequestView = z.input<typeof meetingRequestViewSchema>;

export type MeetingAnswer =
  | { readonly kind: 'accept'; readonly message?: string | null }
  | { readonly kind: 'new_time'; readonly scheduledAt: string; readonly message?: string | null };

export type MeetingAnswerError = 'no_request' | 'meeting_closed' | 'needs_time' | 'time_in_past';

/** The fields an answer changes; everything else of the meeting stays as it is. */
export interface MeetingAnswerChange {
  readonly scheduledAt: string;
  readonly status: z.infer<typeof meetingStatusSchema>;
  readonly clientRequest: null;
  readonly requestAnswer: MeetingRequestAnswer;
}

export type MeetingAnswerResult =
  | { readonly ok: true; readonly change: MeetingAnswerChange }
  | { readonly ok: false; readonly error: MeetingAnswerError };

export type MeetingRequestState = 'none' | 'pending' | 'answered';

/** Whether the meeting has a request waiting for the agency, an answered one, or neither. */
export function meetingRequestState(meeting: MeetingRequestView): MeetingRequestState {
  const m = meetingRequestViewSchema.parse(meeting);
  return m.clientRequest !== null ? 'pending' : m.requestAnswer !== null ? 'answered' : 'none';
}

export function answerMeetingRequest(
  meeting: MeetingRequestView,
  answer: MeetingAnswer,
  ctx: { readonly answeredBy: string; readonly now: string },
): MeetingAnswerResult {
  const m = meetingRequestViewSchema.parse(meeting);
  const request = m.clientRequest;
  if (request === null) return { ok: false, error: 'no_request' };
  if (m.status === 'cancelled' || m.status === 'completed') return { ok: false, error: 'meeting_closed' };
  const nowMs = Date.parse(isoDateTime.parse(ctx.now));
  const message = answer.message?.trim() ? answer.message.trim() : null;
  const record = (
    outcome: MeetingRequestAnswer['outcome'],
    scheduledAt: string | null,
  ): MeetingRequestAnswer =>
    meetingRequestAnswerSchema.parse({
      outcome,
      requestType: request.type,
      requestedAt: request.requestedAt,
      scheduledAt,
      message,
      answeredAt: new Date(nowMs).toISOString(),
      answeredBy: ctx.answeredBy,
    });

  if (answer.kind === 'accept' && request.type === 'cancel') {
    return {
      ok: true,
      change: {
        scheduledAt: m.scheduledAt,
        status: 'cancelled',
        clientRequest: null,
        requestAnswer: record('accepted', null),
      },
    };
  }
  const target = answer.kind === 'accept' ? request.proposedAt : isoDateTime.parse(answer.scheduledAt);
  if (target === null) return { ok: false, error: 'needs_time' };
  const targetMs = Date.parse(target);
  if (targetMs <= nowMs) return { ok: false, error: 'time_in_past' };
  const scheduledAt = new Date(targetMs).toISOString();
  const moved = targetMs !== Date.parse(m.scheduledAt);
  return {
    ok: true,
    change: {
      scheduledAt,
      status: moved ? 'rescheduled' : m.status,
      clientRequest: null,
      requestAnswer: record(answer.kind === 'accept' ? 'accepted' : 'new_time', scheduledAt),
    },
  };
}

export interface RequestMergeInput {
  /** The state both sides started from; null when both created the meeting independently. */
  readonly base: MeetingRequestView | null;
  readonly real: MeetingRequestView;
  readonly mine: MeetingRequestView;
  /** The field-by-field merge of the two sides. */
  readonly merged: MeetingRequestView;
}

/**
 * The pending request after a conflict merge. Only when the sides hold different requests and the merged
 * meeting carries an answer does anything change. The answer covers exactly the request it names
 * (`requestedAt`): that one never stays pending. Any other request a side wrote (it differs from the base's)
 * is a new one the answer did not see, and stays pending whichever side's clock won the field — the merged
 * one if it is such a request, else the newest of them. Symmetric in `real`/`mine` and deterministic, so both push orders converge.
 */
export function requestAfterMerge(input: RequestMergeInput): MeetingClientRequest | null {
  const merged = meetingRequestViewSchema.parse(input.merged);
  const answer = merged.requestAnswer;
  if (answer === null) return merged.clientRequest;
  const requestOf = (side: MeetingRequestView) => meetingRequestViewSchema.parse(side).clientRequest;
  const real = requestOf(input.real);
  const mine = requestOf(input.mine);
  // Both sides hold the same request: there is nothing to reconcile.
  if (real === mine || (real !== null && mine !== null && sameRequest(real, mine)))
    return merged.clientRequest;
  const answered = (r: MeetingClientRequest) => r.requestedAt === answer.requestedAt;
  if (merged.clientRequest !== null && !answered(merged.clientRequest)) return merged.clientRequest;
  const baseRequest = input.base === null ? null : meetingRequestViewSchema.parse(input.base).clientRequest;
  const written = [real, mine]
    .filter((r): r is MeetingClientRequest => r !== null && !answered(r) && !sameRequest(r, baseRequest))
    .sort(newestFirst);
  return written[0] ?? null;
}

const sameRequest = (a: MeetingClientRequest, b: MeetingClientRequest | null): boolean =>
  b !== null && canonical(a) === canonical(b);

const canonical = (r: MeetingClientRequest): string =>
  JSON.stringify([r.requestedAt, r.requestedBy, r.type, r.proposedAt, r.reason]);

/** Newest `requestedAt` first; equal instants are ordered by their canonical form, so the pick is stable. */
function newestFirst(a: MeetingClientRequest, b: MeetingClientRequest): number {
  const byTime = Date.parse(b.requestedAt) - Date.parse(a.requestedAt);
  if (byTime !== 0) return byTime;
  const [ca, cb] = [canonical(a), canonical(b)];
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}
