/**
 * In-app routes the demo data links to (notification `url`, action card `url`). One place, so the client's
 * router and the demo data can be aligned by editing a single file. Every route is a same-origin path.
 */
export const demoRoutes = {
  customer: (id: string) => `/customers/${id}`,
  atRisk: () => '/customers/at-risk',
  portalHome: () => '/portal',
  goals: () => '/portal/goals',
  leads: () => '/portal/leads',
  lead: (id: string) => `/portal/leads/${id}`,
  campaigns: () => '/portal/campaigns',
  campaign: (id: string) => `/portal/campaigns/${id}`,
  invoices: () => '/portal/invoices',
  invoice: (id: string) => `/portal/invoices/${id}`,
  tickets: () => '/portal/support',
  ticket: (id: string) => `/portal/support/${id}`,
  staffTicket: (id: string) => `/tickets/${id}`,
  meetings: () => '/portal/account-manager',
  content: (slug: string) => `/portal/content/${slug}`,
  performance: () => '/portal/performance',
} as const;
