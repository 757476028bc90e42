import { describe, expect, it } from 'vitest';
import type { MeetingClientRequest, MeetingRequestAnswer } from '../../entities/support.ts';
import {
  answerMeetingRequest,
  meetingRequestState,
  requestAfterMerge,
  type MeetingAnswer,
  type MeetingRequestView,
} from './meeting-request.ts';

const NOW = '2026-11-21T12:00:00.000Z';
const AT = '2026-11-25T18:00:00.000Z';
const PROPOSED = '2026-11-26T18:30:00.000Z';
const STAFF = '0199b000-0000-7000-8000-000000000011';
const CLIENT = '0199b000-0000-7000-8000-0000000000c1';

const request = (over: Partial<MeetingClientRequest> = {}): MeetingClientRequest => ({
  type: 'reschedule',
  proposedAt: PROPOSED,
  reason: 'Viagem',
  requestedAt: '2026-11-21T10:00:00.000Z',
  requestedBy: CLIENT,
  ...over,
});
const meeting = (over: Partial<MeetingRequestView> = {}): MeetingRequestView => ({
  scheduledAt: AT,
  status: 'scheduled',
  clientRequest: request(),
  requestAnswer: null,
  ...over,
});
const ctx = { answeredBy: STAFF, now: NOW };

describe('answerMeetingRequest — the agency answers a client request', () => {
  it.each<[string, MeetingRequestView, MeetingAnswer, object]>([
    [
      'accepting a cancel cancels the meeting, time unchanged',
      meeting({ clientRequest: request({ type: 'cancel', proposedAt: null }) }),
      { kind: 'accept' },
      {
        scheduledAt: AT,
        status: 'cancelled',
        requestAnswer: { outcome: 'accepted', requestType: 'cancel', scheduledAt: null },
      },
    ],
    [
      'accepting a reschedule moves it to the proposed time',
      meeting(),
      { kind: 'accept', message: '  Combinado!  ' },
      {
        scheduledAt: PROPOSED,
        status: 'rescheduled',
        requestAnswer: {
          outcome: 'accepted',
          requestType: 'reschedule',
          scheduledAt: PROPOSED,
          message: 'Combinado!',
        },
      },
    ],
    [
      'another time for a reschedule',
      meeting(),
      { kind: 'new_time', scheduledAt: '2026-11-27T13:00:00-03:00' },
      {
        scheduledAt: '2026-11-27T16:00:00.000Z',
        status: 'rescheduled',
        requestAnswer: { outcome: 'new_time', scheduledAt: '2026-11-27T16:00:00.000Z', message: null },
      },
    ],
    [
      'another time for a cancel (the meeting is kept, moved)',
      meeting({ clientRequest: request({ type: 'cancel', proposedAt: null }) }),
      { kind: 'new_time', scheduledAt: '2026-11-28T15:00:00.000Z' },
      {
        scheduledAt: '2026-11-28T15:00:00.000Z',
        status: 'rescheduled',
        requestAnswer: { outcome: 'new_time', requestType: 'cancel' },
      },
    ],
    [
      'the same time keeps the meeting as it was (status unchanged)',
      meeting({ clientRequest: request({ type: 'cancel', proposedAt: null }) }),
      { kind: 'new_time', scheduledAt: AT },
      { scheduledAt: AT, status: 'scheduled', requestAnswer: { outcome: 'new_time', scheduledAt: AT } },
    ],
  ])('%s', (_, m, answer, expected) => {
    const result = answerMeetingRequest(m, answer, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.change).toMatchObject({ clientRequest: null, ...expected });
    expect(result.change.requestAnswer).toMatchObject({
      requestedAt: m.clientRequest!.requestedAt,
      answeredAt: NOW,
      answeredBy: STAFF,
    });
  });

  it.each<[string, MeetingRequestView, MeetingAnswer, string]>([
    ['no pending request', meeting({ clientRequest: null }), { kind: 'accept' }, 'no_request'],
    ['a cancelled meeting', meeting({ status: 'cancelled' }), { kind: 'accept' }, 'meeting_closed'],
    ['a completed meeting', meeting({ status: 'completed' }), { kind: 'accept' }, 'meeting_closed'],
    [
      'accepting a reschedule that proposed no time',
      meeting({ clientRequest: request({ proposedAt: null }) }),
      { kind: 'accept' },
      'needs_time',
    ],
    [
      'accepting a proposal that is already past',
      meeting({ clientRequest: request({ proposedAt: '2026-11-21T11:00:00.000Z' }) }),
      { kind: 'accept' },
      'time_in_past',
    ],
    ['another time in the past', meeting(), { kind: 'new_time', scheduledAt: NOW }, 'time_in_past'],
  ])('refused: %s', (_, m, answer, error) => {
    expect(answerMeetingRequest(m, answer, ctx)).toEqual({ ok: false, error });
  });

  it('a malformed new time throws (the caller validates the form first)', () => {
    expect(() =>
      answerMeetingRequest(meeting(), { kind: 'new_time', scheduledAt: '27/11 15h' }, ctx),
    ).toThrow();
  });

  it.each<[MeetingRequestView, string]>([
    [meeting({ clientRequest: null }), 'none'],
    [meeting(), 'pending'],
  ])('state %#', (m, state) => {
    expect(meetingRequestState(m)).toBe(state);
  });

  it('an answered meeting is "answered"', () => {
    const result = answerMeetingRequest(meeting(), { kind: 'accept' }, ctx);
    if (!result.ok) throw new Error('expected an answer');
    expect(meetingRequestState({ ...meeting(), ...result.change })).toBe('answered');
  });
});

describe('requestAfterMerge — a concurrent answer and a new request', () => {
  const first = request();
  const second = request({ requestedAt: '2026-11-21T11:00:00.000Z', type: 'cancel', proposedAt: null });
  const answer: MeetingRequestAnswer = {
    outcome: 'accepted',
    requestType: 'reschedule',
    requestedAt: first.requestedAt,
    scheduledAt: PROPOSED,
    message: null,
    answeredAt: NOW,
    answeredBy: STAFF,
  };
  const base = meeting({ clientRequest: first });
  const staff = meeting({ clientRequest: null, requestAnswer: answer, scheduledAt: PROPOSED });
  const clientAsksAgain = meeting({ clientRequest: second });
  const clientWithdraws = meeting({ clientRequest: null });

  it.each<[string, MeetingRequestView, MeetingRequestView, MeetingRequestView, MeetingClientRequest | null]>([
    ['the staff clock won: the newer request survives', staff, clientAsksAgain, staff, second],
    [
      'the client clock won: the newer request stays',
      staff,
      clientAsksAgain,
      { ...staff, clientRequest: second },
      second,
    ],
    ['the client withdrew: nothing pending', staff, clientWithdraws, staff, null],
    ['an answered request never stays pending', staff, base, { ...staff, clientRequest: first }, null],
    [
      'a new request with an earlier clock (another device) is still new',
      staff,
      meeting({ clientRequest: request({ requestedAt: '2026-11-21T09:00:00.000Z' }) }),
      staff,
      request({ requestedAt: '2026-11-21T09:00:00.000Z' }),
    ],
  ])('%s', (_, real, mine, merged, expected) => {
    expect(requestAfterMerge({ base, real, mine, merged })).toEqual(expected);
    // Symmetric in the two sides.
    expect(requestAfterMerge({ base, real: mine, mine: real, merged })).toEqual(expected);
  });

  it('without an answer the merge is left alone (a withdrawal is not undone)', () => {
    const merged = meeting({ clientRequest: null });
    expect(requestAfterMerge({ base, real: base, mine: merged, merged })).toBeNull();
  });
});
