import { Hono } from 'hono';
import { datesBetween, fakeHash, fakeTokenMode } from './fake-data.ts';

/**
 * A local Meta Marketing API (Graph) for development and tests:
 * - `GET /{version}/act_{id}/insights?level=campaign&time_increment=1&time_range={"since","until"}&fields=…&limit=…`
 *   → `{data: [{campaign_id, campaign_name, impressions, clicks, spend, actions[], action_values[], date_start,
 *   date_stop}], paging: {cursors: {before, after}, next?}}` — numbers as strings, one row per campaign and day;
 * - `GET /{version}/act_{id}/campaigns?fields=id,name,effective_status,daily_budget,start_time&limit=…` → the
 *   campaigns with their budgets (minor units, as strings), paged the same way;
 * - errors as Graph does: `{error: {message, type, code, fbtrace_id}}` — 190 OAuthException (HTTP 400) for a
 *   bad token, code 17 "User request limit reached" (HTTP 400, `is_transient`) for the `ratelimit` token twice,
 *   500 for `down`. The token is read from `Authorization: Bearer` (or `access_token`).
 */
export const META_FAKE_CAMPAIGNS = [
  {
    id: '23850001',
    name: 'Instagram — Conversões',
    status: 'ACTIVE',
    dailyBudget: '12000',
    start: '2026-01-05T10:00:00-0300',
  },
  {
    id: '23850002',
    name: 'Facebook — Leads',
    status: 'ACTIVE',
    dailyBudget: '8000',
    start: '2026-02-01T09:00:00-0300',
  },
  {
    id: '23850003',
    name: 'Stories — Marca',
    status: 'PAUSED',
    dailyBudget: '5000',
    start: '2026-02-15T09:00:00-0300',
  },
] as const;

export function metaFakeDay(account: string, campaignId: string, date: string) {
  const h = fakeHash(`${account}|${campaignId}|${date}`);
  const impressions = 3000 + (h % 5000);
  return {
    impressions: String(impressions),
    clicks: String(Math.round(impressions * 0.015) + (h % 11)),
    spend: (40 + (h % 80) + ((h >>> 8) % 100) / 100).toFixed(2),
    actions: [
      { action_type: 'link_click', value: String(20 + (h % 30)) },
      { action_type: 'purchase', value: String((h >>> 12) % 5) },
      { action_type: 'lead', value: String((h >>> 16) % 4) },
    ],
    action_values: [{ action_type: 'purchase', value: (((h >>> 12) % 5) * 89.9).toFixed(2) }],
  };
}

const graphError = (message: string, code: number, type = 'OAuthException', transient = false) => ({
  error: { message, type, code, ...(transient ? { is_transient: true } : {}), fbtrace_id: 'AfakeTrace' },
});

export function createMetaFake(): Hono {
  const app = new Hono();
  const throttled = new Map<string, number>();
  const guard = (c: {
    req: { header(n: string): string | undefined; query(n: string): string | undefined };
  }) => {
    const auth = c.req.header('authorization') ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : (c.req.query('access_token') ?? '');
    const mode = token ? fakeTokenMode(token) : 'invalid';
    if (mode === 'invalid')
      return {
        status: 400 as const,
        body: graphError('Invalid OAuth access token - Cannot parse access token', 190),
      };
    if (mode === 'down')
      return {
        status: 500 as const,
        body: graphError('An unexpected error has occurred.', 2, 'OAuthException', true),
      };
    if (mode === 'rate-limited') {
      const seen = throttled.get(token) ?? 0;
      throttled.set(token, seen + 1);
      if (seen < 2)
        return {
          status: 400 as const,
          body: graphError('User request limit reached', 17, 'OAuthException', true),
        };
    }
    return null;
  };
  /** Cursor paging like Graph: `after` is an opaque base64 of the offset; `next` the full URL of the next page. */
  const page = <T>(url: string, all: readonly T[], limit: number, after: string | undefined) => {
    const offset = after ? Number(Buffer.from(after, 'base64url').toString('utf8')) || 0 : 0;
    const data = all.slice(offset, offset + limit);
    const cursor = (n: number) => Buffer.from(String(n), 'utf8').toString('base64url');
    const nextUrl = new URL(url);
    nextUrl.searchParams.set('after', cursor(offset + data.length));
    nextUrl.searchParams.delete('access_token');
    return {
      data,
      paging: {
        cursors: { before: cursor(offset), after: cursor(offset + data.length) },
        ...(offset + data.length < all.length ? { next: nextUrl.toString() } : {}),
      },
    };
  };

  app.get('/:version/:account/:edge', (c) => {
    const account = c.req.param('account');
    const edge = c.req.param('edge');
    if (!/^act_\d+$/.test(account) || (edge !== 'insights' && edge !== 'campaigns'))
      return c.json(graphError('Unsupported get request.', 100, 'GraphMethodException'), 400);
    const refused = guard(c);
    if (refused) return c.json(refused.body, refused.status);
    const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 25) || 25));
    const after = c.req.query('after');
    if (edge === 'campaigns') {
      const all = META_FAKE_CAMPAIGNS.map((m) => ({
        id: m.id,
        name: m.name,
        effective_status: m.status,
        daily_budget: m.dailyBudget,
        start_time: m.start,
      }));
      return c.json(page(c.req.url, all, limit, after));
    }
    let range: { since?: string; until?: string } = {};
    try {
      range = JSON.parse(c.req.query('time_range') ?? '{}') as typeof range;
    } catch {
      /* checked below */
    }
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    if (
      c.req.query('level') !== 'campaign' ||
      c.req.query('time_increment') !== '1' ||
      !range.since ||
      !range.until ||
      !iso.test(range.since) ||
      !iso.test(range.until) ||
      range.since > range.until
    )
      return c.json(graphError('(#100) Invalid parameter', 100, 'OAuthException'), 400);
    const id = account.slice(4);
    const rows = datesBetween(range.since, range.until).flatMap((date) =>
      META_FAKE_CAMPAIGNS.map((m) => ({
        campaign_id: m.id,
        campaign_name: m.name,
        ...metaFakeDay(id, m.id, date),
        date_start: date,
        date_stop: date,
      })),
    );
    return c.json(page(c.req.url, rows, limit, after));
  });
  return app;
}
