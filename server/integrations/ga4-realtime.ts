import { z } from 'zod';
import { LIVE_REALTIME_WINDOW_MINUTES, type LiveRealtime } from '../../shared/domain/portal/live.ts';
import { SourceError, type SourceHttp } from './http.ts';

/**
 * Google Analytics 4's Realtime API, Data API v1 (`v1beta`) `properties/{id}:runRealtimeReport`: `activeUsers`
 * and `keyEvents` (GA4's name for conversions since 2024) over one minute range, 29 → 0 minutes ago — the last
 * 30 minutes, the most a standard property's realtime report reaches back. No dimension: the answer is one row
 * (or none when nobody was active; GA4 then omits `rows`); values are read by header name and summed over rows,
 * so an answer split by a `minutesRange` dimension gives the same totals.
 *
 * What the figures are, for the "ao vivo" panel (shared/domain/portal/live.ts): users with any event in the last
 * 30 minutes and key events in those 30 minutes — not visits in progress, not 2 hours. They travel under those
 * names (`activeUsersLast30m`, `conversionsLast30m`) and are never scaled or relabelled.
 */
export const GA4_REALTIME_METRICS = ['activeUsers', 'keyEvents'] as const;
/** A realtime call that hangs is abandoned after this long (the poller tries again at its next turn). */
export const GA4_REALTIME_TIMEOUT_MS = 15_000;

const realtimeSchema = z.object({
  metricHeaders: z.array(z.object({ name: z.string() })).optional(),
  rows: z
    .array(
      z.object({
        dimensionValues: z.array(z.object({ value: z.string() })).optional(),
        metricValues: z.array(z.object({ value: z.string() })),
      }),
    )
    .optional(),
  rowCount: z.number().int().optional(),
});

export async function fetchGa4Realtime(input: {
  readonly baseUrl: string;
  readonly propertyId: string;
  readonly token: string;
  readonly http: SourceHttp;
}): Promise<LiveRealtime> {
  const url = `${input.baseUrl.replace(/\/$/, '')}/v1beta/properties/${encodeURIComponent(input.propertyId)}:runRealtimeReport`;
  const report = await input.http.json(
    url,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${input.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        metrics: GA4_REALTIME_METRICS.map((name) => ({ name })),
        minuteRanges: [
          {
            name: 'last30Minutes',
            startMinutesAgo: LIVE_REALTIME_WINDOW_MINUTES - 1,
            endMinutesAgo: 0,
          },
        ],
      }),
      signal: AbortSignal.timeout(GA4_REALTIME_TIMEOUT_MS),
    },
    (body) => {
      const parsed = realtimeSchema.safeParse(body);
      if (!parsed.success)
        throw new SourceError('GA4 answered a realtime report of an unknown shape', null, false);
      return parsed.data;
    },
  );
  const col = new Map((report.metricHeaders ?? []).map((h, i) => [h.name, i]));
  const total = (name: (typeof GA4_REALTIME_METRICS)[number]) => {
    const i = col.get(name);
    // A missing column is not zero users: the figure is unknown, so the call fails (the panel shows "—").
    if (i === undefined) throw new SourceError(`GA4 realtime report without ${name}`, null, false);
    let sum = 0;
    for (const row of report.rows ?? []) {
      const n = Number(row.metricValues[i]?.value);
      if (Number.isFinite(n) && n > 0) sum += n;
    }
    return Math.round(sum);
  };
  return { activeUsersLast30m: total('activeUsers'), conversionsLast30m: total('keyEvents') };
}
