import { z } from 'zod';
import type { RecommendationRequest, RecommendationWriter } from './recommendation-writer.ts';

/**
 * A `RecommendationWriter` over an OpenAI-compatible chat-completions API (`POST {baseUrl}/chat/completions`,
 * the shape OpenAI, Azure-compatible gateways, Ollama, vLLM and llama.cpp servers answer), with `fetch`
 * injected. Configured by `LLM_BASE_URL` (up to and including the version segment, e.g.
 * `https://api.openai.com/v1`), `LLM_API_KEY` (optional: sent as a bearer token) and `LLM_MODEL`.
 *
 * Invariants (besides the interface's):
 * - one attempt takes at most `timeoutMs` (aborted after it); a timeout, a network error, 429 or 5xx is retried
 *   once after `retryDelayMs`; any other 4xx or an unusable answer is not retried;
 * - an answer is used only when it is one non-empty text of at most `MAX_TEXT` characters (whitespace
 *   collapsed); anything else is "no rewrite".
 */
export interface OpenAiCompatibleOptions {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly fetch: typeof fetch;
  /** Per attempt (default 8 s). */
  readonly timeoutMs?: number;
  /** Before the one retry (default 500 ms). */
  readonly retryDelayMs?: number;
  /** Told why a rewrite fell back to the template (logging); never throws into the writer. */
  readonly onFallback?: (reason: string) => void;
}

/** The longest rewrite kept: the recommendation box is a few sentences (the domain-text `text` allows more). */
export const MAX_TEXT = 1200;

const answerSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const INSTRUCTIONS: Record<RecommendationRequest['language'], string> = {
  'pt-BR':
    'Você é um especialista em Customer Success. Reescreva a recomendação para o CSM em português do Brasil, ' +
    'em no máximo três frases, objetiva e acionável, sem inventar fatos além dos fatores de risco informados. ' +
    'Responda apenas com o texto da recomendação.',
  en:
    'You are a Customer Success expert. Rewrite the recommendation for the CSM in English, in at most three ' +
    'sentences, concise and actionable, without inventing facts beyond the given risk factors. Answer with the ' +
    'recommendation text only.',
};

const LABELS: Record<
  RecommendationRequest['language'],
  { customer: string; factors: string; template: string }
> = {
  'pt-BR': { customer: 'Cliente', factors: 'Fatores de risco', template: 'Recomendação (modelo)' },
  en: { customer: 'Customer', factors: 'Risk factors', template: 'Recommendation (template)' },
};

/** The chat messages for `request`: exactly the name, the factors and the template, nothing else. */
export function recommendationMessages(request: RecommendationRequest) {
  const l = LABELS[request.language];
  return [
    { role: 'system' as const, content: INSTRUCTIONS[request.language] },
    {
      role: 'user' as const,
      content: [
        `${l.customer}: ${request.customerName}`,
        `${l.factors}:`,
        ...request.factors.map((f) => `- ${f}`),
        `${l.template}: ${request.template}`,
      ].join('\n'),
    },
  ];
}

type Attempt = { readonly text: string } | { readonly retry: boolean; readonly reason: string };

export function createOpenAiCompatibleWriter(options: OpenAiCompatibleOptions): RecommendationWriter {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;

  async function attempt(request: RecommendationRequest): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await options.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: options.model,
          messages: recommendationMessages(request),
          temperature: 0.3,
          max_tokens: 300,
        }),
        signal: controller.signal,
      });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return { retry: res.status === 429 || res.status >= 500, reason: `HTTP ${res.status}` };
      }
      const body: unknown = await res.json().catch(() => null);
      const parsed = answerSchema.safeParse(body);
      const text = parsed.success ? parsed.data.choices[0]!.message.content.replace(/\s+/g, ' ').trim() : '';
      if (text === '' || text.length > MAX_TEXT) return { retry: false, reason: 'unusable answer' };
      return { text };
    } catch (err) {
      return { retry: true, reason: controller.signal.aborted ? 'timeout' : `network: ${String(err)}` };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async rewrite(request) {
      let result = await attempt(request);
      if ('retry' in result && result.retry) {
        await new Promise((r) => setTimeout(r, retryDelayMs));
        result = await attempt(request);
      }
      if ('text' in result) return result.text;
      options.onFallback?.(result.reason);
      return null;
    },
  };
}
