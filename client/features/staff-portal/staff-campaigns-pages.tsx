import { useMemo } from 'react';
import type { Customer } from '../../../shared/entities/customer.ts';
import { CampaignDetailPage } from '../campaigns/campaign-detail-page.tsx';
import { CampaignsPage } from '../campaigns/campaigns-page.tsx';
import { CampaignsScopeProvider, type CampaignsScope } from '../campaigns/campaigns-scope.tsx';
import { useStaffPortalText } from './i18n.ts';
import { staffCampaignPath, staffCampaignsPath } from './paths.ts';
import { StaffBar, WithStaffCustomer } from './staff-customer.tsx';
import { useStaffLeads } from './staff-leads.ts';

/**
 * `/clientes/:customerId/campanhas` and `/clientes/:customerId/campanhas/:campaignId` — the client portal's own
 * campaigns screens (features/campaigns: figures, status, the daily charts, the A/B tests' verdicts) for one
 * customer, as staff see them. Staff devices sync `campaigns`, so these read the device and open offline; only
 * the leads per campaign (CPL, the lead count) come from the staff leads endpoint, and offline they show "—"
 * with a note. Nothing to write here for staff ("Implementar" is the client's request to the agency).
 */
export function StaffCampaignsPage() {
  return (
    <WithStaffCustomer>
      {(customer) => <StaffCampaigns customer={customer} screen="list" />}
    </WithStaffCustomer>
  );
}

export function StaffCampaignDetailPage() {
  return (
    <WithStaffCustomer>
      {(customer) => <StaffCampaigns customer={customer} screen="campaign" />}
    </WithStaffCustomer>
  );
}

function StaffCampaigns({ customer, screen }: { customer: Customer; screen: 'list' | 'campaign' }) {
  const text = useStaffPortalText();
  const { state } = useStaffLeads(customer.id);
  const leads = state.kind === 'ok' ? state.data : null;
  const unknown = state.kind === 'offline' || state.kind === 'failed';
  const scope = useMemo<CampaignsScope>(() => {
    let leadCounts: Map<string, number> | null = null;
    if (leads !== null) {
      leadCounts = new Map();
      for (const l of leads)
        if (l.campaignId) leadCounts.set(l.campaignId, (leadCounts.get(l.campaignId) ?? 0) + 1);
    }
    return {
      customerId: customer.id,
      leadCounts,
      paths: {
        list: staffCampaignsPath(customer.id),
        campaign: (id) => staffCampaignPath(customer.id, id),
      },
      title: text.campaignsTitle(customer.name),
      description: text.campaignsDescription,
      banner: <StaffBar customer={customer} note={unknown ? text.leadsUnknown : undefined} />,
    };
  }, [leads, customer, text, unknown]);
  return (
    <CampaignsScopeProvider value={scope}>
      {screen === 'list' ? <CampaignsPage /> : <CampaignDetailPage />}
    </CampaignsScopeProvider>
  );
}
