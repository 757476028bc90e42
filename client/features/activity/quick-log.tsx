import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { useCollection, useDeviceUser } from '../../db/device-data.tsx';
import { useDependencies } from '../../platform/dependencies.tsx';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { buildQuickLog, LOGGABLE_TYPES, type LoggableType, type QuickLogError } from './activity-log.ts';
import styles from './activity.module.css';

const NPS_SCORES = Array.from({ length: 11 }, (_, i) => i);

/**
 * Logs an activity in at most three taps — type, (optional text or, for NPS, the score), save — on the device
 * database, so it works offline; the timeline shows it at once with its pending marker. Exported for the
 * Customer 360 Overview's quick actions, which open it with a type already chosen (`initialType`).
 */
export function QuickLog({
  customerId,
  initialType = 'call',
  headingLevel = 2,
  autoFocus = false,
  onLogged,
}: {
  customerId: string;
  initialType?: LoggableType;
  headingLevel?: 2 | 3;
  /** Focus the text box on mount (a quick action that opened the log). */
  autoFocus?: boolean;
  onLogged?: (activityId: string) => void;
}) {
  const { t } = useTranslation('activity');
  const { now } = useDependencies();
  const user = useDeviceUser();
  const activities = useCollection('activities');
  const online = useOnline();
  const [type, setType] = useState<LoggableType>(initialType);
  const [text, setText] = useState('');
  const [score, setScore] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const headingId = useId();
  const textId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const errorText = (e: QuickLogError) => t(`quickLog.errors.${e}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setAnnouncement(null);
    if (!user || !activities) return setError(t('quickLog.errors.notReady'));
    const result = buildQuickLog(
      { type, text, npsScore: type === 'nps_response' ? score : null },
      { user, customerId, id: uuidv7(), now: now(), defaultTitle: t(`quickLog.defaultTitle.${type}`) },
    );
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setSaving(true);
    try {
      await activities.insert(result.activity);
      setText('');
      setScore(null);
      const label = t(`type.${type}`);
      setAnnouncement(
        online ? t('quickLog.saved', { type: label }) : t('quickLog.savedOffline', { type: label }),
      );
      onLogged?.(result.activity.id);
    } catch (e) {
      setError(t('quickLog.errors.saveFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className={styles.quickLog}>
      <Heading id={headingId} className={styles.quickLogTitle}>
        {t('quickLog.heading')}
      </Heading>
      <form onSubmit={(e) => void submit(e)} className={styles.quickLogForm} noValidate>
        <fieldset className={styles.chipGroup}>
          <legend className={styles.legend}>{t('quickLog.type')}</legend>
          <div className={styles.chips}>
            {LOGGABLE_TYPES.map((option) => (
              <label key={option} className={styles.chip}>
                <input
                  type="radio"
                  name={`${headingId}-type`}
                  value={option}
                  checked={type === option}
                  onChange={() => {
                    setType(option);
                    setError(null);
                  }}
                />
                <span>{t(`type.${option}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {type === 'nps_response' ? (
          <fieldset className={styles.chipGroup} aria-describedby={error ? `${headingId}-error` : undefined}>
            <legend className={styles.legend}>{t('quickLog.score')}</legend>
            <div className={styles.chips}>
              {NPS_SCORES.map((n) => (
                <label key={n} className={`${styles.chip} ${styles.scoreChip}`}>
                  <input
                    type="radio"
                    name={`${headingId}-score`}
                    value={n}
                    checked={score === n}
                    onChange={() => {
                      setScore(n);
                      setError(null);
                    }}
                  />
                  <span>{n}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div className={styles.textField}>
          <label htmlFor={textId} className={styles.legend}>
            {t('quickLog.text')}
          </label>
          <textarea
            id={textId}
            ref={textRef}
            className={styles.textarea}
            rows={2}
            value={text}
            placeholder={t('quickLog.textPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            autoFocus={autoFocus}
          />
        </div>
        {error ? (
          <p id={`${headingId}-error`} role="alert" className={styles.error}>
            {error}
          </p>
        ) : null}
        <div className={styles.quickLogActions}>
          <Button type="submit" disabled={saving}>
            {saving ? t('quickLog.saving') : t('quickLog.save')}
          </Button>
          <p role="status" className={styles.announcement}>
            {announcement}
          </p>
        </div>
      </form>
    </section>
  );
}
