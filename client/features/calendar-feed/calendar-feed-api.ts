import type { z } from 'zod';
import {
  calendarFeedCreatedSchema,
  calendarFeedStatusSchema,
  type CalendarFeedCreated,
  type CalendarFeedStatus,
} from '../../../shared/calendar-feed.ts';
import {
  JSON_HEADERS,
  discard,
  fail,
  send,
  statusFailure,
  type AuthFailure,
  type AuthResult,
} from '../../auth/auth-api.ts';

/**
 * The device side of the private calendar feed (docs/api.md "Calendar feed"): whether one is active, a new
 * one (its URL comes back in this answer only), and revoking it. Outcomes are values, as in auth/auth-api.ts.
 */
type Fetch = typeof fetch;
const PATH = '/api/calendar/feed';

async function parsed<T>(res: Response, schema: z.ZodType<T>): Promise<AuthResult<T>> {
  if (res.status === 401) return discard(res, fail({ kind: 'unauthenticated' }));
  if (!res.ok) return discard(res, fail(statusFailure(res)));
  const result = schema.safeParse(await res.json().catch(() => null));
  return result.success ? { ok: true, value: result.data } : fail({ kind: 'server', status: res.status });
}

export async function readCalendarFeed(fetchFn: Fetch): Promise<AuthResult<CalendarFeedStatus['feed']>> {
  const response = await send(fetchFn, PATH, { method: 'GET', headers: { accept: 'application/json' } });
  if (!response.ok) return response;
  const result = await parsed(response.value, calendarFeedStatusSchema);
  return result.ok ? { ok: true, value: result.value.feed } : result;
}

/** A new feed URL; any previous one stops working at once. */
export async function createCalendarFeed(fetchFn: Fetch): Promise<AuthResult<CalendarFeedCreated['feed']>> {
  const response = await send(fetchFn, PATH, { method: 'POST', headers: JSON_HEADERS, body: '{}' });
  if (!response.ok) return response;
  const result = await parsed(response.value, calendarFeedCreatedSchema);
  return result.ok ? { ok: true, value: result.value.feed } : result;
}

export async function revokeCalendarFeed(fetchFn: Fetch): Promise<AuthResult<null>> {
  const response = await send(fetchFn, PATH, { method: 'DELETE', headers: JSON_HEADERS, body: '{}' });
  if (!response.ok) return response;
  const res = response.value;
  if (res.status === 204) return discard(res, { ok: true, value: null });
  if (res.status === 401) return discard(res, fail({ kind: 'unauthenticated' }));
  return discard(res, fail(statusFailure(res)));
}

export type CalendarFeedFailure = AuthFailure;
