-- Up Migration
-- How a client reaches their account manager (dashboard §7C: name, e-mail, phone) and the job title shown
-- beside a name. Numbered after 0100 because node-pg-migrate checks order: a database that already ran 0100
-- must be able to apply this one.
ALTER TABLE users
  ADD COLUMN phone text CHECK (phone IS NULL OR (length(phone) BETWEEN 3 AND 40 AND phone ~ '^[0-9+()\s.-]+$')),
  ADD COLUMN job_title text CHECK (job_title IS NULL OR length(btrim(job_title)) BETWEEN 1 AND 120);

-- Down Migration
ALTER TABLE users DROP COLUMN job_title, DROP COLUMN phone;
