import { useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { RxCollection } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import type { Customer } from '../../../shared/entities/customer.ts';
import {
  customerStatusSchema,
  customerTierSchema,
  renewalTypeSchema,
} from '../../../shared/entities/customer.ts';
import type { UserIdentity } from '../../../shared/identity.ts';
import { canWriteField } from '../../../shared/permissions.ts';
import { FormField as LabelledControl, type ControlProps } from '../../ui/form-field.tsx';
import { DialogSection, FieldRow, FormDialog } from '../../ui/form-dialog.tsx';
import {
  buildCustomer,
  COMPANY_SIZES,
  customerPatch,
  FORM_FIELDS,
  formValuesFrom,
  newFormValues,
  writeAllowed,
  type CustomerFormValues,
  type FieldError,
  type FormErrors,
  type FormField,
} from './customer-form.ts';
import type { CsmOption } from './list-toolbar.tsx';
import type { CustomersT } from './use-customers-translation.ts';
import styles from './customer-form-dialog.module.css';

export type FormTarget = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly customer: Customer };

/**
 * Create or edit a company, in a modal `<dialog>` (focus trapped by the browser, Escape closes, focus returns
 * to the control that opened it — the page handles that on `onClose`). Works offline: the write goes to the
 * local collection, and sync pushes it later.
 *
 * Validation is the shared `customerSchema`; permissions are shared/permissions.ts: a CSM may create a
 * company without a CSM or as their own, and only an admin changes the CSM of an existing one.
 */
export function CustomerFormDialog({
  target,
  user,
  userName,
  collection,
  csmOptions,
  now,
  today,
  onSaved,
  onClose,
  t,
}: {
  target: FormTarget;
  user: UserIdentity;
  userName: string;
  collection: RxCollection<Customer>;
  csmOptions: readonly CsmOption[];
  now: () => Date;
  today: string;
  onSaved: (customer: Customer) => void;
  onClose: () => void;
  t: CustomersT;
}) {
  const base = target.mode === 'edit' ? target.customer : null;
  const [values, setValues] = useState<CustomerFormValues>(() =>
    base ? formValuesFrom(base) : newFormValues(user, today),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fieldId = useId();
  const idOf = (field: FormField) => `${fieldId}-${field}`;

  const action = base ? 'update' : 'create';
  const csmLocked = !canWriteField(user, 'customers', action, 'csmId');
  // A CSM creating a company may leave it without a CSM or take it; an admin assigns anyone.
  const csmChoices: readonly CsmOption[] =
    user.role === 'admin' || csmLocked
      ? withCurrent(csmOptions, values.csmId)
      : [{ id: user.userId, name: userName }];

  const set = (field: FormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const result = buildCustomer(values, base, { id: uuidv7(), now: now() });
    if (!result.ok) {
      setErrors(result.errors);
      const first = FORM_FIELDS.find((f) => result.errors[f]);
      if (first) document.getElementById(idOf(first))?.focus();
      return;
    }
    setErrors({});
    if (!writeAllowed(user, base, result.doc)) {
      setFormError(t('form.notAllowed'));
      summaryRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      if (!base) {
        await collection.insert(result.doc);
      } else {
        const stored = await collection.findOne(base.id).exec();
        if (!stored) throw new NotFound();
        const patch = customerPatch(base, result.doc, user);
        // Only the fields this form changed: a concurrent change to another field (sync) is kept.
        if (Object.keys(patch).length > 0) await stored.incrementalPatch(patch);
      }
      onSaved(result.doc);
    } catch (error) {
      setFormError(
        error instanceof NotFound
          ? t('form.notFound')
          : t('form.saveFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
      setSaving(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  const fieldProps = (field: FormField) => ({
    id: idOf(field),
    value: values[field],
    error: errors[field],
    onChange: (value: string) => set(field, value),
    t,
  });

  return (
    <FormDialog
      title={base ? t('form.titleEdit', { name: base.name }) : t('form.titleNew')}
      errorSummary={
        errorCount > 0 || formError ? (
          <>
            {formError ? <p>{formError}</p> : null}
            {errorCount > 0 ? (
              <>
                <p>{t('form.errorSummary', { count: errorCount })}</p>
                <ul className={styles.summaryList}>
                  {FORM_FIELDS.filter((f) => errors[f]).map((f) => (
                    <li key={f}>
                      <a href={`#${idOf(f)}`}>{t(`form.${f === 'csmId' ? 'csm' : f}`)}</a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null
      }
      summaryRef={summaryRef}
      submitLabel={saving ? t('form.saving') : t('form.save')}
      cancelLabel={t('form.cancel')}
      saving={saving}
      size="medium"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
    >
      <DialogSection legend={t('form.profile')}>
        <TextInput {...fieldProps('name')} label={t('form.name')} required autoComplete="organization" />
        <TextInput
          {...fieldProps('domain')}
          label={t('form.domain')}
          hint={t('form.domainHint')}
          inputMode="url"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextInput {...fieldProps('industry')} label={t('form.industry')} hint={t('form.industryHint')} />
        <SelectInput
          {...fieldProps('size')}
          label={t('form.size')}
          options={[
            ['', t('form.sizeNone')],
            ...withCurrentValue(COMPANY_SIZES, values.size).map((s) => [s, s] as const),
          ]}
        />
        <TextInput {...fieldProps('location')} label={t('form.location')} hint={t('form.locationHint')} />
        <TextInput
          {...fieldProps('cnpj')}
          label={t('form.cnpj')}
          hint={t('form.cnpjHint')}
          // Not numeric: the alphanumeric CNPJ (since July 2026) has capital letters.
          autoCapitalize="characters"
          spellCheck={false}
        />
      </DialogSection>

      <DialogSection legend={t('form.plan')}>
        <SelectInput
          {...fieldProps('tier')}
          label={t('form.tier')}
          options={customerTierSchema.options.map((v) => [v, t(`tiers.${v}`)] as const)}
        />
        <SelectInput
          {...fieldProps('status')}
          label={t('form.status')}
          options={customerStatusSchema.options.map((v) => [v, t(`statuses.${v}`)] as const)}
        />
        <FieldRow>
          <TextInput
            {...fieldProps('totalSeats')}
            label={t('form.totalSeats')}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            required
          />
          <TextInput
            {...fieldProps('activeUsers')}
            label={t('form.activeUsers')}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            required
          />
        </FieldRow>
      </DialogSection>

      <DialogSection legend={t('form.account')}>
        <FieldRow>
          <TextInput {...fieldProps('customerSince')} label={t('form.customerSince')} type="date" required />
          <TextInput {...fieldProps('renewalDate')} label={t('form.renewalDate')} type="date" />
        </FieldRow>
        <SelectInput
          {...fieldProps('renewalType')}
          label={t('form.renewalType')}
          options={renewalTypeSchema.options.map((v) => [v, t(`renewalTypes.${v}`)] as const)}
        />
        <SelectInput
          {...fieldProps('csmId')}
          label={t('form.csm')}
          disabled={csmLocked}
          hint={csmLocked ? t('form.csmLocked') : user.role === 'csm' ? t('form.csmSelfOnly') : undefined}
          options={[['', t('row.noCsm')], ...csmChoices.map((o) => [o.id, o.name] as const)]}
        />
      </DialogSection>
    </FormDialog>
  );
}

class NotFound extends Error {}

/** The options plus the current value when no option has it (a CSM outside the directory, a free-text size). */
function withCurrent(options: readonly CsmOption[], current: string): readonly CsmOption[] {
  return current === '' || options.some((o) => o.id === current)
    ? options
    : [...options, { id: current, name: current }];
}
function withCurrentValue(options: readonly string[], current: string): readonly string[] {
  return current === '' || options.includes(current) ? options : [...options, current];
}

interface FieldBase {
  id: string;
  label: string;
  value: string;
  error: FieldError | undefined;
  onChange: (value: string) => void;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  t: CustomersT;
}

/** The shell's FormField with this form's required marker and translated errors. */
function Field({
  id,
  label,
  hint,
  error,
  required,
  t,
  children,
}: Omit<FieldBase, 'value' | 'onChange'> & { children: (control: ControlProps) => ReactElement }) {
  return (
    <LabelledControl
      id={id}
      label={label}
      requiredMark={required ? t('form.required') : undefined}
      hint={hint}
      error={error ? t(`errors.${error.key}`, error.max ? { max: error.max } : undefined) : undefined}
    >
      {children}
    </LabelledControl>
  );
}

function TextInput({
  value,
  onChange,
  type = 'text',
  inputMode,
  min,
  step,
  autoComplete,
  autoCapitalize,
  spellCheck,
  ...field
}: FieldBase & {
  type?: 'text' | 'number' | 'date';
  inputMode?: 'numeric' | 'url';
  min?: number;
  step?: number;
  autoComplete?: string;
  autoCapitalize?: string;
  spellCheck?: boolean;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          required={field.required}
          disabled={field.disabled}
          inputMode={inputMode}
          min={min}
          step={step}
          autoComplete={autoComplete ?? 'off'}
          autoCapitalize={autoCapitalize}
          spellCheck={spellCheck}
        />
      )}
    </Field>
  );
}

function SelectInput({
  value,
  onChange,
  options,
  ...field
}: FieldBase & { options: readonly (readonly [string, string])[] }) {
  return (
    <Field {...field}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          disabled={field.disabled}
        >
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
