import { accessFor, definitionOf, isStaff, type CollectionName } from '../shared/collections/index.ts';
import type { PlainObject } from './documents.ts';
import type { UserIdentity } from '../shared/identity.ts';

/**
 * Which rows of a collection an identity may read, as a filter a store can turn into one indexed SQL
 * condition (`organization_id = $1 [and <owner column> = $2]`). Visibility is per row, never per field
 * (docs/sync-protocol.md), so this is the whole read rule.
 */
export interface ReadFilter {
  readonly organizationId: string;
  /** The document's `field` must equal `equals`; null means every row of the organization. */
  readonly owner: { readonly field: 'id' | 'customerId' | 'userId'; readonly equals: string } | null;
}

/** null when the role may not sync the collection at all (e.g. `health` for a client user). */
export function readFilterFor(identity: UserIdentity, collection: CollectionName): ReadFilter | null {
  if (accessFor(identity.role, collection) === 'none') return null;
  const { organizationId } = identity;
  const scope = definitionOf(collection).scope;
  if (scope === 'user') return { organizationId, owner: { field: 'userId', equals: identity.userId } };
  if (scope === 'organization' || isStaff(identity.role)) return { organizationId, owner: null };
  // A client user: only their own customer's rows. A `customers` document *is* the customer.
  if (identity.customerId === null) return null;
  const field = collection === 'customers' ? 'id' : 'customerId';
  return { organizationId, owner: { field, equals: identity.customerId } };
}

/** The same rule evaluated on a document (for stores without SQL and for filtering the change stream). */
export function matchesReadFilter(filter: ReadFilter, organizationId: string, doc: PlainObject): boolean {
  if (organizationId !== filter.organizationId) return false;
  return filter.owner === null || doc[filter.owner.field] === filter.owner.equals;
}
