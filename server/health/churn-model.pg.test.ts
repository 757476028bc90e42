import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHURN_MODEL, predictChurn, type ChurnModel } from '../../shared/domain/csm/churn.ts';
import { assessmentClock, churnFeaturesFromDocs } from '../../shared/domain/csm/customer-inputs.ts';
import { docFactory, DOCS_NOW, startupXyzDocs, techCorpDocs } from '../../shared/domain/csm/test-docs.ts';
import type { Health } from '../../shared/entities/csm.ts';
import { createMemoryChangeFeed } from '../../sync/server/memory-feed.ts';
import { MemoryAccountStore } from '../auth/account-memory-store.ts';
import { MemoryAuthStore } from '../auth/memory-store.ts';
import { testConfig } from '../config.ts';
import { readDocuments } from '../db/index.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { runJob, type JobSender } from '../jobs/define.ts';
import { trainChurnModelsJob } from '../jobs/train-churn-models.ts';
import { createLogger } from '../logger.ts';
import { createServerWriter } from '../sync/server-writes.ts';
import { KEPT_MODELS, storedChurnModel, trainOrganizationChurnModel } from './churn-model.ts';
import { recomputeCustomerHealth } from './recompute.ts';
import { storeCustomerDocs } from './testing.ts';

/**
 * The organization's churn model over PostgreSQL: trained nightly on its own history (customers that were
 * customers 90 days ago, labelled by whether they churned since, with their score then from health_history),
 * stored in churn_models, and used by the recompute instead of the default model.
 */
const TZ = 'America/Sao_Paulo';
let t: TestDatabase;
let tenant: TestTenant;
let now: Date;
let techCorp: ReturnType<typeof techCorpDocs>;
let startup: ReturnType<typeof startupXyzDocs>;

const deps = () => ({ db: t.db, clock: () => now });

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

beforeEach(async () => {
  await t.truncateAll();
  now = DOCS_NOW;
  tenant = await createTestTenant(t.db, { now });
  const f = docFactory();
  techCorp = techCorpDocs(f);
  startup = startupXyzDocs(f);
  // StartupXYZ left 10 days ago: a churned customer of the 90-day window.
  startup.customer = {
    ...startup.customer,
    status: 'churned',
    churnedAt: new Date(DOCS_NOW.getTime() - 10 * 86_400_000).toISOString(),
  };
  await storeCustomerDocs(t.db, tenant.organizationId, tenant.csm.userId!, techCorp, now);
  await storeCustomerDocs(t.db, tenant.organizationId, tenant.csm.userId!, startup, now);
});

async function history(customerId: string, date: string, score: number) {
  await t.db.privileged((c) =>
    c.query(
      `INSERT INTO health_history (organization_id, customer_id, date, score, status, breakdown)
       VALUES ($1, $2, $3, $4, 'healthy', '{}')`,
      [tenant.organizationId, customerId, date, score],
    ),
  );
}

async function modelRows() {
  return t.db.privileged(async (c) => {
    const { rows } = await c.query<{ sample: number; churned: number; isDefault: boolean }>(
      `SELECT sample_size AS sample, churned_count AS churned, is_default AS "isDefault" FROM churn_models
        WHERE organization_id = $1 ORDER BY trained_at`,
      [tenant.organizationId],
    );
    return rows;
  });
}

describe('trainOrganizationChurnModel', () => {
  it('labels the customers of 90 days ago by whether they churned since, with their score then', async () => {
    // DOCS_NOW is 2026-01-29: the observation day is 2025-10-31. A point after it is not "then".
    await history(techCorp.customer.id, '2025-10-20', 88);
    await history(startup.customer.id, '2025-10-30', 61);
    await history(startup.customer.id, '2025-11-05', 40);
    const { model, customers } = await trainOrganizationChurnModel(deps(), tenant.organizationId);
    // The tenant's own two customers have no history: no row for them.
    expect(customers).toBe(4);
    expect(model).toMatchObject({
      kind: 'default',
      trainedRows: 2,
      churnedRows: 1,
      fallbackReason: 'too_few_rows',
    });
    expect(await modelRows()).toEqual([{ sample: 2, churned: 1, isDefault: true }]);
    const stored = await t.db.withIdentity(tenant.system, (c) => storedChurnModel(c, tenant.organizationId));
    expect(stored).toEqual(model);
    // Staff may read it; a client may not.
    expect(await t.db.withIdentity(tenant.csm, (c) => storedChurnModel(c, tenant.organizationId))).toEqual(
      model,
    );
    expect(
      await t.db.withIdentity(tenant.client, (c) => storedChurnModel(c, tenant.organizationId)),
    ).toBeNull();
  });

  it('keeps the latest models only, the newest first', async () => {
    for (let k = 0; k < KEPT_MODELS + 2; k++) {
      now = new Date(DOCS_NOW.getTime() + k * 86_400_000);
      await trainOrganizationChurnModel(deps(), tenant.organizationId, { batchSize: 1 });
    }
    expect((await modelRows()).length).toBe(KEPT_MODELS);
  });

  it('runs as the nightly job for one organization', async () => {
    const sent: unknown[] = [];
    const jobs: JobSender = {
      send: async () => 'unused',
      sendDeduplicated: async (job, payload, key) => {
        sent.push({ job: job.name, payload, key });
        return 'id';
      },
    };
    const ctx = {
      db: t.db,
      auth: new MemoryAuthStore(),
      accounts: new MemoryAccountStore(),
      clock: () => now,
      logger: createLogger({ level: 'silent' }),
      config: testConfig(),
      writer: createServerWriter({ db: t.db, feed: createMemoryChangeFeed(), clock: () => now }),
      jobs,
      jobId: 'job-1',
    };
    await runJob(trainChurnModelsJob, { organizationId: tenant.organizationId }, ctx);
    expect((await modelRows()).length).toBe(1);
    // Hourly without an organization: 05:37 UTC is 02:37 in São Paulo, the training hour.
    now = new Date('2026-01-29T05:37:00Z');
    await runJob(trainChurnModelsJob, {}, ctx);
    expect(sent).toEqual([
      {
        job: 'train-churn-models',
        payload: { organizationId: tenant.organizationId },
        key: tenant.organizationId,
      },
    ]);
  });
});

describe('the recompute predicts with the stored model', () => {
  it('uses the organization’s latest model, and the default without one', async () => {
    const writer = createServerWriter({ db: t.db, feed: createMemoryChangeFeed(), clock: () => now });
    const id = techCorp.customer.id;
    const health = async () =>
      (
        await t.db.withIdentity(tenant.system, (c) =>
          readDocuments(c, 'health', {
            where: 'organization_id = $1 AND customer_id = $2',
            params: [tenant.organizationId, id],
          }),
        )
      )[0]!.doc as Health;
    await recomputeCustomerHealth({ db: t.db, writer, clock: () => now }, tenant.organizationId, [id]);
    const before = await health();
    const clock = assessmentClock(now, TZ);
    const features = churnFeaturesFromDocs(
      { ...techCorp, meetings: techCorp.meetings ?? [] },
      clock,
      before.score,
    );
    const predict = (model: ChurnModel) =>
      predictChurn(model, features, now, { renewalDate: techCorp.customer.renewalDate, timeZone: TZ })
        .probability;
    expect(before.churnProbability).toBe(predict(DEFAULT_CHURN_MODEL));

    // An organization whose customers churn far more than the default assumes.
    const model: ChurnModel = {
      ...DEFAULT_CHURN_MODEL,
      kind: 'trained',
      intercept: 1.5,
      fallbackReason: null,
      trainedRows: 40,
      churnedRows: 12,
    };
    await t.db.privileged((c) =>
      c.query(
        `INSERT INTO churn_models (organization_id, coefficients, trained_at, sample_size, churned_count, is_default, metrics)
         VALUES ($1, $2, $3, 40, 12, false, $4)`,
        [
          tenant.organizationId,
          JSON.stringify({ intercept: model.intercept, features: model.coefficients }),
          now.toISOString(),
          JSON.stringify({
            kind: 'trained',
            featureVersion: 1,
            trainedRows: 40,
            churnedRows: 12,
            fallbackReason: null,
            iterations: model.iterations,
            converged: true,
            trainingLogLoss: model.trainingLogLoss,
          }),
        ],
      ),
    );
    now = new Date(now.getTime() + 60_000);
    expect(
      await recomputeCustomerHealth({ db: t.db, writer, clock: () => now }, tenant.organizationId, [id]),
    ).toMatchObject({
      written: 1,
    });
    const after = await health();
    expect(after.churnProbability).toBe(predict(model));
    expect(after.churnProbability).toBeGreaterThan(before.churnProbability);
  });
});
