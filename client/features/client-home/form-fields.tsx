import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type TextareaHTMLAttributes,
} from 'react';
import fieldStyles from '../../ui/field.module.css';
import styles from './portal.module.css';

/**
 * Labelled inputs with a hint and an error, both wired with `aria-describedby`; an error also sets
 * `aria-invalid`. (The shell's TextField has no error slot; these could move to client/ui.)
 */
function useDescribedBy(hint: ReactNode | undefined, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function FieldShell(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  hintId?: string;
  error?: string;
  errorId?: string;
  children: ReactNode;
}) {
  return (
    <div className={fieldStyles.field}>
      <label className={fieldStyles.label} htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.error ? (
        <p id={props.errorId} className={styles.fieldError}>
          {props.error}
        </p>
      ) : null}
      {props.hint ? (
        <p id={props.hintId} className={fieldStyles.hint}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export function InputField({
  label,
  hint,
  error,
  ref,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLInputElement>;
}) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(hint, error);
  return (
    <FieldShell id={id} label={label} hint={hint} hintId={hintId} error={error} errorId={errorId}>
      <input
        ref={ref}
        id={id}
        className={fieldStyles.input}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  ref,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(hint, error);
  return (
    <FieldShell id={id} label={label} hint={hint} hintId={hintId} error={error} errorId={errorId}>
      <textarea
        ref={ref}
        id={id}
        className={`${fieldStyles.input} ${styles.textarea}`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
    </FieldShell>
  );
}
