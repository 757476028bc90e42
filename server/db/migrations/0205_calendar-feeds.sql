-- Up Migration
-- Calendar feeds (issue 17, item 7; docs/api.md "Calendar feed", server/calendar/): each user may have one
-- private ICS feed URL whose secret is a random 256-bit token. Server-only table, never synced.
--
-- calendar_feed_tokens: the active token of a user, stored as its hex SHA-256 (like sessions: the token has
-- 256 bits of entropy, so a fast hash is enough and a database leak yields no usable URL). One row per user:
-- "Gerar novo link" replaces the hash (the old URL stops working at once), "Revogar" deletes the row.
CREATE TABLE calendar_feed_tokens (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, user_id),
  UNIQUE (token_hash),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id) ON DELETE CASCADE
);

-- Each user sees and manages only their own feed; the server (`system`) may read and remove any of its
-- organization's (e.g. when a user is removed).
ALTER TABLE calendar_feed_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_feed_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_feed_tokens_select ON calendar_feed_tokens FOR SELECT TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY calendar_feed_tokens_insert ON calendar_feed_tokens FOR INSERT TO arco_app WITH CHECK (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY calendar_feed_tokens_update ON calendar_feed_tokens FOR UPDATE TO arco_app
  USING (organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())))
  WITH CHECK (organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
CREATE POLICY calendar_feed_tokens_delete ON calendar_feed_tokens FOR DELETE TO arco_app USING (
  organization_id = (SELECT arco_org()) AND ((SELECT arco_role()) = 'system' OR user_id = (SELECT arco_user())));
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_feed_tokens TO arco_app;

-- The feed request has no session (calendar apps fetch it on their own): the one narrow way past RLS from a
-- token's hash to whose feed it is — the user's identity and language, nothing else. The feed is then read
-- with that identity, so RLS decides which meetings it may contain (like arco_find_session for a cookie).
CREATE FUNCTION arco_find_calendar_feed(p_token_hash text)
RETURNS TABLE (organization_id uuid, user_id uuid, role text, customer_id uuid, locale text,
  user_disabled_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  SELECT f.organization_id, f.user_id, u.role, u.customer_id, u.locale, u.disabled_at
    FROM public.calendar_feed_tokens f
    JOIN public.users u ON u.organization_id = f.organization_id AND u.id = f.user_id
   WHERE f.token_hash = p_token_hash
$$;
REVOKE ALL ON FUNCTION arco_find_calendar_feed(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arco_find_calendar_feed(text) TO arco_app;

-- Down Migration
DROP FUNCTION arco_find_calendar_feed(text);
DROP TABLE calendar_feed_tokens;
