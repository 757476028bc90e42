import { baselineOf, formatRatio, ratioToBaseline, type ResultTable } from './report.ts';

/**
 * The summary table of bench/README.md (issue 16, item 7): one line per measured case of every bench, with its
 * baseline and the ratio, each line stamped with the run that produced it. `npm run bench -- --update-readme`
 * replaces the lines of the benches it ran and keeps the others, so the table is always what the last run of
 * each bench measured. The table lives between the two markers below.
 */
export const SUMMARY_START = '<!-- bench-summary:start (written by npm run bench -- --update-readme) -->';
export const SUMMARY_END = '<!-- bench-summary:end -->';

const HEADER = [
  '| bench | table | case | figure | baseline (same run) | vs baseline | run |',
  '|---|---|---|---|---|---|---|',
];

const group = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The lines one bench contributes: every non-baseline case of each of its tables. */
export function summaryLines(bench: string, tables: readonly ResultTable[], run: string): string[] {
  return tables.flatMap((table) => {
    const baseline = baselineOf(table);
    return table.measurements
      .filter((m) => !m.baseline)
      .map((m) =>
        [
          bench,
          table.title.replace(/^[\w-]+ · /, ''),
          m.label,
          `${group(m.rowsPerSecond)}/s`,
          `${baseline.label}: ${group(baseline.rowsPerSecond)}/s`,
          formatRatio(ratioToBaseline(m, baseline)),
          run,
        ]
          .map(cell)
          .join(' | '),
      )
      .map((line) => `| ${line} |`);
  });
}

/** `readme` with the summary's lines for `ran` benches replaced by `lines` (other benches' lines kept). */
export function updateSummary(readme: string, ran: ReadonlySet<string>, lines: readonly string[]): string {
  const start = readme.indexOf(SUMMARY_START);
  const end = readme.indexOf(SUMMARY_END);
  if (start === -1 || end < start) throw new Error('bench/README.md has no summary markers');
  const old = readme
    .slice(start + SUMMARY_START.length, end)
    .split('\n')
    .filter((l) => l.startsWith('| '));
  const benchOf = (line: string) => line.slice(2, line.indexOf('|', 2)).trim();
  // Header and separator lines (also as a formatter may have padded them) are written anew.
  const isHeader = (line: string) => benchOf(line) === 'bench' || /^-+$/.test(benchOf(line));
  const kept = old.filter((l) => !isHeader(l) && !ran.has(benchOf(l)));
  const order = (l: string) => benchOf(l);
  const rows = [...kept, ...lines].sort((a, b) => order(a).localeCompare(order(b)));
  return `${readme.slice(0, start + SUMMARY_START.length)}\n${[...HEADER, ...rows].join('\n')}\n${readme.slice(end)}`;
}
