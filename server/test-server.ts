import { testConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { createLogger } from './logger.ts';
import { startServer, type RunningServer } from './main.ts';

/**
 * Test helpers for end-to-end route tests over a socket: the real server (startServer) on a free local port over
 * a test database (db/testing.ts), silent and unseeded, and a sign-in that returns the session cookie the way
 * a browser would send it back.
 */
export function startTestServer(db: Database): Promise<RunningServer> {
  return startServer({
    config: testConfig({ port: 0, host: '127.0.0.1', trustProxy: 0 }),
    logger: createLogger({ level: 'silent' }),
    db,
    seed: false,
    staticRoot: null,
  });
}

/** Signs in through `POST /api/auth/login` (same-origin, JSON) and returns the `Cookie` header to send. */
export async function signInCookie(server: RunningServer, email: string, password: string): Promise<string> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
