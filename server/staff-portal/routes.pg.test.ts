import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content, Engagement, Lead } from '../../shared/entities/portal.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
import { nextServerFields, writeDocument } from '../db/index.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { pgStaffPortalSource, type StaffPortalSource } from './routes.ts';

/**
 * The staff view of a customer's leads on PostgreSQL: staff of the customer's organization read exactly that
 * customer's leads (interactions included, soft-deleted ones left out); staff of another organization get null
 * (the route's 404) even with the right id — row-level security under the caller's identity, not a filter in
 * the route, is what keeps them out.
 */
const NOW = new Date('2026-11-20T12:00:00.000Z');
let t: TestDatabase;
let a: TestTenant;
let b: TestTenant;
let source: StaffPortalSource;

const ids = {
  carlos: '01900000-0000-7000-8000-00000000c0a1',
  gone: '01900000-0000-7000-8000-00000000c0a2',
  otherCustomer: '01900000-0000-7000-8000-00000000c0a3',
  otherOrg: '01900000-0000-7000-8000-00000000c0b1',
  webinar: '01900000-0000-7000-8000-00000000c0c1',
  engagementA: '01900000-0000-7000-8000-00000000c0d1',
  engagementOther: '01900000-0000-7000-8000-00000000c0d2',
};

function lead(id: string, customerId: string, name: string): Lead {
  const doc = fixture('leads', id, { customerId }) as Lead;
  return {
    ...doc,
    name,
    interactions: [
      {
        id: `${id.slice(0, -4)}f${id.slice(-3)}`,
        type: 'call',
        direction: 'outbound',
        subject: null,
        content: 'Ligação de apresentação',
        durationMinutes: 15,
        outcome: null,
        nextAction: null,
        performedBy: null,
        createdAt: '2026-11-19T15:00:00.000Z',
      },
    ],
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  a = await createTestTenant(t.db, { name: 'Arco Digital' });
  b = await createTestTenant(t.db, { name: 'Outra Agência' });
  const put = (tenant: TestTenant, doc: Lead, deleted = false) =>
    t.db.withIdentity(tenant.system, async (c) =>
      writeDocument(
        c,
        { organizationId: tenant.organizationId },
        'leads',
        doc,
        await nextServerFields(c, tenant.organizationId, NOW, { deleted }),
      ),
    );
  await put(a, lead(ids.carlos, a.customerId, 'Carlos Mendes'));
  await put(a, lead(ids.gone, a.customerId, 'Lead apagado'), true);
  await put(a, lead(ids.otherCustomer, a.otherCustomerId, 'Lead da Loja'));
  await put(b, lead(ids.otherOrg, b.customerId, 'Lead da Outra'));
  const webinar = {
    ...(fixture('content', ids.webinar) as Content),
    kind: 'event',
    title: 'Webinar: Google Ads',
    slug: 'webinar-google-ads',
  } as Content;
  const engagement = (id: string, who: TestTenant['client'], contentId: string): Engagement => ({
    ...(fixture('engagement', id, { customerId: who.customerId!, userId: who.userId }) as Engagement),
    reading: [{ contentId, progress: 40, completedAt: null }],
    eventRegistrations: [
      { contentId, status: 'registered', registeredAt: '2026-11-19T15:00:00.000Z', waitlistPosition: null },
    ],
  });
  await t.db.withIdentity(a.system, async (c) => {
    await writeDocument(
      c,
      { organizationId: a.organizationId },
      'content',
      webinar,
      await nextServerFields(c, a.organizationId, NOW),
    );
    for (const [id, who] of [
      [ids.engagementA, a.client],
      [ids.engagementOther, a.otherClient],
    ] as const)
      await writeDocument(
        c,
        { organizationId: a.organizationId },
        'engagement',
        engagement(id, who, ids.webinar),
        await nextServerFields(c, a.organizationId, NOW),
      );
  });
  source = pgStaffPortalSource(t.db);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('pgStaffPortalSource.customerLeads', () => {
  it("gives the organization's admin and CSM that customer's live leads with their interactions", async () => {
    for (const who of [a.admin, a.csm]) {
      const leads = await source.customerLeads(who, a.customerId);
      expect(leads?.map((l) => l.name)).toEqual(['Carlos Mendes']);
      expect(leads?.[0]?.interactions).toHaveLength(1);
      expect(leads?.[0]?.interactions[0]).toMatchObject({ type: 'call', durationMinutes: 15 });
    }
    expect((await source.customerLeads(a.csm, a.otherCustomerId))?.map((l) => l.name)).toEqual([
      'Lead da Loja',
    ]);
  });

  it("never shows one organization's customer to another organization's staff", async () => {
    expect(await source.customerLeads(b.admin, a.customerId)).toBeNull();
    expect(await source.customerLeads(b.csm, a.otherCustomerId)).toBeNull();
    expect(await source.customerLeads(a.admin, b.customerId)).toBeNull();
    expect((await source.customerLeads(b.csm, b.customerId))?.map((l) => l.name)).toEqual(['Lead da Outra']);
  });

  it('is null for a customer that does not exist', async () => {
    expect(await source.customerLeads(a.admin, '01900000-0000-7000-8000-00000000dead')).toBeNull();
  });
});

describe('pgStaffPortalSource.customerContent', () => {
  it("gives staff the agency's content and only that customer's client users' progress and registrations", async () => {
    const found = await source.customerContent(a.csm, a.customerId);
    expect(found?.content.map((c) => c.title)).toEqual(['Webinar: Google Ads']);
    expect(found?.people).toEqual([
      {
        userId: a.client.userId,
        name: 'Pedro Almeida',
        reading: [{ contentId: ids.webinar, progress: 40, completedAt: null }],
        eventRegistrations: [
          {
            contentId: ids.webinar,
            status: 'registered',
            registeredAt: '2026-11-19T15:00:00.000Z',
            waitlistPosition: null,
          },
        ],
      },
    ]);
  });

  it("never shows one organization's customer to another organization's staff", async () => {
    expect(await source.customerContent(b.admin, a.customerId)).toBeNull();
    const own = await source.customerContent(b.csm, b.customerId);
    expect(own?.content).toEqual([]);
    expect(own?.people.map((p) => [p.name, p.reading, p.eventRegistrations])).toEqual([
      ['Pedro Almeida', [], []],
    ]);
  });
});
