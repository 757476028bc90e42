import { useEffect, useId, useRef, useState } from 'react';
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
import styles from './health-config.module.css';
import {
  leadScoringValues,
  leadWeightSum,
  parseLeadScoringForm,
  type LeadScoringField,
  type LeadScoringValues,
} from './lead-scoring-form.ts';
import pageStyles from './settings-page.module.css';
import { WeightsForm } from './weights-form.tsx';

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
  const [values, setValues] = useState<LeadScoringValues>(() => leadScoringValues(setting.config));
  const [invalid, setInvalid] = useState<ReadonlySet<LeadScoringField>>(new Set());
  const [bandsOrder, setBandsOrder] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<LeadScoringField, HTMLInputElement | null>>>({});
  const sum = leadWeightSum(values);
  const canSave = online && settings !== null && !busy;

  const onSubmit = async () => {
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

  return (
    <WeightsForm
      weights={LEAD_COMPONENTS.map((k) => ({ name: k, label: t(`settings.leadScoring.components.${k}`) }))}
      thresholds={[
        { name: 'high', label: t('settings.leadScoring.high') },
        { name: 'medium', label: t('settings.leadScoring.medium') },
      ]}
      values={values}
      onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
      errorOf={(name) => (invalid.has(name) ? t('settings.leadScoring.fieldInvalid') : undefined)}
      inputs={inputs}
      alert={
        failure ? (
          <>
            <p>{t(`settings.leadScoring.result.${failure}`)}</p>
            {bandsOrder ? <p>{t('settings.leadScoring.bandsOrder')}</p> : null}
          </>
        ) : null
      }
      sum={sum}
      text={{
        weightsLegend: t('settings.leadScoring.weightsLegend'),
        thresholdsLegend: t('settings.leadScoring.bandsLegend'),
        sum:
          sum === 100 ? t('settings.leadScoring.sum', { sum }) : t('settings.leadScoring.sumWrong', { sum }),
        offlineReason: t('settings.leadScoring.offlineReason'),
        save: t('settings.leadScoring.save'),
        saving: t('settings.leadScoring.saving'),
        cancel: t('settings.leadScoring.cancel'),
      }}
      online={online}
      canSave={canSave}
      busy={busy}
      onSubmit={() => void onSubmit()}
      onCancel={onCancel}
    />
  );
}
