import { notificationSchema, type Notification } from '../../../shared/entities/support.ts';
import { ago, clientPortalUser, HOUR, uid } from '../../test/portal-fixtures.ts';

/**
 * Inbox items modelled on the seed's TechCorp client inbox (server/seed/people.ts): a sale 40 min ago, a
 * ticket answered 2 h ago, a campaign anomaly 3 h ago (unread), a qualified lead yesterday (read).
 */
export function notification(over: Partial<Notification> & Pick<Notification, 'id'>): Notification {
  const createdAt = over.createdAt ?? ago(HOUR);
  return notificationSchema.parse({
    updatedAt: createdAt,
    serverSeq: 1,
    clientUpdatedAt: createdAt,
    userId: clientPortalUser.id,
    type: 'conversion',
    title: 'Nova conversão',
    body: 'Uma venda de R$ 1.480 veio da campanha Serviços Premium (Google Ads).',
    url: '/inicio/desempenho',
    readAt: null,
    createdAt,
    ...over,
  });
}

export const TICKET_ID = uid(2847);

export const techCorpInbox = (): Notification[] => [
  notification({ id: uid(1), createdAt: ago(40 * 60_000) }),
  notification({
    id: uid(2),
    type: 'ticket_answered',
    title: 'Ticket #2847 resolvido',
    body: 'Ajuste em campanha: o anúncio de primavera já está no ar.',
    url: `/inicio/tickets/${TICKET_ID}`,
    createdAt: ago(2 * HOUR),
  }),
  notification({
    id: uid(3),
    type: 'campaign_anomaly',
    title: 'Retargeting precisa de atenção',
    body: 'A campanha de Meta Ads já consumiu 94% do orçamento.',
    url: '/inicio/campanhas',
    createdAt: ago(3 * HOUR),
  }),
  notification({
    id: uid(4),
    type: 'qualified_lead',
    title: 'Novo lead qualificado: Carlos Mendes',
    body: 'Score 85/100 — alta probabilidade de conversão.',
    url: `/inicio/leads/${uid(99)}`,
    createdAt: ago(26 * HOUR),
    readAt: ago(20 * HOUR),
  }),
];
