import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lead } from '../../../shared/entities/portal.ts';
import type { Live } from '../../db/device-data.tsx';
import { useDeviceUser } from '../../db/device-data.tsx';
import { campaignPaths } from '../campaigns/paths.ts';
import { leadPaths } from './paths.ts';
import { useMyLeads } from './use-my-leads.ts';

/**
 * Whose leads the leads screens show, and where their links go. The client user's screens use the default: the
 * leads of their own company from the device database, writable, under `/inicio/leads`. Staff open the same
 * screens for any customer (`/clientes/:id/leads`, features/staff-portal) by providing a scope: that customer's
 * leads read online through the staff endpoint (staff devices do not sync leads), read-only, with staff URLs —
 * so the screens are reused, not copied.
 */
export interface LeadsScope {
  readonly customerId: string;
  readonly leads: Live<readonly Lead[]>;
  /** Staff: no moves, no forms (their access to leads is read-only); the page says so in `banner`. */
  readonly readOnly: boolean;
  readonly paths: {
    readonly pipeline: string;
    readonly new: string;
    lead(id: string): string;
    edit(id: string): string;
    campaign(id: string): string;
  };
  /** The page's `<h1>` instead of the client's own ("Leads — TechCorp LTDA"). */
  readonly title?: string;
  /** The line under it instead of the client's own ("Seu funil de vendas: arraste…"). */
  readonly description?: string;
  /** Shown at the top of the page (the staff view's way back to the customer and its read-only note). */
  readonly banner?: ReactNode;
}

const LeadsScopeContext = createContext<LeadsScope | null>(null);

export function LeadsScopeProvider({ value, children }: { value: LeadsScope; children: ReactNode }) {
  return <LeadsScopeContext.Provider value={value}>{children}</LeadsScopeContext.Provider>;
}

const CLIENT_PATHS: LeadsScope['paths'] = {
  pipeline: leadPaths.pipeline,
  new: leadPaths.new,
  lead: leadPaths.lead,
  edit: leadPaths.edit,
  campaign: campaignPaths.campaign,
};

/** The provided scope, or the client user's own (device leads, writable). */
export function useLeadsScope(): LeadsScope {
  const provided = useContext(LeadsScopeContext);
  // Always called (hooks' order); a staff device has no `leads` collection, so this stays empty there.
  const mine = useMyLeads();
  const customerId = useDeviceUser()?.customerId ?? '';
  const { value, ready } = mine;
  return useMemo(
    () => provided ?? { customerId, leads: { value, ready }, readOnly: false, paths: CLIENT_PATHS },
    [provided, customerId, value, ready],
  );
}
