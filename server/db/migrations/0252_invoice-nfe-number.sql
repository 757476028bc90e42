-- Up Migration
-- The issued NFS-e's number on the synced invoice (issue 17 item 5), beside its link nfe_url: written by the
-- issue-nfse job's server write (server/nfse/issue-nfse.ts); null until issued and for older rows.
ALTER TABLE invoices ADD COLUMN nfe_number text CHECK (length(nfe_number) BETWEEN 1 AND 50);

-- Down Migration
ALTER TABLE invoices DROP COLUMN nfe_number;
