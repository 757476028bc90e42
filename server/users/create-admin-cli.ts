/**
 * `npm run create-admin`: the first run from a terminal. On a database with no organization, creates the
 * organization and its admin (the same store call as the browser's first-run screen, `POST /api/setup`).
 *
 *   npm run create-admin                                   # asks for each value (the password hidden)
 *   npm run create-admin -- --organization "Agência Aurora" --name "Eva Souza" --email eva@aurora.example
 *                           [--locale en]                   # the password: ARCO_ADMIN_PASSWORD or a prompt
 *
 * Uses DATABASE_URL, or the embedded database in `$DATA_DIR/pglite` (stop the server first: PGlite allows one
 * process per data directory). Migrates first, so it also works before the server has ever started. Refuses,
 * changing nothing, when an organization exists (e.g. the demo data of `npm start` outside production).
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { setupBodySchema, type SetupBody } from '../../shared/accounts.ts';
import { issueList } from '../../shared/api-errors.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createDatabase } from '../db/database.ts';
import { PgAccountsStore } from './pg-store.ts';

const FIELDS = [
  ['organizationName', 'organization', 'Nome da organização (agência)'],
  ['name', 'name', 'Seu nome'],
  ['email', 'email', 'Seu e-mail'],
] as const;

export async function collectSetup(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  ask: ((question: string, hidden: boolean) => Promise<string>) | null,
): Promise<{ ok: true; value: SetupBody } | { ok: false; problems: string[] }> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      organization: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      locale: { type: 'string' },
    },
    strict: true,
  });
  const raw: Record<string, string | undefined> = { locale: values.locale };
  for (const [key, flag, question] of FIELDS) {
    raw[key] = values[flag] ?? (ask ? await ask(`${question}: `, false) : undefined);
  }
  raw.password =
    env.ARCO_ADMIN_PASSWORD ?? (ask ? await ask('Senha (mínimo 10 caracteres): ', true) : undefined);
  const input = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const parsed = setupBodySchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: issueList(parsed.error.issues).map((i) => `${i.path || 'input'}: ${i.message}`),
  };
}

/** A terminal prompt; `hidden` echoes nothing (passwords). */
async function terminalAsk(question: string, hidden: boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
      write.call(rl, s.startsWith(question) ? s : '');
  }
  try {
    return await rl.question(question);
  } finally {
    if (hidden) process.stdout.write('\n');
    rl.close();
  }
}

async function main(): Promise<number> {
  const env = z
    .object({
      DATABASE_URL: z.string().min(1).optional(),
      DATA_DIR: z.string().trim().min(1).default('.data'),
    })
    .parse(process.env);
  const collected = await collectSetup(
    process.argv.slice(2),
    process.env,
    process.stdin.isTTY ? terminalAsk : null,
  );
  if (!collected.ok) {
    console.error(`create-admin: ${collected.problems.join('\n  ')}`);
    return 2;
  }
  const db = await createDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: join(env.DATA_DIR, 'pglite') },
  );
  try {
    await db.migrate();
    const { value } = collected;
    const user = await new PgAccountsStore(db).createOrganization(
      {
        organizationName: value.organizationName,
        locale: value.locale,
        admin: { email: value.email, name: value.name, passwordHash: await hashPassword(value.password) },
      },
      { at: new Date(), ip: null },
    );
    if (!user) {
      console.error(
        'create-admin: this database already has an organization; nothing was changed. Admins invite people from Ajustes → Usuários.',
      );
      return 1;
    }
    console.log(`Created "${value.organizationName}" and its admin ${user.email}. Sign in with that e-mail.`);
    return 0;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
