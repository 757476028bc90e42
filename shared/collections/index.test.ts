import { describe, expect, it } from 'vitest';
import { accessFor, COLLECTION_NAMES, collectionsForRole, MAX_COLLECTIONS_PER_ROLE, ROLES } from './index.ts';

describe('collection registry', () => {
  it('has the 15 synced collections of docs/architecture.md §4.1', () => {
    expect(COLLECTION_NAMES).toHaveLength(15);
  });

  it.each(ROLES)('role %s opens at most %i collections (RxDB open-core bound)', (role) => {
    expect(collectionsForRole(role).length).toBeLessThanOrEqual(MAX_COLLECTIONS_PER_ROLE);
  });

  it('never gives a client user the staff-only collections', () => {
    for (const n of ['health', 'signals', 'activities'] as const) expect(accessFor('client', n)).toBe('none');
    expect(collectionsForRole('client')).not.toContain('health');
  });

  it('syncs customers (and health for staff) first', () => {
    expect(collectionsForRole('csm').slice(0, 2)).toEqual(['customers', 'health']);
    expect(collectionsForRole('client')[0]).toBe('customers');
  });
});
