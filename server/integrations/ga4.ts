import { z } from 'zod';
import type { MetricDayValues, SourceAdapter } from './adapter.ts';
import { SourceError } from './http.ts';

/**
 * Google Analytics 4 through the Data API v1 (`v1beta`) `properties/{id}:runReport`: one report of the window by
 * `date` with sessions, screenPageViews, bounceRate, averageSessionDuration, keyEvents (GA4's name for
 * conversions since 2024) and totalRevenue, read page by page (`offset`/`limit` until `rowCount`).
 *
 * Mapping to the portal's daily metrics: bounceRate is a fraction → percent (2 decimals); average session duration
 * seconds → whole seconds; revenue in the property's currency → cents (only BRL is accepted: the portal shows BRL
 * and converting at some rate would invent figures). Values are read by header name, not by position.
 */
export const GA4_DEFAULT_BASE_URL = 'https://analyticsdata.googleapis.com';
export const GA4_METRICS = [
  'sessions',
  'screenPageViews',
  'bounceRate',
  'averageSessionDuration',
  'keyEvents',
  'totalRevenue',
] as const;

const reportSchema = z.object({
  dimensionHeaders: z.array(z.object({ name: z.string() })).optional(),
  metricHeaders: z.array(z.object({ name: z.string() })).optional(),
  rows: z
    .array(
      z.object({
        dimensionValues: z.array(z.object({ value: z.string() })),
        metricValues: z.array(z.object({ value: z.string() })),
      }),
    )
    .optional(),
  rowCount: z.number().int().optional(),
  metadata: z.object({ currencyCode: z.string().optional() }).optional(),
});

const num = (value: string | undefined) => {
  const n = Number(value);
  return value === undefined || value === '' || !Number.isFinite(n) ? 0 : n;
};

export function createGa4Adapter(options: {
  readonly baseUrl: string;
  readonly pageSize?: number;
}): SourceAdapter {
  const pageSize = options.pageSize ?? 10_000;
  return {
    source: 'ga4',
    async fetch(request, http) {
      const url = `${options.baseUrl.replace(/\/$/, '')}/v1beta/properties/${encodeURIComponent(request.accountId)}:runReport`;
      const days: MetricDayValues[] = [];
      for (let offset = 0; ;) {
        const report = await http.json(
          url,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              dateRanges: [{ startDate: request.from, endDate: request.to }],
              dimensions: [{ name: 'date' }],
              metrics: GA4_METRICS.map((name) => ({ name })),
              orderBys: [{ dimension: { dimensionName: 'date' } }],
              keepEmptyRows: true,
              offset,
              limit: pageSize,
            }),
          },
          (body) => {
            const parsed = reportSchema.safeParse(body);
            if (!parsed.success)
              throw new SourceError('GA4 answered a report of an unknown shape', null, false);
            return parsed.data;
          },
        );
        const currency = report.metadata?.currencyCode;
        if (currency && currency !== 'BRL')
          throw new SourceError(
            `GA4 property reports revenue in ${currency.slice(0, 3)}, not BRL`,
            null,
            false,
          );
        const dim = (report.dimensionHeaders ?? []).findIndex((h) => h.name === 'date');
        const col = new Map((report.metricHeaders ?? []).map((h, i) => [h.name, i]));
        const rows = report.rows ?? [];
        for (const row of rows) {
          const raw = row.dimensionValues[dim]?.value ?? '';
          if (!/^\d{8}$/.test(raw)) continue;
          const value = (name: (typeof GA4_METRICS)[number]) => {
            const i = col.get(name);
            return i === undefined ? undefined : num(row.metricValues[i]?.value);
          };
          const bounce = value('bounceRate');
          const duration = value('averageSessionDuration');
          const revenue = value('totalRevenue');
          days.push({
            date: `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`,
            sessions: Math.round(value('sessions') ?? 0),
            pageviews: Math.round(value('screenPageViews') ?? 0),
            bounceRate: bounce === undefined ? null : Math.min(100, Math.round(bounce * 10_000) / 100),
            avgSessionSeconds: duration === undefined ? null : Math.round(duration),
            conversions: Math.round(value('keyEvents') ?? 0),
            revenueCents: Math.max(0, Math.round((revenue ?? 0) * 100)),
          });
        }
        offset += rows.length;
        if (rows.length === 0 || offset >= (report.rowCount ?? 0)) break;
      }
      return { kind: 'metrics', days };
    },
  };
}
