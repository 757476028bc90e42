import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MangoQuery } from 'rxdb';
import type { Customer } from '../../../shared/entities/customer.ts';
import { useDeviceUser, useLiveDocuments } from '../../db/device-data.tsx';
import { csmNameResolver, useStaffDirectory, type StaffEntry } from '../customers/staff-directory.ts';

/** Names the support screens show: staff (the directory cached on the device) and customers (synced). */

const ALL_CUSTOMERS: MangoQuery<Customer> = {};

export function useCustomerNames(): (customerId: string) => string {
  const { t } = useTranslation('supportQueue');
  const customers = useLiveDocuments('customers', ALL_CUSTOMERS);
  return useMemo(() => {
    const names = new Map(customers.docs.map((c) => [c.id, c.name]));
    return (id: string) => names.get(id) ?? t('queue.unknownCustomer');
  }, [customers.docs, t]);
}

export interface StaffNames {
  readonly nameOf: (userId: string) => string;
  /** Staff who may take a ticket (the user first, then the directory by name). */
  readonly staff: readonly StaffEntry[];
}

export function useStaffNames(): StaffNames {
  const { t } = useTranslation('supportQueue');
  const user = useDeviceUser();
  const directory = useStaffDirectory();
  return useMemo(() => {
    const me = { id: user?.id ?? '', name: user?.name ?? '' };
    const nameOf = csmNameResolver(me, directory, (ref) => t('queue.unknownStaff', { ref }));
    const others = directory
      .filter((e) => e.id !== me.id && e.role !== 'client')
      .sort((a, b) => a.name.localeCompare(b.name));
    return { nameOf, staff: [{ id: me.id, name: me.name }, ...others] };
  }, [user, directory, t]);
}
