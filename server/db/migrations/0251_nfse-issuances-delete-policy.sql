-- Up Migration
-- nfse_issuances (0250) gets the DELETE policy every tenant table has (migrations.pg.test.ts): only the server
-- (`system`) may delete an issuance record, within its organization.
CREATE POLICY nfse_issuances_delete ON nfse_issuances FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT DELETE ON nfse_issuances TO arco_app;

-- Down Migration
REVOKE DELETE ON nfse_issuances FROM arco_app;
DROP POLICY nfse_issuances_delete ON nfse_issuances;
