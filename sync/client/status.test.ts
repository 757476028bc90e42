import { describe, expect, it } from 'vitest';
import {
  initialSyncProgress,
  initialSyncStatus,
  isSynced,
  reduceSyncStatus,
  type SyncEvent,
  totalPending,
} from './status.ts';

const t0 = new Date('2026-11-21T12:00:00.000Z');
const run = (events: SyncEvent[], online = true) =>
  events.reduce(
    (s, e, i) => reduceSyncStatus(s, e, new Date(t0.getTime() + i * 1000)),
    initialSyncStatus(['customers', 'health', 'tickets'], online),
  );

describe('sync status state machine', () => {
  it('starts offline or connecting from the browser signal', () => {
    expect(initialSyncStatus([], false).connectivity).toBe('offline');
    expect(initialSyncStatus([], true).connectivity).toBe('connecting');
  });

  it('goes online when the stream opens and records the last successful sync from the clock', () => {
    const s = run([
      { type: 'stream_open' },
      { type: 'pulled', collection: 'customers', caughtUp: true },
      { type: 'stored', collection: 'customers' },
    ]);
    expect(s.connectivity).toBe('online');
    expect(s.lastSyncedAt).toBe('2026-11-21T12:00:02.000Z');
  });

  it('stays offline while the network is down even if a late pull resolves', () => {
    const s = run([
      { type: 'network', online: false },
      { type: 'pulled', collection: 'customers', caughtUp: false },
    ]);
    expect(s.connectivity).toBe('offline');
  });

  it('tracks first-sync progress per collection, once each', () => {
    const s = run([
      { type: 'pulled', collection: 'customers', caughtUp: true },
      { type: 'stored', collection: 'customers' },
      { type: 'pulled', collection: 'customers', caughtUp: true },
      { type: 'stored', collection: 'customers' },
      { type: 'pulled', collection: 'health', caughtUp: false },
      { type: 'stored', collection: 'health' },
    ]);
    expect(s.initialSynced).toEqual(['customers']);
    expect(initialSyncProgress(s)).toBeCloseTo(1 / 3);
  });

  it('a collection counts as synced once its last page is stored, not when it is downloaded', () => {
    const all = (ev: SyncEvent['type']) =>
      ['customers', 'health', 'tickets'].map(
        (collection) =>
          (ev === 'stored'
            ? { type: 'stored', collection }
            : { type: 'pulled', collection, caughtUp: true }) as SyncEvent,
      );
    const downloaded = run([{ type: 'stream_open' }, ...all('pulled')]);
    // Every collection's last page arrived; RxDB is still storing them.
    expect(initialSyncProgress(downloaded)).toBe(0);
    expect(isSynced(downloaded)).toBe(false);
    const stored = all('stored').reduce((s, e) => reduceSyncStatus(s, e, t0), downloaded);
    expect(initialSyncProgress(stored)).toBe(1);
    expect(isSynced(stored)).toBe(true);
    // A page stored while more follow is not caught up yet.
    const partial = run([
      { type: 'pulled', collection: 'customers', caughtUp: false },
      { type: 'stored', collection: 'customers' },
    ]);
    expect(partial.initialSynced).toEqual([]);
    // A stored event with no pulled page before it (a live change) changes nothing.
    expect(reduceSyncStatus(stored, { type: 'stored', collection: 'customers' }, t0)).toBe(stored);
  });

  it('is not synced while a local write waits, a page is being stored, or the device is offline', () => {
    const base = run([
      { type: 'stream_open' },
      ...['customers', 'health', 'tickets'].flatMap((collection): SyncEvent[] => [
        { type: 'pulled', collection, caughtUp: true },
        { type: 'stored', collection },
      ]),
    ]);
    expect(isSynced(base)).toBe(true);
    expect(isSynced(reduceSyncStatus(base, { type: 'pending', collection: 'tickets', count: 1 }, t0))).toBe(
      false,
    );
    expect(
      isSynced(reduceSyncStatus(base, { type: 'pulled', collection: 'tickets', caughtUp: true }, t0)),
    ).toBe(false);
    expect(isSynced(reduceSyncStatus(base, { type: 'network', online: false }, t0))).toBe(false);
  });

  it('sums pending writes across collections and never goes negative', () => {
    const s = run([
      { type: 'pending', collection: 'customers', count: 2 },
      { type: 'pending', collection: 'tickets', count: 1 },
      { type: 'pending', collection: 'tickets', count: -4 },
    ]);
    expect(totalPending(s)).toBe(2);
  });

  it('keeps the same snapshot when a pending count is reported unchanged (no re-render for nothing)', () => {
    const s = run([{ type: 'pending', collection: 'customers', count: 2 }]);
    expect(reduceSyncStatus(s, { type: 'pending', collection: 'customers', count: 2 }, t0)).toBe(s);
    expect(reduceSyncStatus(s, { type: 'pending', collection: 'customers', count: 1 }, t0)).not.toBe(s);
  });

  it('keeps the pending queue when the session expires and clears the blocker on sign-in', () => {
    const s = run([{ type: 'pending', collection: 'customers', count: 3 }, { type: 'unauthorized' }]);
    expect(s.blocker).toBe('session_expired');
    expect(totalPending(s)).toBe(3);
    expect(reduceSyncStatus(s, { type: 'signed_in' }, t0).blocker).toBe('none');
  });

  it('lists rejected writes newest first, de-duplicated by id, dismissible', () => {
    const s = run([
      { type: 'rejected', collection: 'customers', items: [{ id: 'a', code: 'forbidden', message: 'x' }] },
      { type: 'rejected', collection: 'customers', items: [{ id: 'b', code: 'invalid', message: 'y' }] },
      { type: 'rejected', collection: 'customers', items: [{ id: 'a', code: 'forbidden', message: 'z' }] },
    ]);
    expect(s.rejected.map((r) => r.id)).toEqual(['a', 'b']);
    expect(reduceSyncStatus(s, { type: 'dismiss_rejected', id: 'a' }, t0).rejected.map((r) => r.id)).toEqual([
      'b',
    ]);
  });

  it('an upgrade-required answer blocks until the app updates', () => {
    expect(run([{ type: 'upgrade_required' }, { type: 'signed_in' }]).blocker).toBe('upgrade_required');
  });

  it("counts collections caught up elsewhere (an earlier session, the leader tab), only the role's, once", () => {
    const s = run([
      { type: 'caught_up_elsewhere', collections: ['customers', 'payments'] },
      { type: 'caught_up_elsewhere', collections: ['customers'] },
    ]);
    expect(s.initialSynced).toEqual(['customers']);
    expect(reduceSyncStatus(s, { type: 'caught_up_elsewhere', collections: ['customers'] }, t0)).toBe(s);
  });
});
