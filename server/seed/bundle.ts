import { buildActivities } from './activities.ts';
import { buildInvoices } from './billing.ts';
import type { BuiltCustomer, OrgContext } from './context.ts';
import { buildCustomer, customerContext } from './customer-doc.ts';
import { buildHealth } from './health.ts';
import { buildCampaigns, buildLeads } from './marketing.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/portal/time.ts';
import { buildMetrics } from './metrics.ts';
import { buildActions, buildGoals, buildMeetings } from './portal.ts';
import type { CustomerPlan, NamedFacts } from './portfolio.ts';
import { calibrateTechCorpScore } from './score-calibration.ts';
import { buildAlertSignals, buildExpansionSignals } from './signals.ts';
import { buildTickets } from './support.ts';
import type { DemoDocuments } from './types.ts';

/** Every customer-scoped document of one customer. */
export type CustomerDocuments = Pick<
  DemoDocuments,
  | 'customers'
  | 'invoices'
  | 'goals'
  | 'actions'
  | 'tickets'
  | 'meetings'
  | 'metrics'
  | 'campaigns'
  | 'health'
  | 'signals'
  | 'activities'
  | 'leads'
>;

export interface CustomerBundle {
  built: BuiltCustomer;
  documents: CustomerDocuments;
}

/**
 * Generates one customer and all its children from the customer's own random stream, in a fixed order (the
 * order is part of the determinism contract: reordering these calls changes every later draw).
 */
export function buildCustomerBundle(
  org: OrgContext,
  plan: CustomerPlan,
  facts: NamedFacts | null,
): CustomerBundle {
  const { built, billing, oneTime } = buildCustomer(customerContext(org, plan, facts));
  const { invoices, collectedCents } = buildInvoices(built, billing, oneTime);
  // Server-derived (total collected); set here so the list shows the right LTV before any job runs.
  built.customer.lifetimeValueCents = collectedCents;
  const metrics = buildMetrics(built);
  const campaigns = buildCampaigns(built);
  const leads = buildLeads(built, campaigns);
  const goals = buildGoals(built, metrics);
  const actions = buildActions(built, invoices, campaigns);
  if (facts?.key === 'techcorp') {
    const { cal } = org;
    calibrateTechCorpScore({
      today: cal.date(cal.today),
      timeZone: DEFAULT_TIME_ZONE,
      metrics,
      campaigns,
      goals,
      actions,
    });
  }
  const meetings = buildMeetings(built);
  const tickets = buildTickets(built);
  const activities = buildActivities(built, { tickets, meetings, invoices });
  const expansion = buildExpansionSignals(built);
  const result = buildHealth(built, {
    customer: built.customer,
    metrics,
    activities,
    tickets,
    invoices,
    meetings,
    signals: expansion,
  });
  const signals = [...buildAlertSignals(built, result), ...expansion, ...result.detected];
  return {
    built,
    documents: {
      customers: [built.customer],
      invoices,
      goals,
      actions,
      tickets,
      meetings,
      metrics,
      campaigns,
      health: [result.health],
      signals,
      activities,
      leads,
    },
  };
}
