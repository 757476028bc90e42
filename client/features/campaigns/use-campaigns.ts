import { useMemo } from 'react';
import type { MangoQuery } from 'rxdb';
import {
  campaignPerformance,
  type CampaignPerformance,
} from '../../../shared/domain/portal/campaign-metrics.ts';
import { localDateOf } from '../../../shared/domain/portal/time.ts';
import type { Campaign } from '../../../shared/entities/portal.ts';
import { useDeviceUser, useLiveDocuments, type Live } from '../../db/device-data.tsx';
import { useFormat } from '../../platform/use-format.ts';
import { useNow } from '../../platform/use-now.ts';
import { useMyLeads } from '../leads/use-my-leads.ts';
import { useProvidedCampaignsScope } from './campaigns-scope.tsx';

/**
 * The client's campaigns with their figures (the shared `campaignPerformance`: today is the calendar date in
 * the user's time zone, CPL counts the leads on the device attributed to each campaign), from the device
 * database only. Active campaigns first, then by start date, newest first. On the staff view
 * (`CampaignsScope`) the customer is the scope's and the leads per campaign the scope's counts.
 */
export interface CampaignView {
  readonly campaign: Campaign;
  readonly performance: CampaignPerformance;
  /** False when the leads per campaign are unknown (staff offline): CPL and the lead count are not shown. */
  readonly leadsKnown: boolean;
}

export function useCampaigns(): Live<readonly CampaignView[]> {
  const scope = useProvidedCampaignsScope();
  const deviceCustomerId = useDeviceUser()?.customerId ?? '';
  const customerId = scope?.customerId ?? deviceCustomerId;
  const { timeZone } = useFormat();
  const now = useNow(60_000);
  const query = useMemo<MangoQuery<Campaign>>(
    () => ({ selector: { customerId: { $eq: customerId } } }),
    [customerId],
  );
  const { docs, ready } = useLiveDocuments('campaigns', query);
  const leads = useMyLeads();
  const today = localDateOf(now.getTime(), timeZone);
  const value = useMemo(() => {
    const counted = new Map<string, number>();
    for (const l of leads.value)
      if (l.campaignId) counted.set(l.campaignId, (counted.get(l.campaignId) ?? 0) + 1);
    const leadsOf = scope ? scope.leadCounts : counted;
    return [...docs]
      .sort(
        (a, b) =>
          Number(b.status === 'active') - Number(a.status === 'active') ||
          b.startDate.localeCompare(a.startDate),
      )
      .map((campaign) => ({
        campaign,
        performance: campaignPerformance({ campaign, today, leads: leadsOf?.get(campaign.id) ?? 0 }),
        leadsKnown: leadsOf !== null,
      }));
  }, [docs, leads.value, today, scope]);
  return { value, ready };
}
