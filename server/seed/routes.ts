/**
 * In-app routes the demo data links to (notification `url`, action card `url`), in the app's pt-BR URL scheme
 * (client/app/paths.ts). Screens that exist today: `/clientes` (+ `?saude=risco`, `/:id`), `/inicio`,
 * `/inicio/tickets[/:id]`, `/atendimento/tickets/:id`. The others are the paths those features will take,
 * inside the same areas, so the service worker's allow-list already accepts them; until a screen exists the
 * app opens the closest one above it (client/app/paths.ts `openablePath`). e2e/journeys/demo-links.e2e.test.ts
 * visits every link the seeded server holds (notifications, action cards) and fails for each one with no screen.
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
