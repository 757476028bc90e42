import { useCallback, useEffect, useId, useState } from 'react';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { OnlineSection, type SectionMessage } from '../../ui/online-section.tsx';
import { createCalendarFeed, readCalendarFeed, revokeCalendarFeed } from './calendar-feed-api.ts';
import styles from './calendar-feed.module.css';
import { useCalendarFeedText } from './i18n.ts';

type Status = { readonly state: 'loading' } | { readonly state: 'ready'; readonly since: string | null };

/**
 * Settings → Agenda: the user's meetings as a private ICS feed (issue 17 item 7; server/calendar/routes.ts).
 * Creates the URL, shows it once with a copy button (the server keeps only its hash, so it cannot show it again
 * later: "Gerar novo link" replaces it), revokes it, and says how to subscribe in Google Calendar. Everything
 * here talks to the server, so offline the section says so and offers nothing.
 */
export function CalendarFeedSection() {
  const text = useCalendarFeedText();
  const { fetch: fetchFn } = useDependencies();
  const format = useFormat();
  const online = useOnline();
  const urlId = useId();
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [loadFailed, setLoadFailed] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState<'create' | 'revoke' | null>(null);
  const [message, setMessage] = useState<SectionMessage | null>(null);
  const [copyMessage, setCopyMessage] = useState('');

  const load = useCallback(async () => {
    const result = await readCalendarFeed(fetchFn);
    setLoadFailed(!result.ok);
    if (result.ok) setStatus({ state: 'ready', since: result.value?.createdAt ?? null });
  }, [fetchFn]);

  useEffect(() => {
    if (online) void load();
  }, [load, online]);

  const create = async () => {
    setBusy('create');
    setMessage(null);
    setCopyMessage('');
    const result = await createCalendarFeed(fetchFn);
    setBusy(null);
    if (result.ok) {
      setUrl(result.value.url);
      setStatus({ state: 'ready', since: result.value.createdAt });
      setMessage({ tone: 'info', text: text.created });
    } else setMessage({ tone: 'error', text: result.error.kind === 'offline' ? text.offline : text.failed });
  };

  const revoke = async () => {
    setBusy('revoke');
    setMessage(null);
    const result = await revokeCalendarFeed(fetchFn);
    setBusy(null);
    if (result.ok) {
      setUrl(null);
      setStatus({ state: 'ready', since: null });
      setMessage({ tone: 'info', text: text.revoked });
    } else setMessage({ tone: 'error', text: result.error.kind === 'offline' ? text.offline : text.failed });
  };

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopyMessage(text.copied);
    } catch {
      // No clipboard permission (or an old browser): select the link so it can be copied by hand.
      const field = document.getElementById(urlId);
      if (field instanceof HTMLInputElement) {
        field.focus();
        field.select();
      }
      setCopyMessage(text.copyFailed);
    }
  };

  const active = status.state === 'ready' && status.since !== null;
  const disabled = busy !== null || !online;

  return (
    <OnlineSection
      title={text.title}
      intro={text.intro}
      online={online}
      loadFailure={loadFailed ? text.failed : null}
      onRetry={() => void load()}
      message={message}
      text={{ offline: text.offline, retry: text.retry }}
    >
      {url ? (
        <div className={styles.url}>
          <label htmlFor={urlId} className={styles.label}>
            {text.urlLabel}
          </label>
          <input
            id={urlId}
            className={styles.urlField}
            type="url"
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className={styles.actions}>
            <Button variant="secondary" onClick={() => void copy()}>
              {text.copy}
            </Button>
            <span role="status" className={styles.muted}>
              {copyMessage}
            </span>
          </div>
          <p className={styles.muted}>{text.urlOnce}</p>
        </div>
      ) : status.state === 'ready' ? (
        <p>{active ? text.active(format.date(status.since!)) : text.none}</p>
      ) : null}

      {online && status.state === 'ready' ? (
        <div className={styles.actions}>
          <Button
            variant={active ? 'secondary' : 'primary'}
            disabled={disabled}
            aria-busy={busy === 'create'}
            onClick={() => void create()}
          >
            {busy === 'create' ? text.creating : active ? text.regenerate : text.create}
          </Button>
          {active ? (
            <Button
              variant="danger"
              disabled={disabled}
              aria-busy={busy === 'revoke'}
              onClick={() => void revoke()}
            >
              {busy === 'revoke' ? text.revoking : text.revoke}
            </Button>
          ) : null}
        </div>
      ) : null}
      <p className={styles.muted}>{text.secret}</p>

      <h3 className={styles.subTitle}>{text.howTitle}</h3>
      <ol className={styles.steps}>
        {text.howSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className={styles.muted}>{text.howNote}</p>
    </OnlineSection>
  );
}
