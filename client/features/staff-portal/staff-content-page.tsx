import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { learningProgress, upcomingEvents } from '../../../shared/domain/portal/content-hub.ts';
import { seatsLeft } from '../../../shared/domain/portal/event-seats.ts';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { StaffContentPerson } from '../../../shared/staff-portal.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { Page } from '../../ui/page.tsx';
import styles from '../content/content.module.css';
import { useStaffPortalText } from './i18n.ts';
import { StaffBar, StaffNotFound, StaffOnlineState, WithStaffCustomer } from './staff-customer.tsx';
import { useStaffContent } from './staff-leads.ts';

/**
 * `/clientes/:customerId/conteudo` — the customer's content progress and event registrations as staff see them:
 * each of the customer's portal users' articles read, videos watched and "Estudante" progress (the client hub's
 * own `learningProgress` and strings), and the upcoming events (`upcomingEvents`, `seatsLeft`, the hub's event
 * strings) with who of the customer registered or waits. Not the hub's page itself: the hub is one user's
 * (their own progress, their own "Garantir vaga" buttons), this is every user of one customer, read-only.
 * Online only (staff devices sync neither content nor engagement); offline it says so.
 */
export function StaffContentPage() {
  return <WithStaffCustomer>{(customer) => <StaffContent customer={customer} />}</WithStaffCustomer>;
}

function StaffContent({ customer }: { customer: Customer }) {
  const text = useStaffPortalText();
  const { t } = useTranslation('content');
  const format = useFormat();
  const now = useNow(60_000);
  const { state, retry } = useStaffContent(customer.id);
  const progressId = useId();
  const eventsId = useId();
  const data = state.kind === 'ok' ? state.data : null;
  const derived = useMemo(
    () =>
      data === null
        ? null
        : {
            people: data.people.map((p) => ({
              person: p,
              progress: learningProgress(p.reading, data.content),
            })),
            events: upcomingEvents(data.content, now),
          },
    [data, now],
  );
  if (state.kind === 'not_found') return <StaffNotFound />;
  return (
    <Page title={text.contentTitle(customer.name)} description={text.contentDescription}>
      <StaffBar customer={customer} note={derived ? text.contentReadOnly : undefined} />
      {state.kind !== 'ok' || derived === null ? (
        state.kind !== 'ok' ? (
          <StaffOnlineState
            state={state}
            retry={retry}
            loading={text.contentLoading}
            offline={text.contentOffline}
          />
        ) : null
      ) : (
        <div className={styles.hubGrid}>
          <section aria-labelledby={progressId} className={`${styles.section} ${styles.wide}`}>
            <h2 id={progressId} className={styles.sectionTitle}>
              {text.progressHeading}
            </h2>
            {derived.people.length === 0 ? (
              <p className={styles.muted}>{text.noPeople}</p>
            ) : (
              <ul className={styles.cards}>
                {derived.people.map(({ person, progress }) => (
                  <li key={person.userId} className={styles.card}>
                    <h3 className={styles.cardTitle}>{person.name}</h3>
                    <ul className={styles.plainList}>
                      <li>{t('hub.articlesRead', { count: progress.articlesRead })}</li>
                      <li>{t('hub.videosWatched', { count: progress.videosWatched })}</li>
                      <li>
                        {progress.studentProgress >= progress.studentTarget
                          ? t('hub.studentEarned')
                          : t('hub.studentProgress', {
                              done: progress.studentProgress,
                              target: progress.studentTarget,
                            })}
                      </li>
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby={eventsId} className={`${styles.section} ${styles.wide}`}>
            <h2 id={eventsId} className={styles.sectionTitle}>
              {t('hub.eventsHeading')}
            </h2>
            {derived.events.length === 0 ? (
              <p className={styles.muted}>{t('hub.noEvents')}</p>
            ) : (
              <ul className={styles.cards}>
                {derived.events.map((event) => {
                  const seats = seatsLeft(event);
                  const names = (status: 'registered' | 'waitlisted') =>
                    namesWith(data?.people ?? [], event.id, status);
                  const registered = names('registered');
                  const waiting = names('waitlisted');
                  return (
                    <li key={event.id} className={styles.card}>
                      <span className={styles.kind}>
                        {t(`category.${event.category}`, { defaultValue: event.category })}
                      </span>
                      <h3 className={styles.cardTitle}>{event.title}</h3>
                      {event.startsAt ? (
                        <p>
                          {t('event.when', {
                            date: format.meetingTime(event.startsAt),
                            minutes:
                              event.endsAt === null
                                ? 60
                                : Math.round(
                                    (Date.parse(event.endsAt) - Date.parse(event.startsAt)) / 60_000,
                                  ),
                          })}
                        </p>
                      ) : null}
                      {seats !== null ? (
                        <p>{seats === 0 ? t('event.full') : t('event.seatsLeft', { count: seats })}</p>
                      ) : null}
                      <p className={registered.length > 0 ? styles.good : styles.muted}>
                        {registered.length > 0
                          ? text.registeredNames(registered.join(', '))
                          : text.noneRegistered}
                      </p>
                      {waiting.length > 0 ? <p>{text.waitlistedNames(waiting.join(', '))}</p> : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>
      )}
    </Page>
  );
}

/** The names of the customer's users whose registration for `eventId` has `status`. */
function namesWith(
  people: readonly StaffContentPerson[],
  eventId: string,
  status: 'registered' | 'waitlisted',
): string[] {
  return people
    .filter((p) => p.eventRegistrations.some((r) => r.contentId === eventId && r.status === status))
    .map((p) => p.name);
}
