/**
 * The campaigns area's URLs under the portal's `/inicio` (pt-BR, stable: the demo data's action cards link to
 * `/inicio/campanhas` and `/inicio/campanhas/<id>`). Import-free so the service worker can read `deepLinks`.
 */
const CAMPAIGNS = '/inicio/campanhas';

export const campaignPaths = {
  list: CAMPAIGNS,
  /** The route pattern of one campaign (`campaign(id)` builds its URL). */
  detail: `${CAMPAIGNS}/:campaignId`,
  campaign: (id: string) => `${CAMPAIGNS}/${encodeURIComponent(id)}`,
} as const;

export const deepLinks: readonly string[] = [campaignPaths.list];
