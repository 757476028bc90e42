-- Up Migration
-- Lead scoring rules (docs/domain-client.md §3B): the organization's weights of the four lead-score components,
-- its extra rules and the band thresholds that pick the next-action sentence. Admins edit them online
-- (PUT /api/settings/lead-scoring); every device of the organization keeps them offline (GET /api/settings) —
-- the client's leads screen scores with them. One row per organization; without a row the product's defaults
-- apply (shared/domain/portal/lead-score.ts DEFAULT_LEAD_SCORING). The shared zod schema validates the config
-- before it is stored, so the table only checks its shape.
CREATE TABLE lead_scoring_configs (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  config jsonb NOT NULL CHECK (jsonb_typeof(config) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

-- Everyone of the organization reads (clients score their own leads with it); admins edit.
ALTER TABLE lead_scoring_configs ENABLE ROW LEVEL SECURITY;
ALTER TABLE lead_scoring_configs FORCE ROW LEVEL SECURITY;
CREATE POLICY lead_scoring_configs_select ON lead_scoring_configs FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()));
CREATE POLICY lead_scoring_configs_insert ON lead_scoring_configs FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'));
CREATE POLICY lead_scoring_configs_update ON lead_scoring_configs FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'))
  WITH CHECK (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'));
CREATE POLICY lead_scoring_configs_delete ON lead_scoring_configs FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON lead_scoring_configs TO arco_app;

-- Down Migration
DROP TABLE lead_scoring_configs;
