import { useId, type ReactElement, type ReactNode } from 'react';
import styles from './field.module.css';

/** What a FormField hands its control: the id its label points at, the shared style and the ARIA wiring. */
export interface ControlProps {
  readonly id: string;
  readonly className: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

/**
 * A labelled control with an optional hint and error, both wired with `aria-describedby` (error first, so a
 * screen reader says what is wrong before the hint); an error also sets `aria-invalid`. The control is rendered
 * by `children(props)`, so inputs, text areas and selects share one wiring.
 */
export function FormField({
  id: givenId,
  label,
  labelSuffix,
  requiredMark,
  hint,
  error,
  children,
}: {
  /** Defaults to a generated id; pass one when something else must point at the control (focus on error). */
  id?: string | undefined;
  label: string;
  /** E.g. "(obrigatório)", inside the label. */
  labelSuffix?: ReactNode;
  /** The translated word for a required field ("obrigatório"), shown muted in the label as " (obrigatório)". */
  requiredMark?: string | undefined;
  hint?: ReactNode;
  /** Already translated. */
  error?: string | undefined;
  children: (props: ControlProps) => ReactElement;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
        {requiredMark ? <span className={styles.required}> ({requiredMark})</span> : null}
        {labelSuffix}
      </label>
      {children({
        id,
        className: styles.input ?? '',
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {error ? (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
