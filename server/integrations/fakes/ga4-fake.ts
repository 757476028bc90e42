import { Hono } from 'hono';
import { datesBetween, fakeHash, fakeTokenMode } from './fake-data.ts';

/**
 * A local Google Analytics Data API v1 (`v1beta`) for development and tests: `POST
 * /v1beta/properties/{property}:runReport` with the documented request (dateRanges, dimensions, metrics,
 * offset, limit) and response (dimensionHeaders, metricHeaders, rows of dimensionValues/metricValues as strings,
 * rowCount — rows and rowCount omitted when empty — metadata.currencyCode) and Google's error body
 * (`{error:{code,message,status}}`). Token-driven failures (fake-data.ts `fakeTokenMode`): `invalid` → 401
 * UNAUTHENTICATED, `ratelimit` → the first `rateLimitedRequests` calls per token answer 429 RESOURCE_EXHAUSTED
 * with `Retry-After: 1`, `down` → 503 UNAVAILABLE.
 *
 * `POST /v1beta/properties/{property}:runRealtimeReport` (the Realtime API): the documented request (metrics,
 * optional dimensions, `minuteRanges` of `startMinutesAgo`/`endMinutesAgo` within 0–29) and response
 * (metricHeaders, one row of metricValues — omitted with `rowCount` when all are zero — `kind`). Its figures are
 * `ga4FakeRealtime(property)`. Besides the token modes above, a token containing `quota` answers 429
 * RESOURCE_EXHAUSTED "Exhausted … tokens per hour" without `Retry-After` (GA4's realtime quota), and the
 * `ratelimit` mode's `Retry-After` is `realtimeRetryAfterSeconds` (default 120) on realtime calls.
 */
export const GA4_FAKE_METRICS: Record<
  string,
  'TYPE_INTEGER' | 'TYPE_FLOAT' | 'TYPE_SECONDS' | 'TYPE_CURRENCY'
> = {
  sessions: 'TYPE_INTEGER',
  screenPageViews: 'TYPE_INTEGER',
  bounceRate: 'TYPE_FLOAT',
  averageSessionDuration: 'TYPE_SECONDS',
  keyEvents: 'TYPE_INTEGER',
  totalRevenue: 'TYPE_CURRENCY',
  activeUsers: 'TYPE_INTEGER',
};

/** The figures the fake reports for a property's day (as GA4 would: bounce rate a fraction, revenue in BRL). */
export function ga4FakeDay(property: string, date: string) {
  const h = fakeHash(`${property}|${date}`);
  const sessions = 900 + (h % 600);
  return {
    sessions,
    screenPageViews: sessions * 3 + (h % 97),
    bounceRate: 0.3 + ((h >>> 8) % 300) / 1000,
    averageSessionDuration: 60 + ((h >>> 4) % 240) + 0.5,
    keyEvents: 10 + ((h >>> 12) % 40),
    totalRevenue: 1500 + ((h >>> 16) % 9000) + 0.25,
    activeUsers: Math.round(sessions * 0.8),
  };
}

/** The realtime figures the fake reports for a property (the last 30 minutes; the same on every call). */
export function ga4FakeRealtime(property: string) {
  const h = fakeHash(`${property}|realtime`);
  return { activeUsers: 12 + (h % 60), keyEvents: (h >>> 8) % 6, screenPageViews: 40 + (h % 200) };
}

const googleError = (code: number, status: string, message: string) => ({ error: { code, message, status } });

export function createGa4Fake(
  options: { readonly rateLimitedRequests?: number; readonly realtimeRetryAfterSeconds?: number } = {},
): Hono {
  const app = new Hono();
  const throttled = new Map<string, number>();
  const calls: { property: string; offset: number; limit: number }[] = [];
  const realtimeCalls: { property: string; status: number }[] = [];
  app.post('/v1beta/properties/:call', async (c) => {
    const [property, method] = c.req.param('call').split(':');
    if (method === 'runRealtimeReport' && property && /^\d+$/.test(property)) {
      const answer = await realtime(c.req.raw, property);
      realtimeCalls.push({ property, status: answer.status });
      return answer;
    }
    if (method !== 'runReport' || !property || !/^\d+$/.test(property))
      return c.json(googleError(404, 'NOT_FOUND', 'Method not found.'), 404);
    const auth = c.req.header('authorization') ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const mode = token ? fakeTokenMode(token) : 'invalid';
    if (mode === 'invalid')
      return c.json(
        googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'),
        401,
      );
    if (mode === 'down')
      return c.json(googleError(503, 'UNAVAILABLE', 'The service is currently unavailable.'), 503);
    if (mode === 'rate-limited') {
      const seen = throttled.get(token) ?? 0;
      throttled.set(token, seen + 1);
      if (seen < (options.rateLimitedRequests ?? 2)) {
        c.header('Retry-After', '1');
        return c.json(
          googleError(429, 'RESOURCE_EXHAUSTED', 'Exhausted property tokens per hour for this property.'),
          429,
        );
      }
    }
    const body = (await c.req.json().catch(() => null)) as {
      dateRanges?: { startDate?: string; endDate?: string }[];
      dimensions?: { name?: string }[];
      metrics?: { name?: string }[];
      offset?: number | string;
      limit?: number | string;
    } | null;
    const range = body?.dateRanges?.[0];
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    const metricNames = (body?.metrics ?? []).map((m) => m.name ?? '');
    const unknown = metricNames.find((name) => !(name in GA4_FAKE_METRICS));
    const offset = Number(body?.offset ?? 0);
    const limit = Number(body?.limit ?? 10_000);
    if (
      !range?.startDate ||
      !range.endDate ||
      !iso.test(range.startDate) ||
      !iso.test(range.endDate) ||
      range.startDate > range.endDate ||
      metricNames.length === 0 ||
      unknown !== undefined ||
      (body?.dimensions ?? []).some((d) => d.name !== 'date') ||
      !Number.isInteger(offset) ||
      offset < 0 ||
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > 250_000
    ) {
      return c.json(
        googleError(
          400,
          'INVALID_ARGUMENT',
          unknown !== undefined
            ? `Field ${unknown} is not a valid metric.`
            : 'Invalid dateRanges, metrics, offset or limit.',
        ),
        400,
      );
    }
    calls.push({ property, offset, limit });
    const dates = datesBetween(range.startDate, range.endDate);
    const page = dates.slice(offset, offset + limit);
    const rows = page.map((date) => {
      const day = ga4FakeDay(property, date);
      return {
        dimensionValues: [{ value: date.replace(/-/g, '') }],
        metricValues: metricNames.map((name) => ({ value: String(day[name as keyof typeof day]) })),
      };
    });
    return c.json({
      dimensionHeaders: [{ name: 'date' }],
      metricHeaders: metricNames.map((name) => ({ name, type: GA4_FAKE_METRICS[name] })),
      ...(rows.length > 0 ? { rows, rowCount: dates.length } : {}),
      metadata: { currencyCode: 'BRL', timeZone: 'America/Sao_Paulo' },
      kind: 'analyticsData#runReport',
    });
  });
  // For tests: the report requests the fake answered (pagination is observable), and the realtime ones.
  app.get('/_fake/calls', (c) => c.json(calls));
  app.get('/_fake/realtime-calls', (c) => c.json(realtimeCalls));
  return app;

  async function realtime(request: Request, property: string): Promise<Response> {
    const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      });
    const auth = request.headers.get('authorization') ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const mode = token ? fakeTokenMode(token) : 'invalid';
    if (mode === 'invalid')
      return json(
        googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'),
        401,
      );
    if (mode === 'down')
      return json(googleError(503, 'UNAVAILABLE', 'The service is currently unavailable.'), 503);
    if (token.includes('quota'))
      return json(
        googleError(
          429,
          'RESOURCE_EXHAUSTED',
          'Exhausted Realtime property tokens per hour for this property.',
        ),
        429,
      );
    if (mode === 'rate-limited') {
      const key = `realtime|${token}`;
      const seen = throttled.get(key) ?? 0;
      throttled.set(key, seen + 1);
      if (seen < (options.rateLimitedRequests ?? 2))
        return json(
          googleError(429, 'RESOURCE_EXHAUSTED', 'Exhausted concurrent requests quota for this property.'),
          429,
          { 'Retry-After': String(options.realtimeRetryAfterSeconds ?? 120) },
        );
    }
    const body = (await request.json().catch(() => null)) as {
      metrics?: { name?: string }[];
      dimensions?: { name?: string }[];
      minuteRanges?: { startMinutesAgo?: number; endMinutesAgo?: number }[];
    } | null;
    const figures = ga4FakeRealtime(property);
    const metricNames = (body?.metrics ?? []).map((m) => m.name ?? '');
    const unknown = metricNames.find((name) => !(name in figures));
    const ranges = body?.minuteRanges ?? [];
    const badRange = ranges.some(
      (r) =>
        !Number.isInteger(r.startMinutesAgo ?? 29) ||
        !Number.isInteger(r.endMinutesAgo ?? 0) ||
        (r.startMinutesAgo ?? 29) > 29 ||
        (r.endMinutesAgo ?? 0) < 0 ||
        (r.startMinutesAgo ?? 29) < (r.endMinutesAgo ?? 0),
    );
    if (metricNames.length === 0 || unknown !== undefined || badRange || (body?.dimensions ?? []).length > 0)
      return json(
        googleError(
          400,
          'INVALID_ARGUMENT',
          unknown !== undefined
            ? `Field ${unknown} is not a valid metric for realtime reports.`
            : 'Invalid metrics, dimensions or minuteRanges.',
        ),
        400,
      );
    const values = metricNames.map((name) => figures[name as keyof typeof figures]);
    return json({
      metricHeaders: metricNames.map((name) => ({ name, type: 'TYPE_INTEGER' })),
      ...(values.some((v) => v > 0)
        ? { rows: [{ metricValues: values.map((v) => ({ value: String(v) })) }], rowCount: 1 }
        : {}),
      kind: 'analyticsData#runRealtimeReport',
    });
  }
}
