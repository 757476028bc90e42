import {
  billingCycleSchema,
  contractSchema,
  contractStatusSchema,
  renewalTypeSchema,
  type Contract,
  type ContractItem,
} from '../../../shared/entities/customer.ts';
import { contractValues, monthlyValueOf } from '../../../shared/domain/csm/contracts.ts';
import type { AppLanguage } from '../../ui/format.ts';
import { formatMoneyInput, parseMoneyCents } from './money-input.ts';

/**
 * The contract form (new, edit, renew) as pure functions: document ⇄ text values, parsing with the UI
 * language's money notation, validation with the shared `contractSchema`, and the values derived from the
 * items by the shared rule (`contractValues`) — never typed in. Errors are translation keys of the
 * `contracts` namespace's `errors` section, per field (`items.<i>.<field>` for an item's).
 */

export interface ItemValues {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly billingType: string;
}

export interface ContractFormValues {
  readonly name: string;
  readonly contractNumber: string;
  readonly status: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly billingCycle: string;
  readonly renewalType: string;
  readonly renewalNotificationDays: string;
  readonly signedBy: string;
  readonly items: readonly ItemValues[];
}

export type ContractField = Exclude<keyof ContractFormValues, 'items'>;
export type ItemField = Exclude<keyof ItemValues, 'id'>;

export type ErrorKey =
  | 'required'
  | 'tooLong'
  | 'date'
  | 'endBeforeStart'
  | 'duplicateNumber'
  | 'days'
  | 'quantity'
  | 'money'
  | 'moneyTooLarge'
  | 'itemsRequired'
  | 'invalid';
export interface FieldError {
  readonly key: ErrorKey;
  readonly max?: number;
}
/** Keys: a contract field, `items` (the list), or `items.<index>.<item field>`. */
export type FormErrors = Readonly<Record<string, FieldError>>;

export type ParseResult = { ok: true; contract: Contract } | { ok: false; errors: FormErrors };

export const itemErrorKey = (index: number, field: ItemField) => `items.${index}.${field}`;

/** The order errors are listed and focused in. */
export const CONTRACT_FIELDS: readonly ContractField[] = [
  'name',
  'contractNumber',
  'status',
  'startDate',
  'endDate',
  'billingCycle',
  'renewalType',
  'renewalNotificationDays',
  'signedBy',
];
export const ITEM_FIELDS: readonly ItemField[] = [
  'name',
  'description',
  'quantity',
  'unitPrice',
  'billingType',
];

export function itemValuesFrom(item: ContractItem, language: AppLanguage): ItemValues {
  return {
    id: item.id,
    name: item.name,
    description: item.description ?? '',
    quantity: String(item.quantity),
    unitPrice: formatMoneyInput(item.unitPriceCents, language),
    billingType: item.billingType,
  };
}

export function formValuesFrom(contract: Contract, language: AppLanguage): ContractFormValues {
  return {
    name: contract.name,
    contractNumber: contract.contractNumber,
    status: contract.status,
    startDate: contract.startDate,
    endDate: contract.endDate,
    billingCycle: contract.billingCycle,
    renewalType: contract.renewalType,
    renewalNotificationDays: String(contract.renewalNotificationDays),
    signedBy: contract.signedBy ?? '',
    items: contract.items.map((i) => itemValuesFrom(i, language)),
  };
}

export function emptyItem(id: string): ItemValues {
  return { id, name: '', description: '', quantity: '1', unitPrice: '', billingType: 'recurring' };
}

/** A new contract: active from today for a year, monthly, auto-renewing with 60 days' notice, one empty item. */
export function newFormValues(today: string, endDate: string, itemId: string): ContractFormValues {
  return {
    name: '',
    contractNumber: '',
    status: 'active',
    startDate: today,
    endDate,
    billingCycle: 'monthly',
    renewalType: 'auto_renew',
    renewalNotificationDays: '60',
    signedBy: '',
    items: [emptyItem(itemId)],
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) =>
  ISO_DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * Values → the contract to store, or the errors to show. `base` is the stored contract when editing (its id,
 * signature and document are kept; its values too, unless the items or the period changed — a contract whose
 * price changed mid-term, like TechCorp's, keeps the total it was signed for); `id` is the new contract's.
 */
export function parseContractForm(
  values: ContractFormValues,
  ctx: {
    readonly base: Contract | null;
    /** The id (new contract) or the base's. */
    readonly id: string;
    readonly previousContractId: string | null;
    readonly language: AppLanguage;
    /** The customer's other contracts' numbers (a number is unique per customer). */
    readonly takenNumbers: readonly string[];
  },
): ParseResult {
  const errors: Record<string, FieldError> = {};
  const text = (field: ContractField, max: number, required: boolean) => {
    const v = values[field].trim();
    if (required && v === '') errors[field] = { key: 'required' };
    else if (v.length > max) errors[field] = { key: 'tooLong', max };
    return v;
  };
  const name = text('name', 200, true);
  const contractNumber = text('contractNumber', 50, true);
  if (!errors.contractNumber && ctx.takenNumbers.includes(contractNumber)) {
    errors.contractNumber = { key: 'duplicateNumber' };
  }
  const signedBy = text('signedBy', 200, false);
  for (const field of ['startDate', 'endDate'] as const) {
    const v = values[field];
    if (v === '') errors[field] = { key: 'required' };
    else if (!isDate(v)) errors[field] = { key: 'date' };
  }
  if (!errors.startDate && !errors.endDate && values.endDate < values.startDate) {
    errors.endDate = { key: 'endBeforeStart' };
  }
  const days = values.renewalNotificationDays.trim();
  const daysNumber = /^\d{1,3}$/.test(days) ? Number(days) : NaN;
  if (!(daysNumber >= 0 && daysNumber <= 365)) errors.renewalNotificationDays = { key: 'days' };

  const status = contractStatusSchema.safeParse(values.status);
  const billingCycle = billingCycleSchema.safeParse(values.billingCycle);
  const renewalType = renewalTypeSchema.safeParse(values.renewalType);
  if (!status.success) errors.status = { key: 'required' };
  if (!billingCycle.success) errors.billingCycle = { key: 'required' };
  if (!renewalType.success) errors.renewalType = { key: 'required' };

  if (values.items.length === 0) errors.items = { key: 'itemsRequired' };
  const items: ContractItem[] = values.items.map((item, index) => {
    const key = (field: ItemField) => itemErrorKey(index, field);
    const itemName = item.name.trim();
    if (itemName === '') errors[key('name')] = { key: 'required' };
    else if (itemName.length > 200) errors[key('name')] = { key: 'tooLong', max: 200 };
    const description = item.description.trim();
    if (description.length > 2000) errors[key('description')] = { key: 'tooLong', max: 2000 };
    const quantity = /^\d{1,7}$/.test(item.quantity.trim()) ? Number(item.quantity.trim()) : NaN;
    if (!(quantity >= 1 && quantity <= 1_000_000)) errors[key('quantity')] = { key: 'quantity' };
    const price = parseMoneyCents(item.unitPrice, ctx.language);
    if (!price.ok) {
      errors[key('unitPrice')] = {
        key: price.reason === 'empty' ? 'required' : price.reason === 'tooLarge' ? 'moneyTooLarge' : 'money',
      };
    }
    const billingType = item.billingType === 'one_time' ? 'one_time' : 'recurring';
    return {
      id: item.id,
      name: itemName,
      description: description === '' ? null : description,
      quantity: Number.isFinite(quantity) ? quantity : 1,
      unitPriceCents: price.ok ? price.cents : 0,
      billingType,
    };
  });
  if (Object.keys(errors).length > 0 || !status.success || !billingCycle.success || !renewalType.success) {
    return { ok: false, errors };
  }

  const { base } = ctx;
  const termsChanged =
    base === null ||
    base.startDate !== values.startDate ||
    base.endDate !== values.endDate ||
    !sameItemValues(base.items, items);
  const derived = termsChanged
    ? contractValues(items, values.startDate, values.endDate)
    : { monthlyValueCents: base.monthlyValueCents, totalValueCents: base.totalValueCents };
  const candidate: Contract = {
    id: ctx.id,
    name,
    contractNumber,
    status: status.data,
    ...derived,
    currency: 'BRL',
    startDate: values.startDate,
    endDate: values.endDate,
    billingCycle: billingCycle.data,
    renewalType: renewalType.data,
    renewalNotificationDays: daysNumber,
    items,
    documentUrl: base?.documentUrl ?? null,
    signedAt: base?.signedAt ?? null,
    signedBy: signedBy === '' ? null : signedBy,
    previousContractId: base?.previousContractId ?? ctx.previousContractId,
  };
  const parsed = contractSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, contract: parsed.data }
    : { ok: false, errors: { form: { key: 'invalid' } } };
}

/** Whether two item lists price the same (what the derived values depend on). */
function sameItemValues(a: readonly ContractItem[], b: readonly ContractItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        x.quantity === y.quantity &&
        x.unitPriceCents === y.unitPriceCents &&
        x.billingType === y.billingType
      );
    })
  );
}

/**
 * The live preview under the items: the derived values of what is typed so far (invalid rows count 0); no
 * total while the period is not a valid one.
 */
export function previewValues(
  values: ContractFormValues,
  language: AppLanguage,
): { monthlyValueCents: number; totalValueCents: number | null } {
  const items = values.items.map((item) => {
    const price = parseMoneyCents(item.unitPrice, language);
    const quantity = /^\d{1,7}$/.test(item.quantity.trim()) ? Number(item.quantity.trim()) : 0;
    return {
      quantity,
      unitPriceCents: price.ok ? price.cents : 0,
      billingType: item.billingType === 'one_time' ? ('one_time' as const) : ('recurring' as const),
    };
  });
  if (!isDate(values.startDate) || !isDate(values.endDate) || values.endDate < values.startDate) {
    return { monthlyValueCents: monthlyValueOf(items), totalValueCents: null };
  }
  return contractValues(items, values.startDate, values.endDate);
}

/**
 * The customer's contracts after saving `contract`: replaced by id, or appended. Applied to the stored list at
 * write time (a contract changed meanwhile by sync is kept).
 */
export function withContract(contracts: readonly Contract[], contract: Contract): Contract[] {
  const at = contracts.findIndex((c) => c.id === contract.id);
  return at === -1 ? [...contracts, contract] : contracts.map((c, i) => (i === at ? contract : c));
}
