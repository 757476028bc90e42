import type { CollectionName, DocOf } from '../../shared/collections/index.ts';
import type { CustomerDocs } from '../../shared/domain/csm/customer-inputs.ts';
import type { Metrics } from '../../shared/entities/portal.ts';
import { systemIdentity } from '../../shared/identity.ts';
import { nextServerSeqs, writeDocuments, type Database } from '../db/index.ts';

/** Test helpers for the health recompute (tests only). */

/** Stores documents as the system would (fresh server_seqs, server clock `now`), outside any change feed. */
export async function storeDocs<N extends CollectionName>(
  db: Database,
  organizationId: string,
  collection: N,
  now: Date,
  docs: readonly DocOf<N>[],
): Promise<void> {
  if (docs.length === 0) return;
  await db.withIdentity(systemIdentity(organizationId), async (c) => {
    const seqs = await nextServerSeqs(c, organizationId, docs.length);
    await writeDocuments(
      c,
      { organizationId },
      collection,
      docs.map((doc, i) => ({ doc, server: { serverSeq: seqs[i]!, updatedAt: now.toISOString() } })),
    );
  });
}

/**
 * One customer's documents (shared/domain/csm/test-docs.ts) stored in `organizationId`. Tickets and meetings
 * name a staff member of the organization (foreign keys): `staffId` takes that place.
 */
export async function storeCustomerDocs(
  db: Database,
  organizationId: string,
  staffId: string,
  docs: CustomerDocs & { metrics: Metrics[] },
  now: Date,
): Promise<void> {
  await storeDocs(db, organizationId, 'customers', now, [docs.customer]);
  await storeDocs(db, organizationId, 'activities', now, docs.activities);
  await storeDocs(
    db,
    organizationId,
    'tickets',
    now,
    docs.tickets.map((x) => ({ ...x, assignedTo: x.assignedTo && staffId })),
  );
  await storeDocs(db, organizationId, 'invoices', now, docs.invoices);
  await storeDocs(
    db,
    organizationId,
    'meetings',
    now,
    (docs.meetings ?? []).map((m) => ({ ...m, accountManagerId: staffId })),
  );
  await storeDocs(db, organizationId, 'signals', now, docs.signals ?? []);
  await storeDocs(db, organizationId, 'metrics', now, docs.metrics);
}
