import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { resolve } from 'node:path';
import { contentSecurityPolicy } from '../../server/http/security-headers.ts';
import { serveSpa } from '../../server/static/spa.ts';
import { freePort, type AppServer } from './server.ts';

/**
 * TEMPORARY stand-in used only while `server/main.ts` is not committed: the server's own SPA handler and CSP
 * over `dist/`, `/api/health`, and 404 for every other API path. Shell-only tests pass against it; anything
 * that needs auth waits for the real server. Delete once server/main.ts lands.
 */
export async function startStaticServer(): Promise<AppServer> {
  const port = await freePort();
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', contentSecurityPolicy(false));
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  });
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: 'Not found' } }, 404));
  app.use('*', serveSpa({ root: resolve(import.meta.dirname, '..', '..', 'dist') }));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
  return {
    origin: `http://127.0.0.1:${port}`,
    output: () => '',
    close: () => new Promise((r) => server.close(() => r())),
  };
}
