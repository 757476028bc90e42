import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registrationOf } from '../../../shared/domain/portal/content-hub.ts';
import { requestedRegistration, seatsLeft } from '../../../shared/domain/portal/event-seats.ts';
import type { Content, Engagement } from '../../../shared/entities/portal.ts';
import { useDeviceUser } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { buildRegistration } from './engagement-writes.ts';
import { eventIcs, icsDataUrl, icsFileName } from './ics.ts';
import { useEngagementWriter } from './use-content.ts';
import styles from './content.module.css';

/**
 * One upcoming event (dashboard §6C): date, duration, seats left (capacity − the server's count of confirmed
 * seats), "Garantir vaga" — or "Entrar na lista de espera" when the event is full — and "Cancelar inscrição" /
 * "Sair da lista de espera" (a local write to the user's engagement record, offline too: the shared
 * `requestedRegistration` guesses seat or line; the server decides under the event's lock and the card shows
 * its answer, with the place in line, when it syncs) and "Adicionar à agenda" (an ICS file built on the device).
 */
export function EventCard({ event, engagement }: { event: Content; engagement: Engagement | null }) {
  const { t } = useTranslation('content');
  const format = useFormat();
  const { now } = useDependencies();
  const user = useDeviceUser();
  const write = useEngagementWriter();
  const headingId = useId();
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const registration = engagement ? registrationOf(engagement.eventRegistrations, event.id) : null;
  const status = registration?.status ?? null;
  const seats = seatsLeft(event);
  const registered = status === 'registered';
  const waiting = status === 'waitlisted';
  const ics = eventIcs(event, now());

  async function change(next: 'registered' | 'waitlisted' | 'cancelled') {
    if (!user) return;
    try {
      const wrote = await write((e) => buildRegistration(e, event.id, next, user, now()));
      setMessage(
        wrote
          ? {
              tone: 'info',
              text: t(
                next === 'registered'
                  ? 'event.registeredSaved'
                  : next === 'waitlisted'
                    ? 'event.waitlistSaved'
                    : 'event.cancelledSaved',
              ),
            }
          : { tone: 'error', text: t('event.failed') },
      );
    } catch {
      setMessage({ tone: 'error', text: t('event.failed') });
    }
  }

  return (
    <li className={styles.card} aria-labelledby={headingId}>
      <span className={styles.kind}>{t(`category.${event.category}`, { defaultValue: event.category })}</span>
      <h3 id={headingId} className={styles.cardTitle}>
        {event.title}
      </h3>
      <p className={styles.muted}>{event.excerpt}</p>
      {event.startsAt ? (
        <p>
          {t('event.when', {
            date: format.meetingTime(event.startsAt),
            minutes:
              event.endsAt === null
                ? 60
                : Math.round((Date.parse(event.endsAt) - Date.parse(event.startsAt)) / 60_000),
          })}
        </p>
      ) : null}
      {seats !== null ? (
        <p>{seats === 0 ? t('event.full') : t('event.seatsLeft', { count: seats })}</p>
      ) : null}
      {registered ? <p className={styles.good}>{t('event.registered')}</p> : null}
      {waiting ? (
        <p className={styles.good}>
          {registration?.waitlistPosition
            ? t('event.waitlisted', { position: registration.waitlistPosition })
            : t('event.waitlistedPending')}
        </p>
      ) : null}
      {status === 'attended' ? <p className={styles.good}>{t('event.attended')}</p> : null}
      <div className={styles.actions}>
        {status === 'attended' || status === 'no_show' ? null : registered || waiting ? (
          <Button variant="secondary" onClick={() => void change('cancelled')}>
            {t(waiting ? 'event.leaveWaitlist' : 'event.cancel')}
          </Button>
        ) : (
          <Button onClick={() => void change(requestedRegistration(event))}>
            {t(seats === 0 ? 'event.joinWaitlist' : 'event.register')}
          </Button>
        )}
        {ics ? (
          <a className={styles.linkButton} href={icsDataUrl(ics)} download={icsFileName(event.slug)}>
            {t('event.addToCalendar')}
          </a>
        ) : null}
      </div>
      {message ? (
        <Notice tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </Notice>
      ) : null}
    </li>
  );
}
