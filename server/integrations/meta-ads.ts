import { z } from 'zod';
import type { Campaign, CampaignDay } from '../../shared/entities/portal.ts';
import type { CampaignImport, SourceAdapter } from './adapter.ts';
import { SourceError, type SourceHttp } from './http.ts';

/**
 * Meta Ads through the Marketing API: `act_{id}/insights` with `level=campaign&time_increment=1` for the daily
 * impressions, clicks, spend, conversions and conversion value; `act_{id}/campaigns` for each campaign's status and
 * daily budget. Both are followed page by page through `paging.next`. The token goes in the Authorization header
 * (Graph accepts it there), never in a URL that could reach a log.
 *
 * Mapping: spend and action values are in the account's currency units → cents; budgets are already in minor
 * units; conversions = the `purchase` and `lead` actions (what an agency's clients sell through Meta), conversion
 * value = `purchase` action values. effective_status ACTIVE → active, PAUSED/CAMPAIGN_PAUSED → paused, the rest
 * (DELETED, ARCHIVED…) → completed.
 */
export const META_DEFAULT_BASE_URL = 'https://graph.facebook.com';
export const META_API_VERSION = 'v23.0';
const CONVERSION_ACTIONS = new Set(['purchase', 'lead']);
const PAGE_LIMIT = 200;
/** A runaway `next` chain stops here (200 × 50 = 10,000 rows: 28 days of 357 campaigns). */
const MAX_PAGES = 50;

const action = z.object({ action_type: z.string(), value: z.union([z.string(), z.number()]) });
const pageSchema = <T extends z.ZodType>(row: T) =>
  z.object({
    data: z.array(row),
    paging: z.object({ next: z.string().optional() }).optional(),
  });
const insightSchema = z.object({
  campaign_id: z.string(),
  campaign_name: z.string().default(''),
  impressions: z.union([z.string(), z.number()]).optional(),
  clicks: z.union([z.string(), z.number()]).optional(),
  spend: z.union([z.string(), z.number()]).optional(),
  actions: z.array(action).optional(),
  action_values: z.array(action).optional(),
  date_start: z.iso.date(),
});
const campaignSchema = z.object({
  id: z.string(),
  name: z.string().default(''),
  effective_status: z.string().optional(),
  status: z.string().optional(),
  daily_budget: z.union([z.string(), z.number()]).optional(),
  start_time: z.string().optional(),
});

const num = (v: string | number | undefined) => (v === undefined ? 0 : Number(v) || 0);
const STATUS = (s: string | undefined): Campaign['status'] =>
  s === 'ACTIVE'
    ? 'active'
    : s === 'PAUSED' || s === 'CAMPAIGN_PAUSED' || s === 'ADSET_PAUSED'
      ? 'paused'
      : 'completed';

async function allPages<T>(
  http: SourceHttp,
  first: string,
  token: string,
  schema: z.ZodType<{ data: T[]; paging?: { next?: string | undefined } | undefined }>,
  base: string,
) {
  const out: T[] = [];
  let url: string | undefined = first;
  for (let i = 0; url && i < MAX_PAGES; i++) {
    // Follow `next` only on the configured host: a forged URL must not receive the token.
    if (!url.startsWith(base)) throw new SourceError('Meta paging pointed outside the API', null, false);
    const page: { data: T[]; paging?: { next?: string | undefined } | undefined } = await http.json(
      url,
      { headers: { authorization: `Bearer ${token}` } },
      (body) => {
        const parsed = schema.safeParse(body);
        if (!parsed.success) throw new SourceError('Meta answered a page of an unknown shape', null, false);
        return parsed.data;
      },
    );
    out.push(...page.data);
    url = page.paging?.next;
  }
  return out;
}

export function createMetaAdsAdapter(options: { readonly baseUrl: string }): SourceAdapter {
  const base = options.baseUrl.replace(/\/$/, '');
  return {
    source: 'meta_ads',
    async fetch(request, http) {
      const account = `act_${request.accountId.replace(/^act_/, '')}`;
      const insightsUrl = new URL(`${base}/${META_API_VERSION}/${account}/insights`);
      insightsUrl.searchParams.set('level', 'campaign');
      insightsUrl.searchParams.set('time_increment', '1');
      insightsUrl.searchParams.set('time_range', JSON.stringify({ since: request.from, until: request.to }));
      insightsUrl.searchParams.set(
        'fields',
        'campaign_id,campaign_name,impressions,clicks,spend,actions,action_values,date_start,date_stop',
      );
      insightsUrl.searchParams.set('limit', String(PAGE_LIMIT));
      const campaignsUrl = new URL(`${base}/${META_API_VERSION}/${account}/campaigns`);
      campaignsUrl.searchParams.set('fields', 'id,name,effective_status,daily_budget,start_time');
      campaignsUrl.searchParams.set('limit', String(PAGE_LIMIT));

      const insights = await allPages(
        http,
        insightsUrl.toString(),
        request.token,
        pageSchema(insightSchema),
        base,
      );
      const settings = await allPages(
        http,
        campaignsUrl.toString(),
        request.token,
        pageSchema(campaignSchema),
        base,
      );
      const byId = new Map(settings.map((s) => [s.id, s]));
      const days = new Map<string, { name: string; days: CampaignDay[] }>();
      for (const row of insights) {
        const entry = days.get(row.campaign_id) ?? { name: row.campaign_name, days: [] };
        const sum = (list: z.infer<typeof action>[] | undefined, pick: (type: string) => boolean) =>
          (list ?? []).filter((a) => pick(a.action_type)).reduce((n, a) => n + num(a.value), 0);
        entry.days.push({
          date: row.date_start,
          impressions: Math.round(num(row.impressions)),
          clicks: Math.round(num(row.clicks)),
          spendCents: Math.max(0, Math.round(num(row.spend) * 100)),
          conversions: Math.round(sum(row.actions, (t) => CONVERSION_ACTIONS.has(t))),
          revenueCents: Math.max(0, Math.round(sum(row.action_values, (t) => t === 'purchase') * 100)),
        });
        days.set(row.campaign_id, entry);
      }
      const ids = new Set([...days.keys(), ...byId.keys()]);
      const campaigns: CampaignImport[] = [...ids].map((id) => {
        const s = byId.get(id);
        const budget = s?.daily_budget === undefined ? null : Math.round(num(s.daily_budget));
        const start = s?.start_time?.slice(0, 10);
        return {
          externalId: id,
          name: s?.name || days.get(id)?.name || id,
          status: STATUS(s?.effective_status ?? s?.status),
          type: 'social',
          dailyBudgetCents: budget,
          startDate: start && /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : null,
          days: days.get(id)?.days ?? [],
        };
      });
      return { kind: 'campaigns', platform: 'meta_ads', campaigns };
    },
  };
}
