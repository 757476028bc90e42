/**
 * The optional LLM rewrite of an at-risk recommendation (issue 10 item 7: "templates; rewritten by the optional
 * LLM adapter when configured"). The template (shared/domain/csm/recommendations.ts) is always the answer the
 * product can give on its own; a writer may only offer a better-worded version of it.
 *
 * Invariants every implementation keeps:
 * - `rewrite` never throws and never waits longer than its own time limit: on any failure (network, timeout,
 *   an error status, an answer that is not usable text) it resolves to null, and the caller keeps the template;
 * - only what the request carries leaves the server: the customer's name, its risk factors and the template's
 *   text, already rendered in the organization's language — no ids, e-mails, money or contacts.
 */
export interface RecommendationRequest {
  /** The language the text must be written in (the organization's locale). */
  readonly language: 'pt-BR' | 'en';
  readonly customerName: string;
  /** The risk factors as the CSM reads them ("Sem login há 14 dias"), most important first. */
  readonly factors: readonly string[];
  /** The template recommendation, rendered in `language`. */
  readonly template: string;
}

export interface RecommendationWriter {
  /** A rewritten recommendation (plain text), or null to keep the template. */
  rewrite(request: RecommendationRequest): Promise<string | null>;
}
