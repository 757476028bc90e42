import { COLLECTION_NAMES, definitionOf, type CollectionName } from '../../shared/collections/index.ts';
import type { MergeRules } from './merge.ts';

/**
 * Each collection's conflict rules, read from its definition (`merge` in shared/collections/<name>.ts) with its
 * server-owned fields (docs/sync-protocol.md §Conflicts). Anything a definition does not list merges by field
 * with the default rule: a field changed on both sides takes the side with the later `clientUpdatedAt`.
 */
export const MERGE_RULES: Readonly<Record<CollectionName, MergeRules>> = Object.fromEntries(
  COLLECTION_NAMES.map((name) => {
    const def = definitionOf(name);
    return [name, { ...def.merge, serverOwned: def.serverOwned }];
  }),
) as Record<CollectionName, MergeRules>;
