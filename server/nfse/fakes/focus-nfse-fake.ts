import { Hono } from 'hono';
import { CNPJ_SHAPE, isValidCnpj } from '../../../shared/domain/cnpj.ts';

/**
 * A local Focus NFe NFS-e API (v2) for development and tests, answering the documented shapes
 * (server/nfse/focus-nfse.ts): `POST /v2/nfse?ref=` (pre-validation 400 `{codigo, mensagem}`, else 202
 * `processando_autorizacao`; a ref it already has is 422), `GET /v2/nfse/:ref` (`processando_autorizacao`
 * until `pollsUntilDone` reads, then `autorizado` with `numero`, `codigo_verificacao`, `url`, `url_danfse` — or
 * `erro_autorizacao` with `erros` for a tomador CNPJ whose check digits are wrong or all the same digit, as a city
 * hall would refuse it), and the
 * nota's PDF at `url_danfse`. HTTP Basic with the token as user: `invalid` → 403 `permissao_negada`;
 * `ratelimit` → the first `rateLimitedRequests` calls answer 429 with `Retry-After: 1`. The error codes other
 * than those two are the fake's own words. The tomador's `cnpj` is pre-validated as Focus does its fields: when
 * present it must be 14 characters, numeric or alphanumeric (400 otherwise); a tomador without `cnpj` (or `cpf`) is accepted, as Focus
 * accepts it for the cities that allow an unidentified taker — Arco itself never sends one.
 */
interface FakeNota {
  readonly ref: string;
  readonly body: Record<string, unknown>;
  reads: number;
  numero: string | null;
  failed: 'invalid' | 'inactive' | null;
}

export function createFocusNfseFake(
  options: {
    readonly origin?: string;
    readonly pollsUntilDone?: number;
    readonly rateLimitedRequests?: number;
    /**
     * Takers whose CNPJ is well formed but not active at the Receita Federal (closed, suspended): their notas
     * are refused at authorization like an invalid CNPJ, with the fake's own E165. What staff fix before
     * "Reenviar NFS-e".
     */
    readonly inactiveTakers?: readonly string[];
  } = {},
): Hono & { readonly notas: () => readonly FakeNota[] } {
  const origin = options.origin ?? 'http://focus.fake';
  const pollsUntilDone = options.pollsUntilDone ?? 1;
  const app = new Hono();
  const notas = new Map<string, FakeNota>();
  let throttled = 0;
  let nextNumber = 1001;

  app.use('/v2/*', async (c, next) => {
    const auth = c.req.header('authorization') ?? '';
    const token = auth.startsWith('Basic ')
      ? Buffer.from(auth.slice(6), 'base64').toString().split(':')[0]
      : '';
    if (!token || token === 'invalid')
      return c.json({ codigo: 'permissao_negada', mensagem: 'Token de acesso inválido' }, 403);
    if (token === 'ratelimit' && throttled < (options.rateLimitedRequests ?? 1)) {
      throttled++;
      c.header('retry-after', '1');
      return c.json({ codigo: 'limite_excedido', mensagem: 'Limite de requisições atingido' }, 429);
    }
    await next();
  });

  app.post('/v2/nfse', async (c) => {
    const ref = c.req.query('ref');
    if (!ref) return c.json({ codigo: 'requisicao_invalida', mensagem: 'Parâmetro ref não informado' }, 400);
    if (notas.has(ref))
      return c.json({ codigo: 'ja_processada', mensagem: `NFSe com a referência ${ref} já existe` }, 422);
    const body = (await c.req.json().catch(() => null)) as Record<string, Record<string, unknown>> | null;
    const missing = ['data_emissao', 'prestador', 'tomador', 'servico'].filter((k) => !body?.[k]);
    const tomadorCnpj = body?.tomador?.cnpj;
    if (tomadorCnpj !== undefined && !CNPJ_SHAPE.test(String(tomadorCnpj)))
      return c.json(
        {
          codigo: 'requisicao_invalida',
          mensagem: 'CNPJ do tomador deve ter 12 números ou letras maiúsculas e 2 dígitos verificadores',
        },
        400,
      );
    const valor = body?.servico?.valor_servicos;
    if (missing.length > 0 || typeof valor !== 'number' || valor <= 0)
      return c.json(
        {
          codigo: 'requisicao_invalida',
          mensagem: `Campos inválidos: ${missing.join(', ') || 'valor_servicos'}`,
        },
        400,
      );
    const failed =
      tomadorCnpj === undefined
        ? null
        : !isValidCnpj(String(tomadorCnpj))
          ? 'invalid'
          : options.inactiveTakers?.includes(String(tomadorCnpj))
            ? 'inactive'
            : null;
    notas.set(ref, { ref, body: body as Record<string, unknown>, reads: 0, numero: null, failed });
    return c.json(
      {
        cnpj_prestador: body?.prestador?.cnpj,
        ref,
        numero_rps: String(notas.size),
        serie_rps: '1',
        tipo_rps: 'RPS',
        status: 'processando_autorizacao',
      },
      202,
    );
  });

  app.get('/v2/nfse/:ref', (c) => {
    const nota = notas.get(c.req.param('ref'));
    if (!nota) return c.json({ codigo: 'nao_encontrado', mensagem: 'Nota fiscal não encontrada' }, 404);
    nota.reads++;
    const base = {
      cnpj_prestador: (nota.body.prestador as { cnpj?: string }).cnpj,
      ref: nota.ref,
      serie_rps: '1',
    };
    if (nota.reads < pollsUntilDone) return c.json({ ...base, status: 'processando_autorizacao' });
    if (nota.failed)
      return c.json({
        ...base,
        status: 'erro_autorizacao',
        erros: [
          nota.failed === 'invalid'
            ? { codigo: 'E160', mensagem: 'CNPJ do tomador inválido', correcao: 'Informe um CNPJ válido' }
            : {
                codigo: 'E165',
                mensagem: 'CNPJ do tomador não está ativo na Receita Federal',
                correcao: 'Informe o CNPJ ativo do tomador',
              },
        ],
      });
    nota.numero ??= String(nextNumber++);
    return c.json({
      ...base,
      status: 'autorizado',
      numero: nota.numero,
      codigo_verificacao: `CV${nota.numero}`,
      data_emissao: (nota.body as { data_emissao?: string }).data_emissao,
      url: `${origin}/prefeitura/nfse/${nota.numero}`,
      url_danfse: `${origin}/notas/${encodeURIComponent(nota.ref)}.pdf`,
      caminho_xml_nota_fiscal: `/arquivos/${nota.ref}-nfse.xml`,
    });
  });

  // The DANFSe: a minimal valid PDF, so a browser following "Baixar NFe" gets a document.
  app.get('/notas/:file', (c) => {
    const ref = decodeURIComponent(c.req.param('file').replace(/\.pdf$/, ''));
    if (!notas.get(ref)?.numero) return c.text('not found', 404);
    return c.body(minimalPdf(`NFS-e ${notas.get(ref)!.numero}`), 200, { 'content-type': 'application/pdf' });
  });

  return Object.assign(app, { notas: () => [...notas.values()] });
}

function minimalPdf(text: string): string {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}
