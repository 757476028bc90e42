import { z } from 'zod';
import { isValidCnpj, normalizeCnpj } from '../shared/domain/cnpj.ts';
import { parseIntegrationsKey } from './integrations/secret-box.ts';

/**
 * Server configuration, parsed once from the environment at start-up (docs/architecture.md §10). Every variable is
 * documented in the README's "Configuration" table; keep both in sync.
 *
 * Invariants:
 * - `loadConfig` is pure (it takes the environment as an argument), so tests build configs directly.
 * - A bad value never falls back silently to a default: it is reported by name, and secrets are never echoed.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());
/** `fallback` is the parsed (output) value: zod 4 defaults short-circuit parsing. */
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.output<T>) =>
  z.preprocess(emptyToUndefined, schema.default(fallback as never));

const intIn = (min: number, max: number) =>
  z.coerce
    .number({ error: `expected an integer between ${min} and ${max}` })
    .int(`expected an integer between ${min} and ${max}`)
    .min(min, `expected an integer between ${min} and ${max}`)
    .max(max, `expected an integer between ${min} and ${max}`);

/** `PUBLIC_ORIGIN` is an origin (scheme://host[:port]), nothing more: Origin headers are compared to it verbatim. */
const originSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected an origin such as https://arco.example.com' });
      return z.NEVER;
    }
    const bare = (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username;
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected an http(s) origin without path, e.g. https://arco.example.com',
      });
      return z.NEVER;
    }
    return url.origin;
  });

/** `TRUST_PROXY`: how many reverse proxies in front of us append to X-Forwarded-For (`true` = 1). */
const trustProxySchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value, ctx) => {
    if (value === 'false' || value === 'no') return 0;
    if (value === 'true' || value === 'yes') return 1;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    ctx.addIssue({ code: 'custom', message: 'expected true, false or a number of proxy hops (0–99)' });
    return z.NEVER;
  });

const postgresUrl = z
  .string()
  .trim()
  .refine(
    (v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v),
    'expected a postgres:// or postgresql:// URL',
  );

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), 'expected an http(s) URL');

/**
 * The push services of the major browsers (Chrome/Edge/Opera/Samsung use FCM, Firefox Mozilla's autopush, legacy
 * Edge WNS, Safari Apple's). A `*.` entry matches any subdomain, never the bare domain.
 */
export const DEFAULT_PUSH_ALLOWED_HOSTS: readonly string[] = [
  'fcm.googleapis.com',
  'android.googleapis.com',
  'updates.push.services.mozilla.com',
  '*.push.services.mozilla.com',
  '*.notify.windows.com',
  'web.push.apple.com',
  '*.push.apple.com',
];

/** `PUSH_ALLOWED_HOSTS`: comma-separated host names, each optionally `*.`-prefixed. */
const hostListSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const hosts = value
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== '');
    const bad = hosts.filter(
      (h) => !/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(h),
    );
    if (hosts.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected comma-separated host names such as fcm.googleapis.com',
      });
      return z.NEVER;
    }
    return hosts;
  });

/** `SMTP_URL`: smtp:// or smtps:// (nodemailer's connection URL). */
const smtpUrl = z
  .string()
  .trim()
  .refine((v) => /^smtps?:\/\//.test(v) && URL.canParse(v), 'expected an smtp:// or smtps:// URL');

const envSchema = z
  .object({
    NODE_ENV: withDefault(z.enum(['development', 'production', 'test']), 'development'),
    PORT: withDefault(intIn(0, 65_535), 3000),
    HOST: optional(z.string().trim().min(1)),
    DATABASE_URL: optional(postgresUrl),
    DATABASE_APP_URL: optional(postgresUrl),
    DATA_DIR: withDefault(z.string().trim().min(1), '.data'),
    DATABASE_CONNECT_TIMEOUT_MS: withDefault(intIn(100, 600_000), 5_000),
    DATABASE_STATEMENT_TIMEOUT_MS: withDefault(intIn(100, 3_600_000), 10_000),
    DATABASE_LOCK_TIMEOUT_MS: withDefault(intIn(100, 3_600_000), 3_000),
    SHUTDOWN_GRACE_MS: withDefault(intIn(0, 600_000), 5_000),
    STREAMS_PER_USER: withDefault(intIn(1, 1_000), 10),
    STREAMS_PER_INSTANCE: withDefault(intIn(1, 1_000_000), 1_000),
    LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
    SESSION_IDLE_MINUTES: withDefault(intIn(5, 525_600), 10_080),
    SESSION_ABSOLUTE_DAYS: withDefault(intIn(1, 365), 30),
    PUBLIC_ORIGIN: optional(originSchema),
    TRUST_PROXY: withDefault(trustProxySchema, 0),
    MAX_BODY_BYTES: withDefault(intIn(1024, 64 * 1024 * 1024), 8 * 1024 * 1024),
    VAPID_PUBLIC_KEY: optional(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{80,100}$/, 'expected a base64url P-256 key'),
    ),
    VAPID_PRIVATE_KEY: optional(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{40,50}$/, 'expected a base64url key'),
    ),
    VAPID_SUBJECT: optional(
      z
        .string()
        .trim()
        .refine((v) => v.startsWith('mailto:') || v.startsWith('https://'), 'expected mailto:… or https://…'),
    ),
    PUSH_ALLOWED_HOSTS: optional(hostListSchema),
    SMTP_URL: optional(smtpUrl),
    MAIL_FROM: optional(z.string().trim().min(3).max(300)),
    LLM_BASE_URL: optional(httpUrl),
    LLM_API_KEY: optional(z.string().trim().min(1)),
    LLM_MODEL: optional(z.string().trim().min(1)),
    PAYMENT_GATEWAY: optional(z.enum(['fake', 'off'])),
    INTEGRATIONS_KEY: optional(
      z
        .string()
        .trim()
        .refine(
          (v) => parseIntegrationsKey(v) !== null,
          'expected 32 bytes as 64 hex digits (openssl rand -hex 32)',
        ),
    ),
    INTEGRATIONS_FAKE: optional(z.enum(['on', 'off'])),
    GA4_BASE_URL: optional(httpUrl),
    GOOGLE_ADS_BASE_URL: optional(httpUrl),
    GOOGLE_ADS_DEVELOPER_TOKEN: optional(z.string().trim().min(1).max(200)),
    GOOGLE_OAUTH_BASE_URL: optional(httpUrl),
    META_BASE_URL: optional(httpUrl),
    NFSE_BASE_URL: optional(httpUrl),
    NFSE_TOKEN: optional(z.string().trim().min(1).max(500)),
    NFSE_PRESTADOR_CNPJ: optional(
      z
        .string()
        // The customer schema's rule (shared/domain/cnpj.ts): masked or bare, numeric or alphanumeric, check
        // digits right — a wrong one would only surface as every nota refused by the city hall.
        .transform(normalizeCnpj)
        .refine(
          isValidCnpj,
          'expected a CNPJ with valid check digits (12.345.678/0001-95 or 12ABC34501DE35)',
        ),
    ),
    NFSE_INSCRICAO_MUNICIPAL: optional(z.string().trim().min(1).max(30)),
    NFSE_CODIGO_MUNICIPIO: optional(
      z
        .string()
        .trim()
        .regex(/^\d{7}$/, 'expected the 7-digit IBGE code'),
    ),
    NFSE_ITEM_LISTA_SERVICO: optional(
      z
        .string()
        .trim()
        .regex(/^\d{1,2}\.\d{2}$/, 'expected e.g. 17.06'),
    ),
    NFSE_ALIQUOTA: optional(z.coerce.number().min(0).max(100)),
    PAYMENT_WEBHOOK_SECRET: optional(
      z.string().trim().min(32, 'expected at least 32 characters (e.g. openssl rand -hex 32)').max(512),
    ),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
      const missing = env.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'set both VAPID keys or neither' });
    }
    if (env.DATABASE_APP_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_APP_URL'], message: 'requires DATABASE_URL' });
    }
    if (env.LLM_BASE_URL && !env.LLM_MODEL) {
      ctx.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: 'required when LLM_BASE_URL is set' });
    }
    // A production gateway needs a secret both sides know; a random one per start would reject every webhook.
    if (env.NODE_ENV === 'production' && env.PAYMENT_GATEWAY === 'fake' && !env.PAYMENT_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYMENT_WEBHOOK_SECRET'],
        message: 'required when PAYMENT_GATEWAY is set in production',
      });
    }
    if (env.SESSION_IDLE_MINUTES > env.SESSION_ABSOLUTE_DAYS * 24 * 60) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_IDLE_MINUTES'],
        message: 'must not exceed SESSION_ABSOLUTE_DAYS',
      });
    }
  });

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  /**
   * Check every stored document JSON a pull or a push's master read serves against its row (server/sync/pg-store.ts
   * `verifyStoredJson`): on under NODE_ENV=test, so the e2e journeys check that invariant on every read; off
   * elsewhere, and in the benches, because it costs what the stored JSON saves.
   */
  readonly verifyStoredJson: boolean;
  readonly port: number;
  /** Interface to bind. Loopback outside production, so a demo with published passwords is not on the LAN. */
  readonly host: string;
  /** Absent → embedded PostgreSQL (PGlite) under `dataDir`. */
  readonly databaseUrl: string | undefined;
  /**
   * Optional separate login for request transactions (a member of `arco_app`, no BYPASSRLS). Without it they use
   * DATABASE_URL's connection with `SET LOCAL ROLE arco_app` (see server/db/database.ts).
   */
  readonly databaseAppUrl: string | undefined;
  /**
   * Bounded database waits (server/db/database.ts): opening a connection or waiting for a free one, and — for
   * request transactions — one statement and one lock wait. Past them the request answers 503 `unavailable`.
   */
  readonly databaseTimeouts: {
    readonly connectMs: number;
    readonly statementMs: number;
    readonly lockMs: number;
  };
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly session: { readonly idleMs: number; readonly absoluteMs: number };
  /** The origin users reach us at; when absent, same-origin checks use the request's own Host. */
  readonly publicOrigin: string | undefined;
  /** Number of trusted reverse-proxy hops (0 = use the socket address, ignore X-Forwarded-*). */
  readonly trustProxy: number;
  /** Hard cap on any request body, chunked or not (per-route limits may be lower). */
  readonly maxBodyBytes: number;
  /** Configured VAPID keys; absent → generated on the first start and kept in the database (server/push/vapid.ts). */
  readonly vapid:
    { readonly publicKey: string; readonly privateKey: string; readonly subject: string } | undefined;
  /** The VAPID `sub` contact, configured or not. */
  readonly vapidSubject: string;
  /** Host names a push subscription's endpoint may point at (SSRF guard: server/push/allow-list.ts). */
  readonly pushAllowedHosts: readonly string[];
  /** Outgoing mail for the notification digest; absent → the mail is written to the log (not in production). */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string };
  readonly llm:
    { readonly baseUrl: string; readonly apiKey: string | undefined; readonly model: string } | undefined;
  /**
   * "Pagar" (server/payments/): the gateway (`fake` — the local gateway for development and tests — or `off`;
   * default `fake` outside production, `off` in production) and the secret its webhooks are signed with. Without
   * a secret outside production the server makes a random one at start (the fake gateway signs in-process).
   */
  readonly payments: { readonly gateway: 'fake' | 'off'; readonly webhookSecret: string | undefined };
  /**
   * Data sources (server/integrations/): the credentials key (absent → generated under `dataDir` outside
   * production, integrations off in production), each provider's base URL (the real APIs by default), and
   * `fake`: answer every provider call with the in-process fakes (default on outside production).
   */
  readonly integrations: {
    readonly key: Buffer | undefined;
    readonly fake: boolean;
    readonly ga4BaseUrl: string;
    readonly googleAdsBaseUrl: string;
    /** The agency's Google Ads API developer token (`developer-token` header, required by the real API). */
    readonly googleAdsDeveloperToken: string | undefined;
    /** Google's OAuth token endpoint base (`{base}/token`), where refresh tokens are exchanged. */
    readonly googleOAuthBaseUrl: string;
    readonly metaBaseUrl: string;
  };
  /**
   * NFS-e issuing through Focus NFe (server/nfse/): on only when the token and the issuer's CNPJ, municipal
   * registration and city code are all set. The token is a secret: never logged, never in an answer.
   */
  readonly nfse: {
    readonly baseUrl: string;
    readonly token: string;
    readonly prestador: {
      readonly cnpj: string;
      readonly inscricaoMunicipal: string;
      readonly codigoMunicipio: string;
    };
    readonly itemListaServico: string;
    readonly aliquota: number;
  } | null;
  /** Open event streams (SSE) allowed per user and per server instance; past them a new one answers 429. */
  readonly streams: { readonly perUser: number; readonly perInstance: number };
  /** On SIGTERM/SIGINT: how long in-flight requests may take before open connections are cut. */
  readonly shutdownGraceMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const KNOWN = Object.keys(envSchema.shape);

/** Parses the environment; throws ConfigError naming every bad variable (values are not echoed). */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const picked = Object.fromEntries(KNOWN.map((k) => [k, env[k]]));
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${String(issue.path[0] ?? '(environment)')}: ${issue.message}`,
    );
    throw new ConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    verifyStoredJson: e.NODE_ENV === 'test',
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: e.DATABASE_URL,
    databaseAppUrl: e.DATABASE_APP_URL,
    databaseTimeouts: {
      connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      lockMs: e.DATABASE_LOCK_TIMEOUT_MS,
    },
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_ABSOLUTE_DAYS * 86_400_000 },
    publicOrigin: e.PUBLIC_ORIGIN,
    trustProxy: e.TRUST_PROXY,
    maxBodyBytes: e.MAX_BODY_BYTES,
    vapid:
      e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
        ? {
            publicKey: e.VAPID_PUBLIC_KEY,
            privateKey: e.VAPID_PRIVATE_KEY,
            subject: e.VAPID_SUBJECT ?? 'mailto:admin@arco.example',
          }
        : undefined,
    vapidSubject: e.VAPID_SUBJECT ?? 'mailto:admin@arco.example',
    pushAllowedHosts: e.PUSH_ALLOWED_HOSTS ?? DEFAULT_PUSH_ALLOWED_HOSTS,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? 'Arco <no-reply@arco.example>' },
    llm:
      e.LLM_BASE_URL && e.LLM_MODEL
        ? { baseUrl: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL }
        : undefined,
    payments: {
      gateway: e.PAYMENT_GATEWAY ?? (production ? 'off' : 'fake'),
      webhookSecret: e.PAYMENT_WEBHOOK_SECRET,
    },
    integrations: {
      key: e.INTEGRATIONS_KEY ? (parseIntegrationsKey(e.INTEGRATIONS_KEY) ?? undefined) : undefined,
      fake: (e.INTEGRATIONS_FAKE ?? (production ? 'off' : 'on')) === 'on',
      ga4BaseUrl: e.GA4_BASE_URL ?? 'https://analyticsdata.googleapis.com',
      googleAdsBaseUrl: e.GOOGLE_ADS_BASE_URL ?? 'https://googleads.googleapis.com',
      googleAdsDeveloperToken: e.GOOGLE_ADS_DEVELOPER_TOKEN,
      googleOAuthBaseUrl: e.GOOGLE_OAUTH_BASE_URL ?? 'https://oauth2.googleapis.com',
      metaBaseUrl: e.META_BASE_URL ?? 'https://graph.facebook.com',
    },
    nfse:
      e.NFSE_TOKEN && e.NFSE_PRESTADOR_CNPJ && e.NFSE_INSCRICAO_MUNICIPAL && e.NFSE_CODIGO_MUNICIPIO
        ? {
            // Focus NFe's production API unless told otherwise (its sandbox: FOCUS_NFSE_SANDBOX_URL).
            baseUrl: e.NFSE_BASE_URL ?? 'https://api.focusnfe.com.br',
            token: e.NFSE_TOKEN,
            prestador: {
              cnpj: e.NFSE_PRESTADOR_CNPJ,
              inscricaoMunicipal: e.NFSE_INSCRICAO_MUNICIPAL,
              codigoMunicipio: e.NFSE_CODIGO_MUNICIPIO,
            },
            // LC 116/2003 item 17.06: advertising and marketing services; the usual 5 % ISS.
            itemListaServico: e.NFSE_ITEM_LISTA_SERVICO ?? '17.06',
            aliquota: e.NFSE_ALIQUOTA ?? 5,
          }
        : null,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    streams: { perUser: e.STREAMS_PER_USER, perInstance: e.STREAMS_PER_INSTANCE },
  };
}

/** A config for tests: defaults plus overrides, never reading process.env. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), ...overrides };
}
