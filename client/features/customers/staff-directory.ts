import { useMemo } from 'react';
import { z } from 'zod';
import { useLocalValue } from '../../db/local-documents.ts';

/**
 * Names of the organization's staff, for the CSM column and filter. Users are not a synced collection, so the
 * names travel as the device database's local document `staff-directory` (value: `[{ id, name, role? }]`,
 * written through `DeviceDatabase.kv.set('staff-directory', …)`), to be filled from a server endpoint
 * (`GET /api/staff`, not there yet). Until then the signed-in user's own name is always known and other CSMs
 * get a neutral label from their id.
 */
export const STAFF_DIRECTORY_KEY = 'staff-directory';

export const staffEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: z.string().optional(),
});
export type StaffEntry = z.infer<typeof staffEntrySchema>;
const directorySchema = z.array(z.unknown());

/** Entries that parse; a malformed entry is skipped rather than hiding every name. */
export function parseStaffDirectory(value: unknown): StaffEntry[] {
  const list = directorySchema.safeParse(value);
  if (!list.success) return [];
  return list.data.flatMap((item) => {
    const entry = staffEntrySchema.safeParse(item);
    return entry.success ? [entry.data] : [];
  });
}

/** A short, stable reference for an unknown CSM: the last 4 characters of the id ("CSM …a1b2"). */
export const csmRef = (id: string): string => `…${id.replace(/-/g, '').slice(-4)}`;

/**
 * The name to show for a CSM id: the signed-in user's own name, the directory's, or `unknown(ref)`.
 */
export function csmNameResolver(
  me: { readonly id: string; readonly name: string },
  directory: readonly StaffEntry[],
  unknown: (ref: string) => string,
): (csmId: string) => string {
  const names = new Map(directory.map((e) => [e.id, e.name]));
  names.set(me.id, me.name);
  return (csmId) => names.get(csmId) ?? unknown(csmRef(csmId));
}

/** The directory from the local document, live (empty until something writes it). */
export function useStaffDirectory(): readonly StaffEntry[] {
  const value = useLocalValue(STAFF_DIRECTORY_KEY);
  return useMemo(() => parseStaffDirectory(value), [value]);
}
