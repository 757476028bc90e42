import { useId, type ReactElement } from 'react';
import fieldStyles from '../../ui/field.module.css';
import styles from './settings-page.module.css';

/**
 * A labelled control with an optional hint and an error, both wired with `aria-describedby`; the error also
 * sets `aria-invalid`. The control is rendered by `children(props)` so inputs and selects share the wiring.
 */
export interface ControlProps {
  readonly id: string;
  readonly className: string;
  readonly 'aria-invalid': boolean | undefined;
  readonly 'aria-describedby': string | undefined;
}

export function FormField({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: (props: ControlProps) => ReactElement;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={fieldStyles.field}>
      <label className={fieldStyles.label} htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        className: fieldStyles.input ?? '',
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {error ? (
        <p id={errorId} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className={fieldStyles.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
