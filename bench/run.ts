import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, arch } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { benchOptionsSchema, BenchSkipped, type Bench, type BenchOptions } from './harness/bench.ts';
import { createFixtures } from './harness/fixtures.ts';
import { formatFacts, formatTable, type BenchResult, type Fact, type ResultTable } from './harness/report.ts';
import { issueLines, updateIssueTable } from './harness/issue-table.ts';
import { summaryLines, updateSummary } from './harness/summary.ts';
import { BENCHES } from './registry.ts';

/**
 * `npm run bench [-- <bench>…] [--reps N] [--warmup N] [--customers N] [--collections a,b] [--push-rows N]
 *  [--stale-share 0.2] [--health-customers 10000,100000]
 *  [--load-connections 10,50,100] [--load-seconds 5] [--seed N] [--json file] [--list]`
 *
 * Runs every bench (or the named ones) in registry order on the embedded database, or on the PostgreSQL at
 * DATABASE_URL (a fresh `arco_test_*` database is created there and dropped at the end). The report goes to
 * stdout, progress to stderr. Exit code 1 when a bench failed (a skipped bench is not a failure).
 */
const USAGE = `usage: npm run bench -- [bench…] [options]
benches:
${BENCHES.map((b) => `  ${b.name.padEnd(12)} ${b.description}`).join('\n')}
options:
  --reps N           measured repetitions per case (default 3)
  --warmup N         warm-up runs per case, discarded (default 1)
  --customers N      customers of the seeded Arco Digital (default 10000)
  --collections a,b  collections sync-pull measures and the fixture seeds (default customers;
                     e.g. customers,health,metrics)
  --push-rows N      rows per sync-push run, in the app's push batches (default 200)
  --stale-share F    share of stale rows in the conflict case (default 0.2)
  --health-customers a,b  organization sizes of the health recompute (default 10000,100000)
  --load-connections a,b  concurrent connections of sync-load, one table each (default 10,50,100)
  --load-seconds N   seconds per sync-load case (default 5)
  --seed N           demo-data generator seed (default 1)
  --json FILE        also write every figure as JSON
  --update-readme    write this run's figures into bench/README.md's summary table (benches not run keep theirs)
  --list             list the benches and exit
environment: DATABASE_URL=postgres://… runs against that server instead of the embedded PGlite.`;

interface Cli {
  benches: Bench[];
  options: BenchOptions;
  json: string | undefined;
  updateReadme: boolean;
  list: boolean;
  help: boolean;
}

export function parseCli(argv: readonly string[]): Cli {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      reps: { type: 'string' },
      warmup: { type: 'string' },
      customers: { type: 'string' },
      collections: { type: 'string' },
      'push-rows': { type: 'string' },
      'stale-share': { type: 'string' },
      'health-customers': { type: 'string' },
      'load-connections': { type: 'string' },
      'load-seconds': { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'string' },
      'update-readme': { type: 'boolean' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const unknown = positionals.filter((p) => !BENCHES.some((b) => b.name === p));
  if (unknown.length)
    throw new Error(`unknown bench: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})`);
  const options = benchOptionsSchema.parse({
    reps: values.reps,
    warmup: values.warmup,
    customers: values.customers,
    collections: values.collections,
    pushRows: values['push-rows'],
    staleShare: values['stale-share'],
    healthCustomers: values['health-customers'],
    loadConnections: values['load-connections'],
    loadSeconds: values['load-seconds'],
    seed: values.seed,
  });
  return {
    benches: positionals.length ? BENCHES.filter((b) => positionals.includes(b.name)) : [...BENCHES],
    options,
    json: values.json,
    updateReadme: values['update-readme'] ?? false,
    list: values.list ?? false,
    help: values.help ?? false,
  };
}

type Outcome =
  | { bench: string; status: 'ok'; seconds: number; result: BenchResult }
  | { bench: string; status: 'skipped'; reason: string; tables: ResultTable[] }
  | { bench: string; status: 'failed'; error: string; tables: ResultTable[] };

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

async function main(argv: readonly string[]): Promise<number> {
  const cli = parseCli(argv);
  if (cli.help || cli.list) {
    console.log(
      cli.help ? USAGE : BENCHES.map((b) => `${b.name}\t${b.environment}\t${b.description}`).join('\n'),
    );
    return 0;
  }
  const startedAt = new Date();
  const cpu = cpus();
  const environment = {
    node: process.version,
    platform: `${platform()} ${arch()}`,
    cpus: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}`,
    database: process.env.DATABASE_URL ? 'postgres (DATABASE_URL)' : 'embedded (PGlite)',
    loadAtStart: load(),
  };
  console.log(`Arco benchmarks — ${startedAt.toISOString()}`);
  console.log(
    `node ${environment.node}, ${environment.platform}, ${environment.cpus}; database: ${environment.database}`,
  );
  console.log(`load average at start (1, 5, 15 min): ${environment.loadAtStart}`);
  console.log(
    `options: ${cli.options.reps} measured runs per case after ${cli.options.warmup} warm-up; figures are medians, ` +
      `"vs baseline" = rows/s ÷ baseline rows/s measured in the same run`,
  );

  const runFacts: Fact[] = [];
  const fixtures = createFixtures((key, error) => console.error(`disposing ${key} failed:`, error));
  const outcomes: Outcome[] = [];
  try {
    for (const bench of cli.benches) {
      console.error(`▶ ${bench.name}`);
      const started = performance.now();
      // Tables a bench reports as it goes are printed at once, so a later failure does not lose them.
      const reported: ResultTable[] = [];
      const print = (table: ResultTable) => console.log(`\n${formatTable(table)}`);
      try {
        const result = await bench.run({
          options: cli.options,
          fixtures,
          log: (message) => console.error(`  ${message}`),
          runFact: (label, value) => runFacts.push({ label, value }),
          report: (table) => {
            reported.push(table);
            print(table);
          },
        });
        const seconds = (performance.now() - started) / 1000;
        const late = result.tables.filter((t) => !reported.includes(t));
        late.forEach(print);
        const tables = [...reported, ...late];
        outcomes.push({ bench: bench.name, status: 'ok', seconds, result: { ...result, tables } });
        if (result.facts.length) console.log(formatFacts(result.facts));
        console.log(`  (${bench.name}: ${seconds.toFixed(1)} s, load average now ${load()})`);
      } catch (error) {
        if (error instanceof BenchSkipped) {
          outcomes.push({ bench: bench.name, status: 'skipped', reason: error.message, tables: reported });
          console.log(`\n${bench.name}: skipped — ${error.message}`);
        } else {
          outcomes.push({
            bench: bench.name,
            status: 'failed',
            error: String((error as Error)?.stack ?? error),
            tables: reported,
          });
          console.log(`\n${bench.name}: FAILED — ${(error as Error)?.message ?? String(error)}`);
          console.error(error);
        }
      }
    }
  } finally {
    await fixtures.disposeAll();
  }

  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  if (runFacts.length) console.log(`\nrun:\n${formatFacts(runFacts)}`);
  console.log(`\ntotal ${seconds.toFixed(1)} s; load average at end (1, 5, 15 min): ${load()}`);
  if (cli.json) {
    const report = {
      startedAt,
      seconds,
      environment,
      loadAtEnd: load(),
      options: cli.options,
      runFacts,
      outcomes,
    };
    await writeFile(cli.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`figures written to ${cli.json}`);
  }
  if (cli.updateReadme) {
    const run = `${startedAt.toISOString().slice(0, 10)}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, load ${environment.loadAtStart.split(',')[0]}`;
    const measured = outcomes.flatMap((o) =>
      o.status === 'ok'
        ? [{ bench: o.bench, tables: o.result.tables, figures: o.result.issueFigures ?? [] }]
        : [],
    );
    const readmePath = new URL('./README.md', import.meta.url);
    const readme = await readFile(readmePath, 'utf8');
    const summarized = updateSummary(
      readme,
      new Set(measured.map((m) => m.bench)),
      measured.flatMap((m) => summaryLines(m.bench, m.tables, run)),
    );
    await writeFile(
      readmePath,
      updateIssueTable(summarized, issueLines(measured, run, Boolean(process.env.DATABASE_URL))),
    );
    console.log('bench/README.md summary updated');
  }
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    // Exit explicitly: a failed bench may leave timers or sockets behind (the fixtures are already closed).
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof z.ZodError ? z.prettifyError(error) : error);
      process.exit(2);
    },
  );
}
