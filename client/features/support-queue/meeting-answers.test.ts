import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../shared/entities/support.ts';
import { staffUser } from '../../test/render-app.tsx';
import { ago, clientPortalUser, DAY, HOUR, meeting, NOW } from '../../test/portal-fixtures.ts';
import { buildMeetingAnswer, pendingMeetingRequests, recentlyAnswered } from './meeting-answers.ts';

const request = (over: Partial<NonNullable<Meeting['clientRequest']>> = {}) => ({
  type: 'reschedule' as const,
  proposedAt: '2026-11-26T18:30:00.000Z',
  reason: null,
  requestedAt: ago(HOUR),
  requestedBy: clientPortalUser.id,
  ...over,
});
const ctx = { user: staffUser, now: NOW, timeZone: 'America/Sao_Paulo' };

describe('meeting requests, staff side', () => {
  const older = meeting({
    scheduledAt: '2026-11-25T18:00:00.000Z',
    clientRequest: request({ requestedAt: ago(DAY) }),
  });
  const newer = meeting({ scheduledAt: '2026-11-27T18:00:00.000Z', clientRequest: request() });
  const cancelled = meeting({
    scheduledAt: '2026-11-28T18:00:00.000Z',
    status: 'cancelled',
    clientRequest: request(),
  });
  const none = meeting({ scheduledAt: '2026-11-29T18:00:00.000Z' });

  it('lists open meetings with a request, the oldest request first', () => {
    expect(pendingMeetingRequests([newer, none, cancelled, older]).map((m) => m.id)).toEqual([
      older.id,
      newer.id,
    ]);
  });

  it('accepting moves the meeting to the proposed time, signed by the staff member', () => {
    expect(buildMeetingAnswer(newer, { kind: 'accept', message: ' Combinado ' }, ctx)).toMatchObject({
      ok: true,
      value: {
        scheduledAt: '2026-11-26T18:30:00.000Z',
        status: 'rescheduled',
        clientRequest: null,
        requestAnswer: { outcome: 'accepted', message: 'Combinado', answeredBy: staffUser.id },
      },
    });
  });

  it('another time is read in the staff member’s time zone', () => {
    expect(
      buildMeetingAnswer(newer, { kind: 'new_time', local: '2026-11-27T14:00', message: '' }, ctx),
    ).toMatchObject({
      ok: true,
      value: {
        scheduledAt: '2026-11-27T17:00:00.000Z',
        requestAnswer: { outcome: 'new_time', message: null },
      },
    });
  });

  it.each([
    [
      'a malformed time',
      newer,
      { kind: 'new_time', local: '27/11', message: '' },
      { fieldErrors: { scheduledAt: { key: 'timeInvalid' } } },
    ],
    [
      'a past time',
      newer,
      { kind: 'new_time', local: '2026-11-20T10:00', message: '' },
      { fieldErrors: { scheduledAt: { key: 'timeInPast' } } },
    ],
    [
      'no proposed time to accept',
      meeting({ scheduledAt: '2026-11-25T18:00:00.000Z', clientRequest: request({ proposedAt: null }) }),
      { kind: 'accept', message: '' },
      { formError: { key: 'needsTime' } },
    ],
    ['an answered request', none, { kind: 'accept', message: '' }, { formError: { key: 'noRequest' } }],
    [
      'a long message',
      newer,
      { kind: 'accept', message: 'x'.repeat(1001) },
      { fieldErrors: { message: { key: 'messageTooLong', max: 1000 } } },
    ],
  ] as const)('refuses %s', (_, m, input, expected) => {
    expect(buildMeetingAnswer(m, input, ctx)).toMatchObject({ ok: false, ...expected });
  });

  it('a client cannot answer', () => {
    expect(
      buildMeetingAnswer(newer, { kind: 'accept', message: '' }, { ...ctx, user: clientPortalUser }),
    ).toMatchObject({
      ok: false,
      formError: { key: 'notAllowed' },
    });
  });

  it('recently answered: the latest answer first, within 14 days', () => {
    const answer = (at: string) => ({
      outcome: 'accepted' as const,
      requestType: 'cancel' as const,
      requestedAt: ago(20 * DAY),
      scheduledAt: null,
      message: null,
      answeredAt: at,
      answeredBy: staffUser.id,
    });
    const a = { ...none, id: 'a', requestAnswer: answer(ago(2 * DAY)) };
    const b = { ...none, id: 'b', requestAnswer: answer(ago(HOUR)) };
    const old = { ...none, id: 'c', requestAnswer: answer(ago(15 * DAY)) };
    expect(recentlyAnswered([a, old, b], NOW).map((m) => m.id)).toEqual(['b', 'a']);
  });
});
