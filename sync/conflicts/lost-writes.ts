import type { CollectionName } from '../../shared/collections/index.ts';
import { deepEqual, deviceContent, isDeleted, isPlainObject, type PlainObject } from '../documents.ts';

/**
 * What a device wrote that a conflict's merge did not keep (docs/sync-protocol.md §Conflict resolution): when
 * two people change the same field offline, the field's rule picks one value, and the person whose value lost
 * must be told what they wrote and what stands now, and be able to write theirs again.
 *
 * Pure, and deliberately independent of the rules: it compares what the device wrote (`mine`, against the
 * master it based the write on, `base`) with the document the merge produced (`resolved`). A field counts as
 * lost when the device changed it (or had no base: then it wrote every field) and the resolved document holds
 * something else. Embedded arrays of elements with an `id` (contacts, contracts…) are compared element by
 * element, field by field, so a lost contact phone is reported as that phone, not as the whole list.
 *
 * Not reported: stamps (`clientUpdatedAt`, `updatedAt`, `serverSeq`) and server-owned fields (never the
 * device's to lose); deletions in either direction (a delete beats a concurrent edit by design and keeps the
 * edit inside the tombstone; the lost document is gone from every screen); elements removed on the other side.
 */
export interface LostField {
  /** `[field]` or, inside an embedded array, `[field, elementId, elementField]`. */
  readonly path: readonly string[];
  /** For an element path: the element's name as people know it (a contact's name, a contract's name). */
  readonly elementLabel?: string | null;
  /** What the device wrote. */
  readonly mine: unknown;
  /** What the resolved document holds now. */
  readonly kept: unknown;
}

export interface LostWritesInput {
  /** The master the device based its write on; null/absent when it believed the document new. */
  readonly base?: PlainObject | null | undefined;
  /** The device's written state (the pushed `newDocumentState`). */
  readonly mine: PlainObject;
  /** The merge's result (what the device stores and the server will hold). */
  readonly resolved: PlainObject;
}

const STAMPS = ['id', 'clientUpdatedAt', 'updatedAt', 'serverSeq'];

const isKeyedList = (value: unknown): value is PlainObject[] =>
  Array.isArray(value) && value.every((e) => isPlainObject(e) && typeof e.id === 'string');

const byId = (list: readonly PlainObject[], id: unknown) => list.find((e) => e.id === id);

function elementLabel(element: PlainObject): string | null {
  if (typeof element.name === 'string') return element.name;
  const person = [element.firstName, element.lastName].filter((p) => typeof p === 'string').join(' ');
  if (person) return person;
  if (typeof element.title === 'string') return element.title;
  return null;
}

export function lostWrites(collection: CollectionName, input: LostWritesInput): LostField[] {
  const { mine, resolved } = input;
  const base = input.base ?? null;
  if (isDeleted(mine) || isDeleted(resolved)) return [];
  const mineContent = deviceContent(collection, mine);
  const resolvedContent = deviceContent(collection, resolved);
  const baseContent = base ? deviceContent(collection, base) : null;
  const lost: LostField[] = [];
  for (const [field, value] of Object.entries(mineContent)) {
    if (STAMPS.includes(field)) continue;
    const before = baseContent ? baseContent[field] : undefined;
    if (baseContent && deepEqual(before, value)) continue; // not the device's change
    const now = resolvedContent[field];
    if (deepEqual(now, value)) continue;
    if (isKeyedList(value) && isKeyedList(now)) {
      const baseList = isKeyedList(before) ? before : [];
      for (const element of value) {
        const kept = byId(now, element.id);
        if (!kept) continue; // removed on the other side
        const was = byId(baseList, element.id);
        for (const [key, mineValue] of Object.entries(element)) {
          if (key === 'id') continue;
          if (was && deepEqual(was[key], mineValue)) continue;
          if (deepEqual(kept[key], mineValue)) continue;
          lost.push({
            path: [field, element.id as string, key],
            elementLabel: elementLabel(kept),
            mine: mineValue,
            kept: kept[key] ?? null,
          });
        }
      }
      continue;
    }
    lost.push({ path: [field], mine: value, kept: now ?? null });
  }
  return lost;
}

/**
 * The change that writes the device's lost values again over `current` (the document as stored now): the
 * top-level fields to patch, embedded arrays rebuilt with the lost element fields put back. Elements gone since
 * are left gone (there is nothing to put the value on).
 */
export function reapplyLost(current: PlainObject, lost: readonly LostField[]): PlainObject {
  const patch: PlainObject = {};
  for (const { path, mine } of lost) {
    const [field, elementId, key] = path;
    if (field === undefined) continue;
    if (elementId === undefined || key === undefined) {
      patch[field] = structuredClone(mine);
      continue;
    }
    const list = (patch[field] ?? current[field]) as unknown;
    if (!isKeyedList(list)) continue;
    patch[field] = list.map((e) => (e.id === elementId ? { ...e, [key]: structuredClone(mine) } : e));
  }
  return patch;
}
