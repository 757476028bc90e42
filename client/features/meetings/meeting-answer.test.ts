import { describe, expect, it } from 'vitest';
import type { MeetingRequestAnswer } from '../../../shared/entities/support.ts';
import { ago, clientPortalUser, CSM_ID, DAY, HOUR, meeting, NOW } from '../../test/portal-fixtures.ts';
import { latestMeetingAnswer } from './meeting-answer.ts';

const answer = (over: Partial<MeetingRequestAnswer>): MeetingRequestAnswer => ({
  outcome: 'accepted',
  requestType: 'reschedule',
  requestedAt: ago(2 * DAY),
  scheduledAt: '2026-11-26T18:30:00.000Z',
  message: null,
  answeredAt: ago(HOUR),
  answeredBy: CSM_ID,
  ...over,
});

describe('latestMeetingAnswer — what the client sees of the agency’s answer', () => {
  const moved = meeting({
    scheduledAt: '2026-11-26T18:30:00.000Z',
    status: 'rescheduled',
    requestAnswer: answer({}),
  });
  const cancelled = meeting({
    scheduledAt: '2026-11-27T18:00:00.000Z',
    status: 'cancelled',
    requestAnswer: answer({ requestType: 'cancel', scheduledAt: null, answeredAt: ago(2 * HOUR) }),
  });
  const other = meeting({
    scheduledAt: '2026-11-28T18:00:00.000Z',
    status: 'rescheduled',
    requestAnswer: answer({
      outcome: 'new_time',
      scheduledAt: '2026-11-28T18:00:00.000Z',
      answeredAt: ago(3 * HOUR),
    }),
  });

  it.each([
    ['accepted reschedule', [moved, cancelled], 'accepted'],
    ['a cancellation', [cancelled, other], 'cancelled'],
    ['another time', [other], 'new_time'],
  ] as const)('%s', (_, meetings, kind) => {
    expect(latestMeetingAnswer(meetings, NOW)?.kind).toBe(kind);
  });

  it('nothing when a newer request is pending, or the answer is older than 14 days', () => {
    const asked = {
      ...moved,
      clientRequest: {
        type: 'cancel' as const,
        proposedAt: null,
        reason: null,
        requestedAt: ago(10 * 60_000),
        requestedBy: clientPortalUser.id,
      },
    };
    expect(latestMeetingAnswer([asked], NOW)).toBeNull();
    expect(
      latestMeetingAnswer([{ ...moved, requestAnswer: answer({ answeredAt: ago(15 * DAY) }) }], NOW),
    ).toBeNull();
  });
});
