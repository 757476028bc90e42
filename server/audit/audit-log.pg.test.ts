import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPageSchema } from '../../shared/audit.ts';
import { createTestDatabase, createTestTenant, type TestDatabase, type TestTenant } from '../db/testing.ts';
import { readAuditLog, recordAudit } from './audit-log.ts';

/** The audit helper under row-level security: who may write which rows, who may read them, paging. */
let t: TestDatabase;
let tenant: TestTenant;
let other: TestTenant;
const AT = new Date('2026-03-02T12:00:00.000Z');

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db, { name: 'Outra Agência' });
});
afterAll(() => t?.close());

describe('audit log', () => {
  it('records rows as the acting user or the system, and admins read them newest first with names, paged', async () => {
    await t.db.withIdentity(tenant.admin, (tx) =>
      recordAudit(tx, {
        organizationId: tenant.organizationId,
        actorId: tenant.admin.userId,
        action: 'user.role_changed',
        entity: 'user',
        entityId: tenant.csm.userId,
        at: AT,
        details: { from: 'csm', to: 'admin' },
        ip: '203.0.113.9',
      }),
    );
    for (let i = 0; i < 3; i++)
      await t.db.withIdentity(tenant.system, (tx) =>
        recordAudit(tx, {
          organizationId: tenant.organizationId,
          actorId: null,
          action: 'invitation.created',
          entity: 'invitation',
          entityId: `inv-${i}`,
          at: new Date(AT.getTime() + (i + 1) * 1000),
        }),
      );
    await t.db.withIdentity(other.system, (tx) =>
      recordAudit(tx, {
        organizationId: other.organizationId,
        actorId: null,
        action: 'organization.created',
        entity: 'organization',
        entityId: other.organizationId,
        at: AT,
      }),
    );

    const first = auditPageSchema.parse(
      await t.db.withIdentity(tenant.admin, (tx) =>
        readAuditLog(tx, tenant.organizationId, { before: null, limit: 3 }),
      ),
    );
    expect(first.entries.map((e) => e.entityId)).toEqual(['inv-2', 'inv-1', 'inv-0']);
    expect(first.next).toBe(first.entries[2]!.id);
    const second = await t.db.withIdentity(tenant.admin, (tx) =>
      readAuditLog(tx, tenant.organizationId, { before: first.next, limit: 3 }),
    );
    expect(second.next).toBeNull();
    expect(second.entries).toEqual([
      {
        id: expect.any(Number),
        at: AT.toISOString(),
        action: 'user.role_changed',
        entity: 'user',
        entityId: tenant.csm.userId,
        actor: { id: tenant.admin.userId, name: 'Admin Arco', email: expect.stringContaining('admin') },
        subject: { id: tenant.csm.userId, name: 'Maria Santos', email: expect.stringContaining('csm') },
        details: { from: 'csm', to: 'admin' },
        ip: '203.0.113.9',
      },
    ]);
  });

  it('is readable by admins only and written only in the actor’s own name', async () => {
    for (const who of [tenant.csm, tenant.client]) {
      const page = await t.db.withIdentity(who, (tx) =>
        readAuditLog(tx, tenant.organizationId, { before: null, limit: 10 }),
      );
      expect(page.entries).toEqual([]);
    }
    await expect(
      t.db.withIdentity(tenant.csm, (tx) =>
        recordAudit(tx, {
          organizationId: tenant.organizationId,
          actorId: tenant.admin.userId,
          action: 'user.disabled',
          entity: 'user',
          entityId: tenant.client.userId,
          at: AT,
        }),
      ),
    ).rejects.toThrow(/row-level security/);
    const otherPage = await t.db.withIdentity(other.admin, (tx) =>
      readAuditLog(tx, tenant.organizationId, { before: null, limit: 10 }),
    );
    expect(otherPage.entries).toEqual([]);
  });
});
