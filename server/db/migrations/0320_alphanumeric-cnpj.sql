-- Up Migration
-- The alphanumeric CNPJ (IN RFB 2.229/2024, issued since July 2026): 12 digits or capital letters, then two
-- check digits (shared/domain/cnpj.ts validates them on every write through customerSchema; protocol 12).
-- Migration 0280's column CHECK allowed digits only; numeric CNPJs stay valid under the new one.
ALTER TABLE customers DROP CONSTRAINT customers_cnpj_check;
ALTER TABLE customers ADD CONSTRAINT customers_cnpj_check CHECK (cnpj ~ '^[0-9A-Z]{12}[0-9]{2}$');

-- Down Migration
-- Refused while an alphanumeric CNPJ is stored (the old CHECK would not hold): clear those first.
ALTER TABLE customers DROP CONSTRAINT customers_cnpj_check;
ALTER TABLE customers ADD CONSTRAINT customers_cnpj_check CHECK (cnpj ~ '^[0-9]{14}$');
