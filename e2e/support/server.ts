import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Starts the real Arco server (`server/main.ts`, the same entry `npm start` serves) on a free loopback port,
 * with its data in a fresh temporary directory, and waits for `GET /api/health`. One per test file.
 * `dist/` must already be built (`npm test` runs `npm run build` before the e2e project).
 */
export interface AppServer {
  readonly origin: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const STARTUP_TIMEOUT_MS = 120_000;

export async function startAppServer(
  env: Record<string, string> = {},
  options: {
    /**
     * The host name the browser uses. `localhost` (a WebAuthn RP ID must be a domain, never an IP address) also
     * becomes PUBLIC_ORIGIN, so mailed links and the passkey origin name it; the server still listens on
     * 127.0.0.1, where localhost resolves.
     */
    readonly host?: '127.0.0.1' | 'localhost';
  } = {},
): Promise<AppServer> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ is not built: run `npm run build` first (npm test does it for you).');
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'arco-e2e-data-'));
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ...(options.host === 'localhost' ? { PUBLIC_ORIGIN: origin } : {}),
      ...env,
    },
    // Own process group, so close() can stop the server and anything it spawned — and nothing else.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));

  const close = async () => {
    await stop(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(origin, child, () => log);
  } catch (error) {
    await close();
    throw error;
  }
  return { origin, output: () => log, close };
}

async function waitForHealth(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok && ((await res.json()) as { ok?: unknown }).ok === true) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer /api/health within ${STARTUP_TIMEOUT_MS / 1000}s:\n${log()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}
