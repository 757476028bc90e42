import { z } from 'zod';

/**
 * Building blocks shared by every synced document (docs/architecture.md §4).
 *
 * Invariants:
 * - `id` is generated on the device (UUID v7), so offline creates need no round trip.
 * - `updatedAt` and `serverSeq` are server-owned: the server stamps them on every accepted write and
 *   ignores whatever the device sent. `serverSeq` is the gap-free sync order (see sync/ protocol).
 * - `clientUpdatedAt` is the device's own clock, used only as a tie-breaker when both sides changed a field.
 * - Money is integer cents (`…Cents`), never floats; SQL stores numeric(15,2).
 * - Dates are ISO strings: `YYYY-MM-DD` for calendar dates, full ISO-8601 with offset for instants.
 */
export const idSchema = z.uuid();
export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
export const cents = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000);
export const nonNegativeCents = cents.min(0);
export const count = z.number().int().min(0);
export const percent = z.number().min(0).max(100);
export const shortText = z.string().trim().min(1).max(200);
export const longText = z.string().max(20_000);

/** Fields every synced document carries. */
export const syncedFields = {
  id: idSchema,
  updatedAt: isoDateTime,
  serverSeq: z.number().int().min(0),
  clientUpdatedAt: isoDateTime,
};

/** Names of the server-owned fields common to every collection; collections add their own (e.g. derived money). */
export const SERVER_OWNED_BASE_FIELDS = ['updatedAt', 'serverSeq'] as const;
