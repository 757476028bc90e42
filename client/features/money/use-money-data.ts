import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Invoice } from '../../../shared/entities/billing.ts';
import type { Goal, Metrics } from '../../../shared/entities/portal.ts';
import { localDateOf } from '../../../shared/domain/portal/time.ts';
import { useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';

/**
 * The money screens' reads, from the device database only (offline-first). Every query selects by the client
 * user's `customerId`, so a screen can never show another customer's row.
 */
function useCustomerId(): string {
  return useDeviceUser()?.customerId ?? '';
}

export function useMyInvoices(): Live<readonly Invoice[]> {
  const customerId = useCustomerId();
  const query = useMemo<MangoQuery<Invoice>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('invoices', query);
  return { value: docs, ready };
}

export function useMyMetrics(): Live<readonly Metrics[]> {
  const customerId = useCustomerId();
  const query = useMemo<MangoQuery<Metrics>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('metrics', query);
  return { value: docs, ready };
}

export function useMyGoals(): Live<readonly Goal[]> {
  const customerId = useCustomerId();
  const query = useMemo<MangoQuery<Goal>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('goals', query);
  return { value: docs, ready };
}

/** Today's calendar date (YYYY-MM-DD) in the user's time zone: what "overdue" and "this month" mean. */
export function useToday(): string {
  const now = useNow();
  const { timeZone } = useFormat();
  return localDateOf(now.toISOString(), timeZone);
}
