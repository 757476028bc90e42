export {
  CONFLICT_HANDLERS,
  createConflictHandler,
  resolveConflict,
  statesEqual,
  type ConflictHandler,
  type ConflictInput,
  type ResolveInput,
  type WithDeleted,
} from './handlers.ts';
export { threeWayMerge, type FieldGroup, type FieldRule, type MergeRules } from './merge.ts';
export { MERGE_RULES } from './rules.ts';
