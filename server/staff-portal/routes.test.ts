import { beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/api-errors.ts';
import type { UserIdentity } from '../../shared/identity.ts';
import { staffContentResponseSchema, staffLeadsResponseSchema } from '../../shared/staff-portal.ts';
import { fixture } from '../../sync/testing/fixtures.ts';
import type { LoginRecord } from '../auth/store.ts';
import { CookieJar, login, makeTestApp, ORG_ID, TECHCORP_ID, testLogins } from '../http/testing.ts';
import { staffPortalRoutes, type StaffPortalSource } from './routes.ts';
import type { Lead } from '../../shared/entities/portal.ts';

let logins: LoginRecord[];
beforeAll(async () => {
  logins = await testLogins();
});

const LEAD_ID = '01900000-0000-7000-8000-0000000001a1';
const UNKNOWN_ID = '01900000-0000-7000-8000-0000000009ff';
const lead = { ...fixture('leads', LEAD_ID, { customerId: TECHCORP_ID }), name: 'Carlos Mendes' } as Lead;

/** A memory source standing in for PostgreSQL: only ORG_ID's TechCorp exists (the pg test checks RLS itself). */
function source(calls: [UserIdentity, string][]): StaffPortalSource {
  return {
    customerLeads: async (identity, customerId) => {
      calls.push([identity, customerId]);
      return identity.organizationId === ORG_ID && customerId === TECHCORP_ID ? [lead] : null;
    },
    customerContent: async (identity, customerId) => {
      calls.push([identity, customerId]);
      return identity.organizationId === ORG_ID && customerId === TECHCORP_ID
        ? { content: [], people: [person] }
        : null;
    },
  };
}

const person = {
  userId: '00000000-0000-7000-8000-00000000000c',
  name: 'Carla Cliente',
  reading: [{ contentId: LEAD_ID, progress: 100, completedAt: '2026-03-01T12:00:00.000Z' }],
  eventRegistrations: [],
};

async function get(email: string | null, customerId: string, what: 'leads' | 'content' = 'leads') {
  const calls: [UserIdentity, string][] = [];
  const { app } = makeTestApp(logins, {
    apiRoutes: { 'staff-portal': staffPortalRoutes({ source: source(calls) }) },
  });
  const jar = new CookieJar();
  if (email) await login(app, email, undefined, { jar });
  const res = await app.request(`/api/staff-portal/customers/${customerId}/${what}`, {
    headers: { cookie: jar.header() },
  });
  return { res, calls };
}

describe('GET /api/staff-portal/customers/:customerId/leads', () => {
  it.each([
    ['an admin', 'admin@arco.example', 'admin'],
    ['a CSM', 'maria@arco.example', 'csm'],
  ])("gives %s the customer's leads, read as the caller", async (_, email, role) => {
    const { res, calls } = await get(email, TECHCORP_ID);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = staffLeadsResponseSchema.parse(await res.json());
    expect(body).toEqual({ customerId: TECHCORP_ID, leads: [lead] });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toMatchObject({ role, organizationId: ORG_ID });
    expect(calls[0]?.[1]).toBe(TECHCORP_ID);
  });

  it.each([
    ['an unknown customer', 'maria@arco.example', UNKNOWN_ID, 1],
    ["another organization's customer", 'admin@outra.example', TECHCORP_ID, 1],
    ['a malformed id', 'maria@arco.example', 'not-a-uuid', 0],
  ])('answers 404 not_found for %s, the same either way', async (_, email, id, reads) => {
    const { res, calls } = await get(email, id);
    expect(res.status).toBe(404);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error).toEqual({ code: 'not_found', message: 'Customer not found.' });
    expect(calls).toHaveLength(reads);
  });

  it.each([
    ['a client user', 'cliente@techcorp.example', 403, 'forbidden'],
    ['nobody signed in', null, 401, 'unauthorized'],
  ])('refuses %s (%i) without reading anything', async (_, email, status, code) => {
    const { res, calls } = await get(email, TECHCORP_ID);
    expect(res.status).toBe(status);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe(code);
    expect(calls).toEqual([]);
  });
});

describe('GET /api/staff-portal/customers/:customerId/content', () => {
  it("gives staff the customer's content progress", async () => {
    const { res, calls } = await get('maria@arco.example', TECHCORP_ID, 'content');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(staffContentResponseSchema.parse(await res.json())).toEqual({
      customerId: TECHCORP_ID,
      content: [],
      people: [person],
    });
    expect(calls[0]?.[0]).toMatchObject({ role: 'csm', organizationId: ORG_ID });
  });

  it.each([
    ['a client user', 'cliente@techcorp.example', TECHCORP_ID, 403, 'forbidden', 0],
    ['nobody signed in', null, TECHCORP_ID, 401, 'unauthorized', 0],
    ["another organization's admin", 'admin@outra.example', TECHCORP_ID, 404, 'not_found', 1],
    ['a malformed id', 'maria@arco.example', 'x', 404, 'not_found', 0],
  ])('refuses %s (%i)', async (_, email, id, status, code, reads) => {
    const { res, calls } = await get(email, id, 'content');
    expect(res.status).toBe(status);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe(code);
    expect(calls).toHaveLength(reads);
  });
});
