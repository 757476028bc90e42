-- Up Migration
-- Row-level security: the second wall behind the app's own authorization (docs/architecture.md §6).
--
-- App transactions run as arco_app (SET LOCAL ROLE) with a transaction-local identity (see 0001):
--   arco_org()       organization of the transaction — every policy requires organization_id to match it;
--   arco_role()      'admin' | 'csm' (staff) | 'client' | 'system' (the server acting inside one organization);
--   arco_user()      the user; user-scoped rows (notifications, engagement, sessions, …) need user_id = it;
--   arco_customer()  a client user's customer; client rows need customer_id = it.
-- No identity (unset or empty settings) → arco_org() is NULL → no tenant row is visible or writable.
-- Policies exist only for arco_app; with FORCE ROW LEVEL SECURITY any other non-bypassing role sees nothing.
-- Synced parents are soft-deleted: hard DELETE (tombstone pruning) is for `system` only.

-- Creates the four policies of a table from who may read and write it:
--   staff_access / client_access: 'write' (read + write), 'read', or 'none';
--   staff_scope / client_scope: extra row predicate for that audience ('true' for all rows of the organization);
--   delete_rule: 'system' (only the system identity may hard-delete) or 'write' (whoever may write).
CREATE FUNCTION arco_create_policies(
  tbl text, staff_access text, staff_scope text, client_access text, client_scope text, delete_rule text
) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  org_match constant text := 'organization_id = (SELECT arco_org())';
  is_system constant text := '(SELECT arco_role()) = ''system''';
  is_staff constant text := '(SELECT arco_is_staff())';
  is_client constant text := '(SELECT arco_role()) = ''client''';
  read_terms text[] := ARRAY[is_system];
  write_terms text[] := ARRAY[is_system];
  read_expr text;
  write_expr text;
  delete_expr text;
BEGIN
  IF staff_access NOT IN ('write', 'read', 'none') OR client_access NOT IN ('write', 'read', 'none')
     OR delete_rule NOT IN ('system', 'write') THEN
    RAISE EXCEPTION 'arco_create_policies(%): bad access spec', tbl;
  END IF;
  IF staff_access <> 'none' THEN read_terms := read_terms || format('(%s AND %s)', is_staff, staff_scope); END IF;
  IF staff_access = 'write' THEN write_terms := write_terms || format('(%s AND %s)', is_staff, staff_scope); END IF;
  IF client_access <> 'none' THEN read_terms := read_terms || format('(%s AND %s)', is_client, client_scope); END IF;
  IF client_access = 'write' THEN write_terms := write_terms || format('(%s AND %s)', is_client, client_scope); END IF;
  read_expr := format('%s AND (%s)', org_match, array_to_string(read_terms, ' OR '));
  write_expr := format('%s AND (%s)', org_match, array_to_string(write_terms, ' OR '));
  delete_expr := CASE delete_rule WHEN 'system' THEN format('%s AND %s', org_match, is_system) ELSE write_expr END;

  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO arco_app USING (%s)', tbl || '_select', tbl, read_expr);
  EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO arco_app WITH CHECK (%s)', tbl || '_insert', tbl, write_expr);
  EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO arco_app USING (%s) WITH CHECK (%s)',
    tbl || '_update', tbl, write_expr, write_expr);
  EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO arco_app USING (%s)', tbl || '_delete', tbl, delete_expr);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO arco_app', tbl);
END
$fn$;

DO $$
DECLARE
  own constant text := 'user_id = (SELECT arco_user())';
  customer constant text := 'customer_id = (SELECT arco_customer())';
BEGIN
  -- Synced collections: access as in docs/architecture.md §4.1 / shared/collections/ — a role may write a collection iff its
  -- access there is 'write' or 'limited' (field-level limits are the app's job); staff may read every collection
  -- of their organization on the server ('none' only means "not synced to staff devices"); a client reads
  -- nothing of a 'none' collection. Children follow their parent. (rls.pg.test.ts checks this matrix.)
  PERFORM arco_create_policies('customers', 'write', 'true', 'read', 'id = (SELECT arco_customer())', 'system');
  PERFORM arco_create_policies('customer_contacts', 'write', 'true', 'read', customer, 'write');
  PERFORM arco_create_policies('contracts', 'write', 'true', 'read', customer, 'write');
  PERFORM arco_create_policies('invoices', 'write', 'true', 'read', customer, 'system');
  PERFORM arco_create_policies('payments', 'write', 'true', 'read',
    'EXISTS (SELECT 1 FROM invoices p WHERE p.organization_id = payments.organization_id'
    ' AND p.id = payments.invoice_id AND p.customer_id = (SELECT arco_customer()))', 'write');
  PERFORM arco_create_policies('goals', 'write', 'true', 'write', customer, 'system');
  PERFORM arco_create_policies('actions', 'write', 'true', 'write', customer, 'system');
  PERFORM arco_create_policies('tickets', 'write', 'true', 'write', customer, 'system');
  PERFORM arco_create_policies('ticket_messages', 'write', 'true', 'write',
    'EXISTS (SELECT 1 FROM tickets p WHERE p.organization_id = ticket_messages.organization_id'
    ' AND p.id = ticket_messages.ticket_id AND p.customer_id = (SELECT arco_customer()))', 'write');
  PERFORM arco_create_policies('meetings', 'write', 'true', 'write', customer, 'system');
  PERFORM arco_create_policies('notifications', 'write', own, 'write', own, 'system');
  PERFORM arco_create_policies('metrics', 'read', 'true', 'read', customer, 'system');
  PERFORM arco_create_policies('campaigns', 'write', 'true', 'read', customer, 'system');
  PERFORM arco_create_policies('health', 'read', 'true', 'none', 'false', 'system');
  PERFORM arco_create_policies('signals', 'write', 'true', 'none', 'false', 'system');
  PERFORM arco_create_policies('activities', 'write', 'true', 'none', 'false', 'system');
  PERFORM arco_create_policies('leads', 'read', 'true', 'write', customer, 'system');
  PERFORM arco_create_policies('lead_interactions', 'read', 'true', 'write',
    'EXISTS (SELECT 1 FROM leads p WHERE p.organization_id = lead_interactions.organization_id'
    ' AND p.id = lead_interactions.lead_id AND p.customer_id = (SELECT arco_customer()))', 'write');
  PERFORM arco_create_policies('content', 'read', 'true', 'read', 'true', 'system');
  PERFORM arco_create_policies('engagement', 'read', own, 'write', own, 'system');

  -- Server-only tables that fit the same mould.
  PERFORM arco_create_policies('invitations', 'write', '(SELECT arco_role()) = ''admin''', 'none', 'false', 'write');
  PERFORM arco_create_policies('push_subscriptions', 'write', own, 'write', own, 'write');
  PERFORM arco_create_policies('notification_preferences', 'write', own, 'write', own, 'write');
  PERFORM arco_create_policies('health_history', 'read', 'true', 'none', 'false', 'system');
  PERFORM arco_create_policies('churn_models', 'read', 'true', 'none', 'false', 'system');
END
$$;

DROP FUNCTION arco_create_policies(text, text, text, text, text, text);

-- organizations: everyone sees their own; admins edit it; only the system creates or deletes one.
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY organizations_select ON organizations FOR SELECT TO arco_app USING (id = (SELECT arco_org()));
CREATE POLICY organizations_insert ON organizations FOR INSERT TO arco_app
  WITH CHECK (id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY organizations_update ON organizations FOR UPDATE TO arco_app
  USING (id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'))
  WITH CHECK (id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'));
CREATE POLICY organizations_delete ON organizations FOR DELETE TO arco_app
  USING (id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON organizations TO arco_app;

-- users: staff see their organization's users; a client sees itself and the staff (names of its account
-- managers), never other client users. Admins manage users; anyone may edit their own profile, but the
-- trigger below keeps role, organization, customer, email and disabled state admin-only.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_select ON users FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (
    (SELECT arco_role()) = 'system' OR (SELECT arco_is_staff())
    OR ((SELECT arco_role()) = 'client' AND (id = (SELECT arco_user()) OR role <> 'client'))));
CREATE POLICY users_insert ON users FOR INSERT TO arco_app
  WITH CHECK (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'));
CREATE POLICY users_update ON users FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org())
    AND ((SELECT arco_role()) IN ('admin', 'system') OR id = (SELECT arco_user())))
  WITH CHECK (organization_id = (SELECT arco_org())
    AND ((SELECT arco_role()) IN ('admin', 'system') OR id = (SELECT arco_user())));
CREATE POLICY users_delete ON users FOR DELETE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON users TO arco_app;

CREATE FUNCTION arco_guard_user_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF arco_role() IS NOT NULL AND arco_role() NOT IN ('admin', 'system')
     AND (NEW.organization_id, NEW.role, NEW.customer_id, NEW.email, NEW.disabled_at)
       IS DISTINCT FROM (OLD.organization_id, OLD.role, OLD.customer_id, OLD.email, OLD.disabled_at) THEN
    RAISE EXCEPTION 'only an admin may change a user''s organization, role, customer, email or disabled state'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER users_guard_update BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION arco_guard_user_update();

-- sessions: a user sees, creates and revokes their own; an admin may list and revoke the organization's.
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY sessions_select ON sessions FOR SELECT TO arco_app USING (organization_id = (SELECT arco_org())
  AND ((SELECT arco_role()) IN ('admin', 'system') OR user_id = (SELECT arco_user())));
CREATE POLICY sessions_insert ON sessions FOR INSERT TO arco_app WITH CHECK (organization_id = (SELECT arco_org())
  AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY sessions_update ON sessions FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org())
    AND ((SELECT arco_role()) IN ('admin', 'system') OR user_id = (SELECT arco_user())))
  WITH CHECK (organization_id = (SELECT arco_org())
    AND ((SELECT arco_role()) IN ('admin', 'system') OR user_id = (SELECT arco_user())));
CREATE POLICY sessions_delete ON sessions FOR DELETE TO arco_app USING (organization_id = (SELECT arco_org())
  AND ((SELECT arco_role()) IN ('admin', 'system') OR user_id = (SELECT arco_user())));
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO arco_app;

-- passkeys: a user manages their own; an admin may list and remove the organization's.
ALTER TABLE passkeys ENABLE ROW LEVEL SECURITY;
ALTER TABLE passkeys FORCE ROW LEVEL SECURITY;
CREATE POLICY passkeys_select ON passkeys FOR SELECT TO arco_app USING (organization_id = (SELECT arco_org())
  AND ((SELECT arco_role()) IN ('admin', 'system') OR user_id = (SELECT arco_user())));
CREATE POLICY passkeys_insert ON passkeys FOR INSERT TO arco_app WITH CHECK (organization_id = (SELECT arco_org())
  AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY passkeys_update ON passkeys FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org())
    AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())))
  WITH CHECK (organization_id = (SELECT arco_org())
    AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY passkeys_delete ON passkeys FOR DELETE TO arco_app USING (organization_id = (SELECT arco_org())
  AND ((SELECT arco_role()) IN ('admin', 'system') OR user_id = (SELECT arco_user())));
GRANT SELECT, INSERT, UPDATE, DELETE ON passkeys TO arco_app;

-- health_configs: staff read (the device needs weights offline); admins edit.
ALTER TABLE health_configs ENABLE ROW LEVEL SECURITY;
ALTER TABLE health_configs FORCE ROW LEVEL SECURITY;
CREATE POLICY health_configs_select ON health_configs FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_is_staff()) OR (SELECT arco_role()) = 'system'));
CREATE POLICY health_configs_insert ON health_configs FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'));
CREATE POLICY health_configs_update ON health_configs FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'))
  WITH CHECK (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'));
CREATE POLICY health_configs_delete ON health_configs FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON health_configs TO arco_app;

-- benchmarks: platform defaults (organization_id NULL) plus the organization's own, for any identity;
-- the system writes the organization's own, the owner the platform's.
ALTER TABLE benchmarks ENABLE ROW LEVEL SECURITY;
ALTER TABLE benchmarks FORCE ROW LEVEL SECURITY;
CREATE POLICY benchmarks_select ON benchmarks FOR SELECT TO arco_app USING (
  (SELECT arco_org()) IS NOT NULL AND (organization_id IS NULL OR organization_id = (SELECT arco_org())));
CREATE POLICY benchmarks_insert ON benchmarks FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY benchmarks_update ON benchmarks FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system')
  WITH CHECK (organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
CREATE POLICY benchmarks_delete ON benchmarks FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON benchmarks TO arco_app;

-- audit_log: append-only for the app (no UPDATE/DELETE grant); anyone records their own actions, admins read.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_select ON audit_log FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) IN ('admin', 'system'));
CREATE POLICY audit_log_insert ON audit_log FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org())
  AND ((SELECT arco_role()) = 'system' OR (actor_id = (SELECT arco_user()) AND (SELECT arco_role()) IS NOT NULL)));
GRANT SELECT, INSERT ON audit_log TO arco_app;

-- Not tenant tables (written before anyone is identified / process-wide): plain grants, no RLS.
GRANT SELECT, INSERT, DELETE ON login_attempts TO arco_app;
GRANT SELECT ON app_settings TO arco_app;

-- The narrow ways past RLS before an identity exists. SECURITY DEFINER = they run as the owner (who bypasses
-- RLS); each takes one exact key, returns only what sign-in needs, and is executable by arco_app only.
CREATE FUNCTION arco_find_login(p_email text)
RETURNS TABLE (user_id uuid, organization_id uuid, role text, customer_id uuid, email text, name text,
  password_hash text, disabled_at timestamptz, locale text, time_zone text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT u.id, u.organization_id, u.role, u.customer_id, u.email, u.name, u.password_hash, u.disabled_at,
         u.locale, u.time_zone
    FROM public.users u
   WHERE lower(u.email) = lower(btrim(p_email))
$$;

CREATE FUNCTION arco_find_session(p_token_hash text)
RETURNS TABLE (session_id uuid, organization_id uuid, user_id uuid, role text, customer_id uuid, email text,
  name text, locale text, time_zone text, user_disabled_at timestamptz, created_at timestamptz,
  last_seen_at timestamptz, expires_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT s.id, s.organization_id, s.user_id, u.role, u.customer_id, u.email, u.name, u.locale, u.time_zone,
         u.disabled_at, s.created_at, s.last_seen_at, s.expires_at, s.revoked_at
    FROM public.sessions s
    JOIN public.users u ON u.organization_id = s.organization_id AND u.id = s.user_id
   WHERE s.token_hash = p_token_hash
$$;

CREATE FUNCTION arco_find_passkey(p_credential_id text)
RETURNS TABLE (passkey_id uuid, organization_id uuid, user_id uuid, role text, customer_id uuid,
  public_key bytea, counter bigint, transports text[], user_disabled_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT p.id, p.organization_id, p.user_id, u.role, u.customer_id, p.public_key, p.counter, p.transports,
         u.disabled_at
    FROM public.passkeys p
    JOIN public.users u ON u.organization_id = p.organization_id AND u.id = p.user_id
   WHERE p.credential_id = p_credential_id
$$;

CREATE FUNCTION arco_find_invitation(p_token_hash text)
RETURNS TABLE (invitation_id uuid, organization_id uuid, organization_name text, email text, role text,
  customer_id uuid, created_at timestamptz, expires_at timestamptz, accepted_at timestamptz,
  revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT i.id, i.organization_id, o.name, i.email, i.role, i.customer_id, i.created_at, i.expires_at,
         i.accepted_at, i.revoked_at
    FROM public.invitations i
    JOIN public.organizations o ON o.id = i.organization_id
   WHERE i.token_hash = p_token_hash
$$;

REVOKE ALL ON FUNCTION arco_find_login(text), arco_find_session(text), arco_find_passkey(text),
  arco_find_invitation(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arco_find_login(text), arco_find_session(text), arco_find_passkey(text),
  arco_find_invitation(text) TO arco_app;

-- Down Migration
DROP FUNCTION arco_find_invitation(text);
DROP FUNCTION arco_find_passkey(text);
DROP FUNCTION arco_find_session(text);
DROP FUNCTION arco_find_login(text);
DROP TRIGGER users_guard_update ON users;
DROP FUNCTION arco_guard_user_update();
DO $$
DECLARE
  t text;
  p record;
BEGIN
  FOR p IN SELECT policyname, tablename FROM pg_policies WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);
  END LOOP;
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity LOOP
    EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t);
  END LOOP;
END
$$;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM arco_app;
