import { useState, type FormEvent } from 'react';
import { Button, type ButtonVariant } from './button.tsx';
import { TextAreaField } from './form-fields.tsx';
import forms from './form-fields.module.css';
import { Notice } from './notice.tsx';

/** What a feature's pure write builder answers for the typed text: the write to store, or errors to show in place. */
export type TextEntryBuild<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly fieldErrors: { readonly body?: E }; readonly formError: E | null };

export interface TextEntryFormProps<T, E> {
  readonly label: string;
  readonly hint?: string;
  readonly rows: number;
  readonly sendLabel: string;
  readonly savingLabel: string;
  readonly sendVariant?: ButtonVariant;
  readonly actionsClassName?: string;
  /** The feature's pure builder (validation and permission rules); errors come back in place. */
  readonly build: (body: string) => TextEntryBuild<T, E>;
  /** Stores the write on the device; answers an error to show (e.g. the collection is not open yet) or null. */
  readonly save: (value: T) => Promise<E | null>;
  /** Shown when `save` throws. */
  readonly saveFailed: E;
  readonly errorText: (error: E | null) => string | undefined;
  readonly onSaved: () => void;
}

/**
 * One text area and a send button — a ticket reply, a staff reply, an internal note: the same states (typing,
 * errors in place, saving, cleared once stored) whatever the feature writes. Presentation and form state only;
 * what is written, and whether it may be, is the feature's `build` and `save`.
 */
export function TextEntryForm<T, E>(props: TextEntryFormProps<T, E>) {
  const { build, save, saveFailed, errorText, onSaved } = props;
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState<E | null>(null);
  const [formError, setFormError] = useState<E | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const result = build(body);
    setBodyError(result.ok ? null : (result.fieldErrors.body ?? null));
    setFormError(result.ok ? null : result.formError);
    if (!result.ok) return;
    setSaving(true);
    try {
      const refused = await save(result.value);
      if (refused !== null) return setFormError(refused);
      setBody('');
      onSaved();
    } catch {
      setFormError(saveFailed);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className={forms.form} onSubmit={submit} noValidate>
      <TextAreaField
        label={props.label}
        hint={props.hint}
        value={body}
        rows={props.rows}
        onChange={(e) => setBody(e.target.value)}
        error={errorText(bodyError)}
      />
      {formError !== null ? (
        <Notice tone="error" role="alert">
          {errorText(formError)}
        </Notice>
      ) : null}
      <div className={props.actionsClassName}>
        <Button type="submit" variant={props.sendVariant} disabled={saving}>
          {saving ? props.savingLabel : props.sendLabel}
        </Button>
      </div>
    </form>
  );
}
