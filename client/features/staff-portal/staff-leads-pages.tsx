import { useMemo } from 'react';
import type { Customer } from '../../../shared/entities/customer.ts';
import { Page } from '../../ui/page.tsx';
import { LeadDetailPage } from '../leads/lead-detail-page.tsx';
import { LeadsScopeProvider, type LeadsScope } from '../leads/leads-scope.tsx';
import { PipelinePage } from '../leads/pipeline-page.tsx';
import { useStaffPortalText } from './i18n.ts';
import { staffCampaignPath, staffLeadPath, staffLeadsPath } from './paths.ts';
import { StaffBar, StaffNotFound, StaffOnlineState, WithStaffCustomer } from './staff-customer.tsx';
import { useStaffLeads } from './staff-leads.ts';

/**
 * `/clientes/:customerId/leads` and `/clientes/:customerId/leads/:leadId` — the client portal's own pipeline and
 * lead screens (features/leads) for one customer, as staff see them: the leads read online through the staff
 * endpoint (not synced to staff devices), read-only (staff cannot write leads: the board has no handles, the
 * stage and log forms are absent, and the bar says so), links kept under `/clientes/:id/…`. Offline the screen
 * says the leads need a connection rather than showing an empty pipeline.
 */
export function StaffPipelinePage() {
  return (
    <WithStaffCustomer>
      {(customer) => <StaffLeads customer={customer} screen="pipeline" />}
    </WithStaffCustomer>
  );
}

export function StaffLeadDetailPage() {
  return (
    <WithStaffCustomer>{(customer) => <StaffLeads customer={customer} screen="lead" />}</WithStaffCustomer>
  );
}

function StaffLeads({ customer, screen }: { customer: Customer; screen: 'pipeline' | 'lead' }) {
  const text = useStaffPortalText();
  const { state, retry } = useStaffLeads(customer.id);
  const banner = <StaffBar customer={customer} note={text.readOnly} />;
  const title = text.leadsTitle(customer.name);
  const leads = state.kind === 'ok' ? state.data : null;
  const scope = useMemo<LeadsScope | null>(
    () =>
      leads === null
        ? null
        : {
            customerId: customer.id,
            leads: { value: leads, ready: true },
            readOnly: true,
            paths: {
              pipeline: staffLeadsPath(customer.id),
              // Staff never reach these (read-only); the pipeline stands in so no link can lead nowhere.
              new: staffLeadsPath(customer.id),
              edit: (id) => staffLeadPath(customer.id, id),
              lead: (id) => staffLeadPath(customer.id, id),
              campaign: (id) => staffCampaignPath(customer.id, id),
            },
            title,
            description: text.leadsDescription,
            banner,
          },
    // `banner` and `title` follow the customer and the language (text).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [leads, customer.id, customer.name, text],
  );

  if (state.kind === 'not_found') return <StaffNotFound />;
  if (scope === null)
    return (
      <Page title={title}>
        <StaffBar customer={customer} />
        {state.kind !== 'ok' ? (
          <StaffOnlineState state={state} retry={retry} loading={text.loading} offline={text.offline} />
        ) : null}
      </Page>
    );
  return (
    <LeadsScopeProvider value={scope}>
      {screen === 'pipeline' ? <PipelinePage /> : <LeadDetailPage />}
    </LeadsScopeProvider>
  );
}
