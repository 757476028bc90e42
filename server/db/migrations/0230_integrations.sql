-- Up Migration
-- Integrations (issue 17, items 1–3 and 8; server/integrations/, docs/api.md "Integrations"): a customer's
-- connected data sources (Google Analytics 4, Google Ads, Meta Ads) and a record of every import run.
-- Server-only tables, never synced: devices never hold a credential, not even encrypted.
--
-- integration_connections: one row per customer and source. `credentials` is the API token sealed with
-- AES-256-GCM (server/integrations/secret-box.ts: `v1.<iv>.<tag>.<ciphertext>`, base64url, the row's
-- organization/customer/source as associated data so a sealed value copied to another row does not open).
-- `account_id` is the provider's own id of what is read (GA4 property, Ads customer id, Meta ad account): not
-- a secret. `consecutive_failures` / `alerted_at` drive the "source keeps failing" alert (one per streak).
CREATE TABLE integration_connections (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  customer_id uuid NOT NULL,
  source text NOT NULL CHECK (source IN ('ga4', 'google_ads', 'meta_ads')),
  account_id text NOT NULL CHECK (account_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  credentials text NOT NULL CHECK (credentials ~ '^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  connected_by uuid,
  connected_at timestamptz NOT NULL DEFAULT now(),
  consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  alerted_at timestamptz,
  PRIMARY KEY (organization_id, customer_id, source),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id) ON DELETE CASCADE
);

-- integration_runs: one import run (manual "Importar agora" or the daily job). Kept after a disconnect, so the
-- history stays readable. `error` is a short, secret-free description (the token is redacted before storing).
CREATE TABLE integration_runs (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  customer_id uuid NOT NULL,
  source text NOT NULL CHECK (source IN ('ga4', 'google_ads', 'meta_ads')),
  trigger text NOT NULL CHECK (trigger IN ('manual', 'scheduled')),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  rows integer NOT NULL DEFAULT 0 CHECK (rows >= 0),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  error text CHECK (length(error) <= 500),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, customer_id) REFERENCES customers (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX integration_runs_latest_idx ON integration_runs (organization_id, customer_id, source, started_at DESC);

-- Staff (admin, csm) manage their organization's connections and read runs; the server (`system`, the jobs)
-- does everything within its organization; client users see nothing.
ALTER TABLE integration_connections ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration_connections FORCE ROW LEVEL SECURITY;
CREATE POLICY integration_connections_select ON integration_connections FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'));
CREATE POLICY integration_connections_insert ON integration_connections FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'));
CREATE POLICY integration_connections_update ON integration_connections FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'))
  WITH CHECK (organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'));
CREATE POLICY integration_connections_delete ON integration_connections FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'));
GRANT SELECT, INSERT, UPDATE, DELETE ON integration_connections TO arco_app;

ALTER TABLE integration_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY integration_runs_select ON integration_runs FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'));
CREATE POLICY integration_runs_insert ON integration_runs FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY integration_runs_update ON integration_runs FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system')
  WITH CHECK (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY integration_runs_delete ON integration_runs FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON integration_runs TO arco_app;

-- Down Migration
DROP TABLE integration_runs;
DROP TABLE integration_connections;
