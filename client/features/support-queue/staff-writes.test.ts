import { describe, expect, it } from 'vitest';
import { activitySchema } from '../../../shared/entities/csm.ts';
import { authorizeWrite } from '../../../shared/permissions.ts';
import { identityOf } from '../../../shared/identity.ts';
import { staffUser } from '../../test/render-app.tsx';
import { ago, clientPortalUser, HOUR, NOW, ticket, uid } from '../../test/portal-fixtures.ts';
import {
  buildAssignment,
  buildInternalNote,
  buildStaffReply,
  buildStatusChange,
  withStaffReply,
} from './staff-writes.ts';

const maria = staffUser;
const open = ticket({ createdAt: ago(2 * HOUR), slaDeadline: ago(-6 * HOUR) });

describe('staff ticket writes', () => {
  it('a reply is a support message signed by the author; the first one stamps firstResponseAt', () => {
    const result = buildStaffReply(open, '  Já estamos verificando.  ', {
      user: maria,
      id: uid(500),
      now: NOW,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        id: uid(500),
        senderType: 'support',
        senderId: maria.id,
        senderName: 'Maria Santos',
        body: 'Já estamos verificando.',
        createdAt: NOW.toISOString(),
      },
    });
    if (!result.ok) return;
    const stored = withStaffReply(open, result.value);
    expect(stored).toMatchObject({ status: 'in_progress', firstResponseAt: NOW.toISOString() });
    expect(withStaffReply(stored, result.value)).toBe(stored); // a retried save appends nothing
    // A second reply later keeps the first stamp.
    const later = withStaffReply(stored, { ...result.value, id: uid(501), createdAt: ago(-HOUR) });
    expect(later.firstResponseAt).toBe(NOW.toISOString());
  });

  it.each([
    ['an empty reply', open, '   ', { fieldErrors: { body: { key: 'messageRequired' } } }],
    ['a closed ticket', { ...open, status: 'closed' as const }, 'Oi', { formError: { key: 'notAllowed' } }],
  ])('refuses %s', (_, t, body, expected) => {
    expect(buildStaffReply(t, body, { user: maria, id: uid(500), now: NOW })).toMatchObject({
      ok: false,
      ...expected,
    });
  });

  it('a client user cannot write as staff', () => {
    expect(buildStaffReply(open, 'Oi', { user: clientPortalUser, id: uid(500), now: NOW })).toMatchObject({
      ok: false,
      formError: { key: 'notAllowed' },
    });
  });

  it('an internal note is a staff-only activity of type note naming the ticket', () => {
    const result = buildInternalNote(open, 'Cliente ligou.\nPriorizar amanhã.', {
      user: maria,
      id: uid(600),
      now: NOW,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(activitySchema.parse(result.value)).toMatchObject({
      type: 'note',
      customerId: open.customerId,
      ticketId: open.id,
      title: 'Cliente ligou.',
      description: 'Cliente ligou.\nPriorizar amanhã.',
      performedBy: maria.id,
      performedByName: 'Maria Santos',
      occurredAt: NOW.toISOString(),
    });
    // A client may never write (nor read) it: the shared rules the push applies.
    const client = identityOf(clientPortalUser)!;
    expect(
      authorizeWrite(client, 'activities', {
        organizationId: clientPortalUser.organizationId,
        before: null,
        after: result.value,
      }).allowed,
    ).toBe(false);
    expect(buildInternalNote(open, '  ', { user: maria, id: uid(600), now: NOW })).toMatchObject({
      fieldErrors: { body: { key: 'noteRequired' } },
    });
  });

  it.each([
    ['resolved', null, NOW.toISOString()],
    ['closed', null, NOW.toISOString()],
    ['waiting_client', null, null],
    ['in_progress', ago(HOUR), null], // reopened: the resolution is undone
  ] as const)('status %s (resolvedAt %s → %s)', (status, resolvedAt, expected) => {
    const t = { ...open, status: resolvedAt ? ('resolved' as const) : ('open' as const), resolvedAt };
    expect(buildStatusChange(t, status, { user: maria, now: NOW })).toEqual({
      ok: true,
      value: { status, resolvedAt: expected },
    });
  });

  it('a status a staff member does not set, or the same one, is refused', () => {
    expect(buildStatusChange(open, 'open', { user: maria, now: NOW }).ok).toBe(false);
    const inProgress = { ...open, status: 'in_progress' as const };
    expect(buildStatusChange(inProgress, 'in_progress', { user: maria, now: NOW }).ok).toBe(false);
  });

  it('assigns to self, to another staff member, or to nobody', () => {
    expect(buildAssignment(open, maria.id, maria)).toEqual({ ok: true, value: { assignedTo: maria.id } });
    expect(buildAssignment(open, uid(77), maria)).toEqual({ ok: true, value: { assignedTo: uid(77) } });
    expect(buildAssignment({ ...open, assignedTo: maria.id }, null, maria)).toEqual({
      ok: true,
      value: { assignedTo: null },
    });
    expect(buildAssignment(open, null, maria).ok).toBe(false); // nothing changes
    expect(buildAssignment(open, clientPortalUser.id, clientPortalUser).ok).toBe(false);
  });
});
