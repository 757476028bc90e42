import type { MergeFieldRule } from './define.ts';
import { str } from './values.ts';

/** Merge rules several collections use (docs/sync-protocol.md §Conflicts). */

/** Union by element id, base order first. */
export const byId: MergeFieldRule = { kind: 'keyed', key: (e) => str(e.id) };
/** Conversations and logs: union by id, in chronological order. */
export const chronological: MergeFieldRule = {
  kind: 'keyed',
  key: (e) => str(e.id),
  order: (e) => str(e.createdAt),
};
/** Day series (`date` is the identity of a point), in date order. */
export const byDate: MergeFieldRule = { kind: 'keyed', key: (e) => str(e.date), order: (e) => str(e.date) };
/** "Read at", "completed at": the first time it happened wins. */
export const firstTime: MergeFieldRule = { kind: 'earliestNonNull' };
