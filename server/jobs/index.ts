import type { JobDefinition } from './define.ts';
import { pruneSessionsJob } from './prune-sessions.ts';

/** Every background job the server runs (docs/architecture.md "Jobs"): add a file, then list it here. */
export const JOBS: readonly JobDefinition[] = [pruneSessionsJob];
