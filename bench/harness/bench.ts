import { z } from 'zod';
import { COLLECTION_NAMES, type CollectionName } from '../../shared/collections/index.ts';
import type { Fixtures } from './fixtures.ts';
import type { RepetitionOptions } from './measure.ts';
import type { BenchResult, ResultTable } from './report.ts';

/**
 * A benchmark: a script, never a timed test (docs/architecture.md §12). It measures its cases with `measure` (warm-up,
 * repetitions, median), always next to a baseline measured in the same run, and returns tables and facts.
 * Benches check that they measured the right work (row counts, conflicts returned) and throw otherwise — but
 * they never assert on time.
 */
export interface Bench {
  /** CLI name: `npm run bench -- <name>`. kebab-case. */
  readonly name: string;
  /** One line: what is measured and against which baseline. */
  readonly description: string;
  /** Where the measured code runs. `browser` benches drive headless Chromium (playwright-core). */
  readonly environment: 'node' | 'browser';
  run(ctx: BenchContext): Promise<BenchResult>;
}

export interface BenchContext {
  readonly options: BenchOptions;
  /** Shared, lazily created resources (see fixtures.ts and fixtures/). */
  readonly fixtures: Fixtures;
  /** Progress lines (stderr), so stdout stays the report. */
  log(message: string): void;
  /** A fact about the whole run (database, seed time), printed once with the environment. */
  runFact(label: string, value: string): void;
  /**
   * Prints a finished table now (kept if a later case fails). Report a table here *or* return it in
   * `BenchResult.tables`; a table given both ways is printed once.
   */
  report(table: ResultTable): void;
}

/** Thrown by a bench that cannot run here (e.g. no Chromium); the run goes on and reports it as skipped. */
export class BenchSkipped extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'BenchSkipped';
  }
}

const collectionList = z
  .string()
  .transform((s) => s.split(',').map((n) => n.trim()))
  .pipe(z.array(z.enum(COLLECTION_NAMES as unknown as [CollectionName, ...CollectionName[]])).min(1));

export const benchOptionsSchema = z.strictObject({
  /** Measured repetitions per case (after the warm-up). */
  reps: z.coerce.number().int().min(1).max(100).default(3),
  warmup: z.coerce.number().int().min(0).max(10).default(1),
  /** Customers of Arco Digital in the seeded demo organization (the issue asks for ≥ 10,000). */
  customers: z.coerce.number().int().min(6).max(200_000).default(10_000),
  /** Generator seed (same seed → same data). */
  seed: z.coerce.number().int().min(0).max(4_294_967_295).default(1),
  /**
   * Collections the pull bench measures; the demo fixture seeds exactly these (plus customers). `health` is one
   * document per customer, `metrics` twelve: seeding metrics for 10,000 customers takes minutes on PGlite.
   */
  collections: collectionList.default(['customers']),
  /**
   * Rows pushed per measured run (in the app's push batches, `PUSH_BATCH_ROWS`). The default keeps a full run near
   * five minutes on a loaded 2-core machine with the embedded database; use 1000+ on an idle one.
   */
  pushRows: z.coerce.number().int().min(100).max(10_000).default(200),
  /** Share of pushed rows that carry a stale assumed master state in the conflict case. */
  staleShare: z.coerce.number().min(0).max(1).default(0.2),
  /**
   * Organization sizes the health recompute bench measures, each in its own organization (bench/support/
   * health-org.ts). The largest is run once (`--reps` applies to the others).
   */
  healthCustomers: z
    .string()
    .transform((s) => s.split(',').map((n) => Number(n.trim())))
    .pipe(z.array(z.number().int().min(1).max(200_000)).min(1))
    .default([10_000, 100_000]),
  /** Concurrent HTTP connections of the load bench, one table each. */
  loadConnections: z
    .string()
    .transform((s) => s.split(',').map((n) => Number(n.trim())))
    .pipe(z.array(z.number().int().min(1).max(1000)).min(1))
    .default([10, 50, 100]),
  /** Seconds each load case runs (after a one-second warm-up at the same concurrency). */
  loadSeconds: z.coerce.number().min(1).max(600).default(5),
});
export type BenchOptions = z.output<typeof benchOptionsSchema>;

export const repetitionsOf = (o: BenchOptions): RepetitionOptions => ({ warmup: o.warmup, reps: o.reps });
