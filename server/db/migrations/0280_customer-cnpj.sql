-- Up Migration
-- The customer company's CNPJ (issue 17 item 5: the NFS-e's taker), digits only; the check digits are
-- validated by the shared rule on every write (shared/domain/cnpj.ts through customerSchema). Null when unknown.
ALTER TABLE customers ADD COLUMN cnpj text CHECK (cnpj ~ '^[0-9]{14}$');

-- Down Migration
ALTER TABLE customers DROP COLUMN cnpj;
