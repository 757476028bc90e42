import { mergeMetricDay } from '../../shared/domain/imports/csv-import.ts';
import { campaignDaySchema, type Campaign, type Metrics } from '../../shared/entities/portal.ts';
import { readDocuments } from '../db/index.ts';
import type { ServerWriteTransaction } from '../sync/server-writes.ts';
import type { SourceImport } from './adapter.ts';

/** campaignSchema's bound on `daily`: the oldest days give way. */
const MAX_CAMPAIGN_DAYS = 400;

/**
 * Stores what a source returned (inside a server-write transaction: system identity, organization lock, change
 * published). An idempotent upsert, like the CSV import it shares `mergeMetricDay` with:
 * - metrics: each day is merged into its customer-month document by date; fields the source does not provide
 *   (ad spend, leads, score) keep their stored value;
 * - campaigns: matched by platform + provider id (`externalId`); name, status and daily budget refreshed, days
 *   replaced by date; a campaign seen for the first time is created.
 * A document that comes out equal is not written, so importing the same window twice writes nothing.
 * Returns the number of documents written.
 */
export async function applySourceImport(
  tx: ServerWriteTransaction,
  target: { readonly organizationId: string; readonly customerId: string },
  data: SourceImport,
  now: string,
  newId: () => string,
): Promise<number> {
  const where = {
    where: 'organization_id = $1 AND customer_id = $2 AND NOT deleted',
    params: [target.organizationId, target.customerId],
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (data.kind === 'metrics') {
    const stored = (await readDocuments(tx.client, 'metrics', where)).map((s) => s.doc);
    const byMonth = new Map(stored.map((doc) => [doc.month, doc]));
    const touched = new Map<string, Metrics>();
    for (const { date, ...raw } of data.days) {
      const month = date.slice(0, 7);
      const doc = touched.get(month) ??
        byMonth.get(month) ?? {
          id: newId(),
          updatedAt: now,
          serverSeq: 0,
          clientUpdatedAt: now,
          customerId: target.customerId,
          month,
          days: [],
        };
      const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null && v !== undefined));
      const before = doc.days.find((d) => d.date === date);
      const day = mergeMetricDay(before, { line: 0, date, values });
      if (before && same(before, day)) continue;
      const days = [...doc.days.filter((d) => d.date !== date), day].sort((a, b) =>
        a.date.localeCompare(b.date),
      );
      touched.set(month, { ...doc, days, clientUpdatedAt: now });
    }
    if (touched.size > 0) await tx.write('metrics', [...touched.values()]);
    return touched.size;
  }

  const stored = (await readDocuments(tx.client, 'campaigns', where)).map((s) => s.doc);
  const byExternal = new Map(
    stored.filter((c) => c.platform === data.platform && c.externalId).map((c) => [c.externalId!, c]),
  );
  const changed: Campaign[] = [];
  for (const item of data.campaigns) {
    const found = byExternal.get(item.externalId);
    const firstDay = [...item.days].map((d) => d.date).sort()[0] ?? now.slice(0, 10);
    const base: Campaign = found ?? {
      id: newId(),
      updatedAt: now,
      serverSeq: 0,
      clientUpdatedAt: now,
      customerId: target.customerId,
      name: item.name,
      platform: data.platform,
      type: item.type,
      // A month at the daily budget: the portal's budget bar needs a total and the providers give a daily one.
      budgetCents: (item.dailyBudgetCents ?? 0) * 30,
      dailyBudgetCents: item.dailyBudgetCents,
      status: item.status,
      startDate: item.startDate ?? firstDay,
      endDate: null,
      externalId: item.externalId,
      daily: [],
      abTests: [],
    };
    const days = new Map(base.daily.map((d) => [d.date, d]));
    for (const day of item.days) days.set(day.date, campaignDaySchema.parse(day));
    const daily = [...days.values()].sort((a, b) => a.date.localeCompare(b.date)).slice(-MAX_CAMPAIGN_DAYS);
    const next: Campaign = {
      ...base,
      name: item.name.slice(0, 200) || base.name,
      status: item.status,
      dailyBudgetCents: item.dailyBudgetCents ?? base.dailyBudgetCents,
      daily,
    };
    if (found && same(found, next)) continue;
    changed.push({ ...next, clientUpdatedAt: now });
  }
  if (changed.length > 0) await tx.write('campaigns', changed);
  return changed.length;
}
