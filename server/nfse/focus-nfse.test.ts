import { describe, expect, it } from 'vitest';
import { createSourceHttp, SourceError, type Fetch } from '../integrations/http.ts';
import { createFocusNfseFake } from './fakes/focus-nfse-fake.ts';
import { createFocusNfseProvider, focusNfseBody, type NfseRequest } from './focus-nfse.ts';

/** The Focus NFe NFS-e adapter against the local fake of the documented API (v2 `/v2/nfse`). */
const NOW = new Date('2026-03-10T12:00:00.000Z');
const BASE = 'http://focus.fake';

const request = (over: Partial<NfseRequest> = {}): NfseRequest => ({
  ref: 'inv-0190a8e4-0001',
  issuedAt: '2026-03-10T09:00:00-03:00',
  prestador: { cnpj: '12.345.678/0001-90', inscricaoMunicipal: '1234567', codigoMunicipio: '3550308' },
  tomador: { cnpj: '11.222.333/0001-81', razaoSocial: 'TechCorp LTDA', email: 'financeiro@techcorp.example' },
  servico: {
    valueCents: 450_005,
    discriminacao: 'Gestão de marketing digital — março/2026',
    itemListaServico: '17.06',
    aliquota: 5,
  },
  ...over,
});

function setup(token = 'tok-secret-123', fakeOptions: Parameters<typeof createFocusNfseFake>[0] = {}) {
  const fake = createFocusNfseFake({ origin: BASE, ...fakeOptions });
  const seen: { url: string; authorization: string | null }[] = [];
  const fetch: Fetch = async (url, init) => {
    seen.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    return fake.request(url, init);
  };
  const sleeps: number[] = [];
  const http = createSourceHttp({
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    clock: () => NOW,
    random: () => 0.5,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 10_000 },
  });
  return { fake, http, seen, sleeps, provider: createFocusNfseProvider({ baseUrl: `${BASE}/`, token }) };
}

describe('Focus NFe NFS-e adapter', () => {
  it('sends the nota in Focus’s field names with Basic auth, then follows its async processing to the number and PDF', async () => {
    const { provider, http, fake, seen } = setup('tok-secret-123', { pollsUntilDone: 2 });
    expect(await provider.issue(request(), http)).toEqual({ status: 'processing' });
    expect(seen[0]).toEqual({
      url: `${BASE}/v2/nfse?ref=inv-0190a8e4-0001`,
      authorization: `Basic ${Buffer.from('tok-secret-123:').toString('base64')}`,
    });
    expect(fake.notas()[0]!.body).toMatchObject({
      prestador: { cnpj: '12345678000190', inscricao_municipal: '1234567', codigo_municipio: '3550308' },
      tomador: { cnpj: '11222333000181', razao_social: 'TechCorp LTDA' },
      servico: { valor_servicos: 4500.05, item_lista_servico: '17.06', aliquota: 5, iss_retido: false },
    });
    expect(await provider.read('inv-0190a8e4-0001', http)).toEqual({ status: 'processing' });
    expect(await provider.read('inv-0190a8e4-0001', http)).toEqual({
      status: 'issued',
      number: '1001',
      url: `${BASE}/notas/inv-0190a8e4-0001.pdf`,
      verificationCode: 'CV1001',
    });
  });

  it('is idempotent by ref: a repeated POST (its answer lost) reads the nota Focus already has', async () => {
    const { provider, http, fake } = setup();
    await provider.issue(request(), http);
    expect(await provider.issue(request(), http)).toMatchObject({ status: 'issued', number: '1001' });
    expect(fake.notas()).toHaveLength(1);
  });

  it.each(['00.000.000/0000-00', '11.222.333/0001-82'])(
    'reports the city hall’s refusal (erro_autorizacao) of the tomador CNPJ %s with Focus’s errors',
    async (cnpj) => {
      const { provider, http } = setup();
      await provider.issue(request({ tomador: { cnpj, razaoSocial: 'X', email: null } }), http);
      expect(await provider.read('inv-0190a8e4-0001', http)).toEqual({
        status: 'failed',
        errors: [{ code: 'E160', message: 'CNPJ do tomador inválido' }],
      });
    },
  );

  it('sends an alphanumeric tomador CNPJ bare and uppercase, and the nota is issued', async () => {
    const { provider, http, fake } = setup();
    const taker = { cnpj: '12.abc.345/01de-35', razaoSocial: 'Nova Era LTDA', email: null };
    await provider.issue(request({ tomador: taker }), http);
    expect(fake.notas()[0]!.body).toMatchObject({ tomador: { cnpj: '12ABC34501DE35' } });
    expect(await provider.read('inv-0190a8e4-0001', http)).toMatchObject({ status: 'issued' });
  });

  it('pre-validates the tomador CNPJ’s shape (400) before taking the nota', async () => {
    const { provider, http, fake } = setup();
    const error = (await provider
      .issue(request({ tomador: { cnpj: '11.222.333/0001', razaoSocial: 'X', email: null } }), http)
      .catch((e: unknown) => e)) as SourceError;
    expect([error.status, error.message]).toEqual([
      400,
      'HTTP 400 requisicao_invalida: CNPJ do tomador deve ter 12 números ou letras maiúsculas e 2 dígitos verificadores',
    ]);
    expect(fake.notas()).toEqual([]);
  });

  it('fails at once, without retrying, on pre-validation (400) and a bad token (403), with Focus’s message and never the token', async () => {
    const bad = setup('tok-secret-123');
    const error = await bad.provider
      .issue(request({ servico: { ...request().servico, valueCents: 0 } }), bad.http)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toBe(
      'HTTP 400 requisicao_invalida: Campos inválidos: valor_servicos',
    );
    expect(bad.http.attempts()).toBe(1);

    const denied = setup('invalid');
    const refused = (await denied.provider
      .issue(request(), denied.http)
      .catch((e: unknown) => e)) as SourceError;
    expect([refused.status, refused.retryable, refused.message]).toEqual([
      403,
      false,
      'HTTP 403 permissao_negada: Token de acesso inválido',
    ]);
    expect(JSON.stringify([error, refused, String(error), String(refused)])).not.toContain('tok-secret-123');
  });

  it('waits out 429 as Retry-After says, then issues', async () => {
    const { provider, http, sleeps } = setup('ratelimit', { rateLimitedRequests: 2 });
    expect(await provider.issue(request(), http)).toEqual({ status: 'processing' });
    expect(sleeps).toEqual([1000, 1000]);
    expect(http.attempts()).toBe(3);
  });

  it('answers 404 for an unknown ref as an error, and serves the issued nota’s PDF', async () => {
    const { provider, http, fake } = setup();
    const missing = (await provider.read('nope', http).catch((e: unknown) => e)) as SourceError;
    expect(missing.status).toBe(404);
    await provider.issue(request(), http);
    const issued = await provider.read('inv-0190a8e4-0001', http);
    const pdf = await fake.request(issued.status === 'issued' ? issued.url : '');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdf.text()).startsWith('%PDF-1.4')).toBe(true);
  });

  it('writes money as reais with two decimals from integer cents', () => {
    expect(
      focusNfseBody(request({ servico: { ...request().servico, valueCents: 7 } })).servico.valor_servicos,
    ).toBe(0.07);
    expect(focusNfseBody(request()).servico.valor_servicos).toBe(4500.05);
  });
});
