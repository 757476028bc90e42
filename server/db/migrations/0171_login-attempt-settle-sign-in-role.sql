-- Up Migration
-- Settling a sign-in attempt runs as the sign-in role (0160: login_attempts belongs to arco_auth, which has the
-- column UPDATE grant); the grant 0170 gave arco_app for it is no longer used.
REVOKE UPDATE (succeeded, user_id, device_key) ON login_attempts FROM arco_app;

-- Down Migration
GRANT UPDATE (succeeded, user_id, device_key) ON login_attempts TO arco_app;
