import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recommend } from '../../shared/domain/csm/recommendations.ts';
import { detectRisks } from '../../shared/domain/csm/risk.ts';
import { SEED_NOW, STARTUP_XYZ_RISK } from '../../shared/domain/csm/seed-fixtures.ts';
import { docFactory, DOCS_NOW } from '../../shared/domain/csm/test-docs.ts';
import type { Signal } from '../../shared/entities/csm.ts';
import { plainText } from '../../shared/entities/domain-text.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { readDocuments } from '../db/index.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { storeDocs } from '../health/testing.ts';
import { createServerWriter, type ServerWriter } from '../sync/server-writes.ts';
import type { RecommendationRequest, RecommendationWriter } from './recommendation-writer.ts';
import { rewriteRecommendations } from './rewrite-recommendations.ts';
import { createLogger } from '../logger.ts';
import { rewriteAfterRecompute } from '../jobs/rewrite-after-recompute.ts';

/**
 * The rewrite step over PostgreSQL: an open risk alert whose recommendation is still the template gets the
 * writer's text (as the `text` code), asked with the customer's name, its factors and the template rendered in
 * the organization's language; closed alerts, already rewritten ones and a recommendation changed meanwhile are
 * left alone; a writer that fails or throws leaves the template and never throws out of the step.
 */
let t: TestDatabase;
let tenant: TestTenant;
let writer: ServerWriter;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const f = docFactory();
const startup = f.customer({ name: 'StartupXYZ', customerSince: '2025-05-10' });
const risk = detectRisks(STARTUP_XYZ_RISK, SEED_NOW);
const advice = recommend(risk);
const alertOf = (over: Partial<Signal>) =>
  f.signal(startup.id, {
    kind: 'risk_alert',
    status: 'open',
    subtype: 'critical',
    riskScore: 20,
    riskFactors: risk.riskFactors,
    recommendation: advice.recommendation,
    ...over,
  });

beforeEach(async () => {
  await t.truncateAll();
  tenant = await createTestTenant(t.db, { now: DOCS_NOW });
  writer = createServerWriter({ db: t.db, feed: createMemoryChangeFeed(), clock: () => DOCS_NOW });
  await storeDocs(t.db, tenant.organizationId, 'customers', DOCS_NOW, [startup]);
});

async function storedSignals(): Promise<Map<string, Signal>> {
  const rows = await t.db.withIdentity(tenant.system, (c) =>
    readDocuments(c, 'signals', { where: 'organization_id = $1', params: [tenant.organizationId] }),
  );
  return new Map(rows.map((r) => [r.doc.id, r.doc]));
}

function recording(answer: (r: RecommendationRequest) => Promise<string | null>) {
  const requests: RecommendationRequest[] = [];
  const w: RecommendationWriter = {
    rewrite: async (r) => {
      requests.push(r);
      return answer(r);
    },
  };
  return { w, requests };
}

describe('rewriteRecommendations', () => {
  it('rewrites an open alert’s template once, asking with name, factors and template in pt-BR', async () => {
    const open = alertOf({});
    const resolved = alertOf({ status: 'resolved', resolvedAt: DOCS_NOW.toISOString() });
    const written = alertOf({ recommendation: plainText('Texto de uma pessoa.') });
    await storeDocs(t.db, tenant.organizationId, 'signals', DOCS_NOW, [open, resolved, written]);
    const { w, requests } = recording(async () => 'Ligue hoje para a StartupXYZ.');
    const deps = { db: t.db, writer, recommendations: w };

    expect(await rewriteRecommendations(deps, tenant.organizationId, [startup.id])).toBe(1);
    expect(requests).toEqual([
      {
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
      },
    ]);
    const after = await storedSignals();
    expect(after.get(open.id)!.recommendation).toEqual(plainText('Ligue hoje para a StartupXYZ.'));
    expect(after.get(open.id)!.serverSeq).toBeGreaterThan(0);
    expect(after.get(resolved.id)!.recommendation).toEqual(advice.recommendation);
    expect(after.get(written.id)!.recommendation).toEqual(plainText('Texto de uma pessoa.'));

    // Once rewritten, never asked again.
    expect(await rewriteRecommendations(deps, tenant.organizationId, null)).toBe(0);
    expect(requests).toHaveLength(1);
  });

  it('asks in English for an English organization', async () => {
    await t.db.privileged((c) =>
      c.query(`UPDATE organizations SET locale = 'en' WHERE id = $1`, [tenant.organizationId]),
    );
    await storeDocs(t.db, tenant.organizationId, 'signals', DOCS_NOW, [alertOf({})]);
    const { w, requests } = recording(async () => null);
    await rewriteRecommendations({ db: t.db, writer, recommendations: w }, tenant.organizationId, null);
    expect(requests[0]).toMatchObject({
      language: 'en',
      factors: expect.arrayContaining(['No login for 14 days']),
    });
  });

  it('keeps the template when the writer gives nothing, fails, or the alert changed meanwhile', async () => {
    const a = alertOf({});
    await storeDocs(t.db, tenant.organizationId, 'signals', DOCS_NOW, [a]);

    const none = recording(async () => null);
    expect(
      await rewriteRecommendations(
        { db: t.db, writer, recommendations: none.w },
        tenant.organizationId,
        null,
      ),
    ).toBe(0);

    const errors: unknown[] = [];
    const throwing: RecommendationWriter = { rewrite: () => Promise.reject(new Error('boom')) };
    expect(
      await rewriteRecommendations(
        { db: t.db, writer, recommendations: throwing, onError: (e) => errors.push(e) },
        tenant.organizationId,
        null,
      ),
    ).toBe(0);
    expect(errors).toHaveLength(1);
    expect((await storedSignals()).get(a.id)!.recommendation).toEqual(advice.recommendation);

    // While the LLM is answering, a CSM writes their own recommendation: theirs stays.
    const racing = recording(async () => {
      await storeDocs(t.db, tenant.organizationId, 'signals', DOCS_NOW, [
        { ...a, recommendation: plainText('Plano da Maria.') },
      ]);
      return 'Texto do LLM.';
    });
    expect(
      await rewriteRecommendations(
        { db: t.db, writer, recommendations: racing.w },
        tenant.organizationId,
        null,
      ),
    ).toBe(0);
    expect((await storedSignals()).get(a.id)!.recommendation).toEqual(plainText('Plano da Maria.'));
  });
});

describe('rewriteAfterRecompute (the step both recompute jobs take)', () => {
  it('rewrites the recomputed customers’ alerts, and does nothing without a writer or customers', async () => {
    const a = alertOf({});
    await storeDocs(t.db, tenant.organizationId, 'signals', DOCS_NOW, [a]);
    const ctx = { db: t.db, writer, logger: createLogger({ level: 'silent' }), jobId: 'job-1' };
    const { w, requests } = recording(async () => 'Ligue hoje para a StartupXYZ.');

    await rewriteAfterRecompute(ctx, tenant.organizationId, [startup.id]); // no LLM configured
    await rewriteAfterRecompute({ ...ctx, recommendations: w }, tenant.organizationId, []); // nobody recomputed
    expect(requests).toHaveLength(0);
    expect((await storedSignals()).get(a.id)!.recommendation).toEqual(advice.recommendation);

    await rewriteAfterRecompute({ ...ctx, recommendations: w }, tenant.organizationId, [startup.id]);
    expect(requests).toHaveLength(1);
    expect((await storedSignals()).get(a.id)!.recommendation).not.toEqual(advice.recommendation);

    // A writer that throws never fails the job's step.
    const throwing: RecommendationWriter = { rewrite: () => Promise.reject(new Error('boom')) };
    const b = alertOf({});
    await storeDocs(t.db, tenant.organizationId, 'signals', DOCS_NOW, [b]);
    await expect(
      rewriteAfterRecompute({ ...ctx, recommendations: throwing }, tenant.organizationId, [startup.id]),
    ).resolves.toBeUndefined();
  });
});
