import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const SW_PATH = join(resolve(import.meta.dirname, '..', '..'), 'dist', 'sw.js');

/**
 * Simulates a deploy of a new version: the served `dist/sw.js` becomes byte-different (a build marker is
 * appended; the worker is otherwise the same and fully functional), exactly what the browser's update check
 * compares. The server revalidates `sw.js` on every request (no-cache), so the next `registration.update()`
 * finds it. Returns the undo, which puts the original bytes back.
 */
export async function deployChangedServiceWorker(): Promise<() => Promise<void>> {
  const original = await readFile(SW_PATH);
  await writeFile(SW_PATH, Buffer.concat([original, Buffer.from(`\n//# arco-e2e-redeploy ${Date.now()}\n`)]));
  return () => writeFile(SW_PATH, original);
}
