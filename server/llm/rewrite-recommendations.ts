import { createDomainTextRenderer } from '../../shared/domain-text/render.ts';
import type { Signal } from '../../shared/entities/csm.ts';
import { plainText } from '../../shared/entities/domain-text.ts';
import { systemIdentity } from '../../shared/identity.ts';
import { readDocuments, type Database } from '../db/index.ts';
import { sameJson } from '../health/recompute.ts';
import type { ServerWriter } from '../sync/server-writes.ts';
import type { RecommendationWriter } from './recommendation-writer.ts';

/**
 * After a health recompute, the open risk alerts of those customers whose recommendation is still the template
 * (a domain-text code) get the configured LLM's rewrite, stored as the `text` code (words shown as written,
 * shared/entities/domain-text.ts) — in the organization's language.
 *
 * Invariants:
 * - runs after the recompute has committed, outside any transaction while it waits for the LLM: health and the
 *   organization's write lock never wait on it; it never throws (a failure is reported to `onError` and the
 *   template stays);
 * - a rewrite is stored only if the alert's recommendation is still exactly the template it was asked about
 *   (read again under the organization's lock), so a CSM's or the rules' newer text is never overwritten;
 * - each alert is rewritten once (its recommendation then is `text`), and at most `MAX_REWRITES_PER_RUN` per run
 *   (the rest on the next recompute), so a nightly recompute of every customer stays bounded.
 */
export const MAX_REWRITES_PER_RUN = 20;
const OPEN = ['open', 'acknowledged', 'in_progress'];

export interface RewriteDeps {
  readonly db: Database;
  readonly writer: ServerWriter;
  readonly recommendations: RecommendationWriter;
  readonly onError?: (err: unknown) => void;
}

/** Rewrites what it can for `customerIds` (all the organization's open alerts when null); returns how many. */
export async function rewriteRecommendations(
  deps: RewriteDeps,
  organizationId: string,
  customerIds: readonly string[] | null,
): Promise<number> {
  try {
    return await rewrite(deps, organizationId, customerIds);
  } catch (err) {
    deps.onError?.(err);
    return 0;
  }
}

async function rewrite(
  deps: RewriteDeps,
  organizationId: string,
  customerIds: readonly string[] | null,
): Promise<number> {
  const { language, alerts, names } = await deps.db.withIdentity(
    systemIdentity(organizationId),
    async (client) => {
      const { rows } = await client.query<{ locale: string }>(
        'SELECT locale FROM organizations WHERE id = $1',
        [organizationId],
      );
      const params: unknown[] = [organizationId, OPEN];
      let where = "organization_id = $1 AND kind = 'risk_alert' AND status = ANY($2::text[]) AND NOT deleted";
      if (customerIds) {
        params.push([...customerIds]);
        where += ' AND customer_id = ANY($3::uuid[])';
      }
      const signals = (await readDocuments(client, 'signals', { where, params }))
        .map((s) => s.doc)
        .filter((s) => s.recommendation !== null && s.recommendation.code !== 'text')
        .slice(0, MAX_REWRITES_PER_RUN);
      const customers =
        signals.length === 0
          ? []
          : await readDocuments(client, 'customers', {
              where: 'organization_id = $1 AND id = ANY($2::uuid[])',
              params: [organizationId, [...new Set(signals.map((s) => s.customerId))]],
            });
      return {
        language: rows[0]?.locale === 'en' ? ('en' as const) : ('pt-BR' as const),
        alerts: signals,
        names: new Map(customers.map((c) => [c.doc.id, c.doc.name])),
      };
    },
  );
  if (alerts.length === 0) return 0;

  const render = createDomainTextRenderer(language);
  const rewritten: { alert: Signal; text: string }[] = [];
  for (const alert of alerts) {
    const name = names.get(alert.customerId);
    if (!name || !alert.recommendation) continue;
    const text = await deps.recommendations.rewrite({
      language,
      customerName: name,
      factors: alert.riskFactors.map((f) => render(f.description)),
      template: render(alert.recommendation),
    });
    if (text !== null) rewritten.push({ alert, text });
  }
  if (rewritten.length === 0) return 0;

  return deps.writer.transaction(organizationId, async (tx) => {
    const current = new Map(
      (
        await readDocuments(tx.client, 'signals', {
          where: 'organization_id = $1 AND id = ANY($2::uuid[]) AND NOT deleted',
          params: [organizationId, rewritten.map((r) => r.alert.id)],
        })
      ).map((s) => [s.doc.id, s.doc]),
    );
    const writes = rewritten.flatMap(({ alert, text }) => {
      const now = current.get(alert.id);
      return now && sameJson(now.recommendation, alert.recommendation)
        ? [{ ...now, recommendation: plainText(text) }]
        : [];
    });
    await tx.write('signals', writes);
    return writes.length;
  });
}
