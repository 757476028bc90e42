-- Up Migration
-- Row-level security gaps (issue 15, item 4): password hashes are read only by the sign-in path, login attempts
-- only by the sign-in throttle. Both belong to a role of their own, `arco_auth`, which the server takes only for
-- those steps (Database.signIn); `arco_app` — every request and job, any identity or none — reads neither.
--
-- 1. users.password_hash: `arco_app` may SELECT every column of users but this one (it may still set it: a
--    password change, an account created with one). A column added to users later must be granted to arco_app
--    by its migration (rls.pg.test.ts checks every column but password_hash is readable).
-- 2. arco_find_login no longer returns the hash (it still answers who an e-mail belongs to, for sign-in and
--    "is this e-mail taken"); arco_find_sign_in does, executable by arco_auth only.
-- 3. login_attempts: row-level security, forced, with a policy for arco_auth only; arco_app has no grant.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arco_auth') THEN
    BEGIN
      CREATE ROLE arco_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  IF (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = 'arco_auth') THEN
    RAISE EXCEPTION 'role arco_auth must not have SUPERUSER or BYPASSRLS';
  END IF;
  -- As for arco_app (0001): a non-superuser owner needs membership to `SET LOCAL ROLE arco_auth`.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
     AND NOT pg_has_role(current_user, 'arco_auth', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT arco_auth TO %I', current_user);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO arco_auth;

-- 1. Every column of users but the hash (columns are listed at migration time: see the header).
REVOKE SELECT ON users FROM arco_app;
DO $$
DECLARE
  cols text;
BEGIN
  SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols
    FROM information_schema.columns
   WHERE table_schema = 'public' AND table_name = 'users' AND column_name <> 'password_hash';
  EXECUTE format('GRANT SELECT (%s) ON users TO arco_app', cols);
END
$$;

-- 2. Who an e-mail belongs to, without the hash; the hash for the sign-in role only.
DROP FUNCTION arco_find_login(text);
CREATE FUNCTION arco_find_login(p_email text)
RETURNS TABLE (user_id uuid, organization_id uuid, role text, customer_id uuid, email text, name text,
  disabled_at timestamptz, locale text, time_zone text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.organization_id, u.role, u.customer_id, u.email, u.name, u.disabled_at, u.locale, u.time_zone
    FROM public.users u
   WHERE lower(u.email) = lower(btrim(p_email))
$$;
CREATE FUNCTION arco_find_sign_in(p_email text)
RETURNS TABLE (user_id uuid, organization_id uuid, role text, customer_id uuid, email text, name text,
  password_hash text, disabled_at timestamptz, locale text, time_zone text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.organization_id, u.role, u.customer_id, u.email, u.name, u.password_hash, u.disabled_at,
         u.locale, u.time_zone
    FROM public.users u
   WHERE lower(u.email) = lower(btrim(p_email))
$$;
REVOKE ALL ON FUNCTION arco_find_login(text), arco_find_sign_in(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arco_find_login(text) TO arco_app;
GRANT EXECUTE ON FUNCTION arco_find_sign_in(text) TO arco_auth;

-- 3. login_attempts: the throttle's (it records, counts, settles and prunes; server/auth/pg-store.ts).
REVOKE ALL ON login_attempts FROM arco_app;
GRANT SELECT, INSERT, DELETE, UPDATE (succeeded, user_id, device_key) ON login_attempts TO arco_auth;
ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_attempts FORCE ROW LEVEL SECURITY;
-- Not a tenant table: the sign-in role sees every attempt, any other role none.
CREATE POLICY login_attempts_sign_in ON login_attempts FOR ALL TO arco_auth USING (true) WITH CHECK (true);

-- Down Migration
DROP POLICY login_attempts_sign_in ON login_attempts;
ALTER TABLE login_attempts NO FORCE ROW LEVEL SECURITY;
ALTER TABLE login_attempts DISABLE ROW LEVEL SECURITY;
REVOKE ALL ON login_attempts FROM arco_auth;
GRANT SELECT, INSERT, DELETE, UPDATE (succeeded, user_id, device_key) ON login_attempts TO arco_app;
DROP FUNCTION arco_find_sign_in(text);
DROP FUNCTION arco_find_login(text);
CREATE FUNCTION arco_find_login(p_email text)
RETURNS TABLE (user_id uuid, organization_id uuid, role text, customer_id uuid, email text, name text,
  password_hash text, disabled_at timestamptz, locale text, time_zone text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.organization_id, u.role, u.customer_id, u.email, u.name, u.password_hash, u.disabled_at,
         u.locale, u.time_zone
    FROM public.users u
   WHERE lower(u.email) = lower(btrim(p_email))
$$;
REVOKE ALL ON FUNCTION arco_find_login(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arco_find_login(text) TO arco_app;
REVOKE SELECT ON users FROM arco_app;
GRANT SELECT ON users TO arco_app;
REVOKE USAGE ON SCHEMA public FROM arco_auth;
-- arco_auth is cluster-wide and may serve other databases: it is left in place.
