import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_CONFIG } from '../../shared/domain/csm/health-config.ts';
import { DEFAULT_PLAYBOOKS } from '../../shared/domain/csm/playbooks.ts';
import { applyProfileUpdate, profileUpdateSchema, type UserProfile } from '../../shared/device-settings.ts';
import {
  completePreferences,
  defaultNotificationPreferences,
  notificationPreferencesSchema,
  type NotificationPreferences,
} from '../../shared/domain/notifications/preferences.ts';
import type { KeyValueStore } from '../../sync/client/outbox.ts';
import {
  createDeviceSettingsSync,
  HEALTH_CONFIG_DOC,
  NOTIFICATION_PREFERENCES_DOC,
  NOTIFICATION_PREFERENCES_REJECTION_DOC,
  PENDING_NOTIFICATION_PREFERENCES_DOC,
  ORGANIZATION_DOC,
  PENDING_PROFILE_DOC,
  PLAYBOOKS_DOC,
  PROFILE_DOC,
  PROFILE_REJECTION_DOC,
  readPlaybooks,
  readProfile,
  readProfileRejection,
} from './device-settings.ts';

const memoryKv = () => {
  const data = new Map<string, unknown>();
  const kv: KeyValueStore = { get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
  return { data, kv };
};

const organization = {
  id: 'o1',
  name: 'Arco Digital',
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
  currency: 'BRL',
};
const maria: UserProfile = {
  id: 'u1',
  name: 'Maria Santos',
  email: 'maria@arco.example',
  role: 'csm',
  customerId: null,
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
  phone: null,
  jobTitle: null,
};

/**
 * A stand-in for `/api/settings` that follows the route's contract (server/settings/routes.pg.test.ts tests
 * the real one): it validates with the same shared schema and records what it was sent.
 */
function fakeServer(options: { profile?: UserProfile; health?: boolean } = {}) {
  const profile = options.profile ?? maria;
  const state = {
    profile,
    preferences: defaultNotificationPreferences(profile.role) as NotificationPreferences,
    online: true,
    status: null as number | null,
    requests: [] as string[],
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
  const fetchFn = (async (url: string, init: RequestInit = {}): Promise<Response> => {
    if (!state.online) throw new TypeError('Failed to fetch');
    const method = init.method ?? 'GET';
    state.requests.push(`${method} ${url}`);
    if (state.status) return json(state.status, { error: { code: 'x', message: 'forced' } });
    if (method === 'GET' && url === '/api/settings') {
      const health = options.health === false ? null : { ...DEFAULT_HEALTH_CONFIG, updatedAt: null };
      return json(200, { organization, profile: state.profile, health });
    }
    if (method === 'PATCH' && url === '/api/settings/profile') {
      const parsed = profileUpdateSchema.safeParse(JSON.parse(String(init.body)));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          code: i.code,
          message: i.message,
        }));
        return json(422, {
          error: { code: 'validation_failed', message: 'Some fields are invalid.', details: { issues } },
        });
      }
      state.profile = applyProfileUpdate(state.profile, parsed.data);
      return json(200, { profile: state.profile });
    }
    if (method === 'GET' && url === '/api/me/notification-preferences') {
      return json(200, completePreferences(state.profile.role, state.preferences));
    }
    if (method === 'PUT' && url === '/api/me/notification-preferences') {
      const parsed = notificationPreferencesSchema.safeParse(JSON.parse(String(init.body)));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          code: i.code,
          message: i.message,
        }));
        return json(422, {
          error: { code: 'validation_failed', message: 'Some fields are invalid.', details: { issues } },
        });
      }
      state.preferences = parsed.data;
      return json(200, completePreferences(state.profile.role, state.preferences));
    }
    if (method === 'PUT' && url === '/api/settings/health') {
      if (state.profile.role !== 'admin')
        return json(403, { error: { code: 'forbidden', message: 'Admins only.' } });
      return json(200, {
        health: { ...JSON.parse(String(init.body)), updatedAt: '2026-11-21T12:00:00.000Z' },
      });
    }
    return json(404, { error: { code: 'not_found', message: 'Not found.' } });
  }) as unknown as typeof fetch;
  return { state, fetch: fetchFn };
}

const setup = (server = fakeServer()) => {
  const store = memoryKv();
  const sync = createDeviceSettingsSync({
    fetch: server.fetch,
    baseUrl: '',
    kv: store.kv,
    now: () => new Date('2026-11-21T12:00:00.000Z'),
  });
  return { server, store, sync };
};

describe('device settings: refresh', () => {
  it("stores the organization, the staff health configuration and the user's profile as local documents", async () => {
    const { store, sync } = setup();
    expect(await sync.refresh()).toBe(true);
    expect(store.data.get(ORGANIZATION_DOC)).toEqual(organization);
    expect(store.data.get(HEALTH_CONFIG_DOC)).toEqual({ ...DEFAULT_HEALTH_CONFIG, updatedAt: null });
    expect(store.data.get(PROFILE_DOC)).toEqual(maria);
  });

  it('stores no health configuration for a client user', async () => {
    const { store, sync } = setup(fakeServer({ health: false }));
    await sync.refresh();
    expect(store.data.has(HEALTH_CONFIG_DOC)).toBe(false);
  });

  it('keeps the cached copy when offline, unauthorized or answered with garbage', async () => {
    const { server, store, sync } = setup();
    await sync.refresh();
    server.state.online = false;
    expect(await sync.refresh()).toBe(false);
    server.state.online = true;
    server.state.status = 401;
    expect(await sync.refresh()).toBe(false);
    expect(store.data.get(PROFILE_DOC)).toEqual(maria);
  });
});

describe('device settings: profile edits', () => {
  it('saves at once when online', async () => {
    const { server, store, sync } = setup();
    await sync.refresh();
    const result = await sync.updateProfile({ locale: 'en', phone: '(11) 99999-9999' });
    expect(result).toEqual({
      status: 'saved',
      profile: { ...maria, locale: 'en', phone: '(11) 99999-9999' },
    });
    expect(server.state.profile.locale).toBe('en');
    expect(store.data.get(PENDING_PROFILE_DOC)).toBeNull();
  });

  it('shows an offline edit at once, keeps it queued, and sends it before the next refresh reads', async () => {
    const { server, store, sync } = setup();
    await sync.refresh();
    server.state.online = false;
    expect(await sync.updateProfile({ locale: 'en' })).toEqual({ status: 'queued' });
    expect(await sync.updateProfile({ jobTitle: 'CSM Sênior' })).toEqual({ status: 'queued' });
    expect(readProfile(store.data.get(PROFILE_DOC))).toMatchObject({ locale: 'en', jobTitle: 'CSM Sênior' });
    expect(store.data.get(PENDING_PROFILE_DOC)).toEqual({ locale: 'en', jobTitle: 'CSM Sênior' });

    server.state.online = true;
    server.state.requests = [];
    expect(await sync.refresh()).toBe(true);
    // One PATCH with both edits, then the read — so the server's copy already has them.
    expect(server.state.requests).toEqual([
      'PATCH /api/settings/profile',
      'GET /api/settings',
      'GET /api/me/notification-preferences',
    ]);
    expect(server.state.profile).toMatchObject({ locale: 'en', jobTitle: 'CSM Sênior' });
    expect(store.data.get(PROFILE_DOC)).toEqual(server.state.profile);
    expect(store.data.get(PENDING_PROFILE_DOC)).toBeNull();
  });

  it('keeps a queued edit through an expired session (401) and a server error', async () => {
    const { server, store, sync } = setup();
    await sync.refresh();
    for (const status of [401, 503]) {
      server.state.status = status;
      expect(await sync.updateProfile({ locale: 'en' })).toEqual({ status: 'queued' });
      expect(store.data.get(PENDING_PROFILE_DOC)).toEqual({ locale: 'en' });
      expect(await sync.refresh()).toBe(false);
    }
    server.state.status = null;
    await sync.refresh();
    expect(server.state.profile.locale).toBe('en');
  });

  it('refuses an invalid edit before writing anything', async () => {
    const { server, store, sync } = setup();
    await sync.refresh();
    server.state.requests = [];
    expect(await sync.updateProfile({ timeZone: 'Mars/Olympus' })).toEqual({
      status: 'invalid',
      fields: ['timeZone'],
    });
    expect(server.state.requests).toEqual([]);
    expect(store.data.get(PROFILE_DOC)).toEqual(maria);
    expect(store.data.has(PENDING_PROFILE_DOC)).toBe(false);
  });

  it('records a refusal from the server, drops the refused edit and goes back to the server copy', async () => {
    const server = fakeServer();
    const { store, sync } = setup(server);
    await sync.refresh();
    // A queued edit written by an older app version that the server's rules no longer accept.
    server.state.online = false;
    await sync.updateProfile({ phone: '(11) 5555-0000' });
    store.data.set(PENDING_PROFILE_DOC, { phone: '(11) 5555-0000', jobTitle: 'x'.repeat(121) });
    server.state.online = true;
    // The queued edit is validated on the way in, so an invalid stored one is ignored, not sent.
    expect(await sync.refresh()).toBe(true);
    expect(store.data.get(PROFILE_DOC)).toEqual(maria);

    server.state.status = 422;
    const result = await sync.updateProfile({ name: 'Maria S.' });
    expect(result.status).toBe('rejected');
    expect(readProfileRejection(store.data.get(PROFILE_REJECTION_DOC))).toMatchObject({
      update: { name: 'Maria S.' },
      at: '2026-11-21T12:00:00.000Z',
    });
    expect(store.data.get(PENDING_PROFILE_DOC)).toBeNull();
    server.state.status = null;
    await sync.refresh();
    expect(store.data.get(PROFILE_DOC)).toEqual(maria);
    // The next accepted edit clears the refusal notice.
    await sync.updateProfile({ name: 'Maria S.' });
    expect(store.data.get(PROFILE_REJECTION_DOC)).toBeNull();
  });
});

describe('device settings: notification preferences (queued like the profile)', () => {
  const muted = (prefs: NotificationPreferences): NotificationPreferences => ({
    types: { ...prefs.types, ticket_created: { push: false, inApp: true, email: false } },
    quietHours: { enabled: true, start: '22:00', end: '07:00' },
  });

  it('reads the server copy on refresh and saves a change at once when online', async () => {
    const { server, store, sync } = setup();
    expect(await sync.refresh()).toBe(true);
    const stored = store.data.get(NOTIFICATION_PREFERENCES_DOC) as NotificationPreferences;
    expect(stored).toEqual(defaultNotificationPreferences('csm'));
    const result = await sync.updateNotificationPreferences(muted(stored));
    expect(result).toEqual({ status: 'saved', preferences: completePreferences('csm', muted(stored)) });
    expect(server.state.preferences).toEqual(muted(stored));
    expect(store.data.get(NOTIFICATION_PREFERENCES_DOC)).toEqual(completePreferences('csm', muted(stored)));
    expect(store.data.get(PENDING_NOTIFICATION_PREFERENCES_DOC)).toBeNull();
  });

  it('keeps an offline change queued (shown on the device) and sends it before the next read', async () => {
    const { server, store, sync } = setup();
    await sync.refresh();
    const stored = store.data.get(NOTIFICATION_PREFERENCES_DOC) as NotificationPreferences;
    server.state.online = false;
    expect(await sync.updateNotificationPreferences(muted(stored))).toEqual({ status: 'queued' });
    expect(store.data.get(PENDING_NOTIFICATION_PREFERENCES_DOC)).toEqual(muted(stored));
    expect(await sync.refresh()).toBe(false);
    server.state.online = true;
    server.state.status = 503;
    expect(await sync.refresh()).toBe(false);
    expect(store.data.get(PENDING_NOTIFICATION_PREFERENCES_DOC)).toEqual(muted(stored));
    server.state.status = null;
    server.state.requests = [];
    expect(await sync.refresh()).toBe(true);
    expect(server.state.requests).toEqual([
      'PUT /api/me/notification-preferences',
      'GET /api/settings',
      'GET /api/me/notification-preferences',
    ]);
    expect(server.state.preferences).toEqual(muted(stored));
    expect(store.data.get(PENDING_NOTIFICATION_PREFERENCES_DOC)).toBeNull();
  });

  it('refuses equal quiet-hour times before writing; records a refusal by the server and goes back to its copy', async () => {
    const { server, store, sync } = setup();
    await sync.refresh();
    const stored = store.data.get(NOTIFICATION_PREFERENCES_DOC) as NotificationPreferences;
    server.state.requests = [];
    const same = { ...stored, quietHours: { enabled: true, start: '22:00', end: '22:00' } };
    expect(await sync.updateNotificationPreferences(same)).toEqual({
      status: 'invalid',
      fields: ['quietHours.end'],
    });
    expect(server.state.requests).toEqual([]);

    server.state.status = 422;
    const result = await sync.updateNotificationPreferences(muted(stored));
    expect(result.status).toBe('rejected');
    expect(store.data.get(NOTIFICATION_PREFERENCES_REJECTION_DOC)).toMatchObject({
      message: 'forced',
      at: '2026-11-21T12:00:00.000Z',
    });
    expect(store.data.get(PENDING_NOTIFICATION_PREFERENCES_DOC)).toBeNull();
    server.state.status = null;
    await sync.refresh();
    expect(store.data.get(NOTIFICATION_PREFERENCES_DOC)).toEqual(stored);
    await sync.updateNotificationPreferences(muted(stored));
    expect(store.data.get(NOTIFICATION_PREFERENCES_REJECTION_DOC)).toBeNull();
  });
});

describe('device settings: health configuration (admin, online only)', () => {
  const changed = {
    ...DEFAULT_HEALTH_CONFIG,
    weights: { productUsage: 35, engagement: 25, support: 15, payment: 15, growth: 10 },
  };

  it('saves online and replaces the local copy', async () => {
    const { store, sync } = setup(fakeServer({ profile: { ...maria, role: 'admin' } }));
    await sync.refresh();
    const result = await sync.updateHealthConfig(changed);
    expect(result).toEqual({
      status: 'saved',
      health: { ...changed, updatedAt: '2026-11-21T12:00:00.000Z' },
    });
    expect(store.data.get(HEALTH_CONFIG_DOC)).toEqual({ ...changed, updatedAt: '2026-11-21T12:00:00.000Z' });
  });

  it('is not queued offline, refuses invalid weights locally and reports a refusal, keeping the local copy', async () => {
    const { server, store, sync } = setup();
    await sync.refresh();
    const before = store.data.get(HEALTH_CONFIG_DOC);
    server.state.requests = [];
    expect(
      await sync.updateHealthConfig({ ...changed, weights: { ...changed.weights, growth: 20 } }),
    ).toEqual({ status: 'invalid', fields: ['weights'] });
    expect(server.state.requests).toEqual([]);
    expect(await sync.updateHealthConfig(changed)).toEqual({ status: 'forbidden' }); // maria is a CSM
    server.state.online = false;
    expect(await sync.updateHealthConfig(changed)).toEqual({ status: 'offline' });
    server.state.online = true;
    server.state.status = 500;
    expect(await sync.updateHealthConfig(changed)).toEqual({ status: 'failed', message: 'forced' });
    expect(store.data.get(HEALTH_CONFIG_DOC)).toEqual(before);
    expect(store.data.get(PENDING_PROFILE_DOC)).toBeUndefined();
  });
});

describe('device settings: settled', () => {
  it('resolves only once a refresh in flight has written its documents (logout waits for it)', async () => {
    const server = fakeServer();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowFetch = (async (url: string, init?: RequestInit) => {
      await gate;
      return server.fetch(url, init);
    }) as unknown as typeof fetch;
    const { store, sync } = setup({ ...server, fetch: slowFetch });
    const refreshing = sync.refresh();
    let settled = false;
    const done = sync.settled().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    release();
    await done;
    expect(store.data.get(PROFILE_DOC)).toEqual(maria);
    expect(await refreshing).toBe(true);
  });
});

describe('device settings: playbooks (staff read offline, admin edits online)', () => {
  const playbookServer = (role: 'admin' | 'csm', online = { value: true }) => {
    const base = fakeServer({ profile: { ...maria, role } });
    const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      if (!online.value) throw new TypeError('offline');
      const url = String(input);
      const method = init.method ?? 'GET';
      if (method === 'GET' && url === '/api/settings') {
        const body = (await (await base.fetch(input, init)).json()) as Record<string, unknown>;
        return new Response(
          JSON.stringify({ ...body, playbooks: { playbooks: DEFAULT_PLAYBOOKS, updatedAt: null } }),
          {
            status: 200,
            headers: { 'content-type': 'application/json' },
          },
        );
      }
      if (method === 'PUT' && url === '/api/settings/playbooks') {
        if (role !== 'admin')
          return new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Admins only.' } }), {
            status: 403,
          });
        const playbooks = { playbooks: JSON.parse(String(init.body)), updatedAt: '2026-11-21T12:00:00.000Z' };
        return new Response(JSON.stringify({ playbooks }), { status: 200 });
      }
      return base.fetch(input, init);
    }) as typeof fetch;
    return { ...base, fetch: fetchFn };
  };
  const edited = [{ ...DEFAULT_PLAYBOOKS[0]!, name: 'Crítico' }];

  it('stores the served playbooks; before any refresh a device reads the defaults', async () => {
    const { store, sync } = setup(playbookServer('csm'));
    expect(readPlaybooks(store.data.get(PLAYBOOKS_DOC))).toEqual(DEFAULT_PLAYBOOKS);
    await sync.refresh();
    expect(store.data.get(PLAYBOOKS_DOC)).toEqual({ playbooks: DEFAULT_PLAYBOOKS, updatedAt: null });
  });

  it('an admin saves online (the local copy follows); refused for a CSM, invalid lists and offline', async () => {
    const online = { value: true };
    const admin = setup(playbookServer('admin', online));
    expect(await admin.sync.updatePlaybooks(edited)).toEqual({
      status: 'saved',
      playbooks: { playbooks: edited, updatedAt: '2026-11-21T12:00:00.000Z' },
    });
    expect(readPlaybooks(admin.store.data.get(PLAYBOOKS_DOC))).toEqual(edited);
    expect(await admin.sync.updatePlaybooks([{ ...edited[0]!, tasks: [] }])).toMatchObject({
      status: 'invalid',
    });
    online.value = false;
    expect(await admin.sync.updatePlaybooks(edited)).toEqual({ status: 'offline' });
    const csm = setup(playbookServer('csm'));
    expect(await csm.sync.updatePlaybooks(edited)).toEqual({ status: 'forbidden' });
  });
});
