import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/entities/support.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useCollection, useDeviceUser } from '../../db/device-data.tsx';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { InputField, TextAreaField } from '../../ui/form-fields.tsx';
import { formatNumber } from '../../ui/format.ts';
import { toLocalDateTimeInput } from '../../ui/short-dates.ts';
import {
  buildMeetingRequest,
  buildWithdrawRequest,
  canRequestMeetingChange,
  type ClientRequest,
  type ErrorMessage,
  type MeetingRequestField,
} from './meeting-writes.ts';
import { useFormat } from '../../platform/use-format.ts';
import card from '../../ui/card.module.css';
import forms from '../../ui/form-fields.module.css';
import styles from './meetings.module.css';

type Mode = ClientRequest['type'] | null;

/**
 * The next meeting ("📅 Próxima reunião: 20/10 às 15h  [REAGENDAR] [CANCELAR]"). The client cannot move or
 * cancel it themselves (the shared permission rules let a client write only `clientRequest`): they write a `clientRequest` that the account manager acts on — offline
 * too; it replicates with the next sync.
 */
export function MeetingRequest({ meeting, now }: { meeting: Meeting; now: Date }) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  const user = useDeviceUser();
  const meetings = useCollection('meetings');
  const deps = useDependencies();
  const errorText = useErrorText();
  const [mode, setMode] = useState<Mode>(null);
  const [proposedLocal, setProposedLocal] = useState('');
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<MeetingRequestField, ErrorMessage>>>({});
  const [formError, setFormError] = useState<ErrorMessage | null>(null);
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const request = meeting.clientRequest;
  const mayRequest = user !== null && canRequestMeetingChange(meeting, user, now);

  const open = (next: Mode) => {
    setMode(next);
    setFieldErrors({});
    setFormError(null);
    setAnnouncement('');
  };

  async function save(change: ClientRequest | null, message: string) {
    if (!meetings) return setFormError({ key: 'notReady' });
    setSaving(true);
    try {
      const doc = await meetings.findOne(meeting.id).exec();
      if (!doc) return setFormError({ key: 'saveFailed' });
      await doc.incrementalPatch({ clientRequest: change });
      setMode(null);
      setProposedLocal('');
      setReason('');
      setAnnouncement(message);
    } catch {
      setFormError({ key: 'saveFailed' });
    } finally {
      setSaving(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!user || !mode) return;
    const result = buildMeetingRequest(
      meeting,
      { type: mode, proposedLocal, reason },
      { user, now: deps.now(), timeZone: format.timeZone },
    );
    setFieldErrors(result.ok ? {} : result.fieldErrors);
    setFormError(result.ok ? null : result.formError);
    if (result.ok) void save(result.value, t('meeting.saved'));
  }

  function withdraw() {
    if (!user) return;
    const result = buildWithdrawRequest(meeting, user);
    if (!result.ok) return setFormError(result.formError);
    void save(null, t('meeting.withdrawn'));
  }

  return (
    <div className={styles.meeting}>
      <p className={styles.meetingWhen}>
        {t('meeting.nextMeeting', { when: format.meetingTime(meeting.scheduledAt) })}
      </p>
      <p className={card.muted}>
        {meeting.title}
        {meeting.status === 'rescheduled' ? ` · ${t('meeting.rescheduled')}` : ''}
      </p>
      {meeting.meetingLink ? (
        <a href={meeting.meetingLink} target="_blank" rel="noreferrer">
          {t('meeting.openMeetingLink')}
        </a>
      ) : null}

      {request ? (
        <div>
          <p>
            {request.type === 'cancel'
              ? t('meeting.pendingCancel', { date: format.dayMonth(request.requestedAt) })
              : t('meeting.pendingReschedule', { date: format.dayMonth(request.requestedAt) })}{' '}
            {request.proposedAt
              ? t('meeting.proposedFor', { when: format.meetingTime(request.proposedAt) })
              : null}{' '}
            {t('meeting.awaitingConfirmation')}
          </p>
          {mayRequest && request.requestedBy === user?.id ? (
            <div className={card.actions}>
              <Button variant="secondary" onClick={withdraw} disabled={saving}>
                {t('meeting.withdraw')}
              </Button>
            </div>
          ) : null}
        </div>
      ) : mayRequest && mode === null ? (
        <div className={card.actions}>
          <Button variant="secondary" onClick={() => open('reschedule')}>
            {t('meeting.reschedule')}
          </Button>
          <Button variant="danger" onClick={() => open('cancel')}>
            {t('meeting.cancel')}
          </Button>
        </div>
      ) : null}

      {mode !== null && !request ? (
        <form className={forms.form} onSubmit={submit} noValidate>
          <fieldset className={forms.fieldset}>
            <legend className={forms.legend}>
              {mode === 'reschedule' ? t('meeting.rescheduleTitle') : t('meeting.cancelTitle')}
            </legend>
            {mode === 'reschedule' ? (
              <InputField
                type="datetime-local"
                label={t('meeting.proposedAt')}
                hint={t('meeting.proposedHint')}
                value={proposedLocal}
                min={toLocalDateTimeInput(now, format.timeZone)}
                onChange={(e) => setProposedLocal(e.target.value)}
                error={errorText(fieldErrors.proposedAt)}
                autoFocus
              />
            ) : null}
            <TextAreaField
              label={t('meeting.reason')}
              value={reason}
              rows={3}
              maxLength={1000}
              onChange={(e) => setReason(e.target.value)}
              error={errorText(fieldErrors.reason)}
              autoFocus={mode === 'cancel'}
            />
          </fieldset>
          <div className={card.actions}>
            <Button type="submit" variant={mode === 'cancel' ? 'danger' : 'primary'} disabled={saving}>
              {saving
                ? t('meeting.sending')
                : mode === 'cancel'
                  ? t('meeting.sendCancel')
                  : t('meeting.sendReschedule')}
            </Button>
            <Button variant="secondary" onClick={() => open(null)} disabled={saving}>
              {t('meeting.dismiss')}
            </Button>
          </div>
        </form>
      ) : null}
      {formError ? (
        <Notice tone="error" role="alert">
          {errorText(formError)}
        </Notice>
      ) : null}
      <p role="status" className={announcement ? card.muted : 'visually-hidden'}>
        {announcement}
      </p>
    </div>
  );
}

/** Translates a write error (`errors.*` of the namespace), with limits formatted for the UI language. */
function useErrorText(): (error: ErrorMessage | null | undefined) => string | undefined {
  const { t } = useTranslation('meetings');
  const { language } = useFormat();
  return useCallback(
    (error) =>
      error
        ? t(`errors.${error.key}`, {
            max: error.max === undefined ? '' : formatNumber(error.max, { language }),
          })
        : undefined,
    [t, language],
  );
}
