import { z } from 'zod';
import type { KeyValueStore } from '../../sync/client/outbox.ts';

/**
 * Names the device shows but does not sync (users are server-only): fetched from `GET /api/directory` when a
 * device session opens and kept as local documents, so the CSM column and the account-manager card work
 * offline. Local-document keys are the ones the features read: `staff-directory` (customer list) and
 * `account-manager` (client home).
 */
export const STAFF_DIRECTORY_DOC = 'staff-directory';
export const ACCOUNT_MANAGER_DOC = 'account-manager';

const staffMember = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  // Optional so a device talking to an older server still parses the answer.
  phone: z.string().nullable().optional(),
  jobTitle: z.string().nullable().optional(),
});
const directorySchema = z.object({ staff: z.array(staffMember), accountManager: staffMember.nullable() });

/** Best effort: offline or an error leaves the cached copy as it was. Returns whether it refreshed. */
export async function refreshDirectory(deps: {
  fetch: typeof fetch;
  baseUrl: string;
  kv: KeyValueStore;
}): Promise<boolean> {
  try {
    const res = await deps.fetch(`${deps.baseUrl}/api/directory`, { credentials: 'same-origin' });
    if (!res.ok) return false;
    const directory = directorySchema.parse(await res.json());
    if (directory.staff.length > 0) {
      await deps.kv.set(
        STAFF_DIRECTORY_DOC,
        directory.staff.map(({ id, name, role }) => ({ id, name, role })),
      );
    }
    if (directory.accountManager) {
      const { id, name, email, phone = null, jobTitle = null } = directory.accountManager;
      await deps.kv.set(ACCOUNT_MANAGER_DOC, { id, name, email, phone, jobTitle });
    }
    return true;
  } catch {
    return false;
  }
}
