-- Up Migration
-- Playbooks: the organization's task templates per alert type (docs/domain.md §6), a configuration the devices
-- keep offline (GET /api/settings) and admins edit online (PUT /api/settings/playbooks). One row per
-- organization; without a row the product's defaults apply (shared/domain/csm/playbooks.ts). The list is
-- validated by the shared zod schema before it is stored, so the table only checks its shape.
CREATE TABLE playbooks (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  playbooks jsonb NOT NULL CHECK (jsonb_typeof(playbooks) = 'array'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

-- Staff read (the device needs them offline); admins edit; like health_configs.
ALTER TABLE playbooks ENABLE ROW LEVEL SECURITY;
ALTER TABLE playbooks FORCE ROW LEVEL SECURITY;
CREATE POLICY playbooks_select ON playbooks FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'));
CREATE POLICY playbooks_insert ON playbooks FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'));
CREATE POLICY playbooks_update ON playbooks FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'))
  WITH CHECK (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'));
CREATE POLICY playbooks_delete ON playbooks FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON playbooks TO arco_app;

-- Down Migration
DROP TABLE playbooks;
