import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../main.ts';
import { signInCookie, startTestServer } from '../test-server.ts';
import {
  createSignInUsers,
  createTestDatabase,
  createTestTenant,
  type TestDatabase,
  type TestTenant,
} from '../db/testing.ts';

let t: TestDatabase;
let tenant: TestTenant;
let other: TestTenant;
let server: RunningServer;
const PASSWORD = 'senha-de-teste-123';

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db, { name: 'Arco Digital' });
  other = await createTestTenant(t.db, { name: 'Outra Agência' });
  await createSignInUsers(t.db, PASSWORD, [
    { organizationId: tenant.organizationId, email: 'maria@dir.example', name: 'Maria Santos', role: 'csm' },
    {
      organizationId: tenant.organizationId,
      email: 'cliente@dir.example',
      name: 'Cliente TechCorp',
      role: 'client',
      customerId: tenant.customerId,
    },
    {
      organizationId: other.organizationId,
      email: 'admin@outra-dir.example',
      name: 'Admin Outra',
      role: 'admin',
    },
  ]);
  server = await startTestServer(t.db);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await t?.close();
});

async function directoryAs(email: string) {
  const cookie = await signInCookie(server, email, PASSWORD);
  const res = await fetch(`${server.url}/api/directory`, { headers: { cookie } });
  return {
    status: res.status,
    body: (await res.json()) as {
      staff: { name: string }[];
      accountManager: { name: string; id: string } | null;
    },
  };
}

describe('GET /api/directory', () => {
  it("gives staff their organization's admins and CSMs, and nothing of another organization", async () => {
    const { status, body } = await directoryAs('maria@dir.example');
    expect(status).toBe(200);
    const names = body.staff.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Maria Santos', 'Admin Arco']));
    expect(names).not.toContain('Admin Outra');
    expect(body.accountManager).toBeNull();
  });

  it("gives a client user only their account manager (the customer's CSM)", async () => {
    const { body } = await directoryAs('cliente@dir.example');
    expect(body.staff).toEqual([]);
    expect(body.accountManager?.id).toBe(tenant.csm.userId);
  });

  it('refuses an anonymous request', async () => {
    const res = await fetch(`${server.url}/api/directory`);
    expect(res.status).toBe(401);
  });
});
