import { type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import { FormField } from './form-field.tsx';
import styles from './form-fields.module.css';

/** The portal's labelled input and text area (the wiring is the shell's FormField). */
export function InputField({
  id,
  label,
  requiredMark,
  hint,
  error,
  ref,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  /** See FormField. */
  requiredMark?: string | undefined;
  hint?: ReactNode;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <FormField id={id} label={label} requiredMark={requiredMark} hint={hint} error={error}>
      {(control) => <input ref={ref} {...control} {...input} />}
    </FormField>
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
  return (
    <FormField label={label} hint={hint} error={error}>
      {(control) => (
        <textarea
          ref={ref}
          {...control}
          className={`${control.className} ${styles.textarea}`}
          {...textarea}
        />
      )}
    </FormField>
  );
}
