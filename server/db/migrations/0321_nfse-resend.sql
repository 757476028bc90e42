-- Up Migration
-- A refused NFS-e can be sent again (server/nfse/issue-nfse.ts, staff "Reenviar NFS-e"): each attempt is a new
-- nota at the provider with its own ref (the invoice id, then "<invoice id>-2", "-3", …). `attempt` is the
-- attempt the row's `ref` belongs to; capped so a nota the city hall keeps refusing is not sent forever.
ALTER TABLE nfse_issuances ADD COLUMN attempt integer NOT NULL DEFAULT 1 CHECK (attempt BETWEEN 1 AND 10);

-- Down Migration
ALTER TABLE nfse_issuances DROP COLUMN attempt;
