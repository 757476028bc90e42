-- Up Migration
-- The sign-in throttle records an attempt as a failure before verifying its password (atomically with the count,
-- server/auth/login-throttle.ts) and settles it afterwards: the app role may change an attempt's outcome.
GRANT UPDATE (succeeded, user_id, device_key) ON login_attempts TO arco_app;

-- Down Migration
REVOKE UPDATE (succeeded, user_id, device_key) ON login_attempts FROM arco_app;
