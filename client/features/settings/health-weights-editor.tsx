import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_DIMENSIONS } from '../../../shared/entities/csm.ts';
import type { DeviceHealthConfig } from '../../../shared/device-settings.ts';
import type { DeviceSettingsSync, HealthConfigSaveResult } from '../../db/device-settings.ts';
import { Button } from '../../ui/button.tsx';
import { Notice } from '../../ui/notice.tsx';
import { FormField } from '../../ui/form-field.tsx';
import {
  HEALTH_FORM_FIELDS,
  healthFormValues,
  parseHealthForm,
  weightSum,
  type HealthFieldError,
  type HealthFormField,
  type HealthFormValues,
} from './health-config-form.ts';
import styles from './health-config.module.css';
import pageStyles from './settings-page.module.css';
import { useOnline } from '../../platform/use-online.ts';

type Failure = Exclude<HealthConfigSaveResult['status'], 'saved'> | 'local';

/**
 * The admin's "Editar pesos" form. Saving is online only (the data layer refuses offline too): the weights
 * change every CSM's scores, so they are not queued on one device. Checked first with the shared schema, so
 * a sum other than 100 or healthy ≤ at risk never leaves the device.
 */
export function HealthWeightsEditor({
  health,
  settings,
  onSaved,
  onCancel,
}: {
  health: DeviceHealthConfig;
  settings: DeviceSettingsSync | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const online = useOnline();
  const offlineId = useId();
  const sumId = useId();
  const [values, setValues] = useState<HealthFormValues>(() => healthFormValues(health));
  const [errors, setErrors] = useState<Partial<Record<HealthFormField, HealthFieldError>>>({});
  const [wrongSum, setWrongSum] = useState<number | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ field: HealthFormField } | null>(null);
  const inputs = useRef<Partial<Record<HealthFormField, HTMLInputElement | null>>>({});

  useEffect(() => {
    inputs.current[HEALTH_FORM_FIELDS[0]!]?.focus();
  }, []);
  useEffect(() => {
    if (focusRequest) inputs.current[focusRequest.field]?.focus();
  }, [focusRequest]);

  const sum = weightSum(values);
  const canSave = online && settings !== null && !busy;

  const change = (field: HealthFormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSave || !settings) return;
    const parsed = parseHealthForm(values, health.rules);
    if (parsed.kind === 'invalid') {
      setErrors(parsed.fields);
      setWrongSum(parsed.wrongSum);
      setFailure('local');
      const first =
        HEALTH_FORM_FIELDS.find((f) => parsed.fields[f]) ??
        (parsed.wrongSum !== null ? HEALTH_DIMENSIONS[0] : undefined);
      if (first) setFocusRequest({ field: first });
      return;
    }
    setErrors({});
    setWrongSum(null);
    setFailure(null);
    setBusy(true);
    const result = await settings.updateHealthConfig(parsed.config);
    setBusy(false);
    if (result.status === 'saved') return onSaved();
    setFailure(result.status);
  };

  const field = (name: HealthFormField, label: string) => (
    <FormField
      key={name}
      label={label}
      error={errors[name] ? t(`settings.health.errors.${errors[name]}`) : undefined}
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
          onChange={(e) => change(name, e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <form className={pageStyles.form} noValidate onSubmit={(e) => void onSubmit(e)}>
      {failure ? (
        <Notice tone="error" role="alert">
          <p>
            {failure === 'local'
              ? wrongSum !== null
                ? t('settings.health.wrongSum', { sum: wrongSum })
                : t('settings.health.invalid')
              : t(`settings.health.result.${failure}`)}
          </p>
        </Notice>
      ) : null}

      <fieldset className={styles.fieldset} aria-describedby={sumId}>
        <legend className={styles.groupTitle}>{t('settings.health.weightsLegend')}</legend>
        <div className={styles.inputs}>
          {HEALTH_DIMENSIONS.map((d) => field(d, t(`settings.health.dimensions.${d}`)))}
        </div>
        {/* Polite: read after the digit being typed, not over it. */}
        <p id={sumId} role="status" className={sum === 100 ? styles.sumOk : styles.sumWrong}>
          {sum === 100 ? t('settings.health.sum', { sum }) : t('settings.health.sumWrong', { sum })}
        </p>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.groupTitle}>{t('settings.health.thresholdsLegend')}</legend>
        <div className={styles.inputs}>
          {field('healthy', t('settings.health.healthyLabel'))}
          {field('atRisk', t('settings.health.atRiskLabel'))}
        </div>
      </fieldset>

      {online ? null : (
        <p id={offlineId} className={pageStyles.hint}>
          {t('settings.health.offlineReason')}
        </p>
      )}
      <div className={pageStyles.actions}>
        <Button type="submit" disabled={!canSave} aria-describedby={online ? undefined : offlineId}>
          {busy ? t('settings.health.saving') : t('settings.health.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('settings.health.cancel')}
        </Button>
      </div>
    </form>
  );
}
