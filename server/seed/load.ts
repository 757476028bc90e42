import { COLLECTION_NAMES, type CollectionName, type DocOf } from '../../shared/collections/index.ts';
import { writeDocuments, type WriteEntry } from '../db/collections/mapper.ts';
import type { Database, DbClient } from '../db/database.ts';
import { systemIdentity } from '../../shared/identity.ts';
import { lockOrganizationForWrite, nextServerSeqs } from '../db/ordering.ts';
import { markHealthRecomputedThrough } from '../health/recompute.ts';
import type { DemoStream } from './generate.ts';
import type { DemoBatch, DemoData, DemoDocuments, DemoOrganization, DemoUser } from './types.ts';

export interface LoadOptions {
  /** Hashes a plain password for storage (argon2id in the app: `server/auth/passwords.ts`). */
  hashPassword: (plain: string) => Promise<string>;
  /** The server clock stamped as every document's `updatedAt`. Default: the time the load starts. */
  now?: Date;
  /** Documents per transaction (default 2 000). Each transaction writes one organization. */
  batchSize?: number;
  /** Progress lines (one per organization and every ~10 000 documents). */
  log?: (message: string) => void;
}

export interface LoadResult {
  organizations: number;
  users: number;
  documents: Record<CollectionName, number>;
}

/**
 * Write order inside a transaction: customers first (everything else references them), content and the
 * user-scoped collections last (they reference users, inserted before them).
 */
const WRITE_ORDER: readonly CollectionName[] = [
  'customers',
  ...COLLECTION_NAMES.filter((n) => n !== 'customers'),
];

const USER_SCOPED = new Set<CollectionName>(['notifications', 'engagement']);

/** The in-memory data set as the same batches the streaming generator yields (content, customers, people). */
function* batchesOf(data: DemoData): Generator<DemoBatch> {
  for (const org of data.organizations) {
    const content = data.documents.content.filter((c) => data.owners.content[c.id] === org.id);
    yield { organizationId: org.id, documents: { content } };
    const ofOrg = <T extends { customerId: string }>(list: readonly T[]) =>
      list.filter((d) => data.owners.customers[d.customerId] === org.id);
    const documents: Partial<DemoDocuments> = {
      customers: data.documents.customers.filter((c) => data.owners.customers[c.id] === org.id),
    };
    for (const name of COLLECTION_NAMES) {
      if (name === 'customers' || name === 'content' || USER_SCOPED.has(name)) continue;
      (documents as Record<string, unknown>)[name] = ofOrg(data.documents[name] as { customerId: string }[]);
    }
    yield { organizationId: org.id, documents };
    const userIds = new Set(data.users.filter((u) => u.organizationId === org.id).map((u) => u.id));
    yield {
      organizationId: org.id,
      documents: {
        notifications: data.documents.notifications.filter((n) => userIds.has(n.userId)),
        engagement: data.documents.engagement.filter((e) => userIds.has(e.userId)),
      },
    };
  }
}

const isStream = (data: DemoData | DemoStream): data is DemoStream =>
  typeof (data as DemoStream).batches === 'function';

async function insertOrganization(c: DbClient, org: DemoOrganization): Promise<void> {
  await c.query('INSERT INTO organizations (id, name, time_zone, created_at) VALUES ($1, $2, $3, $4)', [
    org.id,
    org.name,
    org.timeZone,
    org.createdAt,
  ]);
  // The default health weights and thresholds (customers spec §1.3), editable by the admin afterwards.
  await c.query('INSERT INTO health_configs (organization_id) VALUES ($1) ON CONFLICT DO NOTHING', [org.id]);
}

async function insertUsers(c: DbClient, users: readonly DemoUser[], hashes: ReadonlyMap<string, string>) {
  for (const u of users) {
    await c.query(
      `INSERT INTO users (id, organization_id, email, name, role, customer_id, password_hash, time_zone, created_at,
                          phone, job_title)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        u.id,
        u.organizationId,
        u.email,
        u.name,
        u.role,
        u.customerId,
        hashes.get(u.id),
        u.timeZone,
        u.createdAt,
        u.phone,
        u.jobTitle,
      ],
    );
  }
}

/**
 * Loads demo data into an **empty** database (same ids or e-mails already present violate unique keys):
 * organizations, users (passwords hashed first, outside any transaction) and every document through the row
 * mapper. Each transaction writes one organization as its `system` identity (RLS-checked), takes the
 * organization's write lock and consecutive `server_seq`s, so sync order is gap-free from the first pull.
 *
 * Accepts the in-memory data (`generateDemoData`) or the lazy stream (`streamDemoData`, for 10 000+ customers:
 * memory stays bounded by `batchSize`). Client users are inserted once their customers exist, just before the
 * organization's notifications and engagement.
 */
export async function loadDemoData(
  db: Database,
  data: DemoData | DemoStream,
  options: LoadOptions,
): Promise<LoadResult> {
  const now = (options.now ?? new Date()).toISOString();
  const batchSize = Math.max(1, options.batchSize ?? 2_000);
  const log = options.log ?? (() => undefined);
  const hashes = new Map<string, string>();
  for (const u of data.users) hashes.set(u.id, await options.hashPassword(u.password));

  const counts = Object.fromEntries(COLLECTION_NAMES.map((n) => [n, 0])) as Record<CollectionName, number>;
  for (const org of data.organizations) {
    const staff = data.users.filter((u) => u.organizationId === org.id && u.customerId === null);
    await db.withIdentity(systemIdentity(org.id), async (c) => {
      await insertOrganization(c, org);
      await insertUsers(c, staff, hashes);
    });
    log(`${org.name}: organização e ${staff.length} usuários da equipe`);
  }

  let pendingOrg: string | null = null;
  let pending: Partial<Record<CollectionName, unknown[]>> = {};
  let pendingCount = 0;
  let written = 0;
  const clientsInserted = new Set<string>();

  const flush = async () => {
    if (pendingOrg === null || pendingCount === 0) return;
    const organizationId = pendingOrg;
    const docs = pending;
    const total = pendingCount;
    pending = {};
    pendingCount = 0;
    await db.withIdentity(systemIdentity(organizationId), async (c) => {
      await lockOrganizationForWrite(c, organizationId);
      const seqs = await nextServerSeqs(c, organizationId, total);
      let k = 0;
      for (const name of WRITE_ORDER) {
        const list = docs[name];
        if (!list || list.length === 0) continue;
        const entries = list.map((doc) => ({
          doc,
          server: { serverSeq: seqs[k++] as number, updatedAt: now },
        })) as WriteEntry<typeof name>[];
        await writeDocuments(c, { organizationId }, name, entries);
        counts[name] += list.length;
      }
      // Loaded documents are not changes to follow: the seed's health comes with them (./health.ts), so the
      // coalesced recompute (server/health/recompute.ts `recomputeChangedHealth`) starts after them.
      await markHealthRecomputedThrough(c, organizationId, seqs[seqs.length - 1] as number);
    });
    const before = written;
    written += total;
    if (Math.floor(written / 10_000) > Math.floor(before / 10_000)) log(`${written} documentos gravados`);
  };

  const batches = isStream(data) ? data.batches() : batchesOf(data);
  for (const batch of batches) {
    if (pendingOrg !== batch.organizationId) await flush();
    pendingOrg = batch.organizationId;
    const names = Object.keys(batch.documents) as CollectionName[];
    if (names.some((n) => USER_SCOPED.has(n)) && !clientsInserted.has(batch.organizationId)) {
      // Every customer of the organization has been yielded by now: its client users can point at them.
      await flush();
      const clients = data.users.filter(
        (u) => u.organizationId === batch.organizationId && u.customerId !== null,
      );
      await db.withIdentity(systemIdentity(batch.organizationId), (c) => insertUsers(c, clients, hashes));
      clientsInserted.add(batch.organizationId);
    }
    for (const name of names) {
      const list = batch.documents[name] as DocOf<typeof name>[] | undefined;
      if (!list || list.length === 0) continue;
      (pending[name] ??= []).push(...list);
      pendingCount += list.length;
    }
    if (pendingCount >= batchSize) await flush();
  }
  await flush();
  for (const org of data.organizations) {
    if (clientsInserted.has(org.id)) continue;
    const clients = data.users.filter((u) => u.organizationId === org.id && u.customerId !== null);
    await db.withIdentity(systemIdentity(org.id), (c) => insertUsers(c, clients, hashes));
  }
  log(`${written} documentos gravados no total`);
  return { organizations: data.organizations.length, users: data.users.length, documents: counts };
}
