/**
 * The staff view of a customer's portal screens, under the Customer 360 they are opened from (pt-BR, stable):
 * `/clientes/<id>/leads`, `/clientes/<id>/leads/<leadId>`, `/clientes/<id>/campanhas`,
 * `/clientes/<id>/campanhas/<campaignId>`, `/clientes/<id>/conteudo`. Import-free so the service worker can read `deepLinks`; the `/clientes`
 * prefix is declared by the customer features.
 */
const CUSTOMER = '/clientes/:customerId';

export const staffPortalPaths = {
  leads: `${CUSTOMER}/leads`,
  lead: `${CUSTOMER}/leads/:leadId`,
  campaigns: `${CUSTOMER}/campanhas`,
  campaign: `${CUSTOMER}/campanhas/:campaignId`,
  content: `${CUSTOMER}/conteudo`,
} as const;

const base = (customerId: string) => `/clientes/${encodeURIComponent(customerId)}`;

export const staffLeadsPath = (customerId: string) => `${base(customerId)}/leads`;
export const staffLeadPath = (customerId: string, leadId: string) =>
  `${base(customerId)}/leads/${encodeURIComponent(leadId)}`;
export const staffCampaignsPath = (customerId: string) => `${base(customerId)}/campanhas`;
export const staffCampaignPath = (customerId: string, campaignId: string) =>
  `${base(customerId)}/campanhas/${encodeURIComponent(campaignId)}`;

export const staffContentPath = (customerId: string) => `${base(customerId)}/conteudo`;

export const deepLinks: readonly string[] = [];
