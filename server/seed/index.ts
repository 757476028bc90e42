import { hashPassword } from '../auth/passwords.ts';
import type { Database } from '../db/database.ts';
import { streamDemoData } from './generate.ts';
import { loadDemoData, type LoadResult } from './load.ts';

export {
  countDocuments,
  generateDemoData,
  organizationIdOf,
  SEED_REFERENCE_NOW,
  streamDemoData,
} from './generate.ts';
export type { DemoStream } from './generate.ts';
export { loadDemoData, type LoadOptions, type LoadResult } from './load.ts';
export type { DemoBatch, DemoData, DemoOptions, DemoOrganization, DemoUser } from './types.ts';
export { DEMO_PASSWORD } from './people.ts';

export interface SeedOptions {
  log: (message: string) => void;
  /** Default 1. */
  seed?: number;
  /** Customers of Arco Digital (default 90, the seed's portfolio). */
  customers?: number;
  /** The instant the demo is anchored on (default: now — dates stay relative: "renewal in 347 days"). */
  now?: Date;
}

/**
 * Start-up seeding (server/main.ts calls it on an empty database outside production): the default demo data,
 * anchored on the current time, with argon2id password hashes.
 */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<LoadResult> {
  const now = options.now ?? new Date();
  const stream = streamDemoData({ seed: options.seed ?? 1, customers: options.customers ?? 90, now });
  return loadDemoData(db, stream, { hashPassword, now, log: options.log });
}
