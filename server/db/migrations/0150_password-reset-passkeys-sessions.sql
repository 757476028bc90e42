-- Up Migration
-- Accounts, part B (docs/api.md "Password reset", "Passkeys", "Signed-in devices"): password reset links,
-- WebAuthn challenges, the rate-limit ledger of unauthenticated account requests, and the narrow lookups that
-- run before anyone is identified.

-- One mailed reset link. The token exists only in the mail; its SHA-256 is stored. Single use (used_at) and
-- short-lived (expires_at); using one marks every other open link of the user used too.
CREATE TABLE password_resets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  requested_ip text,
  CHECK (expires_at > created_at),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX password_resets_user_idx ON password_resets (organization_id, user_id);
CREATE INDEX password_resets_expires_idx ON password_resets (expires_at);

-- A user reads, creates and uses only their own links (the flow acts as that user once the token or the
-- e-mail address has named them); admins read the organization's. Nobody deletes one but the system.
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;
CREATE POLICY password_resets_select ON password_resets FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org())
  AND ((SELECT arco_role()) IN ('admin', 'system') OR user_id = (SELECT arco_user())));
CREATE POLICY password_resets_insert ON password_resets FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY password_resets_update ON password_resets FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org())
    AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())))
  WITH CHECK (organization_id = (SELECT arco_org())
    AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY password_resets_delete ON password_resets FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND (SELECT arco_role()) = 'system');
GRANT SELECT, INSERT, UPDATE, DELETE ON password_resets TO arco_app;

-- The sign-in role (created by 0160 too; idempotent): like login_attempts, the two tables below are written
-- before anyone is identified and are the sign-in path's alone (Database.signIn), never arco_app's.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'arco_auth') THEN
    BEGIN
      CREATE ROLE arco_auth NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
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

-- Outstanding WebAuthn challenges (SHA-256 of the challenge), single use: consuming one deletes it.
CREATE TABLE webauthn_challenges (
  challenge_hash text PRIMARY KEY CHECK (challenge_hash ~ '^[0-9a-f]{64}$'),
  purpose text NOT NULL CHECK (purpose IN ('registration', 'authentication')),
  -- The user a registration challenge was issued to; NULL for sign-in (discoverable credentials).
  user_id uuid,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  CHECK ((purpose = 'registration') = (user_id IS NOT NULL))
);
CREATE INDEX webauthn_challenges_expires_idx ON webauthn_challenges (expires_at);
GRANT SELECT, INSERT, DELETE ON webauthn_challenges TO arco_auth;
ALTER TABLE webauthn_challenges ENABLE ROW LEVEL SECURITY;
ALTER TABLE webauthn_challenges FORCE ROW LEVEL SECURITY;
CREATE POLICY webauthn_challenges_sign_in ON webauthn_challenges FOR ALL TO arco_auth USING (true) WITH CHECK (true);

-- Rate-limit ledger of unauthenticated account requests (reset mails per address and per e-mail as typed,
-- passkey sign-in options per address). Keys are e-mails as typed (known or not), so the ledger reveals no
-- account; it is the sign-in role's alone, like login_attempts.
CREATE TABLE auth_rate_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bucket text NOT NULL CHECK (bucket ~ '^[a-z_]+$'),
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX auth_rate_events_key_idx ON auth_rate_events (bucket, key, at);
CREATE INDEX auth_rate_events_at_idx ON auth_rate_events (at);
GRANT SELECT, INSERT, DELETE ON auth_rate_events TO arco_auth;
ALTER TABLE auth_rate_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth_rate_events FORCE ROW LEVEL SECURITY;
CREATE POLICY auth_rate_events_sign_in ON auth_rate_events FOR ALL TO arco_auth USING (true) WITH CHECK (true);

-- The reset link's user, before anyone is identified (like arco_find_session for a cookie).
CREATE FUNCTION arco_find_password_reset(p_token_hash text)
RETURNS TABLE (reset_id uuid, organization_id uuid, user_id uuid, role text, customer_id uuid, email text,
  name text, locale text, time_zone text, user_disabled_at timestamptz, created_at timestamptz,
  expires_at timestamptz, used_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT r.id, r.organization_id, r.user_id, u.role, u.customer_id, u.email, u.name, u.locale, u.time_zone,
         u.disabled_at, r.created_at, r.expires_at, r.used_at
    FROM public.password_resets r
    JOIN public.users u ON u.organization_id = r.organization_id AND u.id = r.user_id
   WHERE r.token_hash = p_token_hash
$$;

-- A passkey and its whole user (arco_find_passkey of 0004 lacks the profile a sign-in returns).
CREATE FUNCTION arco_find_passkey_login(p_credential_id text)
RETURNS TABLE (passkey_id uuid, organization_id uuid, user_id uuid, role text, customer_id uuid, email text,
  name text, locale text, time_zone text, user_disabled_at timestamptz, credential_id text, public_key bytea,
  counter bigint, transports text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT p.id, p.organization_id, p.user_id, u.role, u.customer_id, u.email, u.name, u.locale, u.time_zone,
         u.disabled_at, p.credential_id, p.public_key, p.counter, p.transports
    FROM public.passkeys p
    JOIN public.users u ON u.organization_id = p.organization_id AND u.id = p.user_id
   WHERE p.credential_id = p_credential_id
$$;

REVOKE ALL ON FUNCTION arco_find_password_reset(text), arco_find_passkey_login(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arco_find_password_reset(text), arco_find_passkey_login(text) TO arco_app;

-- Down Migration
DROP FUNCTION arco_find_passkey_login(text);
DROP FUNCTION arco_find_password_reset(text);
DROP TABLE auth_rate_events;
DROP TABLE webauthn_challenges;
DROP TABLE password_resets;
