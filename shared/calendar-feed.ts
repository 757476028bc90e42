import { z } from 'zod';
import { isoDateTime } from './entities/common.ts';

/**
 * The client ↔ server contract of the private calendar feed (docs/api.md "Calendar feed"): a user's meetings as
 * an ICS URL with a secret token. The URL is in one answer only — the one that creates it —; afterwards the
 * server can only say that a feed is active and since when (it keeps the token's hash, never the token).
 * Pure (zod only): both sides parse with it.
 */

/** `GET /api/calendar/feed`: whether the signed-in user has an active feed. */
export const calendarFeedStatusSchema = z.strictObject({
  feed: z.strictObject({ createdAt: isoDateTime }).nullable(),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatusSchema>;

/** `POST /api/calendar/feed`: the new feed's URL (any previous one stops working). */
export const calendarFeedCreatedSchema = z.strictObject({
  feed: z.strictObject({
    url: z.url().max(500),
    createdAt: isoDateTime,
  }),
});
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreatedSchema>;
