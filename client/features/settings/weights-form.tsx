import { useEffect, useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Button } from '../../ui/button.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { Notice } from '../../ui/notice.tsx';
import styles from './health-config.module.css';
import pageStyles from './settings-page.module.css';

export interface WeightsFormField<F extends string> {
  name: F;
  label: string;
}

/**
 * The admin's "weights summing to 100 + two thresholds" form, shared by the health score ("Editar pesos") and
 * lead scoring ("Editar pontuação"): the same fields, live sum, offline reason and buttons. Each caller keeps
 * its own parsing, saving and texts; this component only lays them out, so the two forms stay alike for
 * keyboard and screen-reader users.
 */
export function WeightsForm<F extends string>({
  weights,
  thresholds,
  values,
  onChange,
  errorOf,
  inputs,
  alert,
  sum,
  text,
  online,
  canSave,
  busy,
  onSubmit,
  onCancel,
}: {
  weights: readonly WeightsFormField<F>[];
  thresholds: readonly WeightsFormField<F>[];
  values: Readonly<Record<F, string>>;
  onChange: (field: F, value: string) => void;
  /** The message under a field, or undefined when it is valid. */
  errorOf: (field: F) => string | undefined;
  /** The inputs by name, so the caller can move focus to the first invalid one. */
  inputs: RefObject<Partial<Record<F, HTMLInputElement | null>>>;
  /** The lines of the error notice above the form, or null for none. */
  alert: ReactNode;
  sum: number;
  text: {
    weightsLegend: string;
    thresholdsLegend: string;
    sum: string;
    offlineReason: string;
    save: string;
    saving: string;
    cancel: string;
  };
  online: boolean;
  canSave: boolean;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const sumId = useId();
  const offlineId = useId();

  useEffect(() => {
    const first = weights[0];
    if (first) inputs.current[first.name]?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the form opens
  }, []);

  const field = ({ name, label }: WeightsFormField<F>) => (
    <FormField key={name} label={label} error={errorOf(name)}>
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
          onChange={(e) => onChange(name, e.target.value)}
        />
      )}
    </FormField>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form className={pageStyles.form} noValidate onSubmit={submit}>
      {alert ? (
        <Notice tone="error" role="alert">
          {alert}
        </Notice>
      ) : null}

      <fieldset className={styles.fieldset} aria-describedby={sumId}>
        <legend className={styles.groupTitle}>{text.weightsLegend}</legend>
        <div className={styles.inputs}>{weights.map(field)}</div>
        {/* Polite: read after the digit being typed, not over it. */}
        <p id={sumId} role="status" className={sum === 100 ? styles.sumOk : styles.sumWrong}>
          {text.sum}
        </p>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.groupTitle}>{text.thresholdsLegend}</legend>
        <div className={styles.inputs}>{thresholds.map(field)}</div>
      </fieldset>

      {online ? null : (
        <p id={offlineId} className={pageStyles.hint}>
          {text.offlineReason}
        </p>
      )}
      <div className={pageStyles.actions}>
        <Button type="submit" disabled={!canSave} aria-describedby={online ? undefined : offlineId}>
          {busy ? text.saving : text.save}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {text.cancel}
        </Button>
      </div>
    </form>
  );
}
