import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/entities/support.ts';
import { useFormat } from '../../platform/use-format.ts';
import { Notice } from '../../ui/notice.tsx';
import { latestMeetingAnswer } from './meeting-answer.ts';

/**
 * What the agency answered to the client's reschedule or cancel request ("Pedido aceito: reunião remarcada
 * para 26/11 às 15h30"), from the synced meeting (`requestAnswer`), so it shows offline once it has arrived.
 */
export function MeetingAnswerNotice({ meetings, now }: { meetings: readonly Meeting[]; now: Date }) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const view = latestMeetingAnswer(meetings, now);
  if (view === null) return null;
  const { meeting, answer, kind } = view;
  const when = answer.scheduledAt ? format.meetingTime(answer.scheduledAt) : '';
  const text =
    kind === 'cancelled'
      ? t('answer.cancelled', { title: meeting.title })
      : kind === 'accepted'
        ? t('answer.accepted', { title: meeting.title, when })
        : t('answer.newTime', { title: meeting.title, when });
  return (
    <Notice tone="info">
      {text}
      {answer.message ? ` ${t('answer.message', { message: answer.message })}` : ''}
    </Notice>
  );
}
