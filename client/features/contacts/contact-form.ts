import { contactRoleSchema, contactSchema, type Contact } from '../../../shared/entities/customer.ts';

/**
 * The contact form as pure functions: document ⇄ text values and validation with the shared `contactSchema`
 * (the server's), errors as keys of the `contacts` namespace's `errors` section. The one-primary rule is not
 * here: saving goes through shared/domain/csm/contacts.ts (`upsertContact`).
 */
export const CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'jobTitle',
  'role',
  'npsScore',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ContactFormValues extends Readonly<Record<ContactField, string>> {
  readonly isPrimary: boolean;
}

export type ErrorKey = 'required' | 'tooLong' | 'email' | 'phone' | 'nps' | 'invalid';
export interface FieldError {
  readonly key: ErrorKey;
  readonly max?: number;
}
export type FormErrors = Readonly<Partial<Record<ContactField | 'form', FieldError>>>;

export function formValuesFrom(contact: Contact): ContactFormValues {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName ?? '',
    email: contact.email,
    phone: contact.phone ?? '',
    jobTitle: contact.jobTitle ?? '',
    role: contact.role,
    npsScore: contact.npsScore === null ? '' : String(contact.npsScore),
    isPrimary: contact.isPrimary,
  };
}

/** A new contact: a plain user; primary when the customer has no contact yet. */
export function newFormValues(isFirst: boolean): ContactFormValues {
  return {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    jobTitle: '',
    role: 'user',
    npsScore: '',
    isPrimary: isFirst,
  };
}

const PHONE = /^\+?[0-9()\s.-]{8,40}$/;
// A pragmatic address check before the schema's: one @, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ParseResult = { ok: true; contact: Contact } | { ok: false; errors: FormErrors };

/**
 * Values → the contact to store. `base` is the stored contact when editing (its id, creation date, last
 * contact and departure are kept); `id` and `now` name a new one.
 */
export function parseContactForm(
  values: ContactFormValues,
  ctx: { readonly base: Contact | null; readonly id: string; readonly now: Date },
): ParseResult {
  const errors: Partial<Record<ContactField | 'form', FieldError>> = {};
  const text = (field: ContactField, max: number, required = false) => {
    const v = values[field].trim();
    if (required && v === '') errors[field] = { key: 'required' };
    else if (v.length > max) errors[field] = { key: 'tooLong', max };
    return v;
  };
  const firstName = text('firstName', 200, true);
  const lastName = text('lastName', 200);
  const email = text('email', 320, true).toLowerCase();
  if (!errors.email && !EMAIL.test(email)) errors.email = { key: 'email' };
  const phone = text('phone', 40);
  if (!errors.phone && phone !== '' && !PHONE.test(phone)) errors.phone = { key: 'phone' };
  const jobTitle = text('jobTitle', 200);
  const role = contactRoleSchema.safeParse(values.role);
  if (!role.success) errors.role = { key: 'required' };
  const nps = values.npsScore.trim();
  const npsScore = nps === '' ? null : /^\d{1,2}$/.test(nps) ? Number(nps) : NaN;
  if (npsScore !== null && !(npsScore >= 0 && npsScore <= 10)) errors.npsScore = { key: 'nps' };
  if (Object.keys(errors).length > 0 || !role.success) return { ok: false, errors };

  const { base } = ctx;
  const parsed = contactSchema.safeParse({
    id: base?.id ?? ctx.id,
    firstName,
    lastName: lastName === '' ? null : lastName,
    email,
    phone: phone === '' ? null : phone,
    jobTitle: jobTitle === '' ? null : jobTitle,
    isPrimary: values.isPrimary,
    role: role.data,
    lastContactedAt: base?.lastContactedAt ?? null,
    npsScore,
    leftCompanyAt: base?.leftCompanyAt ?? null,
    createdAt: base?.createdAt ?? ctx.now.toISOString(),
  });
  if (parsed.success) return { ok: true, contact: parsed.data };
  // The schema's own e-mail rule is stricter than the pre-check (e.g. "a@b..c"): say so in place.
  if (parsed.error.issues.some((i) => i.path[0] === 'email'))
    return { ok: false, errors: { email: { key: 'email' } } };
  return { ok: false, errors: { form: { key: 'invalid' } } };
}

/** "João Silva" — a contact's display name. */
export const contactName = (c: Pick<Contact, 'firstName' | 'lastName'>): string =>
  [c.firstName, c.lastName].filter(Boolean).join(' ');
