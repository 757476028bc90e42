import { z } from 'zod';
import { SourceError, type SourceHttp } from '../integrations/http.ts';
import { normalizeCnpj } from '../../shared/domain/cnpj.ts';

/**
 * NFS-e (nota fiscal de serviço eletrônica) through Focus NFe's REST API v2 (doc.focusnfe.com.br, "NFSe"):
 *
 * - `POST {base}/v2/nfse?ref=REF` with the nota's JSON (data_emissao, prestador, tomador, servico) — Focus
 *   pre-validates it synchronously (4xx `{codigo, mensagem}`), else answers 202 with
 *   `status: "processando_autorizacao"` and sends it to the city hall asynchronously;
 * - `GET {base}/v2/nfse/REF` — the nota's state: `processando_autorizacao`, `autorizado` (with `numero`,
 *   `codigo_verificacao`, `url` — the city hall's page —, `url_danfse` — the PDF — and `caminho_xml_nota_fiscal`),
 *   `erro_autorizacao` (with `erros: [{codigo, mensagem, correcao}]`) or `cancelado`.
 *
 * Authentication is HTTP Basic with the token as user name and an empty password. REF is ours (the invoice id),
 * so a POST repeated after a lost answer is refused by Focus and the nota is read with GET instead: issuing is
 * idempotent by invoice. All IO goes through `SourceHttp` (retries, backoff, 429 Retry-After); the token is in
 * the Authorization header only, which no error message or log line is built from.
 */
export const FOCUS_NFSE_SANDBOX_URL = 'https://homologacao.focusnfe.com.br';

export interface NfseParty {
  /**
   * The taker's CNPJ (`tomador.cnpj`, sent bare and uppercase: numeric or alphanumeric). Arco never sends a nota
   * without it (issue-nfse.ts).
   */
  readonly cnpj: string;
  readonly razaoSocial: string;
  readonly email: string | null;
}

/** What Arco knows of a paid invoice's nota: the service, its value and the two parties. */
export interface NfseRequest {
  /** Our reference for the nota (the invoice id): Focus's `ref`. */
  readonly ref: string;
  readonly issuedAt: string;
  readonly prestador: {
    readonly cnpj: string;
    readonly inscricaoMunicipal: string;
    readonly codigoMunicipio: string;
  };
  readonly tomador: NfseParty;
  readonly servico: {
    readonly valueCents: number;
    readonly discriminacao: string;
    /** Item of the LC 116/2003 service list (e.g. "17.06" advertising). */
    readonly itemListaServico: string;
    /** ISS rate in percent (e.g. 5). */
    readonly aliquota: number;
  };
}

export type NfseState =
  | { readonly status: 'processing' }
  | {
      readonly status: 'issued';
      readonly number: string;
      readonly url: string;
      readonly verificationCode: string | null;
    }
  | {
      readonly status: 'failed';
      readonly errors: readonly { readonly code: string; readonly message: string }[];
    }
  | { readonly status: 'cancelled' };

export interface NfseProvider {
  /** Sends the nota (or, when Focus already has this ref, reads it) and answers its state. */
  issue(request: NfseRequest, http: SourceHttp): Promise<NfseState>;
  /** The nota's current state. */
  read(ref: string, http: SourceHttp): Promise<NfseState>;
}

const stateSchema = z.object({
  status: z.enum(['processando_autorizacao', 'autorizado', 'erro_autorizacao', 'cancelado']),
  numero: z.string().optional().nullable(),
  codigo_verificacao: z.string().optional().nullable(),
  url: z.string().optional().nullable(),
  url_danfse: z.string().optional().nullable(),
  erros: z
    .array(z.object({ codigo: z.string().optional(), mensagem: z.string().optional() }))
    .optional()
    .nullable(),
});

function toState(body: unknown): NfseState {
  const parsed = stateSchema.safeParse(body);
  if (!parsed.success) throw new SourceError('unexpected NFS-e answer', null, false);
  const b = parsed.data;
  switch (b.status) {
    case 'processando_autorizacao':
      return { status: 'processing' };
    case 'cancelado':
      return { status: 'cancelled' };
    case 'erro_autorizacao':
      return {
        status: 'failed',
        errors: (b.erros ?? []).map((e) => ({
          code: e.codigo ?? '',
          message: (e.mensagem ?? '').slice(0, 500),
        })),
      };
    case 'autorizado': {
      // The PDF (DANFSe) when Focus has one for the city, else the city hall's page of the nota.
      const url = b.url_danfse ?? b.url;
      if (!b.numero || !url) throw new SourceError('authorized NFS-e without number or link', null, false);
      return { status: 'issued', number: b.numero, url, verificationCode: b.codigo_verificacao ?? null };
    }
  }
}

/** The nota's JSON in Focus's documented field names. */
export function focusNfseBody(request: NfseRequest) {
  const { prestador, tomador, servico } = request;
  return {
    data_emissao: request.issuedAt,
    prestador: {
      cnpj: normalizeCnpj(prestador.cnpj),
      inscricao_municipal: prestador.inscricaoMunicipal,
      codigo_municipio: prestador.codigoMunicipio,
    },
    tomador: {
      cnpj: normalizeCnpj(tomador.cnpj),
      razao_social: tomador.razaoSocial,
      ...(tomador.email ? { email: tomador.email } : {}),
    },
    servico: {
      aliquota: servico.aliquota,
      discriminacao: servico.discriminacao,
      iss_retido: false,
      item_lista_servico: servico.itemListaServico,
      // Reais with two decimals from integer cents (no float arithmetic on money).
      valor_servicos: Number(
        `${Math.trunc(servico.valueCents / 100)}.${String(servico.valueCents % 100).padStart(2, '0')}`,
      ),
    },
  };
}

export function createFocusNfseProvider(options: {
  readonly baseUrl: string;
  readonly token: string;
}): NfseProvider {
  const base = options.baseUrl.replace(/\/+$/, '');
  const headers = {
    authorization: `Basic ${Buffer.from(`${options.token}:`).toString('base64')}`,
    accept: 'application/json',
  };
  const read = (ref: string, http: SourceHttp) =>
    http.json(`${base}/v2/nfse/${encodeURIComponent(ref)}`, { method: 'GET', headers }, toState);
  return {
    read,
    async issue(request, http) {
      try {
        return await http.json(
          `${base}/v2/nfse?ref=${encodeURIComponent(request.ref)}`,
          {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(focusNfseBody(request)),
          },
          toState,
        );
      } catch (error) {
        // A ref Focus already has (our earlier POST whose answer was lost): read it instead of failing.
        if (error instanceof SourceError && error.status === 422) {
          const existing = await read(request.ref, http).catch(() => null);
          if (existing) return existing;
        }
        throw error;
      }
    },
  };
}
