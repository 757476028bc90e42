import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../../sync/client/outbox.ts';
import { ACCOUNT_MANAGER_DOC, refreshDirectory, STAFF_DIRECTORY_DOC } from './directory-cache.ts';

const memoryKv = () => {
  const data = new Map<string, unknown>();
  const kv: KeyValueStore = { get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
  return { data, kv };
};
const respond = (status: number, body: unknown) =>
  (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

const maria = { id: 'u1', name: 'Maria Santos', email: 'maria@arco.example', role: 'csm' };

describe('directory cache', () => {
  it('stores staff names for a staff user and the account manager for a client user', async () => {
    const staff = memoryKv();
    expect(
      await refreshDirectory({
        fetch: respond(200, { staff: [maria], accountManager: null }),
        baseUrl: '',
        kv: staff.kv,
      }),
    ).toBe(true);
    expect(staff.data.get(STAFF_DIRECTORY_DOC)).toEqual([{ id: 'u1', name: 'Maria Santos', role: 'csm' }]);
    const client = memoryKv();
    await refreshDirectory({
      fetch: respond(200, {
        staff: [],
        accountManager: { ...maria, phone: '(11) 99999-9999', jobTitle: 'Customer Success Manager' },
      }),
      baseUrl: '',
      kv: client.kv,
    });
    expect(client.data.get(ACCOUNT_MANAGER_DOC)).toEqual({
      id: 'u1',
      name: 'Maria Santos',
      email: 'maria@arco.example',
      phone: '(11) 99999-9999',
      jobTitle: 'Customer Success Manager',
    });
  });

  it('reads an older server that sends no phone or job title', async () => {
    const client = memoryKv();
    await refreshDirectory({
      fetch: respond(200, { staff: [], accountManager: maria }),
      baseUrl: '',
      kv: client.kv,
    });
    expect(client.data.get(ACCOUNT_MANAGER_DOC)).toMatchObject({ phone: null, jobTitle: null });
  });

  it('keeps the cached copy when offline, unauthorized or answered with garbage', async () => {
    const { data, kv } = memoryKv();
    data.set(STAFF_DIRECTORY_DOC, ['kept']);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    for (const f of [offline, respond(401, {}), respond(200, { nope: true })]) {
      expect(await refreshDirectory({ fetch: f, baseUrl: '', kv })).toBe(false);
    }
    expect(data.get(STAFF_DIRECTORY_DOC)).toEqual(['kept']);
  });
});
