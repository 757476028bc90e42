import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PUSH_ALLOWED_HOSTS, loadConfig } from './config.ts';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('has working defaults for `npm start` on a fresh machine', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      verifyStoredJson: false,
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      databaseAppUrl: undefined,
      databaseTimeouts: { connectMs: 5_000, statementMs: 10_000, lockMs: 3_000 },
      dataDir: '.data',
      logLevel: 'info',
      session: { idleMs: 7 * 24 * 60 * 60_000, absoluteMs: 30 * 24 * 60 * 60_000 },
      publicOrigin: undefined,
      trustProxy: 0,
      maxBodyBytes: 8 * 1024 * 1024,
      vapid: undefined,
      vapidSubject: 'mailto:admin@arco.example',
      pushAllowedHosts: DEFAULT_PUSH_ALLOWED_HOSTS,
      mail: { smtpUrl: undefined, from: 'Arco <no-reply@arco.example>' },
      llm: undefined,
      payments: { gateway: 'fake', webhookSecret: undefined },
      integrations: {
        key: undefined,
        fake: true,
        ga4BaseUrl: 'https://analyticsdata.googleapis.com',
        googleAdsBaseUrl: 'https://googleads.googleapis.com',
        googleAdsDeveloperToken: undefined,
        googleOAuthBaseUrl: 'https://oauth2.googleapis.com',
        metaBaseUrl: 'https://graph.facebook.com',
      },
      nfse: null,
      shutdownGraceMs: 5_000,
      streams: { perUser: 10, perInstance: 1_000 },
    });
  });

  it('turns NFS-e on only with the token and the issuer’s CNPJ, municipal registration and city code', () => {
    const issuer = {
      NFSE_TOKEN: 'focus-token',
      NFSE_PRESTADOR_CNPJ: '12.345.678/0001-95',
      NFSE_INSCRICAO_MUNICIPAL: '1234567',
      NFSE_CODIGO_MUNICIPIO: '3550308',
    };
    expect(loadConfig({ ...issuer, NFSE_CODIGO_MUNICIPIO: '' }).nfse).toBeNull();
    expect(loadConfig(issuer).nfse).toEqual({
      baseUrl: 'https://api.focusnfe.com.br',
      token: 'focus-token',
      prestador: { cnpj: '12345678000195', inscricaoMunicipal: '1234567', codigoMunicipio: '3550308' },
      itemListaServico: '17.06',
      aliquota: 5,
    });
    expect(
      loadConfig({ ...issuer, NFSE_BASE_URL: 'http://127.0.0.1:9998', NFSE_ALIQUOTA: '2.5' }).nfse,
    ).toMatchObject({ baseUrl: 'http://127.0.0.1:9998', aliquota: 2.5 });
    expect(() => loadConfig({ ...issuer, NFSE_CODIGO_MUNICIPIO: 'SP' })).toThrow(/NFSE_CODIGO_MUNICIPIO/);
  });

  it('reads the issuer’s CNPJ with the customer schema’s rule: masked or bare, alphanumeric, check digits right', () => {
    const issuer = { NFSE_TOKEN: 't', NFSE_INSCRICAO_MUNICIPAL: '1', NFSE_CODIGO_MUNICIPIO: '3550308' };
    const cnpj = (value: string) =>
      loadConfig({ ...issuer, NFSE_PRESTADOR_CNPJ: value }).nfse?.prestador.cnpj;
    expect(cnpj(' 12345678000195 ')).toBe('12345678000195');
    expect(cnpj('12.abc.345/01de-35')).toBe('12ABC34501DE35');
    // Right shape, wrong second check digit; all one digit; too short.
    for (const bad of ['12.345.678/0001-90', '00000000000000', '1234567800019'])
      expect(() => cnpj(bad), bad).toThrow(/NFSE_PRESTADOR_CNPJ/);
  });

  it("reads the integrations key, the fakes switch and the providers' base URLs; a bad key is named, not echoed", () => {
    const key = 'ab'.repeat(32);
    const config = loadConfig({
      NODE_ENV: 'production',
      INTEGRATIONS_KEY: key,
      GA4_BASE_URL: 'http://127.0.0.1:9999',
      GOOGLE_ADS_DEVELOPER_TOKEN: 'dev-token-abc',
    });
    expect(config.integrations.googleAdsDeveloperToken).toBe('dev-token-abc');
    expect(config.integrations.key?.toString('hex')).toBe(key);
    expect(config.integrations.fake).toBe(false);
    expect(config.integrations.ga4BaseUrl).toBe('http://127.0.0.1:9999');
    expect(loadConfig({ INTEGRATIONS_FAKE: 'off' }).integrations.fake).toBe(false);
    const bad = problems({ INTEGRATIONS_KEY: 'secret-value-xyz' });
    expect(bad).toEqual(['INTEGRATIONS_KEY: expected 32 bytes as 64 hex digits (openssl rand -hex 32)']);
    expect(bad.join()).not.toContain('secret-value-xyz');
  });

  it('reads the database timeouts, the shutdown grace and the stream caps', () => {
    const config = loadConfig({
      DATABASE_CONNECT_TIMEOUT_MS: '750',
      DATABASE_STATEMENT_TIMEOUT_MS: '20000',
      DATABASE_LOCK_TIMEOUT_MS: '1500',
      SHUTDOWN_GRACE_MS: '0',
      STREAMS_PER_USER: '3',
      STREAMS_PER_INSTANCE: '50',
    });
    expect(config.streams).toEqual({ perUser: 3, perInstance: 50 });
    expect(config.databaseTimeouts).toEqual({ connectMs: 750, statementMs: 20_000, lockMs: 1_500 });
    expect(config.shutdownGraceMs).toBe(0);
    expect(problems({ DATABASE_LOCK_TIMEOUT_MS: '0', SHUTDOWN_GRACE_MS: 'soon' }).length).toBe(2);
  });

  it('reads the push allow-list and the mail settings', () => {
    const config = loadConfig({
      PUSH_ALLOWED_HOSTS: ' fcm.googleapis.com, *.Notify.Windows.com ,127.0.0.1',
      SMTP_URL: 'smtp://user:pw@127.0.0.1:2525',
      MAIL_FROM: 'Agência <avisos@agencia.example>',
      VAPID_SUBJECT: 'https://agencia.example',
    });
    expect(config.pushAllowedHosts).toEqual(['fcm.googleapis.com', '*.notify.windows.com', '127.0.0.1']);
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://user:pw@127.0.0.1:2525',
      from: 'Agência <avisos@agencia.example>',
    });
    expect(config.vapidSubject).toBe('https://agencia.example');
    expect(() => loadConfig({ PUSH_ALLOWED_HOSTS: 'https://fcm.googleapis.com/' })).toThrow(
      /PUSH_ALLOWED_HOSTS/,
    );
    expect(() => loadConfig({ PUSH_ALLOWED_HOSTS: ' , ' })).toThrow(/PUSH_ALLOWED_HOSTS/);
    expect(loadConfig({ PUSH_ALLOWED_HOSTS: ' ' }).pushAllowedHosts).toEqual(DEFAULT_PUSH_ALLOWED_HOSTS);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
  });

  it('binds every interface in production and keeps logs quiet in tests', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    // Test servers check every stored document JSON they serve; nothing else pays for that.
    expect(loadConfig({ NODE_ENV: 'test' }).verifyStoredJson).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).verifyStoredJson).toBe(false);
    // No payment gateway in production unless one is configured (with its secret).
    expect(loadConfig({ NODE_ENV: 'production' }).payments).toEqual({
      gateway: 'off',
      webhookSecret: undefined,
    });
  });

  it('parses every variable', () => {
    const vapidPublic = 'B'.repeat(87);
    const vapidPrivate = 'k'.repeat(43);
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '10.0.0.5',
      DATABASE_URL: 'postgres://arco:secret@db.internal:5432/arco',
      DATABASE_APP_URL: 'postgresql://arco_app:secret@db.internal:5432/arco',
      DATA_DIR: '/var/lib/arco',
      LOG_LEVEL: 'warn',
      SESSION_IDLE_MINUTES: '60',
      SESSION_ABSOLUTE_DAYS: '7',
      PUBLIC_ORIGIN: 'https://arco.example.com/',
      TRUST_PROXY: '2',
      MAX_BODY_BYTES: '1048576',
      VAPID_PUBLIC_KEY: vapidPublic,
      VAPID_PRIVATE_KEY: vapidPrivate,
      VAPID_SUBJECT: 'mailto:ops@arco.example',
      LLM_BASE_URL: 'https://llm.internal/v1',
      LLM_API_KEY: 'sk-test',
      LLM_MODEL: 'gpt-4o-mini',
      PAYMENT_GATEWAY: 'fake',
      PAYMENT_WEBHOOK_SECRET: 'w'.repeat(64),
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '10.0.0.5',
      logLevel: 'warn',
      session: { idleMs: 3_600_000, absoluteMs: 7 * 86_400_000 },
      publicOrigin: 'https://arco.example.com',
      trustProxy: 2,
      maxBodyBytes: 1_048_576,
      vapid: { publicKey: vapidPublic, privateKey: vapidPrivate, subject: 'mailto:ops@arco.example' },
      llm: { baseUrl: 'https://llm.internal/v1', apiKey: 'sk-test', model: 'gpt-4o-mini' },
      payments: { gateway: 'fake', webhookSecret: 'w'.repeat(64) },
    });
  });

  it.each([
    ['true', 1],
    ['false', 0],
    ['0', 0],
    ['3', 3],
  ])('reads TRUST_PROXY=%s as %d hops', (value, hops) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(hops);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ', HOST: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
    });
  });

  it('lists every bad variable by name in one error', () => {
    const found = problems({
      PORT: 'abc',
      DATABASE_URL: 'mysql://db/arco',
      LOG_LEVEL: 'loud',
      PUBLIC_ORIGIN: 'https://arco.example.com/app',
      TRUST_PROXY: 'maybe',
      SESSION_ABSOLUTE_DAYS: '0',
      LLM_BASE_URL: 'ftp://llm',
      PAYMENT_GATEWAY: 'stripe',
      PAYMENT_WEBHOOK_SECRET: 'short',
    });
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'LLM_BASE_URL',
      'LOG_LEVEL',
      'PAYMENT_GATEWAY',
      'PAYMENT_WEBHOOK_SECRET',
      'PORT',
      'PUBLIC_ORIGIN',
      'SESSION_ABSOLUTE_DAYS',
      'TRUST_PROXY',
    ]);
  });

  it.each([
    [{ VAPID_PUBLIC_KEY: 'B'.repeat(87) }, 'VAPID_PRIVATE_KEY'],
    [{ LLM_BASE_URL: 'https://llm.internal/v1' }, 'LLM_MODEL'],
    [{ SESSION_IDLE_MINUTES: '2000', SESSION_ABSOLUTE_DAYS: '1' }, 'SESSION_IDLE_MINUTES'],
    [{ DATABASE_APP_URL: 'postgres://a@b/c' }, 'DATABASE_APP_URL'],
    [{ NODE_ENV: 'production', PAYMENT_GATEWAY: 'fake' }, 'PAYMENT_WEBHOOK_SECRET'],
  ])('checks variables that go together: %o', (env, variable) => {
    expect(problems(env).map((p) => p.split(':')[0])).toEqual([variable]);
  });

  it('never echoes a value (it may be a secret)', () => {
    const error = (() => {
      try {
        loadConfig({ DATABASE_URL: 'not a url with password hunter2', VAPID_PRIVATE_KEY: 'hunter2!' });
      } catch (e) {
        return e as Error;
      }
      return new Error('no error');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('hunter2');
  });
});
