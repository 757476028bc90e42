import type { Customer } from '../../shared/entities/customer.ts';
import type { Meeting, Ticket, TicketMessage } from '../../shared/entities/support.ts';
import type { PortalUser } from '../platform/local-writes.ts';

/**
 * Test data modelled on the seed's TechCorp (server/seed/support.ts): tickets #2847
 * "Ajuste em campanha" (resolved 2 h ago) and #2853 "Dúvida sobre relatório" (medium, opened 7 h ago,
 * unanswered: "Em andamento (SLA: 1h)"), account manager Ana Paula Souza.
 */
export const NOW = new Date('2026-11-21T12:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

export const ORG_ID = '0190a8e4-0000-7000-8000-0000000000aa';
export const CUSTOMER_ID = '0190a8e4-0000-7000-8000-0000000000cc';
export const CSM_ID = '0190a8e4-0000-7000-8000-000000000001';

export const clientPortalUser: PortalUser = {
  id: '0190a8e4-0000-7000-8000-000000000002',
  name: 'Carla Mendes',
  role: 'client',
  organizationId: ORG_ID,
  customerId: CUSTOMER_ID,
};

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A deterministic UUID v7-shaped id (n < 2^32). */
export const uid = (n: number) =>
  `0190a8e4-${hex(Math.floor(n / 65_536), 4)}-7000-8000-${hex(n % 65_536, 12)}`;
/** Minutes since the epoch: distinct instants of the fixtures give distinct ids. */
const minuteOf = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

export function message(over: Partial<TicketMessage> & Pick<TicketMessage, 'createdAt'>): TicketMessage {
  return {
    id: uid(minuteOf(over.createdAt)),
    senderType: 'client',
    senderId: clientPortalUser.id,
    senderName: clientPortalUser.name,
    body: 'Podem verificar?',
    ...over,
  };
}

export function ticket(over: Partial<Ticket> & Pick<Ticket, 'createdAt'>): Ticket {
  return {
    id: uid(minuteOf(over.createdAt)),
    updatedAt: over.createdAt,
    serverSeq: 1,
    clientUpdatedAt: over.createdAt,
    customerId: CUSTOMER_ID,
    number: 3000,
    subject: 'Dúvida',
    description: 'Podem verificar?',
    priority: 'medium',
    status: 'open',
    assignedTo: null,
    slaDeadline: null,
    firstResponseAt: null,
    resolvedAt: null,
    createdBy: clientPortalUser.id,
    messages: [message({ createdAt: over.createdAt })],
    channel: 'ticket',
    ...over,
  };
}

const support = (createdAt: string) =>
  message({ createdAt, senderType: 'support', senderId: CSM_ID, senderName: 'Ana Paula Souza', body: 'Ok!' });

/** TechCorp's tickets, as the seed builds them (SLA deadlines stamped by the shared rule's default policy). */
export function techCorpTickets(): Record<'t2790' | 't2831' | 't2847' | 't2853', Ticket> {
  return {
    t2790: ticket({
      number: 2790,
      subject: 'Integração com o CRM',
      priority: 'high',
      status: 'closed',
      createdAt: ago(58 * DAY),
      slaDeadline: ago(58 * DAY - 4 * HOUR),
      firstResponseAt: ago(58 * DAY - 95 * 60_000),
      resolvedAt: ago(57 * DAY),
      updatedAt: ago(57 * DAY),
      messages: [message({ createdAt: ago(58 * DAY) }), support(ago(58 * DAY - 95 * 60_000))],
    }),
    t2831: ticket({
      number: 2831,
      subject: 'Acesso de novo usuário',
      priority: 'low',
      status: 'resolved',
      createdAt: ago(8 * DAY),
      slaDeadline: ago(7 * DAY),
      firstResponseAt: ago(8 * DAY - 40 * 60_000),
      resolvedAt: ago(7 * DAY),
      updatedAt: ago(7 * DAY),
      messages: [message({ createdAt: ago(8 * DAY) }), support(ago(8 * DAY - 40 * 60_000))],
    }),
    t2847: ticket({
      number: 2847,
      subject: 'Ajuste em campanha',
      priority: 'high',
      status: 'resolved',
      createdAt: ago(26 * HOUR),
      slaDeadline: ago(22 * HOUR),
      firstResponseAt: ago(26 * HOUR - 50 * 60_000),
      resolvedAt: ago(2 * HOUR),
      updatedAt: ago(2 * HOUR),
      messages: [message({ createdAt: ago(26 * HOUR) }), support(ago(26 * HOUR - 50 * 60_000))],
    }),
    t2853: ticket({
      number: 2853,
      subject: 'Dúvida sobre relatório',
      priority: 'medium',
      status: 'in_progress',
      createdAt: ago(7 * HOUR),
      slaDeadline: ago(-1 * HOUR),
    }),
  };
}

export function customer(over: Partial<Customer> = {}): Customer {
  return {
    id: CUSTOMER_ID,
    updatedAt: ago(DAY),
    serverSeq: 1,
    clientUpdatedAt: ago(DAY),
    name: 'TechCorp Soluções',
    domain: 'techcorp.com.br',
    industry: 'Tecnologia',
    size: '51-200',
    location: 'São Paulo, SP',
    cnpj: null,
    status: 'active',
    tier: 'pro',
    mrrCents: 450_000,
    arrCents: 5_400_000,
    lifetimeValueCents: 9_000_000,
    activeUsers: 4,
    totalSeats: 10,
    lastLoginAt: null,
    csmId: CSM_ID,
    renewalDate: '2027-01-15',
    renewalType: 'auto_renew',
    customerSince: '2024-01-15',
    churnedAt: null,
    churnReason: null,
    notes: null,
    contacts: [],
    contracts: [],
    ...over,
  };
}

export function meeting(over: Partial<Meeting> & Pick<Meeting, 'scheduledAt'>): Meeting {
  return {
    id: uid(minuteOf(over.scheduledAt)),
    updatedAt: ago(DAY),
    serverSeq: 1,
    clientUpdatedAt: ago(DAY),
    customerId: CUSTOMER_ID,
    accountManagerId: CSM_ID,
    title: 'Reunião mensal de resultados',
    description: null,
    durationMinutes: 30,
    meetingLink: null,
    notes: null,
    status: 'scheduled',
    clientRequest: null,
    requestAnswer: null,
    completedAt: null,
    ...over,
  };
}
