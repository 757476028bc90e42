import type { z } from 'zod';
import { formatCnpj, normalizeCnpj } from '../../../shared/domain/cnpj.ts';
import { customerSchema, type Customer } from '../../../shared/entities/customer.ts';
import type { UserIdentity } from '../../../shared/identity.ts';
import { authorizeWrite, canWriteField } from '../../../shared/permissions.ts';

/**
 * The create/edit customer form as pure functions: form values ⇄ document, validation with the shared zod
 * schema (`customerSchema`, the same one the server applies), field errors as translation keys, and the
 * patch an edit sends. The dialog component only renders and writes.
 */

/** The fields a person edits; everything else is kept (edit) or starts empty (create). */
export const FORM_FIELDS = [
  'name',
  'domain',
  'industry',
  'size',
  'location',
  'cnpj',
  'tier',
  'status',
  'totalSeats',
  'activeUsers',
  'customerSince',
  'renewalDate',
  'renewalType',
  'csmId',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** What the inputs hold: text as typed, '' for "empty" (a select's "none", an empty date). */
export type CustomerFormValues = Readonly<Record<FormField, string>>;

/** Company size bands (employees), as the demo data and the seed's `size` use them. */
export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1000+'] as const;

export type FieldErrorKey =
  'required' | 'tooLong' | 'number' | 'date' | 'domain' | 'cnpjLength' | 'cnpjDigits' | 'invalid';
export interface FieldError {
  readonly key: FieldErrorKey;
  readonly max?: number;
}
export type FormErrors = Partial<Record<FormField, FieldError>>;

export type BuildResult = { ok: true; doc: Customer } | { ok: false; errors: FormErrors };

const NUMBER_FIELDS: readonly FormField[] = ['totalSeats', 'activeUsers'];
const DATE_FIELDS: readonly FormField[] = ['customerSince', 'renewalDate'];

export function formValuesFrom(customer: Customer): CustomerFormValues {
  return {
    name: customer.name,
    domain: customer.domain ?? '',
    industry: customer.industry ?? '',
    size: customer.size ?? '',
    location: customer.location ?? '',
    cnpj: customer.cnpj === null ? '' : formatCnpj(customer.cnpj),
    tier: customer.tier,
    status: customer.status,
    totalSeats: String(customer.totalSeats),
    activeUsers: String(customer.activeUsers),
    customerSince: customer.customerSince,
    renewalDate: customer.renewalDate ?? '',
    renewalType: customer.renewalType,
    csmId: customer.csmId ?? '',
  };
}

/** A new company: onboarding, starter, auto-renew, customer since today; a CSM creates it as their own. */
export function newFormValues(
  user: Pick<UserIdentity, 'userId' | 'role'>,
  today: string,
): CustomerFormValues {
  return {
    name: '',
    domain: '',
    industry: '',
    size: '',
    location: '',
    cnpj: '',
    tier: 'starter',
    status: 'onboarding',
    totalSeats: '1',
    activeUsers: '0',
    customerSince: today,
    renewalDate: '',
    renewalType: 'auto_renew',
    csmId: user.role === 'csm' ? user.userId : '',
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** "https://www.Empresa.com.br/" → "empresa.com.br"; people paste URLs into this field. */
export function normalizeDomain(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '');
}
const DOMAIN = /^(?=.{1,200}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const toCount = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/**
 * The document the form describes: `base` (the stored customer) with the form's fields applied, or a new
 * customer with `id` and the clock's `now`. Server-owned money starts at 0 (the server derives it from
 * contracts); `churnedAt` follows the status.
 */
export function buildCustomer(
  values: CustomerFormValues,
  base: Customer | null,
  context: { readonly id: string; readonly now: Date },
): BuildResult {
  const nowIso = context.now.toISOString();
  const status = values.status as Customer['status'];
  const domain = normalizeDomain(values.domain);
  // Typed with or without its dots, slash and hyphen, in either case; stored bare and uppercase
  // (shared/domain/cnpj.ts).
  const cnpj = normalizeCnpj(values.cnpj);
  const candidate = {
    ...(base ?? {
      id: context.id,
      updatedAt: nowIso,
      serverSeq: 0,
      clientUpdatedAt: nowIso,
      mrrCents: 0,
      arrCents: 0,
      lifetimeValueCents: 0,
      lastLoginAt: null,
      churnReason: null,
      notes: null,
      contacts: [],
      contracts: [],
    }),
    name: values.name.trim(),
    domain: domain === '' ? null : domain,
    industry: orNull(values.industry),
    size: orNull(values.size),
    location: orNull(values.location),
    cnpj: cnpj === '' ? null : cnpj,
    tier: values.tier,
    status,
    totalSeats: toCount(values.totalSeats),
    activeUsers: toCount(values.activeUsers),
    customerSince: values.customerSince,
    renewalDate: orNull(values.renewalDate),
    renewalType: values.renewalType,
    csmId: orNull(values.csmId),
    churnedAt: status === 'churned' ? (base?.churnedAt ?? nowIso) : null,
  };

  const errors: FormErrors = {};
  const parsed = customerSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (!isFormField(field) || errors[field]) continue;
      errors[field] = fieldError(field, issue);
    }
  }
  if (domain !== '' && !DOMAIN.test(domain) && !errors.domain) errors.domain = { key: 'domain' };
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, doc: parsed.data };
}

const isFormField = (f: unknown): f is FormField => (FORM_FIELDS as readonly unknown[]).includes(f);

function fieldError(field: FormField, issue: z.core.$ZodIssue): FieldError {
  if (NUMBER_FIELDS.includes(field)) return { key: 'number' };
  if (DATE_FIELDS.includes(field)) return { key: 'date' };
  // 14 characters whose check digits do not add up (a typo) reads differently from a wrong shape or length.
  if (field === 'cnpj') return { key: issue.code === 'invalid_format' ? 'cnpjLength' : 'cnpjDigits' };
  if (issue.code === 'too_small') return { key: 'required' };
  if (issue.code === 'too_big') return { key: 'tooLong', max: Number(issue.maximum) };
  return { key: 'invalid' };
}

/**
 * The fields an edit changes, restricted to what `user` may write (shared/permissions.ts): a CSM's form never
 * sends `csmId`, even if the input was tampered with. Empty when nothing changed.
 */
export function customerPatch(before: Customer, after: Customer, user: UserIdentity): Partial<Customer> {
  const patch: Record<string, unknown> = {};
  for (const field of [...FORM_FIELDS, 'churnedAt'] as const) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    if (!canWriteField(user, 'customers', 'update', field)) continue;
    patch[field] = after[field];
  }
  return patch as Partial<Customer>;
}

/** The shared authorization of the concrete write (the server applies the same check on push). */
export function writeAllowed(user: UserIdentity, before: Customer | null, after: Customer): boolean {
  return authorizeWrite(user, 'customers', { organizationId: user.organizationId, before, after }).allowed;
}
