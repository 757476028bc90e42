-- Up Migration
-- Each synced parent table keeps its document's JSON as it was written (issue 16 item 5, "JSON built once";
-- server/db/collections/mapper.ts `writeDocuments` fills it, `readDocumentsJson` serves it). A pull serves
-- `doc_json` only while `doc_json_seq = server_seq` (no write since, the sync invariant: every change to a document
-- takes a fresh server_seq) and `doc_json_shape` is the current document shape's fingerprint (a changed document
-- SQL makes every stored JSON a miss, with no step for a future migration to remember); otherwise PostgreSQL
-- builds the document as before. Rows from before this migration have none and are built until next written.
--
-- Belt and braces for writers outside the mapper (a data migration, a manual fix) that change a row without
-- storing its JSON: an UPDATE that leaves `doc_json_seq` as it was forgets the stored JSON. The WHEN clause is
-- evaluated without calling the function, so the mapper's own writes (a new doc_json_seq every time) pay nothing.
-- Child tables have no such trigger: the mapper writes children after their parent, so a child trigger would
-- forget what the parent statement just stored; children are written by the mapper alone, and any other writer
-- must take a fresh server_seq for the parent like every sync write.
CREATE FUNCTION arco_forget_doc_json() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.doc_json := NULL;
  NEW.doc_json_seq := NULL;
  NEW.doc_json_shape := NULL;
  RETURN NEW;
END
$$;

DO $$
DECLARE
  tbl text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['customers', 'invoices', 'goals', 'actions', 'tickets', 'meetings', 'notifications',
    'metrics', 'campaigns', 'health', 'signals', 'activities', 'leads', 'content', 'engagement']
  LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN doc_json text, ADD COLUMN doc_json_seq bigint, '
      'ADD COLUMN doc_json_shape text', tbl);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW '
      'WHEN (OLD.doc_json_seq IS NOT NULL AND NEW.doc_json_seq IS NOT DISTINCT FROM OLD.doc_json_seq) '
      'EXECUTE FUNCTION arco_forget_doc_json()', tbl || '_forget_doc_json', tbl);
  END LOOP;
END
$$;

-- Down Migration
DO $$
DECLARE
  tbl text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['customers', 'invoices', 'goals', 'actions', 'tickets', 'meetings', 'notifications',
    'metrics', 'campaigns', 'health', 'signals', 'activities', 'leads', 'content', 'engagement']
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', tbl || '_forget_doc_json', tbl);
    EXECUTE format('ALTER TABLE %I DROP COLUMN doc_json, DROP COLUMN doc_json_seq, DROP COLUMN doc_json_shape', tbl);
  END LOOP;
END
$$;
DROP FUNCTION arco_forget_doc_json();
