import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_FIRST_RESPONSE_MINUTES, formatDurationPtBr } from '../../../shared/domain/portal/sla.ts';
import { ticketPrioritySchema, type TicketPriority } from '../../../shared/entities/support.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useCollection } from '../../db/device-data.tsx';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { Page } from '../../ui/page.tsx';
import { InputField, TextAreaField } from '../../ui/form-fields.tsx';
import { buildNewTicket, canOpenTicket, type ErrorMessage, type NewTicketField } from './ticket-writes.ts';
import { useErrorText } from './ticket-parts.tsx';
import { ticketPaths } from './paths.ts';
import { useOnline } from '../../platform/use-online.ts';
import { useDeviceUser } from '../../db/device-data.tsx';
import card from '../../ui/card.module.css';
import forms from '../../ui/form-fields.module.css';
import styles from './tickets.module.css';

const PRIORITIES = ticketPrioritySchema.options;

/** "8h", "24h" (whole hours read better than "1d" for a response promise), else "45min", "1h 30min". */
const responseBudget = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60}h` : formatDurationPtBr(minutes * 60_000);

/**
 * `/inicio/tickets/novo` — "Abrir novo ticket". The ticket is written to the device database (so it works
 * offline) as a complete, schema-valid and permission-checked document; replication sends it, and the server
 * assigns its number and final SLA deadline. Until then it shows "aguardando sincronização".
 */
export function NewTicketPage() {
  const { t } = useTranslation('tickets');
  const navigate = useNavigate();
  const { now } = useDependencies();
  const user = useDeviceUser();
  const tickets = useCollection('tickets');
  const online = useOnline();
  const errorText = useErrorText();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState<TicketPriority>('medium');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<NewTicketField, ErrorMessage>>>({});
  const [formError, setFormError] = useState<ErrorMessage | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const showErrors = (fields: Partial<Record<NewTicketField, ErrorMessage>>, form: ErrorMessage | null) => {
    setFieldErrors(fields);
    setFormError(form);
    // Move focus to the summary so screen-reader and keyboard users land on what to fix.
    queueMicrotask(() => summaryRef.current?.focus());
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (!user || !tickets) return showErrors({}, { key: 'notReady' });
    const result = buildNewTicket(
      { subject, description, priority },
      { user, id: uuidv7(), messageId: uuidv7(), now: now() },
    );
    if (!result.ok) return showErrors(result.fieldErrors, result.formError);
    setSaving(true);
    try {
      await tickets.insert(result.value);
      void navigate(ticketPaths.ticket(result.value.id));
    } catch {
      setSaving(false);
      showErrors({}, { key: 'saveFailed' });
    }
  }

  const hasErrors = formError !== null || Object.keys(fieldErrors).length > 0;
  if (user && !canOpenTicket(user)) {
    return (
      <Page title={t('form.title')}>
        <Notice tone="error">{errorText({ key: 'notAllowed' })}</Notice>
      </Page>
    );
  }

  return (
    <Page title={t('form.title')} description={t('form.intro')}>
      {!online ? <Notice tone="warning">{t('form.offlineNote')}</Notice> : null}
      {hasErrors ? (
        <Notice tone="error" role="alert" ref={summaryRef}>
          {formError ? errorText(formError) : t('form.errorSummary')}
        </Notice>
      ) : null}
      <form className={forms.form} onSubmit={submit} noValidate>
        <InputField
          label={t('form.subject')}
          hint={t('form.subjectHint')}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          error={errorText(fieldErrors.subject)}
          maxLength={200}
          autoComplete="off"
          required
        />
        <TextAreaField
          label={t('form.description')}
          hint={t('form.descriptionHint')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={errorText(fieldErrors.description)}
          rows={6}
          required
        />
        <fieldset className={forms.fieldset}>
          <legend className={forms.legend}>{t('form.priority')}</legend>
          <div className={styles.choices}>
            {PRIORITIES.map((p) => (
              <label key={p} className={styles.choice}>
                <input
                  type="radio"
                  name="priority"
                  value={p}
                  checked={priority === p}
                  onChange={() => setPriority(p)}
                />
                <span className={styles.choiceText}>
                  <span>{t(`tickets.priority.${p}`)}</span>
                  <span className={styles.choiceHint}>
                    {t('form.priorityHint', { time: responseBudget(DEFAULT_FIRST_RESPONSE_MINUTES[p]) })}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {fieldErrors.priority ? (
            <p className={forms.fieldError}>{errorText(fieldErrors.priority)}</p>
          ) : null}
        </fieldset>
        <div className={card.actions}>
          <Button type="submit" disabled={saving}>
            {saving ? t('form.submitting') : t('form.submit')}
          </Button>
          <ButtonLink to={ticketPaths.list}>{t('form.cancel')}</ButtonLink>
        </div>
      </form>
    </Page>
  );
}
