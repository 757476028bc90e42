import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RxCollection } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import { contactRoleSchema, type Contact, type Customer } from '../../../shared/entities/customer.ts';
import { upsertContact } from '../../../shared/domain/csm/contacts.ts';
import type { SignedInUser } from '../../../shared/identity.ts';
import { useDependencies } from '../../platform/dependencies.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { InputField } from '../../ui/form-fields.tsx';
import { saveCustomerChange } from '../contracts/customer-record.ts';
import { DialogSection, FieldRow, FormDialog } from '../../ui/form-dialog.tsx';
import {
  CONTACT_FIELDS,
  contactName,
  formValuesFrom,
  newFormValues,
  parseContactForm,
  type ContactField,
  type ContactFormValues,
  type FieldError,
  type FormErrors,
} from './contact-form.ts';
import styles from './contacts.module.css';

/**
 * Add or edit a contact. The values are parsed by `parseContactForm` (errors in place and in a summary that
 * takes focus); the customer document's `contacts` are then patched on the device through the shared
 * one-primary rule (`upsertContact`), so saving one as primary unsets the other.
 */
export function ContactFormDialog({
  base,
  isFirst,
  customerId,
  collection,
  user,
  onSaved,
  onClose,
}: {
  base: Contact | null;
  isFirst: boolean;
  customerId: string;
  collection: RxCollection<Customer>;
  user: SignedInUser;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('contacts');
  const { now } = useDependencies();
  const [values, setValues] = useState<ContactFormValues>(() =>
    base ? formValuesFrom(base) : newFormValues(isFirst),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [idPrefix] = useState(() => `contact-form-${uuidv7()}`);
  const [newId] = useState(() => uuidv7());
  const idOf = (field: ContactField) => `${idPrefix}-${field}`;
  const errorText = (e: FieldError | undefined) =>
    e ? t(`errors.${e.key}`, { max: e.max ?? 0 }) : undefined;

  const set = (field: ContactField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const result = parseContactForm(values, { base, id: newId, now: now() });
    if (!result.ok) {
      setErrors(result.errors);
      if (result.errors.form) setFormError(errorText(result.errors.form) ?? null);
      queueMicrotask(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    setSaving(true);
    const outcome = await saveCustomerChange(collection, user, customerId, (c) => ({
      contacts: upsertContact(c.contacts, result.contact),
    }));
    if (outcome === 'saved') return onSaved();
    setSaving(false);
    setFormError(
      outcome === 'notFound'
        ? t('errors.notFound')
        : outcome === 'notAllowed'
          ? t('errors.notAllowed')
          : t('errors.saveFailed', { message: outcome.failed }),
    );
    queueMicrotask(() => summaryRef.current?.focus());
  };

  const invalid = CONTACT_FIELDS.filter((f) => errors[f]);
  const summary =
    formError || invalid.length > 0 ? (
      <>
        {formError ? <p>{formError}</p> : null}
        {invalid.length > 0 ? (
          <>
            <p>{t('form.errorSummary', { count: invalid.length })}</p>
            <ul className={styles.summaryList}>
              {invalid.map((f) => (
                <li key={f}>
                  <a href={`#${idOf(f)}`}>{t(`form.${f}`)}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </>
    ) : null;

  const input = (
    field: ContactField,
    extra: {
      type?: string;
      required?: boolean;
      hint?: string;
      inputMode?: 'numeric' | 'tel' | 'email';
      autoComplete?: string;
    } = {},
  ) => (
    <InputField
      id={idOf(field)}
      label={t(`form.${field}`)}
      requiredMark={extra.required ? t('form.required') : undefined}
      hint={extra.hint}
      error={errorText(errors[field])}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      autoComplete={extra.autoComplete ?? 'off'}
      value={values[field]}
      onChange={(e) => set(field, e.target.value)}
      required={extra.required}
    />
  );

  return (
    <FormDialog
      title={base ? t('form.titleEdit', { name: contactName(base) }) : t('form.titleNew')}
      errorSummary={summary}
      summaryRef={summaryRef}
      submitLabel={saving ? t('form.saving') : t('form.save')}
      cancelLabel={t('form.cancel')}
      saving={saving}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
    >
      <DialogSection legend={t('form.person')}>
        <FieldRow>
          {input('firstName', { required: true })}
          {input('lastName')}
        </FieldRow>
        {input('email', { type: 'email', inputMode: 'email', required: true })}
        <FieldRow>
          {input('phone', { type: 'tel', inputMode: 'tel', hint: t('form.phoneHint') })}
          {input('jobTitle')}
        </FieldRow>
        <FieldRow>
          <FormField id={idOf('role')} label={t('form.role')} error={errorText(errors.role)}>
            {(control) => (
              <select {...control} value={values.role} onChange={(e) => set('role', e.target.value)}>
                {contactRoleSchema.options.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {input('npsScore', { inputMode: 'numeric', hint: t('form.npsHint') })}
        </FieldRow>
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            checked={values.isPrimary}
            onChange={(e) => setValues((v) => ({ ...v, isPrimary: e.target.checked }))}
            aria-describedby={`${idPrefix}-primary-hint`}
          />
          <span>{t('form.isPrimary')}</span>
        </label>
        <p id={`${idPrefix}-primary-hint`} className={styles.muted}>
          {t('form.isPrimaryHint')}
        </p>
      </DialogSection>
    </FormDialog>
  );
}
