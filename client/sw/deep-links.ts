/**
 * The paths a notification may open, collected from every feature's `paths.ts` (`export const deepLinks`).
 * The worker reads these import-free modules, never the features' manifests, so no React code reaches its
 * bundle; client/app/features.test.ts checks the result equals the manifests' `deepLinks`.
 *
 * Vite resolves the glob at build time (also in the worker build and in Vitest): a new feature's `paths.ts`
 * is picked up without a list to keep in step.
 */
const modules = import.meta.glob<{ deepLinks?: readonly string[] }>('../features/*/paths.ts', {
  eager: true,
});

export const NOTIFICATION_PATH_PREFIXES: readonly string[] = [
  ...new Set(Object.values(modules).flatMap((m) => m.deepLinks ?? [])),
].sort();
