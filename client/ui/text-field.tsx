import { useId, type InputHTMLAttributes, type Ref } from 'react';
import styles from './field.module.css';

/** A labelled input; the label is a real `<label>`, the hint is wired with `aria-describedby`. */
export function TextField({
  label,
  hint,
  ref,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; ref?: Ref<HTMLInputElement> }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <input ref={ref} id={id} className={styles.input} aria-describedby={hintId} {...input} />
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
