import { describe, expect, it, vi } from 'vitest';
import type { SignedInUser } from '../../shared/identity.ts';
import type { DeviceSession, DeviceSessions } from './device-session.ts';
import { lazyDeviceSessions } from './lazy-device-sessions.ts';

const user = { id: 'u1' } as SignedInUser;

function fakeSessions() {
  let current: DeviceSession | null = null;
  const sessions: DeviceSessions = {
    open: vi.fn(async (u: SignedInUser) => (current = { user: u } as DeviceSession)),
    current: () => current,
    closeCurrent: vi.fn(async () => void (current = null)),
    lifecycle: { onLogout: vi.fn(async () => undefined) },
  };
  return sessions;
}

describe('lazyDeviceSessions', () => {
  it('loads nothing until a session is needed, then loads once', async () => {
    const real = fakeSessions();
    const load = vi.fn(async () => real);
    const lazy = lazyDeviceSessions(load);
    expect(lazy.current()).toBeNull();
    await lazy.closeCurrent();
    expect(load).not.toHaveBeenCalled();

    const [a, b] = await Promise.all([lazy.open(user), lazy.open(user)]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(a.user).toBe(user);
    expect(b.user).toBe(user);
    expect(lazy.current()?.user).toBe(user);
    await lazy.closeCurrent();
    expect(real.closeCurrent).toHaveBeenCalledTimes(1);
    expect(lazy.current()).toBeNull();
  });

  it('preload starts the load; a logout always reaches the real sessions', async () => {
    const real = fakeSessions();
    const load = vi.fn(async () => real);
    const lazy = lazyDeviceSessions(load);
    lazy.preload();
    expect(load).toHaveBeenCalledTimes(1);
    await lazy.lifecycle.onLogout(user);
    expect(real.lifecycle.onLogout).toHaveBeenCalledWith(user);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('retries a failed load (a chunk that could not be fetched) on the next call', async () => {
    const real = fakeSessions();
    const load = vi
      .fn<() => Promise<DeviceSessions>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(real);
    const lazy = lazyDeviceSessions(load);
    await expect(lazy.open(user)).rejects.toThrow('offline');
    expect((await lazy.open(user)).user).toBe(user);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
