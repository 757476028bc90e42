/**
 * The one way a bench takes a timing: a warm-up run, then `reps` measured runs, each returning how many rows
 * it processed. Throughput is reported from the median run; min/max show the spread (these machines are noisy,
 * which is why every table also carries a ratio to a baseline measured in the same run — see report.ts).
 *
 * Untimed work (reading fresh master states, opening a device database, cleaning up) goes in `setup` /
 * `teardown`, which run around every run, warm-up included. A bench may give a lighter `warmup` through the
 * same code path.
 */
export interface Sample {
  readonly ms: number;
  readonly rows: number;
}

export interface Measurement {
  readonly label: string;
  /** The reference every other case of its table is compared with. */
  readonly baseline: boolean;
  /** Measured runs only (the warm-up is discarded). */
  readonly samples: readonly Sample[];
  /** Rows per run (every run must process the same number). */
  readonly rows: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** rows / median seconds. */
  readonly rowsPerSecond: number;
  /** Free-form facts checked during the runs, e.g. "200 conflicts per run". */
  readonly note?: string;
  /** Load cases (sync-load): request latency percentiles and failed requests, for the issue table. */
  readonly load?: { readonly p50Ms: number; readonly p99Ms: number; readonly errors: number };
}

export interface RepetitionOptions {
  readonly warmup: number;
  readonly reps: number;
}

export interface MeasuredRun<T> {
  readonly label: string;
  readonly baseline?: boolean;
  readonly note?: string;
  /** Untimed preparation for one run; its result is handed to `run` and `teardown`. */
  readonly setup?: (iteration: number) => Promise<T>;
  /** The timed work; returns the number of rows it processed. */
  readonly run: (prepared: T, iteration: number) => Promise<number>;
  /**
   * A lighter warm-up through the same code path (e.g. one page instead of ten), for runs that take seconds:
   * JIT, connections and plan caches warm up in the first moments, and the run stays inside its time budget.
   * Default: a full `run`.
   */
  readonly warmup?: (prepared: T, iteration: number) => Promise<unknown>;
  readonly teardown?: (prepared: T, iteration: number) => Promise<void>;
}

export interface Clock {
  now(): number;
}

export const performanceClock: Clock = { now: () => performance.now() };

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Summarizes measured samples; throws when the runs disagree on the row count (the bench measured different work). */
export function summarize(
  label: string,
  samples: readonly Sample[],
  extra: { baseline?: boolean; note?: string } = {},
): Measurement {
  if (samples.length === 0) throw new RangeError(`${label}: no measured runs`);
  const rows = samples[0]!.rows;
  const odd = samples.find((s) => s.rows !== rows);
  if (odd) throw new Error(`${label}: runs processed different row counts (${rows} vs ${odd.rows})`);
  const times = samples.map((s) => s.ms);
  const medianMs = median(times);
  return {
    label,
    baseline: extra.baseline ?? false,
    samples,
    rows,
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    rowsPerSecond: medianMs > 0 ? rows / (medianMs / 1000) : Number.POSITIVE_INFINITY,
    ...(extra.note === undefined ? {} : { note: extra.note }),
  };
}

export async function measure<T = undefined>(
  options: RepetitionOptions,
  spec: MeasuredRun<T>,
  clock: Clock = performanceClock,
): Promise<Measurement> {
  const samples: Sample[] = [];
  const total = options.warmup + options.reps;
  for (let i = 0; i < total; i++) {
    const warmingUp = i < options.warmup;
    const prepared = spec.setup ? await spec.setup(i) : (undefined as T);
    try {
      if (warmingUp) {
        await (spec.warmup ?? spec.run)(prepared, i);
      } else {
        const started = clock.now();
        const rows = await spec.run(prepared, i);
        samples.push({ ms: clock.now() - started, rows });
      }
    } finally {
      if (spec.teardown) await spec.teardown(prepared, i);
    }
  }
  return summarize(spec.label, samples, {
    ...(spec.baseline === undefined ? {} : { baseline: spec.baseline }),
    ...(spec.note === undefined ? {} : { note: spec.note }),
  });
}
