import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RxCollection } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import {
  billingCycleSchema,
  contractStatusSchema,
  renewalTypeSchema,
  type Contract,
  type Customer,
} from '../../../shared/entities/customer.ts';
import { addDays } from '../../../shared/domain/csm/dates.ts';
import { addMonths } from '../../../shared/domain/portal/time.ts';
import type { SignedInUser } from '../../../shared/identity.ts';
import { useFormat } from '../../platform/use-format.ts';
import { Button } from '../../ui/button.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { InputField } from '../../ui/form-fields.tsx';
import {
  CONTRACT_FIELDS,
  emptyItem,
  formValuesFrom,
  ITEM_FIELDS,
  itemErrorKey,
  newFormValues,
  parseContractForm,
  previewValues,
  withContract,
  type ContractField,
  type ContractFormValues,
  type FieldError,
  type FormErrors,
  type ItemField,
  type ItemValues,
} from './contract-form.ts';
import { saveCustomerChange } from './customer-record.ts';
import { DialogSection, FieldRow, FormDialog } from '../../ui/form-dialog.tsx';
import styles from './contracts.module.css';

export type ContractDialogTarget =
  | { readonly mode: 'create' }
  | { readonly mode: 'edit'; readonly contract: Contract }
  | { readonly mode: 'renew'; readonly from: Contract; readonly draft: Contract };

/**
 * New, edit or renew a contract: the form's values are parsed by `parseContractForm` (errors in place and in a
 * summary that takes focus), and the customer document is patched on the device — its `contracts` list,
 * replaced by id or appended — so it works offline; sync sends it, and the server re-derives MRR/ARR.
 */
export function ContractFormDialog({
  target,
  customer,
  collection,
  user,
  today,
  onSaved,
  onClose,
}: {
  target: ContractDialogTarget;
  customer: Customer;
  collection: RxCollection<Customer>;
  user: SignedInUser;
  today: string;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('contracts');
  const format = useFormat();
  const { language } = format;
  const base = target.mode === 'edit' ? target.contract : null;
  const [values, setValues] = useState<ContractFormValues>(() =>
    target.mode === 'edit'
      ? formValuesFrom(target.contract, language)
      : target.mode === 'renew'
        ? formValuesFrom(target.draft, language)
        : newFormValues(today, addDays(addMonths(today, 12), -1), uuidv7()),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [idPrefix] = useState(() => `contract-form-${uuidv7()}`);
  const idOf = (key: string) => `${idPrefix}-${key.replaceAll('.', '-')}`;
  const contractId =
    target.mode === 'edit' ? target.contract.id : target.mode === 'renew' ? target.draft.id : null;
  const [newId] = useState(() => contractId ?? uuidv7());

  const errorText = (e: FieldError | undefined) =>
    e ? t(`errors.${e.key}`, { max: e.max ?? 0 }) : undefined;
  const setField = (field: ContractField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };
  const setItem = (index: number, field: ItemField, value: string) => {
    setValues((v) => ({
      ...v,
      items: v.items.map((item, i) => (i === index ? { ...item, [field]: value } : item)),
    }));
    const key = itemErrorKey(index, field);
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };
  const addItem = () => {
    setValues((v) => ({ ...v, items: [...v.items, emptyItem(uuidv7())] }));
    if (errors.items) setErrors(({ items: _, ...rest }) => rest);
  };
  const removeItem = (index: number) => {
    setValues((v) => ({ ...v, items: v.items.filter((_, i) => i !== index) }));
    // Item errors are keyed by position: re-validate on the next save rather than shift them.
    setErrors(({ ...rest }) =>
      Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('items.'))),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const takenNumbers = customer.contracts.filter((c) => c.id !== newId).map((c) => c.contractNumber);
    const result = parseContractForm(values, {
      base,
      id: newId,
      previousContractId: target.mode === 'renew' ? target.from.id : null,
      language,
      takenNumbers,
    });
    if (!result.ok) {
      setErrors(result.errors);
      queueMicrotask(() => summaryRef.current?.focus());
      return;
    }
    setErrors({});
    setSaving(true);
    const outcome = await saveCustomerChange(collection, user, customer.id, (c) => ({
      contracts: withContract(c.contracts, result.contract),
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

  const errorKeys = orderedErrorKeys(errors, values.items.length);
  const summary =
    formError || errorKeys.length > 0 ? (
      <>
        {formError ? <p>{formError}</p> : null}
        {errorKeys.length > 0 ? (
          <>
            <p>{t('form.errorSummary', { count: errorKeys.length })}</p>
            <ul className={styles.summaryList}>
              {errorKeys.map((key) => (
                <li key={key}>
                  <a href={`#${idOf(key)}`}>{labelOfKey(key, t)}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </>
    ) : null;

  const preview = previewValues(values, language);
  const title =
    target.mode === 'create'
      ? t('form.titleNew')
      : target.mode === 'edit'
        ? t('form.titleEdit', { number: target.contract.contractNumber })
        : t('form.titleRenew', { number: target.from.contractNumber });

  const text = (
    field: ContractField,
    extra: { type?: string; required?: boolean; hint?: string; inputMode?: 'numeric' } = {},
  ) => (
    <InputField
      id={idOf(field)}
      label={t(`form.${field}`)}
      requiredMark={extra.required ? t('form.required') : undefined}
      hint={extra.hint}
      error={errorText(errors[field])}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      value={values[field]}
      onChange={(e) => setField(field, e.target.value)}
      required={extra.required}
    />
  );
  const select = (field: ContractField, options: readonly (readonly [string, string])[]) => (
    <FormField id={idOf(field)} label={t(`form.${field}`)} error={errorText(errors[field])}>
      {(control) => (
        <select {...control} value={values[field]} onChange={(e) => setField(field, e.target.value)}>
          {options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  return (
    <FormDialog
      title={title}
      intro={
        target.mode === 'renew' ? t('form.renewIntro', { date: format.date(target.from.endDate) }) : undefined
      }
      errorSummary={summary}
      summaryRef={summaryRef}
      submitLabel={saving ? t('form.saving') : t('form.save')}
      cancelLabel={t('form.cancel')}
      saving={saving}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
    >
      <DialogSection legend={t('form.terms')}>
        {text('name', { required: true })}
        <FieldRow>
          {text('contractNumber', { required: true })}
          {select(
            'status',
            contractStatusSchema.options.map((s) => [s, t(`statusOption.${s}`)] as const),
          )}
        </FieldRow>
        <FieldRow>
          {text('startDate', { type: 'date', required: true })}
          {text('endDate', { type: 'date', required: true })}
        </FieldRow>
        <FieldRow>
          {select(
            'billingCycle',
            billingCycleSchema.options.map((s) => [s, t(`billingCycle.${s}`)] as const),
          )}
          {select(
            'renewalType',
            renewalTypeSchema.options.map((s) => [s, t(`renewalType.${s}`)] as const),
          )}
        </FieldRow>
        <FieldRow>
          {text('renewalNotificationDays', { inputMode: 'numeric' })}
          {text('signedBy')}
        </FieldRow>
      </DialogSection>

      <DialogSection legend={t('form.items')}>
        {errors.items ? (
          <p id={idOf('items')} tabIndex={-1} className={styles.fieldError}>
            {errorText(errors.items)}
          </p>
        ) : null}
        <ol className={styles.formItems}>
          {values.items.map((item, index) => (
            <ItemFields
              key={item.id}
              index={index}
              item={item}
              errors={errors}
              idOf={idOf}
              errorText={errorText}
              onChange={(field, value) => setItem(index, field, value)}
              onRemove={values.items.length > 1 ? () => removeItem(index) : undefined}
            />
          ))}
        </ol>
        <div>
          <Button variant="secondary" onClick={addItem}>
            <span aria-hidden="true">+</span> {t('form.addItem')}
          </Button>
        </div>
        <p className={styles.preview} aria-live="polite">
          {preview.totalValueCents === null
            ? t('form.previewNoTotal', { monthly: format.money(preview.monthlyValueCents) })
            : t('form.preview', {
                monthly: format.money(preview.monthlyValueCents),
                total: format.money(preview.totalValueCents),
              })}
        </p>
      </DialogSection>
    </FormDialog>
  );
}

function ItemFields({
  index,
  item,
  errors,
  idOf,
  errorText,
  onChange,
  onRemove,
}: {
  index: number;
  item: ItemValues;
  errors: FormErrors;
  idOf: (key: string) => string;
  errorText: (e: FieldError | undefined) => string | undefined;
  onChange: (field: ItemField, value: string) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useTranslation('contracts');
  const n = index + 1;
  const field = (
    name: ItemField,
    label: string,
    extra: { hint?: string; inputMode?: 'numeric' | 'decimal'; required?: boolean } = {},
  ) => (
    <InputField
      id={idOf(itemErrorKey(index, name))}
      label={label}
      requiredMark={extra.required ? t('form.required') : undefined}
      hint={extra.hint}
      error={errorText(errors[itemErrorKey(index, name)])}
      inputMode={extra.inputMode}
      value={item[name]}
      onChange={(e) => onChange(name, e.target.value)}
      required={extra.required}
    />
  );
  return (
    <li className={styles.formItem}>
      <fieldset className={styles.formItemFields}>
        <legend className={styles.formItemLegend}>{t('form.item', { n })}</legend>
        {field('name', t('form.itemName'), { required: true })}
        <FieldRow>
          {field('quantity', t('form.quantity'), { inputMode: 'numeric', required: true })}
          {field('unitPrice', t('form.unitPrice'), {
            inputMode: 'decimal',
            required: true,
            hint: t('form.unitPriceHint'),
          })}
          <FormField id={idOf(itemErrorKey(index, 'billingType'))} label={t('form.billingType')}>
            {(control) => (
              <select
                {...control}
                value={item.billingType}
                onChange={(e) => onChange('billingType', e.target.value)}
              >
                <option value="recurring">{t('billingType.recurring')}</option>
                <option value="one_time">{t('billingType.one_time')}</option>
              </select>
            )}
          </FormField>
        </FieldRow>
        {field('description', t('form.itemDescription'))}
        {onRemove ? (
          <div>
            <Button variant="secondary" onClick={onRemove}>
              {t('form.removeItem', { n })}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </li>
  );
}

/** The error keys in the form's order: the terms, the list, then each item's fields. */
function orderedErrorKeys(errors: FormErrors, itemCount: number): string[] {
  const keys: string[] = CONTRACT_FIELDS.filter((f) => errors[f]);
  if (errors.items) keys.push('items');
  for (let i = 0; i < itemCount; i++) {
    for (const f of ITEM_FIELDS) if (errors[itemErrorKey(i, f)]) keys.push(itemErrorKey(i, f));
  }
  return keys;
}

type ContractsT = ReturnType<typeof useTranslation<'contracts'>>['t'];

const ITEM_LABELS: Record<
  ItemField,
  'form.itemName' | 'form.itemDescription' | 'form.quantity' | 'form.unitPrice' | 'form.billingType'
> = {
  name: 'form.itemName',
  description: 'form.itemDescription',
  quantity: 'form.quantity',
  unitPrice: 'form.unitPrice',
  billingType: 'form.billingType',
};

/** "Nome do contrato", "Itens", "Item 2: Preço unitário (R$)" — what a summary link says. */
function labelOfKey(key: string, t: ContractsT): string {
  const item = /^items\.(\d+)\.(\w+)$/.exec(key);
  const itemField = item ? ITEM_FIELDS.find((f) => f === item[2]) : undefined;
  if (item && itemField) return `${t('form.item', { n: Number(item[1]) + 1 })}: ${t(ITEM_LABELS[itemField])}`;
  const field = CONTRACT_FIELDS.find((f) => f === key);
  return field ? t(`form.${field}`) : t('form.items');
}
