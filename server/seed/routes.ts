/**
 * In-app routes the demo data links to (notification `url`, action card `url`), in the app's pt-BR URL scheme
 * (client/app/paths.ts). Invariant: each one is a screen of a feature the recipient's role may open —
 * e2e/journeys/demo-links.e2e.test.ts visits every link the seeded server holds (notifications, action cards)
 * and fails for each one that does not open its own screen. A link to a path no screen claims would still open
 * the closest one above it on a device (client/app/paths.ts `openablePath`), but must not be seeded.
 */
export const demoRoutes = {
  customer: (id: string) => `/clientes/${id}`,
  atRisk: () => '/clientes?saude=risco',
  portalHome: () => '/inicio',
  goals: () => '/inicio/metas',
  leads: () => '/inicio/leads',
  lead: (id: string) => `/inicio/leads/${id}`,
  campaigns: () => '/inicio/campanhas',
  campaign: (id: string) => `/inicio/campanhas/${id}`,
  invoices: () => '/inicio/faturas',
  invoice: (id: string) => `/inicio/faturas/${id}`,
  tickets: () => '/inicio/tickets',
  ticket: (id: string) => `/inicio/tickets/${id}`,
  staffTicket: (id: string) => `/atendimento/tickets/${id}`,
  meetings: () => '/inicio',
  content: (slug: string) => `/inicio/conteudo/${slug}`,
  performance: () => '/inicio/desempenho',
} as const;
