import { browserFirstSync } from './browser/first-sync.ts';
import { portalLaunch } from './browser/portal-launch.ts';
import { healthFollow, healthRecompute } from './benches/health.ts';
import { syncPull } from './benches/sync-pull.ts';
import { syncPush } from './benches/sync-push.ts';
import { syncLoad } from './benches/sync-load.ts';
import { pushBench } from './benches/push.ts';
import { wireBytes } from './benches/wire-bytes.ts';
import { bundleSize } from './benches/bundle-size.ts';
import type { Bench } from './harness/bench.ts';

/**
 * Every bench `npm run bench` knows, in the order a full run executes them. Shared fixtures are created by
 * the first bench that needs them (the seeded demo server by sync-pull), so put cheap-to-share benches
 * together. To add one, see bench/README.md.
 */
export const BENCHES: readonly Bench[] = [
  syncPull,
  syncPush,
  syncLoad,
  healthFollow,
  healthRecompute,
  pushBench,
  wireBytes,
  bundleSize,
  browserFirstSync,
  portalLaunch,
];
