import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_DIMENSIONS } from '../../../shared/entities/csm.ts';
import type { DeviceHealthConfig } from '../../../shared/device-settings.ts';
import type { DeviceSettingsSync, HealthConfigSaveResult } from '../../db/device-settings.ts';
import {
  HEALTH_FORM_FIELDS,
  healthFormValues,
  parseHealthForm,
  weightSum,
  type HealthFieldError,
  type HealthFormField,
  type HealthFormValues,
} from './health-config-form.ts';
import { WeightsForm } from './weights-form.tsx';
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
  const [values, setValues] = useState<HealthFormValues>(() => healthFormValues(health));
  const [errors, setErrors] = useState<Partial<Record<HealthFormField, HealthFieldError>>>({});
  const [wrongSum, setWrongSum] = useState<number | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ field: HealthFormField } | null>(null);
  const inputs = useRef<Partial<Record<HealthFormField, HTMLInputElement | null>>>({});

  useEffect(() => {
    if (focusRequest) inputs.current[focusRequest.field]?.focus();
  }, [focusRequest]);

  const sum = weightSum(values);
  const canSave = online && settings !== null && !busy;

  const change = (field: HealthFormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  const onSubmit = async () => {
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

  return (
    <WeightsForm
      weights={HEALTH_DIMENSIONS.map((d) => ({ name: d, label: t(`settings.health.dimensions.${d}`) }))}
      thresholds={[
        { name: 'healthy', label: t('settings.health.healthyLabel') },
        { name: 'atRisk', label: t('settings.health.atRiskLabel') },
      ]}
      values={values}
      onChange={change}
      errorOf={(name) => (errors[name] ? t(`settings.health.errors.${errors[name]}`) : undefined)}
      inputs={inputs}
      alert={
        failure ? (
          <p>
            {failure === 'local'
              ? wrongSum !== null
                ? t('settings.health.wrongSum', { sum: wrongSum })
                : t('settings.health.invalid')
              : t(`settings.health.result.${failure}`)}
          </p>
        ) : null
      }
      sum={sum}
      text={{
        weightsLegend: t('settings.health.weightsLegend'),
        thresholdsLegend: t('settings.health.thresholdsLegend'),
        sum: sum === 100 ? t('settings.health.sum', { sum }) : t('settings.health.sumWrong', { sum }),
        offlineReason: t('settings.health.offlineReason'),
        save: t('settings.health.save'),
        saving: t('settings.health.saving'),
        cancel: t('settings.health.cancel'),
      }}
      online={online}
      canSave={canSave}
      busy={busy}
      onSubmit={() => void onSubmit()}
      onCancel={onCancel}
    />
  );
}
