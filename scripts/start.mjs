// `npm start`: build the PWA when dist/ is missing or older than its sources, then run the server
// (server/main.ts through tsx). Without a Vite config there is nothing to build yet: the API is served alone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-deps.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const at = (...parts) => join(root, ...parts);

const VITE_CONFIG = ['vite.config.ts', 'vite.config.mts', 'vite.config.js']
  .map((f) => at(f))
  .find(existsSync);
/** Everything that ends up in the client bundle. */
const CLIENT_INPUTS = ['client', 'shared', 'sync', 'public', 'index.html', 'package-lock.json'];
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.tsbuild']);

/** Newest modification time under `path` (0 when it does not exist). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

function buildIfNeeded() {
  if (!VITE_CONFIG) {
    console.log('start: no vite.config.ts yet — skipping the client build; serving the API only.');
    return;
  }
  const builtAt = existsSync(at('dist', 'index.html')) ? statSync(at('dist', 'index.html')).mtimeMs : 0;
  const sourcesAt = Math.max(newestMtime(VITE_CONFIG), ...CLIENT_INPUTS.map((p) => newestMtime(at(p))));
  if (builtAt >= sourcesAt) {
    console.log('start: dist/ is up to date.');
    return;
  }
  console.log(builtAt ? 'start: sources changed — rebuilding the client…' : 'start: building the client…');
  const result = spawnSync(process.execPath, [at('node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('start: the client build failed (see above).');
    process.exit(result.status ?? 1);
  }
}

ensureDependencies(root);
buildIfNeeded();

// `node --import tsx` runs the TypeScript server in this same Node, without an extra wrapper process.
const server = spawn(process.execPath, ['--import', 'tsx', at('server', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

// Ctrl+C sends SIGINT to the whole foreground process group, so the server already gets it: we only wait
// (forwarding it too would be the server's "second signal: exit now"). SIGTERM/SIGHUP, which a process
// manager sends to this process alone, are passed on. Either way we exit with the server's status.
process.on('SIGINT', () => undefined);
for (const signal of ['SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
