import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleWriter, MAX_TEXT } from './openai-compatible.ts';
import type { RecommendationRequest } from './recommendation-writer.ts';

/**
 * The adapter against a real HTTP stand-in on loopback (node:http): it checks what arrives (path, headers, the
 * body's model and messages) and answers as each case needs — a rewrite, an error, garbage, or nothing in time.
 */
interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly authorization: string | undefined;
  readonly body: {
    model: string;
    messages: { role: string; content: string }[];
  };
}
type Answer = (req: Received, res: ServerResponse) => void;

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

/** A stand-in answering the n-th request with `answers[n]` (the last one again after that). */
async function standIn(answers: Answer[]) {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const got: Received = {
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        body: JSON.parse(raw) as Received['body'],
      };
      received.push(got);
      answers[Math.min(received.length, answers.length) - 1]!(got, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1`, received, server };
}

const json =
  (status: number, body: unknown): Answer =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
const completion = (content: string) => json(200, { choices: [{ message: { role: 'assistant', content } }] });
/** Answers only after the client has given up (the connection is closed by the abort). */
const never: Answer = (_req, res) => {
  const t = setTimeout(() => res.end(), 5_000);
  res.on('close', () => clearTimeout(t));
};

const STARTUP: RecommendationRequest = {
  language: 'pt-BR',
  customerName: 'StartupXYZ',
  factors: [
    'Sem login há 14 dias',
    'Uso caiu 65% no último mês',
    'Sem resposta aos últimos 3 e-mails',
    'Ticket de suporte sem resolução há 9 dias',
  ],
  template:
    'Agendar call de emergência. Cliente pode estar considerando cancelamento. Oferecer sessão de treinamento gratuita para reengajamento.',
};
const REWRITE =
  'Ligue hoje para o decisor da StartupXYZ: sem login há 14 dias e uso em queda de 65%. Ofereça um treinamento gratuito.';

const writer = (baseUrl: string, extra: { apiKey?: string; timeoutMs?: number } = {}) => {
  const reasons: string[] = [];
  const w = createOpenAiCompatibleWriter({
    baseUrl,
    apiKey: extra.apiKey,
    model: 'gpt-test',
    fetch,
    timeoutMs: extra.timeoutMs ?? 2_000,
    retryDelayMs: 10,
    onFallback: (r) => reasons.push(r),
  });
  return { w, reasons };
};

describe('OpenAI-compatible recommendation writer', () => {
  it('sends the name, the factors and the template only, in the organization’s language, and uses the answer', async () => {
    const api = await standIn([completion(`  ${REWRITE}\n`)]);
    const { w, reasons } = writer(api.baseUrl, { apiKey: 'sk-test' });
    expect(await w.rewrite(STARTUP)).toBe(REWRITE);
    expect(reasons).toEqual([]);
    expect(api.received).toHaveLength(1);
    const [req] = api.received;
    expect(req).toMatchObject({
      method: 'POST',
      url: '/v1/chat/completions',
      authorization: 'Bearer sk-test',
    });
    expect(req!.body.model).toBe('gpt-test');
    expect(req!.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(req!.body.messages[0]!.content).toMatch(/português do Brasil/);
    expect(req!.body.messages[1]!.content).toBe(
      [
        'Cliente: StartupXYZ',
        'Fatores de risco:',
        '- Sem login há 14 dias',
        '- Uso caiu 65% no último mês',
        '- Sem resposta aos últimos 3 e-mails',
        '- Ticket de suporte sem resolução há 9 dias',
        `Recomendação (modelo): ${STARTUP.template}`,
      ].join('\n'),
    );
    // Nothing but the model, the two messages and the sampling limits.
    expect(Object.keys(req!.body).sort()).toEqual(['max_tokens', 'messages', 'model', 'temperature']);
  });

  it('writes in English for an English organization and sends no authorization without a key', async () => {
    const api = await standIn([completion('Call the decision maker today.')]);
    const { w } = writer(api.baseUrl);
    expect(
      await w.rewrite({
        ...STARTUP,
        language: 'en',
        factors: ['No login for 14 days'],
        template: 'Call now.',
      }),
    ).toBe('Call the decision maker today.');
    expect(api.received[0]!.authorization).toBeUndefined();
    expect(api.received[0]!.body.messages[0]!.content).toMatch(/in English/);
    expect(api.received[0]!.body.messages[1]!.content).toMatch(/^Customer: StartupXYZ\nRisk factors:\n/);
  });

  it('retries once after a 500 and uses the second answer', async () => {
    const api = await standIn([json(500, { error: 'boom' }), completion(REWRITE)]);
    const { w } = writer(api.baseUrl);
    expect(await w.rewrite(STARTUP)).toBe(REWRITE);
    expect(api.received).toHaveLength(2);
  });

  it.each<[string, Answer[], number, string]>([
    ['two 500s', [json(500, { error: 'boom' })], 2, 'HTTP 500'],
    ['a 429 then a 503', [json(429, {}), json(503, {})], 2, 'HTTP 503'],
    ['a 401 (not retried)', [json(401, { error: 'bad key' })], 1, 'HTTP 401'],
    ['garbage instead of JSON', [(_q, res) => res.end('<html>oops</html>')], 1, 'unusable answer'],
    ['JSON of another shape', [json(200, { output: 'x' })], 1, 'unusable answer'],
    ['an empty text', [completion('   ')], 1, 'unusable answer'],
    ['a text too long', [completion('x'.repeat(MAX_TEXT + 1))], 1, 'unusable answer'],
  ])('falls back to the template on %s', async (_, answers, requests, reason) => {
    const api = await standIn(answers);
    const { w, reasons } = writer(api.baseUrl);
    expect(await w.rewrite(STARTUP)).toBeNull();
    expect(api.received).toHaveLength(requests);
    expect(reasons).toEqual([reason]);
  });

  it('falls back when the server does not answer in time (two attempts, each cut at the limit)', async () => {
    const api = await standIn([never]);
    const { w, reasons } = writer(api.baseUrl, { timeoutMs: 150 });
    const started = performance.now();
    expect(await w.rewrite(STARTUP)).toBeNull();
    const elapsed = performance.now() - started;
    expect(reasons).toEqual(['timeout']);
    expect(api.received).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('falls back when nothing listens (connection refused)', async () => {
    const api = await standIn([completion(REWRITE)]);
    await new Promise<void>((resolve) => api.server.close(() => resolve()));
    servers.splice(servers.indexOf(api.server), 1);
    const { w, reasons } = writer(api.baseUrl);
    expect(await w.rewrite(STARTUP)).toBeNull();
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^network:/);
  });
});
