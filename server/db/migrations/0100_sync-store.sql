-- Up Migration
-- Narrow helpers for the PostgreSQL sync store (server/sync/pg-store.ts).
-- Numbered 0100 so the database layer's own migrations keep the low numbers.

-- Ticket numbers are unique per organization, but a client user's transaction only sees its own customer's
-- tickets (RLS), so max(number) must be read as the owner. The function only answers for the caller's own
-- organization (arco_org(), set by withIdentity) and must run under the organization's write lock
-- (arco_lock_organization), which serializes every writer of that organization.
CREATE FUNCTION arco_next_ticket_number(org uuid) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF org IS NULL OR org IS DISTINCT FROM arco_org() THEN
    RAISE EXCEPTION 'arco_next_ticket_number: not the current organization' USING ERRCODE = '42501';
  END IF;
  RETURN (SELECT coalesce(max(t.number), 2800) + 1 FROM public.tickets t WHERE t.organization_id = org);
END
$$;
REVOKE ALL ON FUNCTION arco_next_ticket_number(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arco_next_ticket_number(uuid) TO arco_app;

-- Down Migration
DROP FUNCTION arco_next_ticket_number(uuid);
