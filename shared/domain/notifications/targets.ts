/**
 * The in-app path each notification opens (docs/api.md "Push message"). These mirror the features' `paths.ts`
 * (client/features/tickets, chat, performance, money, support-queue, customer-360, portal-home) — `shared/` cannot import the client, so
 * a change of those URLs must change these too (they are stable once shipped: docs/architecture.md §14.2). A trigger whose own screen does not exist yet opens the
 * closest existing one (the client portal's home), never a page that is not there.
 */
const enc = encodeURIComponent;

export const notificationTargets = {
  /** The client portal's home: goals, campaigns, leads, invoices, meetings and content all show there. */
  clientHome: () => '/inicio',
  clientTicket: (ticketId: string) => `/inicio/tickets/${enc(ticketId)}`,
  /** Campaigns' figures and the month's outlook (client/features/performance). */
  performance: () => '/inicio/desempenho',
  invoice: (invoiceId: string) => `/inicio/faturas/${enc(invoiceId)}`,
  customer: (customerId: string) => `/clientes/${enc(customerId)}`,
  staffTicket: (ticketId: string) => `/atendimento/tickets/${enc(ticketId)}`,
  /** The client's chat with the agency (client/features/chat: one chat per customer). */
  clientChat: () => '/inicio/chat',
  staffChat: (ticketId: string) => `/atendimento/chats/${enc(ticketId)}`,
  meetingRequests: () => '/atendimento/reunioes',
} as const;
