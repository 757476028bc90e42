import { useMemo } from 'react';
import type { RxCollection } from 'rxdb';
import type { Customer } from '../../../shared/entities/customer.ts';
import { calendarDate } from '../../../shared/domain/csm/dates.ts';
import { identityOf, type SignedInUser } from '../../../shared/identity.ts';
import { can } from '../../../shared/permissions.ts';
import { useCollection, useDeviceUser, useLiveDocument } from '../../db/device-data.tsx';
import { usePendingIds } from '../../db/pending-writes.ts';
import { writeAllowed } from '../../platform/local-writes.ts';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';

/**
 * One customer document as the Contracts and Contacts tabs use it: live from the device database, whether a
 * local change to it still waits for the server (the pending marker), whether the signed-in user may edit it
 * (shared/permissions.ts), and today's date in the user's time zone.
 */
export interface CustomerRecord {
  readonly customer: Customer | null;
  /** False until the device database answered. */
  readonly ready: boolean;
  readonly pending: boolean;
  readonly mayEdit: boolean;
  readonly today: string;
  readonly user: SignedInUser | null;
  readonly collection: RxCollection<Customer> | null;
}

export function useCustomerRecord(customerId: string): CustomerRecord {
  const user = useDeviceUser();
  const collection = useCollection('customers');
  const live = useLiveDocument('customers', customerId);
  const pendingIds = usePendingIds('customers');
  const { timeZone } = useFormat();
  const now = useNow(60_000);
  const today = calendarDate(now, timeZone);
  const customer = live.docs[0] ?? null;
  const identity = useMemo(() => (user ? identityOf(user) : null), [user]);
  return {
    customer,
    ready: live.ready,
    pending: pendingIds.has(customerId),
    mayEdit: identity !== null && collection !== null && can(identity, 'update', 'customers'),
    today,
    user,
    collection,
  };
}

export type SaveOutcome = 'saved' | 'notFound' | 'notAllowed' | { readonly failed: string };

/**
 * Applies `change` to the stored customer as an RxDB incremental modify — on the latest local state, so a
 * change replicated meanwhile (another contact, another field) is kept — after checking the complete write
 * with the shared permission rules (`authorizeWrite`, what the sync push applies). Works offline: the write is
 * local and the outbox counts it until the server acknowledges it.
 */
export async function saveCustomerChange(
  collection: RxCollection<Customer>,
  user: SignedInUser,
  customerId: string,
  change: (customer: Customer) => Partial<Customer>,
): Promise<SaveOutcome> {
  try {
    const stored = await collection.findOne(customerId).exec();
    if (!stored) return 'notFound';
    const before = stored.toMutableJSON();
    const after = { ...before, ...change(before) };
    if (!writeAllowed(user, 'customers', { organizationId: user.organizationId, before, after })) {
      return 'notAllowed';
    }
    await stored.incrementalModify((data) => ({ ...data, ...change(data) }));
    return 'saved';
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}
