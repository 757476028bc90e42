import type { Contact } from '../../entities/customer.ts';

/**
 * A customer's contacts (embedded `contacts[]` of the customer document) as pure list operations, so the
 * device and anything else that writes contacts keep the same invariant.
 *
 * Invariant: a customer with at least one contact has exactly one primary contact (none without contacts).
 * - Making a contact primary unsets every other primary.
 * - Removing the primary promotes the earliest-created contact still at the company (else the earliest one).
 * - A contact who left the company stays primary until someone else is made primary: that is what the risk
 *   rule reads as "the main contact left" (`mainContactLeft`, risk.ts; docs/domain.md, risk factors).
 * Every operation returns a new array and leaves its input untouched; the order of contacts is kept.
 */

type ContactLike = Pick<Contact, 'id' | 'isPrimary' | 'createdAt' | 'leftCompanyAt'>;

/** The primary contact, or null without contacts. */
export function primaryContact<C extends ContactLike>(contacts: readonly C[]): C | null {
  return contacts.find((c) => c.isPrimary) ?? null;
}

/** True when the list satisfies the invariant (exactly one primary, or no contacts at all). */
export function hasOnePrimary(contacts: readonly ContactLike[]): boolean {
  const primaries = contacts.filter((c) => c.isPrimary).length;
  return contacts.length === 0 ? primaries === 0 : primaries === 1;
}

/** `id` becomes the only primary; an unknown id changes nothing. */
export function setPrimary<C extends ContactLike>(contacts: readonly C[], id: string): C[] {
  if (!contacts.some((c) => c.id === id)) return [...contacts];
  return contacts.map((c) => (c.isPrimary === (c.id === id) ? c : { ...c, isPrimary: c.id === id }));
}

/**
 * Restores the invariant after any change: several primaries keep the first; none promotes the earliest-created
 * contact still at the company, else the earliest-created one.
 */
export function ensureOnePrimary<C extends ContactLike>(contacts: readonly C[]): C[] {
  if (contacts.length === 0) return [];
  const first = contacts.find((c) => c.isPrimary);
  if (first) return setPrimary(contacts, first.id);
  const byAge = [...contacts].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const successor = byAge.find((c) => c.leftCompanyAt === null) ?? byAge[0];
  return successor ? setPrimary(contacts, successor.id) : [...contacts];
}

/**
 * Adds `contact` (new id) or replaces the contact with its id. A contact saved as primary becomes the only
 * primary; un-ticking "primary" on the current primary is not a way to have none: the invariant promotes the
 * successor (or keeps it, if it is the only contact).
 */
export function upsertContact<C extends ContactLike>(contacts: readonly C[], contact: C): C[] {
  const at = contacts.findIndex((c) => c.id === contact.id);
  const next = at === -1 ? [...contacts, contact] : contacts.map((c, i) => (i === at ? contact : c));
  if (contact.isPrimary) return setPrimary(next, contact.id);
  if (at !== -1 && contacts[at]?.isPrimary) {
    // The primary was demoted: someone else takes over when there is anyone else.
    const others = next.filter((c) => c.id !== contact.id);
    if (others.length === 0) return setPrimary(next, contact.id);
    const successor = ensureOnePrimary(others).find((c) => c.isPrimary);
    return successor ? setPrimary(next, successor.id) : next;
  }
  return ensureOnePrimary(next);
}

/** Removes a contact; removing the primary promotes a successor (see the invariant above). */
export function removeContact<C extends ContactLike>(contacts: readonly C[], id: string): C[] {
  return ensureOnePrimary(contacts.filter((c) => c.id !== id));
}

/** Who would become primary if `id` were removed (null when `id` is not the primary or nobody is left). */
export function successorIfRemoved<C extends ContactLike>(contacts: readonly C[], id: string): C | null {
  if (!contacts.find((c) => c.id === id)?.isPrimary) return null;
  return primaryContact(removeContact(contacts, id));
}

/**
 * Marks a contact as having left the company at the instant `at` (null brings them back). They keep their
 * primary flag: a primary who left is the "main contact left" risk until another contact is made primary.
 */
export function setLeftCompany<C extends ContactLike>(
  contacts: readonly C[],
  id: string,
  at: string | null,
): C[] {
  return contacts.map((c) => (c.id === id ? { ...c, leftCompanyAt: at } : c));
}
