import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { COLLECTION_NAMES, type CollectionName } from '../../shared/collections/index.ts';
import { hashPassword } from '../auth/passwords.ts';
import { loadConfig } from '../config.ts';
import { createDatabase } from '../db/database.ts';
import { streamDemoData } from './generate.ts';
import { loadDemoData } from './load.ts';

/**
 * `npm run seed -- [--customers N] [--seed N] [--now ISO] [--dry-run] [--replace]`
 *
 * Generates the demo data (Arco Digital with N customers, Outra Agência with 5) and loads it into the database
 * of the environment (DATABASE_URL, else the embedded PGlite under DATA_DIR), then prints the documents per
 * collection. `--dry-run` only generates and counts (nothing touches a database). A database that already has
 * organizations is left alone unless `--replace` is given, which deletes every organization first (never in
 * production).
 */
export const cliArgsSchema = z.strictObject({
  customers: z.coerce.number().int().min(6).max(200_000).default(90),
  seed: z.coerce.number().int().min(-2_147_483_648).max(4_294_967_295).default(1),
  now: z.iso.datetime({ offset: true }).optional(),
  'dry-run': z.boolean().default(false),
  replace: z.boolean().default(false),
  help: z.boolean().default(false),
});
export type CliArgs = z.output<typeof cliArgsSchema>;

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      customers: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      'dry-run': { type: 'boolean' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  return cliArgsSchema.parse(values);
}

const USAGE = `uso: npm run seed -- [--customers N] [--seed N] [--now ISO-8601] [--dry-run] [--replace]
  --customers  clientes da Arco Digital (padrão 90; benchmarks: 10000)
  --seed       semente do gerador (padrão 1): a mesma semente gera os mesmos dados
  --now        instante de referência (padrão: agora)
  --dry-run    só gera e conta, sem banco de dados
  --replace    apaga todas as organizações antes de carregar (nunca em produção)`;

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export function formatCounts(counts: Record<CollectionName, number>): string {
  const width = Math.max(...COLLECTION_NAMES.map((n) => n.length));
  const total = COLLECTION_NAMES.reduce((s, n) => s + counts[n], 0);
  const lines = COLLECTION_NAMES.map((n) => `  ${n.padEnd(width)}  ${thousands(counts[n]).padStart(10)}`);
  return [...lines, `  ${'total'.padEnd(width)}  ${thousands(total).padStart(10)}`].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const now = args.now ? new Date(args.now) : new Date();
  const stream = streamDemoData({ seed: args.seed, customers: args.customers, now });
  console.log(
    `Dados de demonstração: semente ${args.seed}, ${thousands(args.customers)} clientes na Arco Digital, ` +
      `referência ${now.toISOString()}`,
  );

  if (args['dry-run']) {
    const counts = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, 0])) as Record<CollectionName, number>;
    const started = performance.now();
    for (const batch of stream.batches()) {
      for (const name of Object.keys(batch.documents) as CollectionName[]) {
        counts[name] += batch.documents[name]?.length ?? 0;
      }
    }
    console.log(formatCounts(counts));
    console.log(
      `Gerado em ${((performance.now() - started) / 1000).toFixed(1)} s (nada foi gravado: --dry-run)`,
    );
    return 0;
  }

  const config = loadConfig(process.env);
  if (args.replace && config.env === 'production') {
    console.error('--replace apaga todos os dados: recusado com NODE_ENV=production.');
    return 1;
  }
  const db = await createDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl, ...(config.databaseAppUrl ? { appUrl: config.databaseAppUrl } : {}) }
      : { dataDir: join(config.dataDir, 'pglite') },
  );
  try {
    await db.migrate();
    const { rows } = await db.privileged((c) =>
      c.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations'),
    );
    const existing = rows[0]?.n ?? 0;
    if (existing > 0 && !args.replace) {
      console.error(
        `O banco já tem ${existing} organização(ões). Use --replace para apagar tudo e recarregar.`,
      );
      return 1;
    }
    if (existing > 0) {
      // Every tenant table references organizations with ON DELETE CASCADE.
      await db.privileged((c) => c.query('DELETE FROM organizations'));
      console.log(`${existing} organização(ões) apagada(s).`);
    }
    const started = performance.now();
    const result = await loadDemoData(db, stream, { hashPassword, now, log: (m) => console.log(`  … ${m}`) });
    console.log(formatCounts(result.documents));
    console.log(
      `${result.organizations} organizações, ${result.users} usuários (senha "arco-demo"), ` +
        `gerado e gravado em ${((performance.now() - started) / 1000).toFixed(1)} s (${db.kind}).`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof z.ZodError ? z.prettifyError(error) : error);
      process.exit(1);
    },
  );
}
