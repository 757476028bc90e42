import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createFocusNfseFake } from './fakes/focus-nfse-fake.ts';
import { createNfse } from './setup.ts';

/** The job's NFS-e side from the environment: off without the issuer's data, else Focus NFe at NFSE_BASE_URL. */
const ISSUER = {
  NFSE_TOKEN: 'focus-setup-token',
  NFSE_PRESTADOR_CNPJ: '12345678000195',
  NFSE_INSCRICAO_MUNICIPAL: '1234567',
  NFSE_CODIGO_MUNICIPIO: '3550308',
  NFSE_BASE_URL: 'http://focus.fake',
};
const io = (fetch: (url: string, init?: RequestInit) => Promise<Response>) => ({
  fetch,
  clock: () => new Date('2026-03-10T12:00:00.000Z'),
  sleep: async () => undefined,
});

describe('createNfse', () => {
  it('is off (null) without the token and the issuer', () => {
    expect(
      createNfse(
        loadConfig({}),
        io(() => Promise.reject(new Error('no network'))),
      ),
    ).toBeNull();
  });

  it('talks to NFSE_BASE_URL with the configured token and issuer', async () => {
    const fake = createFocusNfseFake();
    const urls: string[] = [];
    const nfse = createNfse(
      loadConfig(ISSUER),
      io(async (url, init) => {
        urls.push(url);
        return fake.request(url, init);
      }),
    )!;
    const state = await nfse.provider.issue(
      {
        ref: 'inv-1',
        issuedAt: '2026-03-10T09:00:00-03:00',
        prestador: nfse.prestador,
        tomador: { cnpj: '11222333000181', razaoSocial: 'TechCorp LTDA', email: null },
        servico: { valueCents: 100, discriminacao: 'x', ...nfse.service },
      },
      nfse.http(),
    );
    expect(state).toEqual({ status: 'processing' });
    expect(urls).toEqual(['http://focus.fake/v2/nfse?ref=inv-1']);
    expect(fake.notas()[0]!.body).toMatchObject({
      prestador: { cnpj: '12345678000195', codigo_municipio: '3550308' },
      servico: { item_lista_servico: '17.06', aliquota: 5 },
    });
    expect(JSON.stringify(fake.notas())).not.toContain('focus-setup-token');
  });
});
