-- Up Migration
-- NFS-e issuance (issue 17 item 5; server/nfse/): one row per invoice whose nota was asked of the provider
-- (Focus NFe): our reference (the invoice id, the provider's `ref`), the provider's state, and once issued the
-- nota's number, verification code and link (the link is also copied into the synced invoice's `nfe_url`, which
-- is what the client's "Baixar NFe" opens). Server-only, never synced. `errors` is the provider's refusal, short
-- and secret-free (the provider token is only ever in a request header).
CREATE TABLE nfse_issuances (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  invoice_id uuid NOT NULL,
  ref text NOT NULL CHECK (length(ref) BETWEEN 1 AND 100),
  status text NOT NULL CHECK (status IN ('processing', 'issued', 'failed', 'cancelled')),
  number text CHECK (length(number) <= 50),
  verification_code text CHECK (length(verification_code) <= 100),
  url text CHECK (length(url) <= 2000),
  errors text CHECK (length(errors) <= 2000),
  requested_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, invoice_id),
  CHECK (status <> 'issued' OR (number IS NOT NULL AND url IS NOT NULL))
);

-- Staff read their organization's issuances; only the server (`system`, the job) writes; clients see nothing
-- (their invoice carries the link).
ALTER TABLE nfse_issuances ENABLE ROW LEVEL SECURITY;
ALTER TABLE nfse_issuances FORCE ROW LEVEL SECURITY;
CREATE POLICY nfse_issuances_select ON nfse_issuances FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'));
CREATE POLICY nfse_issuances_insert ON nfse_issuances FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY nfse_issuances_update ON nfse_issuances FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system')
  WITH CHECK (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE ON nfse_issuances TO arco_app;

-- Down Migration
DROP TABLE nfse_issuances;
