import { describe, expect, it } from 'vitest';
import { manualNetwork } from '../platform/network.ts';
import { createSyncStatusStore } from './sync-status-store.ts';

describe('sync status store', () => {
  it('follows the browser network, notifies subscribers and keeps snapshots stable between changes', () => {
    const network = manualNetwork(true);
    const store = createSyncStatusStore(network, () => new Date('2026-11-21T12:00:00Z'));
    let notified = 0;
    store.subscribe(() => notified++);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    network.set(false);
    expect(store.getSnapshot().connectivity).toBe('offline');
    store.dispatch({ type: 'pending', collection: 'customers', count: 2 });
    expect(notified).toBe(2);
  });

  it('reset starts a fresh status for the next user, forgetting the previous pending counts', () => {
    const store = createSyncStatusStore(manualNetwork(true), () => new Date());
    store.dispatch({ type: 'pending', collection: 'customers', count: 2 });
    store.reset(['customers', 'tickets']);
    expect(store.getSnapshot().pending).toEqual({});
    expect(store.getSnapshot().collections).toEqual(['customers', 'tickets']);
  });

  it('shows plain online/offline while nobody is signed in, and connecting once collections sync', () => {
    const network = manualNetwork(true);
    const store = createSyncStatusStore(network, () => new Date());
    expect(store.getSnapshot().connectivity).toBe('online');
    network.set(false);
    expect(store.getSnapshot().connectivity).toBe('offline');
    network.set(true);
    store.reset(['customers']);
    expect(store.getSnapshot().connectivity).toBe('connecting');
  });
});
