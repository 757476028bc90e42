-- Up Migration
-- Chat messages notify the other side (shared/domain/notifications/events.ts `chatEvents`, protocol 12): the
-- agency's reply to the customer's client users ('chat_reply'), a client's message to the customer's CSM
-- ('chat_message'). Migration 0114's lists plus the two.
ALTER TABLE notifications DROP CONSTRAINT notifications_type_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (type IN ('conversion', 'goal_reached',
  'campaign_anomaly', 'qualified_lead', 'ticket_answered', 'chat_reply', 'meeting_reminder', 'invoice_due',
  'new_article', 'customer_critical', 'risk_alert', 'renewal_due', 'sla_breach', 'meeting_request',
  'ticket_created', 'chat_message'));
ALTER TABLE notification_preferences DROP CONSTRAINT notification_preferences_type_check;
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_type_check CHECK (type IN (
  'conversion', 'goal_reached', 'campaign_anomaly', 'qualified_lead', 'ticket_answered', 'chat_reply',
  'meeting_reminder', 'invoice_due', 'new_article', 'customer_critical', 'risk_alert', 'renewal_due', 'sla_breach',
  'meeting_request', 'ticket_created', 'chat_message'));

-- Down Migration
DELETE FROM notifications WHERE type IN ('chat_reply', 'chat_message');
DELETE FROM notification_preferences WHERE type IN ('chat_reply', 'chat_message');
ALTER TABLE notifications DROP CONSTRAINT notifications_type_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (type IN ('conversion', 'goal_reached',
  'campaign_anomaly', 'qualified_lead', 'ticket_answered', 'meeting_reminder', 'invoice_due', 'new_article',
  'customer_critical', 'risk_alert', 'renewal_due', 'sla_breach', 'meeting_request', 'ticket_created'));
ALTER TABLE notification_preferences DROP CONSTRAINT notification_preferences_type_check;
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_type_check CHECK (type IN (
  'conversion', 'goal_reached', 'campaign_anomaly', 'qualified_lead', 'ticket_answered', 'meeting_reminder',
  'invoice_due', 'new_article', 'customer_critical', 'risk_alert', 'renewal_due', 'sla_breach', 'meeting_request',
  'ticket_created'));
