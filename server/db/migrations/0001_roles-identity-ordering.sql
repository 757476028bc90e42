-- Up Migration

-- The role app transactions run as (docs/architecture.md §6): not the tables' owner, no BYPASSRLS. Roles are cluster-wide,
-- so another database's migration (parallel test runs on one server) may create it at the same moment: the
-- loser of that race gets unique_violation/duplicate_object, which is fine.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arco_app') THEN
    BEGIN
      CREATE ROLE arco_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  IF (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = 'arco_app') THEN
    RAISE EXCEPTION 'role arco_app must not have SUPERUSER or BYPASSRLS';
  END IF;
  -- A non-superuser owner needs membership to `SET LOCAL ROLE arco_app`; a superuser may always.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
     AND NOT pg_has_role(current_user, 'arco_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT arco_app TO %I', current_user);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO arco_app;

-- Identity of the current transaction, set by Database.withIdentity with set_config(…, true). An unset or
-- empty setting is NULL, and NULL matches no row: no identity = nobody.
CREATE FUNCTION arco_org() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('arco.organization_id', true), '')::uuid $$;
CREATE FUNCTION arco_user() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('arco.user_id', true), '')::uuid $$;
CREATE FUNCTION arco_customer() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('arco.customer_id', true), '')::uuid $$;
-- 'admin' | 'csm' | 'client' | 'system' (the server acting inside one organization), or NULL.
CREATE FUNCTION arco_role() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('arco.role', true), '') $$;
CREATE FUNCTION arco_is_staff() RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT coalesce(arco_role() IN ('admin', 'csm'), false) $$;

-- Sync order (docs/architecture.md §5). One global sequence; within an organization, values are handed out only while
-- holding that organization's transaction-scoped advisory lock, so commit order = server_seq order and a
-- pull checkpoint can never skip a row that commits late.
CREATE SEQUENCE sync_seq AS bigint;
GRANT USAGE, SELECT ON SEQUENCE sync_seq TO arco_app;

CREATE FUNCTION arco_lock_organization(org uuid) RETURNS void
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF org IS NULL THEN
    RAISE EXCEPTION 'arco_lock_organization: organization id is null';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('arco.sync:' || org::text, 0));
END
$$;

-- Takes the lock itself too (re-entrant), so a caller that forgot lockOrganizationForWrite still gets gap-free
-- numbers; the lock must still be taken *before* reading the state a write depends on.
CREATE FUNCTION arco_next_server_seq(org uuid) RETURNS bigint
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM arco_lock_organization(org);
  RETURN nextval('sync_seq');
END
$$;

-- Down Migration
DROP FUNCTION arco_next_server_seq(uuid);
DROP FUNCTION arco_lock_organization(uuid);
DROP SEQUENCE sync_seq;
DROP FUNCTION arco_is_staff();
DROP FUNCTION arco_role();
DROP FUNCTION arco_customer();
DROP FUNCTION arco_user();
DROP FUNCTION arco_org();
-- arco_app is cluster-wide and may serve other databases: it is left in place.
