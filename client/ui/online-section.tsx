import { useId, type ReactNode } from 'react';
import { Button } from './button.tsx';
import { Notice } from './notice.tsx';
import styles from './settings-section.module.css';

export type SectionMessage = { readonly tone: 'info' | 'error'; readonly text: string };

/**
 * The frame of a settings section whose data lives on the server (passkeys, signed-in devices, the calendar
 * feed): title, intro, the offline or load-failure notice (with a retry), the last action's message (an alert
 * when it failed), then the section's own content. Texts come from the caller (ui/ has no i18n).
 */
export function OnlineSection({
  title,
  intro,
  online,
  loadFailure,
  onRetry,
  message,
  text,
  children,
}: {
  title: string;
  intro: string;
  online: boolean;
  /** The text of the last load's failure, or null. */
  loadFailure: string | null;
  onRetry: () => void;
  message: SectionMessage | null;
  text: { offline: string; retry: string };
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.sectionTitle}>
        {title}
      </h2>
      <p className={styles.muted}>{intro}</p>

      {!online ? (
        <Notice tone="warning">
          <p>{text.offline}</p>
        </Notice>
      ) : loadFailure !== null ? (
        <Notice tone="error">
          <p>{loadFailure}</p>
          <Button variant="secondary" onClick={onRetry}>
            {text.retry}
          </Button>
        </Notice>
      ) : null}
      {message ? (
        <Notice tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </Notice>
      ) : null}

      {children}
    </section>
  );
}
