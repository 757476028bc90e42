-- Up Migration
-- Notifications end to end (docs/architecture.md §9 "Notifications"): the trigger list of
-- shared/entities/support.ts (clients: the dashboard spec's eight; staff: the CSM alerts), quiet hours, push
-- subscriptions tied to the session (device) that registered them, and the delivery ledger that makes every
-- trigger fire once per event and queues the e-mail digest. A customer turning critical is
-- 'customer_critical'; 'health_change' goes.

ALTER TABLE notifications DROP CONSTRAINT notifications_type_check;
-- Only demo data held 'health_change' items (health news for staff): they become risk alerts.
UPDATE notifications SET type = 'risk_alert' WHERE type = 'health_change';
ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (type IN ('conversion', 'goal_reached',
  'campaign_anomaly', 'qualified_lead', 'ticket_answered', 'meeting_reminder', 'invoice_due', 'new_article',
  'customer_critical', 'risk_alert', 'renewal_due', 'sla_breach', 'meeting_request', 'ticket_created'));
ALTER TABLE notification_preferences DROP CONSTRAINT notification_preferences_type_check;
DELETE FROM notification_preferences WHERE type = 'health_change';
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_type_check CHECK (type IN (
  'conversion', 'goal_reached', 'campaign_anomaly', 'qualified_lead', 'ticket_answered', 'meeting_reminder',
  'invoice_due', 'new_article', 'customer_critical', 'risk_alert', 'renewal_due', 'sla_breach', 'meeting_request',
  'ticket_created'));

-- Quiet hours per user (local wall-clock HH:MM in users.time_zone; no row = off, 22:00–07:00).
CREATE TABLE notification_settings (
  organization_id uuid NOT NULL,
  user_id uuid NOT NULL,
  quiet_hours_enabled boolean NOT NULL DEFAULT false,
  quiet_start text NOT NULL DEFAULT '22:00' CHECK (quiet_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  quiet_end text NOT NULL DEFAULT '07:00' CHECK (quiet_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, user_id),
  CHECK (quiet_start <> quiet_end),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE
);

-- A subscription belongs to the session that registered it: signing out of that device deletes it
-- (server/push/subscriptions.ts), and so does pruning the session. Nothing sent a push before, so no row exists.
DELETE FROM push_subscriptions;
ALTER TABLE push_subscriptions ADD COLUMN session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE;
ALTER TABLE push_subscriptions DROP CONSTRAINT push_subscriptions_endpoint_check;
ALTER TABLE push_subscriptions ADD CONSTRAINT push_subscriptions_endpoint_check
  CHECK (endpoint LIKE 'https://%' AND length(endpoint) <= 2048);
CREATE INDEX push_subscriptions_session_idx ON push_subscriptions (session_id);

-- One row per (event, recipient): the trigger's idempotency key. A job that runs again finds its row and sends
-- nothing twice. `email_due` rows are what the next digest mails; `emailed_at` marks them sent.
CREATE TABLE notification_deliveries (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  event_key text NOT NULL CHECK (length(event_key) BETWEEN 1 AND 300),
  user_id uuid NOT NULL,
  type text NOT NULL,
  notification_id uuid,
  title text NOT NULL,
  body text NOT NULL,
  url text NOT NULL CHECK (url ~ '^/[^/\\]'),
  push_sent integer NOT NULL DEFAULT 0 CHECK (push_sent >= 0),
  email_due boolean NOT NULL DEFAULT false,
  emailed_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, event_key, user_id),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_deliveries_digest_idx ON notification_deliveries (organization_id, user_id)
  WHERE email_due AND emailed_at IS NULL;

-- notification_settings: like notification_preferences (the owner reads and writes; the system reads).
-- notification_deliveries: the server's ledger — only the system identity reads or writes it.
ALTER TABLE notification_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_settings_select ON notification_settings FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY notification_settings_insert ON notification_settings FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY notification_settings_update ON notification_settings FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())))
  WITH CHECK (organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY notification_settings_delete ON notification_settings FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_settings TO arco_app;

ALTER TABLE notification_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_deliveries_select ON notification_deliveries FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY notification_deliveries_insert ON notification_deliveries FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY notification_deliveries_update ON notification_deliveries FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system')
  WITH CHECK (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY notification_deliveries_delete ON notification_deliveries FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_deliveries TO arco_app;

-- Down Migration
DROP TABLE notification_deliveries;
DROP INDEX push_subscriptions_session_idx;
ALTER TABLE push_subscriptions DROP CONSTRAINT push_subscriptions_endpoint_check;
ALTER TABLE push_subscriptions ADD CONSTRAINT push_subscriptions_endpoint_check
  CHECK (endpoint LIKE 'https://%' OR endpoint LIKE 'http://%');
ALTER TABLE push_subscriptions DROP COLUMN session_id;
DROP TABLE notification_settings;
DELETE FROM notification_preferences WHERE type IN ('customer_critical', 'renewal_due', 'sla_breach', 'meeting_request');
ALTER TABLE notification_preferences DROP CONSTRAINT notification_preferences_type_check;
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_type_check CHECK (type IN (
  'conversion', 'goal_reached', 'campaign_anomaly', 'qualified_lead', 'ticket_answered', 'meeting_reminder',
  'invoice_due', 'new_article', 'risk_alert', 'health_change', 'ticket_created'));
DELETE FROM notifications WHERE type IN ('customer_critical', 'renewal_due', 'sla_breach', 'meeting_request');
ALTER TABLE notifications DROP CONSTRAINT notifications_type_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (type IN ('conversion', 'goal_reached',
  'campaign_anomaly', 'qualified_lead', 'ticket_answered', 'meeting_reminder', 'invoice_due', 'new_article',
  'risk_alert', 'health_change', 'ticket_created'));
