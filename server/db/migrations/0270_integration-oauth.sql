-- Up Migration
-- OAuth refresh tokens for Google's sources (issue 17; server/integrations/oauth.ts, docs/api.md "Integrations").
-- `credential_kind` says what the sealed `credentials` hold: 'token' — an access token as is (every row before
-- this migration); 'oauth' — a JSON of the refresh token, client id and client secret, all sealed together, which
-- each run exchanges at Google's token endpoint for an access token kept in memory for that run only.
-- `revoked_at`: when the token endpoint last answered `invalid_grant` (revoked or expired grant); the screen asks
-- staff to reconnect, and reconnecting clears it. Neither column is a secret.
ALTER TABLE integration_connections
  ADD COLUMN credential_kind text NOT NULL DEFAULT 'token' CHECK (credential_kind IN ('token', 'oauth')),
  ADD COLUMN revoked_at timestamptz;

-- Down Migration
ALTER TABLE integration_connections DROP COLUMN revoked_at, DROP COLUMN credential_kind;
