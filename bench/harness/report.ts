import type { Measurement } from './measure.ts';

/**
 * What a bench hands back: tables of measurements (each with exactly one baseline, measured in the same run)
 * and plain facts (seed time, row counts, which identity a baseline used). run.ts prints them and can write
 * them as JSON.
 */
export interface ResultTable {
  readonly title: string;
  readonly measurements: readonly Measurement[];
}

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/**
 * A figure of issue 16's table that is no throughput (a size, a latency, a percentile), as the bench that
 * measured it states it: the row it fills (`what`, the row's first cell), this run's figure, its baseline from
 * the same run, and whether the bench found the target met.
 */
export interface IssueFigure {
  readonly what: string;
  readonly figure: string;
  readonly baseline: string;
  readonly met: boolean;
}

export interface BenchResult {
  readonly tables: readonly ResultTable[];
  readonly facts: readonly Fact[];
  /** Issue 16 rows that are not read from `tables` (bench/harness/issue-table.ts). */
  readonly issueFigures?: readonly IssueFigure[];
}

/**
 * A case that compares nothing but says what the machine allows at all for the table's work (a trivial server's
 * answer, a device's bare storage fed as fast as it can take it). Its label is `ceilingLabel(name, details)`,
 * and issue 16's table states every ceiling of a row's table by name beside the row's figure
 * (harness/issue-table.ts), so a target above them reads as out of reach on this machine.
 */
const CEILING = /^ceiling \(([^)]+)\): /;

export function ceilingLabel(name: string, details: string): string {
  return `ceiling (${name}): ${details}`;
}

/** The table's ceilings, each with the name its label gives it. */
export function ceilingsOf(table: ResultTable): { name: string; m: Measurement }[] {
  return table.measurements.flatMap((m) => {
    const name = m.baseline ? undefined : CEILING.exec(m.label)?.[1];
    return name === undefined ? [] : [{ name, m }];
  });
}

/** Throughput of `m` divided by its table's baseline throughput (1 for the baseline itself). */
export function ratioToBaseline(m: Measurement, baseline: Measurement): number {
  return m.rowsPerSecond / baseline.rowsPerSecond;
}

export function baselineOf(table: ResultTable): Measurement {
  const baselines = table.measurements.filter((m) => m.baseline);
  if (baselines.length !== 1)
    throw new Error(`table "${table.title}" needs exactly one baseline, has ${baselines.length}`);
  return baselines[0]!;
}

const group = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const ms = (n: number) => (n >= 100 ? group(n) : n.toFixed(1));

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  return ratio >= 0.1 ? `${ratio.toFixed(2)}×` : `${ratio.toFixed(3)}×`;
}

/** A fixed-width text table: case, rows, median and min–max ms, rows/s at the median, ratio to the baseline. */
export function formatTable(table: ResultTable): string {
  const baseline = baselineOf(table);
  const header = ['case', 'rows', 'median ms', 'min–max ms', 'rows/s', 'vs baseline'];
  const body = table.measurements.map((m) => [
    `${m.baseline ? '(a) ' : ''}${m.label}`,
    group(m.rows),
    ms(m.medianMs),
    `${ms(m.minMs)}–${ms(m.maxMs)}`,
    group(m.rowsPerSecond),
    m.baseline ? 'baseline' : formatRatio(ratioToBaseline(m, baseline)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const notes = table.measurements
    .filter((m) => m.note)
    .map((m) => `  · ${m.label}: ${m.note}`)
    .join('\n');
  return [
    table.title,
    line(header),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...body.map(line),
    ...(notes ? [notes] : []),
  ].join('\n');
}

export function formatFacts(facts: readonly Fact[]): string {
  const width = Math.max(0, ...facts.map((f) => f.label.length));
  return facts.map((f) => `  ${f.label.padEnd(width)}  ${f.value}`).join('\n');
}
