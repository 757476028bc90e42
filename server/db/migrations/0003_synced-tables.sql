-- Up Migration
-- One table per synced collection (shared/collections.ts), laid out by the convention documented in
-- server/db/collections/table-spec.ts (a pg test checks every column against the zod schemas):
--   (organization_id, id) primary key · server_seq unique per organization · created_at / updated_at (server
--   clock; a document's own createdAt lives in created_at) · client_updated_at · deleted (soft delete) ·
--   one column per scalar field (money numeric(15,2), dates date, instants timestamptz, nested values jsonb).
-- Owned children (contacts, contracts, payments, ticket messages, lead interactions) are real tables with
-- position and a composite FK to their parent ON DELETE CASCADE.

CREATE TABLE customers (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  name text NOT NULL,
  domain text,
  industry text,
  size text,
  location text,
  status text NOT NULL CHECK (status IN ('onboarding', 'active', 'at_risk', 'churned', 'paused')),
  tier text NOT NULL CHECK (tier IN ('starter', 'pro', 'enterprise', 'custom')),
  mrr numeric(15,2) NOT NULL CHECK (mrr >= 0),
  arr numeric(15,2) NOT NULL CHECK (arr >= 0),
  lifetime_value numeric(15,2) NOT NULL CHECK (lifetime_value >= 0),
  active_users integer NOT NULL CHECK (active_users >= 0),
  total_seats integer NOT NULL CHECK (total_seats >= 0),
  last_login_at timestamptz,
  csm_id uuid,
  renewal_date date,
  renewal_type text NOT NULL CHECK (renewal_type IN ('auto_renew', 'manual', 'month_to_month')),
  customer_since date NOT NULL,
  churned_at timestamptz,
  churn_reason text,
  notes text,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  FOREIGN KEY (organization_id, csm_id) REFERENCES users (organization_id, id)
);
CREATE INDEX customers_csm_idx ON customers (organization_id, csm_id);

-- Now that customers exist: client users, invitations and health history point at one, within the tenant.
ALTER TABLE users ADD FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id);
ALTER TABLE invitations ADD FOREIGN KEY (organization_id, customer_id)
  REFERENCES customers (organization_id, id) ON DELETE CASCADE;
ALTER TABLE health_history ADD FOREIGN KEY (organization_id, customer_id)
  REFERENCES customers (organization_id, id) ON DELETE CASCADE;

CREATE TABLE customer_contacts (
  organization_id uuid NOT NULL,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  first_name text NOT NULL,
  last_name text,
  email text NOT NULL,
  phone text,
  job_title text,
  is_primary boolean NOT NULL,
  role text NOT NULL CHECK (role IN ('decision_maker', 'champion', 'user', 'billing', 'technical')),
  last_contacted_at timestamptz,
  nps_score integer CHECK (nps_score BETWEEN 0 AND 10),
  left_company_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_contacts_parent_idx ON customer_contacts (organization_id, customer_id, position);

-- Contract items stay jsonb, as in the seed's own schema (sales_contracts.items).
CREATE TABLE contracts (
  organization_id uuid NOT NULL,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  name text NOT NULL,
  contract_number text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'active', 'completed', 'cancelled')),
  monthly_value numeric(15,2) NOT NULL CHECK (monthly_value >= 0),
  total_value numeric(15,2) NOT NULL CHECK (total_value >= 0),
  currency text NOT NULL CHECK (currency IN ('BRL')),
  start_date date NOT NULL,
  end_date date NOT NULL,
  billing_cycle text NOT NULL CHECK (billing_cycle IN ('monthly', 'quarterly', 'annual', 'one_time')),
  renewal_type text NOT NULL CHECK (renewal_type IN ('auto_renew', 'manual', 'month_to_month')),
  renewal_notification_days integer NOT NULL,
  items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
  document_url text,
  signed_at timestamptz,
  signed_by text,
  previous_contract_id uuid,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX contracts_parent_idx ON contracts (organization_id, customer_id, position);

-- contract_id is not a foreign key: contracts are children of another aggregate and may be replaced.
CREATE TABLE invoices (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  contract_id uuid,
  number text NOT NULL,
  description text NOT NULL,
  amount numeric(15,2) NOT NULL CHECK (amount >= 0),
  issue_date date NOT NULL,
  due_date date NOT NULL,
  paid_date date,
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'overdue', 'cancelled')),
  nfe_url text,
  pix_code text,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id)
);
CREATE INDEX invoices_customer_seq_idx ON invoices (organization_id, customer_id, server_seq);

CREATE TABLE payments (
  organization_id uuid NOT NULL,
  id uuid NOT NULL,
  invoice_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  amount numeric(15,2) NOT NULL CHECK (amount >= 0),
  method text NOT NULL CHECK (method IN ('credit_card', 'boleto', 'pix', 'bank_transfer')),
  transaction_id text,
  gateway text,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'failed', 'refunded')),
  paid_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, invoice_id) REFERENCES invoices (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX payments_parent_idx ON payments (organization_id, invoice_id, position);

CREATE TABLE goals (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('traffic', 'leads', 'revenue', 'conversion_rate', 'custom')),
  title text NOT NULL,
  unit text NOT NULL CHECK (unit IN ('count', 'cents', 'percent')),
  target_value double precision NOT NULL,
  current_value double precision NOT NULL,
  period text NOT NULL CHECK (period IN ('daily', 'weekly', 'monthly', 'quarterly')),
  start_date date NOT NULL,
  end_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'completed', 'failed')),
  progress jsonb NOT NULL CHECK (jsonb_typeof(progress) = 'array'),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id)
);
CREATE INDEX goals_customer_seq_idx ON goals (organization_id, customer_id, server_seq);

CREATE TABLE actions (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  title text NOT NULL,
  description text,
  type text NOT NULL CHECK (type IN ('urgent', 'insight', 'quick_win')),
  priority integer NOT NULL CHECK (priority BETWEEN 1 AND 10),
  status text NOT NULL CHECK (status IN ('pending', 'completed', 'dismissed')),
  estimated_impact text CHECK (estimated_impact IN ('low', 'medium', 'high')),
  estimated_time text,
  url text,
  completed_at timestamptz,
  dismissed_at timestamptz,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id)
);
CREATE INDEX actions_customer_seq_idx ON actions (organization_id, customer_id, server_seq);

-- number: human ticket number, server-assigned (unique per organization once set).
CREATE TABLE tickets (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  number integer CHECK (number > 0),
  subject text NOT NULL,
  description text NOT NULL,
  priority text NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
  status text NOT NULL CHECK (status IN ('open', 'in_progress', 'waiting_client', 'resolved', 'closed')),
  assigned_to uuid,
  sla_deadline timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  created_by uuid,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  UNIQUE (organization_id, number),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id),
  FOREIGN KEY (organization_id, assigned_to) REFERENCES users (organization_id, id)
);
CREATE INDEX tickets_customer_seq_idx ON tickets (organization_id, customer_id, server_seq);

CREATE TABLE ticket_messages (
  organization_id uuid NOT NULL,
  id uuid NOT NULL,
  ticket_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  sender_type text NOT NULL CHECK (sender_type IN ('client', 'support')),
  sender_id uuid NOT NULL,
  sender_name text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, ticket_id) REFERENCES tickets (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX ticket_messages_parent_idx ON ticket_messages (organization_id, ticket_id, position);

CREATE TABLE meetings (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  account_manager_id uuid NOT NULL,
  title text NOT NULL,
  description text,
  scheduled_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
  meeting_link text,
  notes text,
  status text NOT NULL CHECK (status IN ('scheduled', 'completed', 'rescheduled', 'cancelled')),
  client_request jsonb CHECK (jsonb_typeof(client_request) = 'object'),
  completed_at timestamptz,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id),
  FOREIGN KEY (organization_id, account_manager_id) REFERENCES users (organization_id, id)
);
CREATE INDEX meetings_customer_seq_idx ON meetings (organization_id, customer_id, server_seq);
CREATE INDEX meetings_scheduled_idx ON meetings (organization_id, scheduled_at);

CREATE TABLE notifications (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  user_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('conversion', 'goal_reached', 'campaign_anomaly', 'qualified_lead',
    'ticket_answered', 'meeting_reminder', 'invoice_due', 'new_article', 'risk_alert', 'health_change',
    'ticket_created')),
  title text NOT NULL,
  body text NOT NULL,
  url text NOT NULL CHECK (url ~ '^/[^/\\]'),
  read_at timestamptz,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX notifications_user_seq_idx ON notifications (organization_id, user_id, server_seq);

-- One document per customer-month.
CREATE TABLE metrics (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  days jsonb NOT NULL CHECK (jsonb_typeof(days) = 'array'),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  UNIQUE (organization_id, customer_id, month),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id)
);
CREATE INDEX metrics_customer_seq_idx ON metrics (organization_id, customer_id, server_seq);

CREATE TABLE campaigns (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  name text NOT NULL,
  platform text NOT NULL CHECK (platform IN ('google_ads', 'meta_ads', 'linkedin', 'tiktok', 'email', 'other')),
  type text NOT NULL CHECK (type IN ('search', 'display', 'shopping', 'video', 'social', 'retargeting', 'other')),
  budget numeric(15,2) NOT NULL CHECK (budget >= 0),
  daily_budget numeric(15,2) CHECK (daily_budget >= 0),
  status text NOT NULL CHECK (status IN ('active', 'paused', 'completed')),
  start_date date NOT NULL,
  end_date date,
  external_id text,
  daily jsonb NOT NULL CHECK (jsonb_typeof(daily) = 'array'),
  ab_tests jsonb NOT NULL CHECK (jsonb_typeof(ab_tests) = 'array'),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id)
);
CREATE INDEX campaigns_customer_seq_idx ON campaigns (organization_id, customer_id, server_seq);

-- Server-computed, one per customer, staff-only.
CREATE TABLE health (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  status text NOT NULL CHECK (status IN ('healthy', 'at_risk', 'critical')),
  breakdown jsonb NOT NULL CHECK (jsonb_typeof(breakdown) = 'object'),
  missing_dimensions jsonb NOT NULL CHECK (jsonb_typeof(missing_dimensions) = 'array'),
  trend integer,
  history jsonb NOT NULL CHECK (jsonb_typeof(history) = 'array'),
  risk_score integer NOT NULL CHECK (risk_score BETWEEN 0 AND 100),
  risk_level text NOT NULL CHECK (risk_level IN ('none', 'warning', 'critical')),
  risk_factors jsonb NOT NULL CHECK (jsonb_typeof(risk_factors) = 'array'),
  at_risk_since date,
  churn_probability double precision NOT NULL CHECK (churn_probability BETWEEN 0 AND 100),
  predicted_churn_date date,
  churn_factors jsonb NOT NULL CHECK (jsonb_typeof(churn_factors) = 'array'),
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  UNIQUE (organization_id, customer_id),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id)
);

CREATE TABLE signals (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('risk_alert', 'expansion', 'insight')),
  subtype text,
  status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved', 'identified', 'contacted',
    'negotiating', 'won', 'lost', 'new', 'dismissed', 'actioned')),
  title text NOT NULL,
  description text NOT NULL,
  source text NOT NULL CHECK (source IN ('ai_detected', 'manual', 'usage_trigger', 'rule')),
  risk_score integer CHECK (risk_score BETWEEN 0 AND 100),
  risk_factors jsonb NOT NULL CHECK (jsonb_typeof(risk_factors) = 'array'),
  recommendation text,
  suggested_actions jsonb NOT NULL CHECK (jsonb_typeof(suggested_actions) = 'array'),
  estimated_value numeric(15,2) CHECK (estimated_value >= 0),
  mrr_at_risk numeric(15,2),
  probability double precision CHECK (probability BETWEEN 0 AND 100),
  resolution_notes text,
  resolved_at timestamptz,
  resolved_by uuid,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id),
  -- Each kind has its own lifecycle (SIGNAL_STATUSES in shared/entities/csm.ts).
  CONSTRAINT signals_status_matches_kind CHECK (
    (kind = 'risk_alert' AND status IN ('open', 'acknowledged', 'resolved'))
    OR (kind = 'expansion' AND status IN ('identified', 'contacted', 'negotiating', 'won', 'lost'))
    OR (kind = 'insight' AND status IN ('new', 'dismissed', 'actioned')))
);
CREATE INDEX signals_customer_seq_idx ON signals (organization_id, customer_id, server_seq);

CREATE TABLE activities (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'note', 'support_ticket', 'nps_response',
    'contract_signed', 'payment_received', 'health_change', 'expansion_identified')),
  title text NOT NULL,
  description text,
  performed_by uuid,
  performed_by_name text,
  occurred_at timestamptz NOT NULL,
  metadata jsonb NOT NULL CHECK (jsonb_typeof(metadata) = 'object'),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id)
);
CREATE INDEX activities_customer_seq_idx ON activities (organization_id, customer_id, server_seq);
CREATE INDEX activities_occurred_idx ON activities (organization_id, customer_id, occurred_at);

-- campaign_id is not a foreign key (another aggregate; a lead may outlive its campaign).
CREATE TABLE leads (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  customer_id uuid NOT NULL,
  name text NOT NULL,
  company text,
  email text,
  phone text,
  stage text NOT NULL CHECK (stage IN ('new', 'qualified', 'negotiation', 'won', 'lost')),
  value numeric(15,2) NOT NULL CHECK (value >= 0),
  source text,
  campaign_id uuid,
  budget numeric(15,2) CHECK (budget >= 0),
  timeline text NOT NULL CHECK (timeline IN ('immediate', 'within_1_month', 'within_3_months',
    'within_6_months', 'unknown')),
  authority text NOT NULL CHECK (authority IN ('decision_maker', 'influencer', 'user', 'unknown')),
  position double precision NOT NULL,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id)
);
CREATE INDEX leads_customer_seq_idx ON leads (organization_id, customer_id, server_seq);

CREATE TABLE lead_interactions (
  organization_id uuid NOT NULL,
  id uuid NOT NULL,
  lead_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  type text NOT NULL CHECK (type IN ('email', 'call', 'whatsapp', 'meeting', 'note')),
  direction text CHECK (direction IN ('inbound', 'outbound')),
  subject text,
  content text,
  duration_minutes integer CHECK (duration_minutes BETWEEN 0 AND 1440),
  outcome text,
  next_action text,
  performed_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, lead_id) REFERENCES leads (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX lead_interactions_parent_idx ON lead_interactions (organization_id, lead_id, position);

-- Organization-wide: articles, case studies and events of the client portal's content hub.
CREATE TABLE content (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  kind text NOT NULL CHECK (kind IN ('article', 'video', 'case_study', 'event')),
  title text NOT NULL,
  slug text NOT NULL,
  excerpt text NOT NULL,
  body text NOT NULL,
  category text NOT NULL,
  industry text,
  reading_minutes integer CHECK (reading_minutes BETWEEN 0 AND 600),
  difficulty text CHECK (difficulty IN ('beginner', 'intermediate', 'advanced')),
  published_at timestamptz NOT NULL,
  starts_at timestamptz,
  ends_at timestamptz,
  max_attendees integer CHECK (max_attendees >= 0),
  attendees integer NOT NULL CHECK (attendees >= 0),
  meeting_link text,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq)
);

-- One per (client) user: gamification state.
CREATE TABLE engagement (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  server_seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  client_updated_at timestamptz NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  user_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  time_zone text NOT NULL,
  visit_days jsonb NOT NULL CHECK (jsonb_typeof(visit_days) = 'array'),
  reading jsonb NOT NULL CHECK (jsonb_typeof(reading) = 'array'),
  event_registrations jsonb NOT NULL CHECK (jsonb_typeof(event_registrations) = 'array'),
  quick_wins jsonb NOT NULL CHECK (jsonb_typeof(quick_wins) = 'array'),
  xp integer NOT NULL CHECK (xp >= 0),
  badges jsonb NOT NULL CHECK (jsonb_typeof(badges) = 'array'),
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, server_seq),
  UNIQUE (organization_id, user_id),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id)
);

-- Down Migration
DROP TABLE engagement;
DROP TABLE content;
DROP TABLE lead_interactions;
DROP TABLE leads;
DROP TABLE activities;
DROP TABLE signals;
DROP TABLE health;
DROP TABLE campaigns;
DROP TABLE metrics;
DROP TABLE notifications;
DROP TABLE meetings;
DROP TABLE ticket_messages;
DROP TABLE tickets;
DROP TABLE actions;
DROP TABLE goals;
DROP TABLE payments;
DROP TABLE invoices;
DROP TABLE contracts;
DROP TABLE customer_contacts;
ALTER TABLE health_history DROP CONSTRAINT health_history_organization_id_customer_id_fkey;
ALTER TABLE invitations DROP CONSTRAINT invitations_organization_id_customer_id_fkey;
ALTER TABLE users DROP CONSTRAINT users_organization_id_customer_id_fkey;
DROP TABLE customers;
