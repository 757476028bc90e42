import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Customer } from '../../../shared/entities/customer.ts';
import type { Meeting, Ticket } from '../../../shared/entities/support.ts';
import { useSession } from '../../auth/session-context.tsx';
import type { SessionUser } from '../../auth/session-user.ts';
import { useDeviceData, useLiveDocuments } from '../../db/device-data.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { DEFAULT_TIME_ZONE } from '../../ui/format.ts';
import { useFormat } from '../../platform/use-format.ts';
import { formatDayMonth, formatMeetingTime, formatMonthYear } from './portal-format.ts';
import { newestFirst } from './ticket-view.ts';
import { useLocalValue } from '../../db/local-documents.ts';

/**
 * The client portal's data, read from the device database only (offline-first: never the API). A client
 * user's database holds only their own company's rows; the queries still select by `customerId` so a screen
 * can never show another customer's row.
 */

/** The signed-in user of the open device session (null while it opens, or signed out). */
export const usePortalUser = (): SessionUser | null => useDeviceData().session?.user ?? null;

export interface Live<T> {
  readonly value: T;
  /** False until the local database answered (not "synced": local data may still be empty). */
  readonly ready: boolean;
}

export function useMyCustomer(): Live<Customer | null> {
  const customerId = usePortalUser()?.customerId ?? '';
  const query = useMemo<MangoQuery<Customer>>(
    () => ({ selector: { id: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('customers', query);
  return { value: docs[0] ?? null, ready };
}

/** Every ticket of the user's company, newest first. */
export function useMyTickets(): Live<readonly Ticket[]> {
  const customerId = usePortalUser()?.customerId ?? '';
  const query = useMemo<MangoQuery<Ticket>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('tickets', query);
  // Sorted here, not in the query: `createdAt` is not indexed and a company has few tickets.
  const value = useMemo(() => newestFirst(docs), [docs]);
  return { value, ready };
}

export function useMyMeetings(): Live<readonly Meeting[]> {
  const customerId = usePortalUser()?.customerId ?? '';
  const query = useMemo<MangoQuery<Meeting>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('meetings', query);
  return { value: docs, ready };
}

/**
 * The `value` of a local document (device-only settings, e.g. `account-manager`), live; undefined when absent.
 * The value is unparsed: callers parse it with their schema.
 */
/** Kept under this name for the portal's cards; the hook itself belongs to the device database. */
export const useLocalDocumentValue = useLocalValue;

/** The shell's formatters plus the portal's short date forms, in the UI language and the user's time zone. */
export function usePortalFormat() {
  const format = useFormat();
  const { language } = useLanguage();
  const timeZone = useSession().user?.timeZone ?? DEFAULT_TIME_ZONE;
  return useMemo(() => {
    const options = { language, timeZone };
    return {
      ...format,
      language,
      timeZone,
      monthYear: (calendarDate: string) => formatMonthYear(calendarDate, options),
      dayMonth: (instant: string) => formatDayMonth(instant, options),
      meetingTime: (instant: string) => formatMeetingTime(instant, options),
    };
  }, [format, language, timeZone]);
}
