import type { Meeting, MeetingRequestAnswer } from '../../../shared/entities/support.ts';

/**
 * The agency's answer to the client's last meeting request, as the client's device shows it: the latest answer
 * given in the last `days` days to a meeting whose request is no longer pending (a newer request waits for its
 * own answer). Pure: the clock is a parameter.
 */
export interface AnswerView {
  readonly meeting: Meeting;
  readonly answer: MeetingRequestAnswer;
  /** `cancelled`, `accepted` (moved to the time the client proposed) or `new_time` (the agency's time). */
  readonly kind: 'cancelled' | 'accepted' | 'new_time';
}

export function latestMeetingAnswer(meetings: readonly Meeting[], now: Date, days = 14): AnswerView | null {
  const since = now.getTime() - days * 86_400_000;
  let best: AnswerView | null = null;
  for (const meeting of meetings) {
    const answer = meeting.requestAnswer;
    if (answer === null || meeting.clientRequest !== null) continue;
    const at = Date.parse(answer.answeredAt);
    if (at < since || (best !== null && at <= Date.parse(best.answer.answeredAt))) continue;
    const kind = answer.scheduledAt === null ? 'cancelled' : answer.outcome;
    best = { meeting, answer, kind };
  }
  return best;
}
