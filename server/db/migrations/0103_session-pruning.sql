-- Up Migration
-- Dead sessions (expired, idle too long, revoked) are kept by nothing: the audit log records sign-ins and
-- sign-outs. The server prunes them periodically across all organizations, before any identity exists, so this
-- is one narrow SECURITY DEFINER function (like arco_find_session) rather than an RLS exception.
CREATE FUNCTION arco_prune_sessions(dead_before timestamptz, idle_before timestamptz) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  removed integer;
BEGIN
  IF dead_before IS NULL OR idle_before IS NULL THEN
    RAISE EXCEPTION 'arco_prune_sessions: both cut-offs are required' USING ERRCODE = '22004';
  END IF;
  DELETE FROM public.sessions s
   WHERE s.expires_at < dead_before OR s.revoked_at < dead_before OR s.last_seen_at < idle_before;
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION arco_prune_sessions(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arco_prune_sessions(timestamptz, timestamptz) TO arco_app;

-- Down Migration
DROP FUNCTION arco_prune_sessions(timestamptz, timestamptz);
