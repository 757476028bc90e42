-- Up Migration
-- Server-only tables (never synced to devices). Every tenant table carries organization_id, and references
-- into a tenant are composite (organization_id, x_id) so a row can never point at another tenant's row.

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (btrim(name) <> ''),
  locale text NOT NULL DEFAULT 'pt-BR' CHECK (locale IN ('pt-BR', 'en')),
  time_zone text NOT NULL DEFAULT 'America/Sao_Paulo',
  currency text NOT NULL DEFAULT 'BRL' CHECK (currency IN ('BRL')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- Sign-in identifier, unique across organizations case-insensitively (index below).
  email text NOT NULL CHECK (email LIKE '_%@_%'),
  name text NOT NULL CHECK (btrim(name) <> ''),
  role text NOT NULL CHECK (role IN ('admin', 'csm', 'client')),
  -- Set exactly for client users: the customer (client company) they belong to. FK added with customers.
  customer_id uuid,
  -- argon2id PHC string; NULL until the user sets a password (invited, or passkey-only).
  password_hash text,
  disabled_at timestamptz,
  locale text NOT NULL DEFAULT 'pt-BR' CHECK (locale IN ('pt-BR', 'en')),
  time_zone text NOT NULL DEFAULT 'America/Sao_Paulo',
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, id),
  CHECK ((role = 'client') = (customer_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_organization_role_idx ON users (organization_id, role);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  user_id uuid NOT NULL,
  -- Hash of the opaque cookie token (the token itself is never stored).
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text,
  ip text,
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX sessions_user_idx ON sessions (organization_id, user_id);

-- WebAuthn credentials (the seed's "biometric login").
CREATE TABLE passkeys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  user_id uuid NOT NULL,
  -- base64url credential id as the authenticator reports it.
  credential_id text NOT NULL UNIQUE,
  public_key bytea NOT NULL,
  counter bigint NOT NULL DEFAULT 0 CHECK (counter >= 0),
  transports text[] NOT NULL DEFAULT '{}',
  device_type text,
  backed_up boolean NOT NULL DEFAULT false,
  name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX passkeys_user_idx ON passkeys (organization_id, user_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email LIKE '_%@_%'),
  role text NOT NULL CHECK (role IN ('admin', 'csm', 'client')),
  customer_id uuid,
  token_hash text NOT NULL UNIQUE,
  invited_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  CHECK ((role = 'client') = (customer_id IS NOT NULL)),
  FOREIGN KEY (organization_id, invited_by) REFERENCES users (organization_id, id) ON DELETE SET NULL (invited_by)
);
CREATE INDEX invitations_organization_idx ON invitations (organization_id, created_at);

CREATE TABLE push_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  user_id uuid NOT NULL,
  endpoint text NOT NULL UNIQUE CHECK (endpoint LIKE 'https://%' OR endpoint LIKE 'http://%'),
  p256dh text NOT NULL,
  auth text NOT NULL,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_success_at timestamptz,
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (organization_id, user_id);

-- Per user, per notification type and channel; a missing row means the type's default.
CREATE TABLE notification_preferences (
  organization_id uuid NOT NULL,
  user_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('conversion', 'goal_reached', 'campaign_anomaly', 'qualified_lead',
    'ticket_answered', 'meeting_reminder', 'invoice_due', 'new_article', 'risk_alert', 'health_change',
    'ticket_created')),
  channel text NOT NULL CHECK (channel IN ('push', 'in_app', 'email')),
  enabled boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, user_id, type, channel),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE
);

-- One per organization: health weights (sum 100), thresholds and rules (customers spec §1.3, §5.1).
CREATE TABLE health_configs (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  weights jsonb NOT NULL DEFAULT
    '{"productUsage": 30, "engagement": 25, "support": 20, "payment": 15, "growth": 10}',
  thresholds jsonb NOT NULL DEFAULT '{"healthy": 80, "atRisk": 50}',
  rules jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  CHECK (jsonb_typeof(weights) = 'object' AND jsonb_typeof(thresholds) = 'object'
    AND jsonb_typeof(rules) = 'array')
);

-- Full daily score history per customer (the synced `health` document keeps a trimmed copy). FK to customers
-- is added with the synced tables.
CREATE TABLE health_history (
  organization_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  date date NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  status text NOT NULL CHECK (status IN ('healthy', 'at_risk', 'critical')),
  breakdown jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, customer_id, date)
);

-- Industry benchmarks for the client portal's "you vs your industry". organization_id NULL = the platform's
-- defaults (visible to every organization); otherwise an organization's own figures override them.
CREATE TABLE benchmarks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  industry text NOT NULL,
  metric text NOT NULL,
  value double precision NOT NULL,
  source text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (organization_id, industry, metric)
);

-- Churn logistic-regression parameters per organization (customers spec §5.2); the latest trained_at wins.
CREATE TABLE churn_models (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- {"intercept": …, "features": {"<feature>": <coefficient>, …}}
  coefficients jsonb NOT NULL CHECK (jsonb_typeof(coefficients) = 'object'),
  trained_at timestamptz NOT NULL,
  sample_size integer NOT NULL CHECK (sample_size >= 0),
  churned_count integer NOT NULL DEFAULT 0 CHECK (churned_count >= 0),
  -- true when the documented default coefficients were used (too few labelled customers).
  is_default boolean NOT NULL DEFAULT false,
  metrics jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX churn_models_latest_idx ON churn_models (organization_id, trained_at DESC);

-- Sign-in attempts for rate limiting per account, per IP and per device (server/auth/login-throttle.ts). Not a
-- tenant table: it is written before anyone is identified, so it has no RLS; the app role may insert, count
-- and prune. Failed attempts for unknown emails are recorded too, so throttling reveals nothing.
CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- normalised (trimmed, lower-case) email as typed.
  account_key text NOT NULL,
  -- client address key (IPv4, or the /64 prefix of an IPv6 address).
  ip text NOT NULL,
  -- SHA-256 of the device cookie, when the browser sent one.
  device_key text,
  user_id uuid,
  succeeded boolean NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_account_idx ON login_attempts (account_key, attempted_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);
CREATE INDEX login_attempts_device_idx ON login_attempts (device_key, attempted_at) WHERE device_key IS NOT NULL;
CREATE INDEX login_attempts_attempted_idx ON login_attempts (attempted_at);

-- Append-only trail of security-relevant and administrative actions.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  -- NULL = the system (a job).
  actor_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  at timestamptz NOT NULL DEFAULT now(),
  details jsonb NOT NULL DEFAULT '{}',
  ip text
);
CREATE INDEX audit_log_organization_idx ON audit_log (organization_id, at);

-- Process-wide settings, e.g. {"key": "vapid", "value": {"publicKey": …, "privateKey": …}}.
CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE app_settings;
DROP TABLE audit_log;
DROP TABLE login_attempts;
DROP TABLE churn_models;
DROP TABLE benchmarks;
DROP TABLE health_history;
DROP TABLE health_configs;
DROP TABLE notification_preferences;
DROP TABLE push_subscriptions;
DROP TABLE invitations;
DROP TABLE passkeys;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE organizations;
