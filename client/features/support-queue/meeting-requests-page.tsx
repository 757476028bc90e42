import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MangoQuery } from 'rxdb';
import type { Meeting } from '../../../shared/entities/support.ts';
import { useCollection, useDeviceData, useDeviceUser, useLiveDocuments } from '../../db/device-data.tsx';
import { usePendingIds } from '../../db/pending-writes.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { InputField, TextAreaField } from '../../ui/form-fields.tsx';
import { CompassIcon } from '../../ui/icons.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { toLocalDateTimeInput } from '../../ui/short-dates.ts';
import { Badge } from '../tickets/ticket-parts.tsx';
import {
  buildMeetingAnswer,
  pendingMeetingRequests,
  recentlyAnswered,
  type AnswerField,
} from './meeting-answers.ts';
import { useErrorText } from './error-text.ts';
import { supportPaths } from './paths.ts';
import { useCustomerNames } from './staff-names.ts';
import type { ErrorMessage } from './staff-writes.ts';
import forms from '../../ui/form-fields.module.css';
import styles from './support.module.css';

const ALL_MEETINGS: MangoQuery<Meeting> = {};

/**
 * `/atendimento/reunioes` — clients' reschedule and cancel requests, the oldest first. Staff accept one (the
 * meeting moves to the proposed time, or is cancelled) or answer with another time; the answer is the shared
 * rule's change (shared/domain/portal/meeting-request.ts), written offline and shown on the client's device.
 */
export function MeetingRequestsPage() {
  const { t } = useTranslation('supportQueue');
  const { error } = useDeviceData();
  const user = useDeviceUser();
  const now = useNow();
  const format = useFormat();
  const meetings = useLiveDocuments('meetings', ALL_MEETINGS);
  const customerName = useCustomerNames();
  const [announcement, setAnnouncement] = useState('');
  const pending = useMemo(() => pendingMeetingRequests(meetings.docs), [meetings.docs]);
  const answered = useMemo(() => recentlyAnswered(meetings.docs, now), [meetings.docs, now]);

  if (!meetings.ready || !user) {
    return (
      <Page title={t('meetings.title')}>
        {error ? (
          <Notice tone="error">{t('queue.deviceError')}</Notice>
        ) : (
          <p role="status" className={styles.muted} aria-busy="true">
            {t('queue.loading')}
          </p>
        )}
      </Page>
    );
  }

  return (
    <Page title={t('meetings.title')} description={t('meetings.description')}>
      <p>
        <Link to={supportPaths.queue}>{t('meetings.backToQueue')}</Link>
      </p>
      {pending.length === 0 ? (
        <EmptyState icon={<CompassIcon />} title={t('meetings.emptyTitle')} headingLevel={2}>
          {t('meetings.emptyBody')}
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label={t('meetings.listLabel')}>
          {pending.map((m) => (
            <RequestItem
              key={m.id}
              meeting={m}
              customer={customerName(m.customerId)}
              onSaved={setAnnouncement}
            />
          ))}
        </ul>
      )}
      <p role="status" className={announcement ? styles.muted : 'visually-hidden'}>
        {announcement}
      </p>
      {answered.length > 0 ? (
        <section aria-labelledby="support-meetings-recent">
          <h2 id="support-meetings-recent" className={styles.sectionTitle}>
            {t('meetings.recentHeading')}
          </h2>
          <ul className={styles.list}>
            {answered.map((m) => {
              const a = m.requestAnswer!;
              const date = format.dayMonth(a.answeredAt);
              return (
                <li key={m.id} className={styles.item}>
                  <span className={styles.itemTitle}>
                    {customerName(m.customerId)} · {m.title}
                  </span>
                  <p className={styles.meta}>
                    {a.scheduledAt === null
                      ? t('meetings.answeredCancelled', { date })
                      : a.outcome === 'accepted'
                        ? `${t('meetings.answeredAccepted', { date })} · ${format.meetingTime(a.scheduledAt)}`
                        : t('meetings.answeredNewTime', { date, when: format.meetingTime(a.scheduledAt) })}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

function RequestItem(props: { meeting: Meeting; customer: string; onSaved: (message: string) => void }) {
  const { meeting, customer, onSaved } = props;
  const { t } = useTranslation('supportQueue');
  const format = useFormat();
  const user = useDeviceUser();
  const deps = useDependencies();
  const collection = useCollection('meetings');
  const pendingIds = usePendingIds('meetings');
  const errorText = useErrorText();
  const titleId = useId();
  const [otherTime, setOtherTime] = useState(false);
  const [local, setLocal] = useState('');
  const [message, setMessage] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<AnswerField, ErrorMessage>>>({});
  const [formError, setFormError] = useState<ErrorMessage | null>(null);
  const [saving, setSaving] = useState(false);
  const request = meeting.clientRequest!;

  async function answer(kind: 'accept' | 'new_time') {
    if (!user) return;
    const input = kind === 'accept' ? { kind, message } : { kind, local, message };
    const result = buildMeetingAnswer(meeting, input, { user, now: deps.now(), timeZone: format.timeZone });
    setFieldErrors(result.ok ? {} : result.fieldErrors);
    setFormError(result.ok ? null : result.formError);
    if (!result.ok) return;
    if (!collection) return setFormError({ key: 'notReady' });
    setSaving(true);
    try {
      const doc = await collection.findOne(meeting.id).exec();
      if (!doc) throw new Error('meeting vanished');
      await doc.incrementalPatch(result.value);
      onSaved(t('meetings.saved'));
    } catch {
      setFormError({ key: 'saveFailed' });
    } finally {
      setSaving(false);
    }
  }

  function submitOther(event: FormEvent) {
    event.preventDefault();
    void answer('new_time');
  }

  return (
    <li className={styles.item} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.sectionTitle}>
        {customer} · {meeting.title}
      </h2>
      <p className={styles.meta}>
        <span>{t('meetings.scheduledFor', { when: format.meetingTime(meeting.scheduledAt) })}</span>
        {pendingIds.has(meeting.id) ? <Badge tone="pending">{t('ticket.pending')}</Badge> : null}
      </p>
      <p>
        <Badge tone={request.type === 'cancel' ? 'danger' : 'warning'}>
          {request.type === 'cancel'
            ? t('meetings.cancel', { date: format.dayMonth(request.requestedAt) })
            : t('meetings.reschedule', { date: format.dayMonth(request.requestedAt) })}
        </Badge>
      </p>
      {request.type === 'reschedule' ? (
        <p className={styles.muted}>
          {request.proposedAt
            ? t('meetings.proposed', { when: format.meetingTime(request.proposedAt) })
            : t('meetings.noProposal')}
        </p>
      ) : null}
      {request.reason ? (
        <p className={styles.muted}>{t('meetings.reason', { reason: request.reason })}</p>
      ) : null}

      <TextAreaField
        label={t('meetings.message')}
        value={message}
        rows={2}
        maxLength={1000}
        onChange={(e) => setMessage(e.target.value)}
        error={errorText(fieldErrors.message)}
      />
      {otherTime ? (
        <form className={forms.form} onSubmit={submitOther} noValidate>
          <InputField
            type="datetime-local"
            label={t('meetings.newTime')}
            value={local}
            min={toLocalDateTimeInput(deps.now(), format.timeZone)}
            onChange={(e) => setLocal(e.target.value)}
            error={errorText(fieldErrors.scheduledAt)}
            autoFocus
          />
          <div className={styles.inline}>
            <Button type="submit" disabled={saving}>
              {t('meetings.confirmOtherTime')}
            </Button>
            <Button variant="secondary" onClick={() => setOtherTime(false)} disabled={saving}>
              {t('meetings.dismiss')}
            </Button>
          </div>
        </form>
      ) : (
        <div className={styles.inline}>
          {request.type === 'cancel' || request.proposedAt ? (
            <Button
              variant={request.type === 'cancel' ? 'danger' : 'primary'}
              onClick={() => void answer('accept')}
              disabled={saving}
            >
              {request.type === 'cancel' ? t('meetings.acceptCancel') : t('meetings.acceptReschedule')}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={() => setOtherTime(true)} disabled={saving}>
            {t('meetings.otherTime')}
          </Button>
        </div>
      )}
      {formError ? (
        <Notice tone="error" role="alert">
          {errorText(formError)}
        </Notice>
      ) : null}
    </li>
  );
}
