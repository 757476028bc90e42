import { z } from 'zod';
import { idSchema, isoDateTime, longText, shortText, syncedFields } from './common.ts';

export const ticketPrioritySchema = z.enum(['low', 'medium', 'high', 'urgent']);
export type TicketPriority = z.infer<typeof ticketPrioritySchema>;
/** In precedence order for conflict resolution: a later status wins over an earlier one. */
export const TICKET_STATUSES = ['open', 'in_progress', 'waiting_client', 'resolved', 'closed'] as const;
export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketMessageSchema = z.strictObject({
  id: idSchema,
  senderType: z.enum(['client', 'support']),
  senderId: idSchema,
  senderName: z.string().max(200),
  body: z.string().trim().min(1).max(10_000),
  createdAt: isoDateTime,
});
export type TicketMessage = z.infer<typeof ticketMessageSchema>;

/**
 * `ticket`: a support ticket (§7A, SLA and number); `chat`: a conversation with the agency (§7B,
 * shared/domain/portal/chat.ts) — no SLA deadline, never listed as a ticket. Set at creation, never changed.
 */
export const TICKET_CHANNELS = ['ticket', 'chat'] as const;
export const ticketChannelSchema = z.enum(TICKET_CHANNELS);
export type TicketChannel = z.infer<typeof ticketChannelSchema>;

/** A support ticket with its conversation embedded (client dashboard §7A), or a chat (§7B, `channel`). */
export const ticketSchema = z.strictObject({
  ...syncedFields,
  customerId: idSchema,
  /** Human number such as 2847; server-assigned on first accepted push (null until then). */
  number: z.number().int().positive().nullable(),
  subject: shortText,
  description: longText,
  priority: ticketPrioritySchema,
  status: ticketStatusSchema,
  assignedTo: idSchema.nullable(),
  /** Server-owned: derived from priority and creation time by the shared SLA rule. */
  slaDeadline: isoDateTime.nullable(),
  firstResponseAt: isoDateTime.nullable(),
  resolvedAt: isoDateTime.nullable(),
  createdBy: idSchema.nullable(),
  createdAt: isoDateTime,
  messages: z.array(ticketMessageSchema).max(1000),
  /** Defaults to `ticket` so a document written before protocol 10 (no field) is still a ticket. */
  channel: ticketChannelSchema.default('ticket'),
});
export type Ticket = z.infer<typeof ticketSchema>;
export const TICKET_SERVER_OWNED = ['number', 'slaDeadline'] as const;

export const meetingStatusSchema = z.enum(['scheduled', 'completed', 'rescheduled', 'cancelled']);

/** What a client user may write on a meeting: a request the account manager then acts on. */
export const meetingClientRequestSchema = z.strictObject({
  type: z.enum(['reschedule', 'cancel']),
  proposedAt: isoDateTime.nullable(),
  reason: z.string().max(1000).nullable(),
  requestedAt: isoDateTime,
  requestedBy: idSchema,
});
export type MeetingClientRequest = z.infer<typeof meetingClientRequestSchema>;

/**
 * The agency's answer to the last client request (staff-written, shown on the client's device;
 * shared/domain/portal/meeting-request.ts). `accepted`: done as asked (cancelled, or moved to the proposed
 * time); `new_time`: moved to a time the agency chose.
 */
export const meetingRequestAnswerSchema = z.strictObject({
  outcome: z.enum(['accepted', 'new_time']),
  requestType: z.enum(['reschedule', 'cancel']),
  /** `requestedAt` of the request answered: a newer request is never taken as answered. */
  requestedAt: isoDateTime,
  /** The meeting's time after the answer; null when it was cancelled. */
  scheduledAt: isoDateTime.nullable(),
  message: z.string().min(1).max(1000).nullable(),
  answeredAt: isoDateTime,
  answeredBy: idSchema,
});
export type MeetingRequestAnswer = z.infer<typeof meetingRequestAnswerSchema>;

export const meetingSchema = z.strictObject({
  ...syncedFields,
  customerId: idSchema,
  accountManagerId: idSchema,
  title: shortText,
  description: longText.nullable(),
  scheduledAt: isoDateTime,
  durationMinutes: z.number().int().min(5).max(600),
  meetingLink: z.url().max(500).nullable(),
  notes: longText.nullable(),
  status: meetingStatusSchema,
  /** What a client user may write: a request the account manager then acts on. */
  clientRequest: meetingClientRequestSchema.nullable(),
  completedAt: isoDateTime.nullable(),
  /**
   * The agency's answer to the last request (null until one is answered). Defaults to null so an app of
   * protocol version 2, which does not know the field, is still served (docs/sync-protocol.md "Versioning").
   */
  requestAnswer: meetingRequestAnswerSchema.nullable().default(null),
});
export type Meeting = z.infer<typeof meetingSchema>;

/**
 * Notification triggers (docs/domain-client.md "Notifications"): the client dashboard spec's eight (§ Sistema de
 * Notificações) and the staff alerts. Who receives which, and on which channels, is
 * shared/domain/notifications/types.ts.
 */
export const NOTIFICATION_TYPES = [
  // clients
  'conversion',
  'goal_reached',
  'campaign_anomaly',
  'qualified_lead',
  'ticket_answered',
  'chat_reply',
  'meeting_reminder',
  'invoice_due',
  'new_article',
  // staff
  'customer_critical',
  'risk_alert',
  'renewal_due',
  'sla_breach',
  'meeting_request',
  'ticket_created',
  'chat_message',
] as const;
export const notificationTypeSchema = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof notificationTypeSchema>;

/** One inbox item of one user. */
export const notificationSchema = z.strictObject({
  ...syncedFields,
  userId: idSchema,
  type: notificationTypeSchema,
  title: shortText,
  body: z.string().max(1000),
  /** In-app route to open (same origin, allow-listed prefix). */
  url: z
    .string()
    .regex(/^\/[^/\\]/, 'must be an in-app path')
    .max(500),
  readAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type Notification = z.infer<typeof notificationSchema>;
