import { COLLECTION_NAMES, type CollectionName } from '../../shared/collections/index.ts';
import { buildCustomerBundle, type CustomerBundle } from './bundle.ts';
import { createCalendar, type Calendar } from './clock.ts';
import { buildContent } from './content.ts';
import type { OrgContext, OrgKey } from './context.ts';
import { customerTimeline } from './customer-doc.ts';
import {
  ARCO_CLIENTS,
  ARCO_STAFF,
  buildEngagement,
  buildNotifications,
  DEMO_TIME_ZONE,
  makeUser,
  type NamedDocs,
  OUTRA_CLIENTS,
  OUTRA_STAFF,
} from './people.ts';
import { NAMED_CUSTOMERS, planPortfolio, tierOf, type CustomerPlan, type CsmKey } from './portfolio.ts';
import { createRng, deriveSeed } from './random.ts';
import {
  type DemoBatch,
  type DemoData,
  type DemoDocuments,
  type DemoOptions,
  demoOptionsSchema,
  type DemoOrganization,
  type DemoUser,
} from './types.ts';

export { DEMO_PASSWORD } from './people.ts';

/**
 * The instant the seeds' own calendar refers to (customers spec: "Renewal: 15 Jan 2027 (347 dias)" → 2 Feb 2026).
 * With this `now` every relative date lands on the seeds' dates; tests use it.
 */
export const SEED_REFERENCE_NOW = '2026-02-02T12:00:00-03:00';

/** The second organization: a handful of customers so tests can prove tenants never see each other. */
const OUTRA_PLANS: readonly Omit<CustomerPlan, 'index' | 'tier'>[] = [
  { named: null, profile: 'healthy', mrrCents: 120_000, healthScore: 88, risks: [], csm: null },
  { named: null, profile: 'healthy', mrrCents: 90_000, healthScore: 83, risks: [], csm: null },
  { named: null, profile: 'healthy', mrrCents: 250_000, healthScore: 91, risks: [], csm: null },
  { named: null, profile: 'moderate', mrrCents: 60_000, healthScore: 72, risks: [], csm: null },
  {
    named: null,
    profile: 'flagged',
    mrrCents: 80_000,
    healthScore: 61,
    risks: ['low_capacity_usage', 'renewal_soon'],
    csm: null,
  },
];

interface OrgSpec {
  key: OrgKey;
  name: string;
  slug: string;
  invoicePrefix: string;
  staff: readonly {
    key: string;
    role: DemoUser['role'];
    email: string;
    name: string;
    jobTitle: string | null;
    phone: string | null;
    monthsAgo: number;
  }[];
  clients: readonly {
    key: string;
    customerIndex: number;
    role: DemoUser['role'];
    email: string;
    name: string;
    jobTitle: string | null;
    phone: string | null;
    monthsAgo: number;
  }[];
  size: number;
  planFor: (index: number) => CustomerPlan;
}

/** A fully prepared organization: its users and context; its documents are produced lazily by `batches`. */
interface PreparedOrg {
  spec: OrgSpec;
  ctx: OrgContext;
  users: DemoUser[];
  usersByKey: Map<string, DemoUser>;
}

function prepareOrg(seed: number, cal: Calendar, spec: OrgSpec): PreparedOrg {
  const rng = createRng(deriveSeed(seed, spec.key, 'organization'));
  const createdMs = cal.at(cal.dayInMonth(cal.thisMonth, -60, 2), 9);
  const organization: DemoOrganization = {
    id: rng.uuid(createdMs),
    name: spec.name,
    slug: spec.slug,
    timeZone: DEMO_TIME_ZONE,
    createdAt: cal.iso(createdMs),
  };
  const usersByKey = new Map<string, DemoUser>();
  for (const s of spec.staff) usersByKey.set(s.key, makeUser(rng, cal, organization.id, s, null));
  for (const c of spec.clients) {
    if (c.customerIndex >= spec.size) continue;
    const plan = spec.planFor(c.customerIndex);
    const facts = plan.named ? (NAMED_CUSTOMERS.find((n) => n.key === plan.named) ?? null) : null;
    const { id } = customerTimeline({ seed, key: spec.key, cal }, plan, facts);
    usersByKey.set(c.key, makeUser(rng, cal, organization.id, c, id));
  }
  const admin = usersByKey.get('admin') as DemoUser;
  const csms: Partial<Record<CsmKey, DemoUser>> = {};
  for (const k of ['maria', 'joao', 'pedro'] as const) {
    const u = usersByKey.get(k);
    if (u) csms[k] = u;
  }
  const clientUsers = new Map<number, DemoUser>();
  for (const c of spec.clients) {
    const u = usersByKey.get(c.key);
    if (u) clientUsers.set(c.customerIndex, u);
  }
  const ctx: OrgContext = {
    seed,
    key: spec.key,
    organization,
    cal,
    admin,
    csms,
    clientUsers,
    invoicePrefix: spec.invoicePrefix,
  };
  return { spec, ctx, users: [...usersByKey.values()], usersByKey };
}

/** What the streaming API starts with: organizations and logins, then documents batch by batch. */
export interface DemoStream {
  organizations: DemoOrganization[];
  users: DemoUser[];
  /**
   * Documents in batches that each belong to one organization: its content first, then one batch per customer
   * (all of that customer's documents), then its users' notifications and engagement. Lazy: at most one
   * customer's documents (plus the six named customers') are held in memory at a time.
   */
  batches(): Generator<DemoBatch>;
}

/** Plans the demo data for `options` without generating documents yet (cheap). */
export function streamDemoData(options: DemoOptions): DemoStream {
  const { seed, customers, now } = demoOptionsSchema.parse(options);
  const cal = createCalendar(now.getTime());
  const portfolio = planPortfolio(seed, customers);
  const specs: OrgSpec[] = [
    {
      key: 'arco',
      name: 'Arco Digital',
      slug: 'arco-digital',
      invoicePrefix: 'INV',
      staff: ARCO_STAFF,
      clients: ARCO_CLIENTS,
      size: customers,
      planFor: (i) => portfolio.planFor(i),
    },
    {
      key: 'outra',
      name: 'Outra Agência',
      slug: 'outra-agencia',
      invoicePrefix: 'OA',
      staff: OUTRA_STAFF,
      clients: OUTRA_CLIENTS,
      size: OUTRA_PLANS.length,
      planFor: (i) => {
        const p = OUTRA_PLANS[i] as (typeof OUTRA_PLANS)[number];
        return { ...p, index: i, tier: tierOf(p.mrrCents), risks: [...p.risks] };
      },
    },
  ];
  const orgs = specs.map((s) => prepareOrg(seed, cal, s));
  return {
    organizations: orgs.map((o) => o.ctx.organization),
    users: orgs.flatMap((o) => o.users),
    *batches() {
      for (const org of orgs) yield* orgBatches(org);
    },
  };
}

function* orgBatches(org: PreparedOrg): Generator<DemoBatch> {
  const { ctx, spec } = org;
  const organizationId = ctx.organization.id;
  const content = buildContent(ctx);
  yield { organizationId, documents: { content } };
  // Named customers (and client users' customers) are kept for the notifications and engagement at the end.
  const keep = new Map<string, NamedDocs>();
  const clientIndexes = new Set(spec.clients.map((c) => c.customerIndex));
  for (let index = 0; index < spec.size; index++) {
    const plan = spec.planFor(index);
    const facts = plan.named ? (NAMED_CUSTOMERS.find((n) => n.key === plan.named) ?? null) : null;
    const bundle: CustomerBundle = buildCustomerBundle(ctx, plan, facts);
    if (plan.named || clientIndexes.has(index)) {
      keep.set(plan.named ?? `index-${index}`, {
        customer: bundle.built.customer,
        documents: bundle.documents,
      });
    }
    yield { organizationId, documents: bundle.documents };
  }
  const notifications = buildNotifications(spec.key, ctx.seed, ctx.cal, org.usersByKey, keep, content);
  const engagement = spec.clients.flatMap((c) => {
    const user = org.usersByKey.get(c.key);
    const plan = c.customerIndex < spec.size ? spec.planFor(c.customerIndex) : null;
    const docs = plan ? keep.get(plan.named ?? `index-${c.customerIndex}`) : undefined;
    if (!user || !docs) return [];
    return [
      buildEngagement(
        spec.key,
        ctx.seed,
        ctx.cal,
        { ...user, key: c.key },
        docs.customer,
        docs.documents,
        content,
      ),
    ];
  });
  yield { organizationId, documents: { notifications, engagement } };
}

const emptyDocuments = (): DemoDocuments =>
  Object.fromEntries(COLLECTION_NAMES.map((n) => [n, []])) as unknown as DemoDocuments;

/**
 * The whole demo data set in memory: two organizations, their logins and every synced collection.
 * Pure and deterministic: the same options give byte-identical JSON. For 10 000+ customers prefer
 * `streamDemoData` (same documents, produced batch by batch).
 */
export function generateDemoData(options: DemoOptions): DemoData {
  const stream = streamDemoData(options);
  const documents = emptyDocuments();
  const owners: DemoData['owners'] = { customers: {}, content: {} };
  for (const batch of stream.batches()) {
    for (const name of Object.keys(batch.documents) as CollectionName[]) {
      const docs = batch.documents[name] as unknown[] | undefined;
      if (!docs) continue;
      const target = documents[name] as unknown[];
      for (const d of docs) target.push(d);
    }
    for (const c of batch.documents.customers ?? []) owners.customers[c.id] = batch.organizationId;
    for (const c of batch.documents.content ?? []) owners.content[c.id] = batch.organizationId;
  }
  return { organizations: stream.organizations, users: stream.users, documents, owners };
}

/** The organization that owns a document (customer-scoped via its customer, user-scoped via its user). */
export function organizationIdOf(
  data: DemoData,
  collection: CollectionName,
  doc: { id: string },
): string | undefined {
  if (collection === 'customers') return data.owners.customers[doc.id];
  if (collection === 'content') return data.owners.content[doc.id];
  const d = doc as { customerId?: string; userId?: string };
  if (collection === 'notifications' || collection === 'engagement') {
    return data.users.find((u) => u.id === d.userId)?.organizationId;
  }
  return d.customerId === undefined ? undefined : data.owners.customers[d.customerId];
}

/** Counts per collection, for logs and the CLI. */
export function countDocuments(documents: Partial<DemoDocuments>): Record<CollectionName, number> {
  return Object.fromEntries(COLLECTION_NAMES.map((n) => [n, documents[n]?.length ?? 0])) as Record<
    CollectionName,
    number
  >;
}
