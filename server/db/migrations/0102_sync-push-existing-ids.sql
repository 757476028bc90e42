-- Up Migration
-- Batched sync push (server/sync/pg-store.ts): which of a batch's ids already exist in the caller's own
-- organization, whether or not RLS lets the caller see them. The store compares the answer with the rows it
-- could read under RLS; an id that exists but is invisible (another customer's ticket, another user's
-- notification) becomes a `forbidden` rejection up front instead of failing the batched write. Only for the
-- caller's organization (arco_org(), set by withIdentity) and only for synced tables (those with
-- organization_id, id and server_seq); it answers existence, never content.
CREATE FUNCTION arco_existing_ids(tbl text, org uuid, ids uuid[]) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  rel regclass := to_regclass(format('public.%I', tbl));
BEGIN
  IF org IS NULL OR org IS DISTINCT FROM arco_org() THEN
    RAISE EXCEPTION 'arco_existing_ids: not the current organization' USING ERRCODE = '42501';
  END IF;
  IF rel IS NULL OR (
    SELECT count(*) FROM pg_attribute a
     WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped
       AND a.attname IN ('organization_id', 'id', 'server_seq')
  ) <> 3 THEN
    RAISE EXCEPTION 'arco_existing_ids: % is not a synced table', tbl USING ERRCODE = '22023';
  END IF;
  RETURN QUERY EXECUTE format('SELECT t.id FROM %s t WHERE t.organization_id = $1 AND t.id = ANY ($2)', rel)
    USING org, ids;
END
$$;
REVOKE ALL ON FUNCTION arco_existing_ids(text, uuid, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arco_existing_ids(text, uuid, uuid[]) TO arco_app;

-- Down Migration
DROP FUNCTION arco_existing_ids(text, uuid, uuid[]);
