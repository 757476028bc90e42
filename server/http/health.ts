import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { unavailable } from '../../shared/api-errors.ts';

/** Something that answers when the database is reachable (e.g. runs `select 1`). */
export interface HealthCheck {
  check(): Promise<void>;
}

/** A health probe must answer even when the database hangs. */
export const HEALTH_TIMEOUT_MS = 3_000;

/** `GET /api/health` → 200 `{"ok":true}` when the database answers, else 503 `unavailable`. */
export function healthRoutes(health: HealthCheck) {
  return new Hono<AppEnv>().get('/', async (c) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)),
        HEALTH_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([health.check(), timeout]);
    } catch (err) {
      c.get('log').error({ err }, 'health check: database unreachable');
      throw unavailable('The database is unreachable.');
    } finally {
      clearTimeout(timer);
    }
    return c.json({ ok: true }, 200);
  });
}
