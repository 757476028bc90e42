import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

/**
 * A fresh production build of the app for the browser benches, in a temporary directory (never `dist/`, which
 * `npm test` and a running server may be using), plus the bench-only module under `__bench/` beside it.
 *
 * The app is built exactly as `npm run build` builds it (the Vite CLI with the project's vite.config.ts: PWA,
 * service worker, precache manifest), in a child process whose output goes to stderr — the PWA plugin's own
 * service-worker build prints progress whatever the log level, and stdout is the bench report. The bench module is a separate library build with no config file, done *after* the app,
 * so the service worker's precache manifest never lists it and nothing of it ships in the app.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const BENCH_ENTRY = join(import.meta.dirname, 'rxdb-bulk-insert.entry.ts');
export const BENCH_MODULE_PATH = '/__bench/rxdb-bulk-insert.js';

export interface BenchBuild {
  /** Serve this directory as the server's static root. */
  readonly dir: string;
  readonly seconds: number;
  dispose(): Promise<void>;
}

export async function buildAppForBench(): Promise<BenchBuild> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'arco-bench-app-'));
  try {
    await buildApp(dir);
    await build({
      root: ROOT,
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: join(dir, '__bench'),
        emptyOutDir: true,
        copyPublicDir: false,
        minify: true,
        lib: { entry: BENCH_ENTRY, formats: ['es'], fileName: () => 'rxdb-bulk-insert.js' },
      },
    });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    seconds: (performance.now() - started) / 1000,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

function buildApp(outDir: string): Promise<void> {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir'], {
      cwd: ROOT,
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolveBuild() : reject(new Error(`vite build exited with ${code}`)),
    );
  });
}
