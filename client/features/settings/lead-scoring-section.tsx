import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_COMPONENTS } from '../../../shared/domain/portal/lead-score.ts';
import type { DeviceLeadScoring } from '../../../shared/device-settings.ts';
import { useSession } from '../../auth/session-context.tsx';
import { useDeviceData } from '../../db/device-data.tsx';
import {
  DEFAULT_LEAD_SCORING_SETTING,
  LEAD_SCORING_DOC,
  readLeadScoringSetting,
  type DeviceSettingsSync,
  type LeadScoringSaveResult,
} from '../../db/device-settings.ts';
import { useLocalValue } from '../../db/local-documents.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useOnline } from '../../platform/use-online.ts';
import { Button } from '../../ui/button.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { Notice } from '../../ui/notice.tsx';
import styles from './health-config.module.css';
import {
  LEAD_SCORING_FIELDS,
  leadScoringValues,
  leadWeightSum,
  parseLeadScoringForm,
  type LeadScoringField,
  type LeadScoringValues,
} from './lead-scoring-form.ts';
import pageStyles from './settings-page.module.css';

/**
 * "Pontuação de leads" (staff): the organization's lead scoring rules from the device (local document
 * `lead-scoring`, the defaults before the first sync), readable offline. An admin edits the four weights and the
 * two band thresholds online (`PUT /api/settings/lead-scoring`), checked first with the shared schema; client
 * devices pick them up on their next settings refresh and their leads screens score with them.
 */
export function LeadScoringSection() {
  const { user } = useSession();
  const stored = readLeadScoringSetting(useLocalValue(LEAD_SCORING_DOC));
  // The client's leads screen uses the rules but does not show them as a setting.
  if (!user || user.role === 'client') return null;
  return <LeadScoringView setting={stored ?? DEFAULT_LEAD_SCORING_SETTING} isAdmin={user.role === 'admin'} />;
}

function LeadScoringView({ setting, isAdmin }: { setting: DeviceLeadScoring; isAdmin: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useDeviceData().session?.settings ?? null;
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const { maxPoints, bands } = setting.config;

  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <section className={pageStyles.section} aria-labelledby={titleId}>
      <h2 id={titleId} className={pageStyles.sectionTitle}>
        {t('settings.leadScoring.title')}
      </h2>
      <p className={pageStyles.hint}>{t('settings.leadScoring.description')}</p>
      <ul className={styles.weights}>
        {LEAD_COMPONENTS.map((k) => (
          <li key={k} className={styles.weight}>
            <span className={styles.weightName}>{t(`settings.leadScoring.components.${k}`)}</span>
            <span className={styles.weightValue}>{maxPoints[k]}</span>
            <span className={styles.bar} aria-hidden="true">
              <span className={styles.barFill} style={{ width: `${maxPoints[k]}%` }} />
            </span>
          </li>
        ))}
      </ul>
      <p>{t('settings.leadScoring.bandsSummary', { high: bands.high, medium: bands.medium })}</p>
      {setting.updatedAt ? (
        <p className={pageStyles.hint}>
          {t('settings.leadScoring.updatedAt', { date: format.date(setting.updatedAt) })}
        </p>
      ) : null}
      {isAdmin ? (
        editing ? (
          <LeadScoringEditor
            setting={setting}
            settings={settings}
            onSaved={() => {
              setSaved(true);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <div className={pageStyles.actions}>
            <Button
              ref={editButton}
              variant="secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('settings.leadScoring.edit')}
            </Button>
          </div>
        )
      ) : (
        <p className={pageStyles.hint}>{t('settings.leadScoring.adminOnly')}</p>
      )}
      <p role="status" className={pageStyles.status}>
        {saved ? t('settings.leadScoring.result.saved') : null}
      </p>
    </section>
  );
}

type Failure = Exclude<LeadScoringSaveResult['status'], 'saved'>;

function LeadScoringEditor({
  setting,
  settings,
  onSaved,
  onCancel,
}: {
  setting: DeviceLeadScoring;
  settings: DeviceSettingsSync | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const online = useOnline();
  const sumId = useId();
  const offlineId = useId();
  const [values, setValues] = useState<LeadScoringValues>(() => leadScoringValues(setting.config));
  const [invalid, setInvalid] = useState<ReadonlySet<LeadScoringField>>(new Set());
  const [bandsOrder, setBandsOrder] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<LeadScoringField, HTMLInputElement | null>>>({});
  const sum = leadWeightSum(values);
  const canSave = online && settings !== null && !busy;

  useEffect(() => {
    inputs.current[LEAD_SCORING_FIELDS[0]!]?.focus();
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSave || !settings) return;
    const parsed = parseLeadScoringForm(values, setting.config.rules);
    if (parsed.kind === 'invalid') {
      setInvalid(new Set(parsed.fields));
      setBandsOrder(parsed.bandsOrder);
      setFailure('invalid');
      const first = parsed.fields[0] ?? (parsed.wrongSum !== null ? 'engagement' : 'high');
      inputs.current[first]?.focus();
      return;
    }
    setInvalid(new Set());
    setBandsOrder(false);
    setFailure(null);
    setBusy(true);
    const result = await settings.updateLeadScoring(parsed.config);
    setBusy(false);
    if (result.status === 'saved') onSaved();
    else setFailure(result.status);
  };

  const field = (name: LeadScoringField, label: string) => (
    <FormField
      key={name}
      label={label}
      error={invalid.has(name) ? t('settings.leadScoring.fieldInvalid') : undefined}
    >
      {(props) => (
        <input
          {...props}
          ref={(el) => {
            inputs.current[name] = el;
          }}
          name={name}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={values[name]}
          onChange={(e) => {
            const value = e.target.value;
            setValues((v) => ({ ...v, [name]: value }));
          }}
        />
      )}
    </FormField>
  );

  return (
    <form className={pageStyles.form} noValidate onSubmit={(e) => void onSubmit(e)}>
      {failure ? (
        <Notice tone="error" role="alert">
          <p>{t(`settings.leadScoring.result.${failure}`)}</p>
          {bandsOrder ? <p>{t('settings.leadScoring.bandsOrder')}</p> : null}
        </Notice>
      ) : null}
      <fieldset className={styles.fieldset} aria-describedby={sumId}>
        <legend className={styles.groupTitle}>{t('settings.leadScoring.weightsLegend')}</legend>
        <div className={styles.inputs}>
          {LEAD_COMPONENTS.map((k) => field(k, t(`settings.leadScoring.components.${k}`)))}
        </div>
        <p id={sumId} role="status" className={sum === 100 ? styles.sumOk : styles.sumWrong}>
          {sum === 100 ? t('settings.leadScoring.sum', { sum }) : t('settings.leadScoring.sumWrong', { sum })}
        </p>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.groupTitle}>{t('settings.leadScoring.bandsLegend')}</legend>
        <div className={styles.inputs}>
          {field('high', t('settings.leadScoring.high'))}
          {field('medium', t('settings.leadScoring.medium'))}
        </div>
      </fieldset>
      {online ? null : (
        <p id={offlineId} className={pageStyles.hint}>
          {t('settings.leadScoring.offlineReason')}
        </p>
      )}
      <div className={pageStyles.actions}>
        <Button type="submit" disabled={!canSave} aria-describedby={online ? undefined : offlineId}>
          {busy ? t('settings.leadScoring.saving') : t('settings.leadScoring.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('settings.leadScoring.cancel')}
        </Button>
      </div>
    </form>
  );
}
