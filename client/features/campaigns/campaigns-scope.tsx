import { createContext, useContext, type ReactNode } from 'react';
import { campaignPaths } from './paths.ts';

/**
 * Whose campaigns the campaigns screens show, and where their links go. The client user's screens use the
 * default: their own company's campaigns, with the leads on their device counted per campaign (CPL), under
 * `/inicio/campanhas`. Staff open the same screens for any customer (`/clientes/:id/campanhas`,
 * features/staff-portal): staff devices sync `campaigns`, so the screens still read the device (offline too);
 * only the leads per campaign come from the staff endpoint, so offline they are unknown and shown as such.
 */
export interface CampaignsScope {
  readonly customerId: string;
  /** Leads per campaign id; null when unknown (staff offline): CPL and the lead count show "—". */
  readonly leadCounts: ReadonlyMap<string, number> | null;
  readonly paths: { readonly list: string; campaign(id: string): string };
  /** The page's `<h1>` instead of the client's own ("Campanhas — TechCorp LTDA"). */
  readonly title?: string;
  /** The line under it instead of the client's own ("Suas campanhas…"). */
  readonly description?: string;
  /** Shown at the top of the page (the staff view's way back to the customer). */
  readonly banner?: ReactNode;
}

const CampaignsScopeContext = createContext<CampaignsScope | null>(null);

export function CampaignsScopeProvider({ value, children }: { value: CampaignsScope; children: ReactNode }) {
  return <CampaignsScopeContext.Provider value={value}>{children}</CampaignsScopeContext.Provider>;
}

/** The staff view's scope, or null on the client's own screens. */
export const useProvidedCampaignsScope = (): CampaignsScope | null => useContext(CampaignsScopeContext);

export const CLIENT_CAMPAIGN_PATHS: CampaignsScope['paths'] = {
  list: campaignPaths.list,
  campaign: campaignPaths.campaign,
};
