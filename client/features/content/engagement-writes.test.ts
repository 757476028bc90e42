import { describe, expect, it } from 'vitest';
import { makeEngagement } from '../../../shared/domain/portal/test-fixtures.ts';
import { clientPortalUser, CSM_ID, CUSTOMER_ID, NOW, uid } from '../../test/portal-fixtures.ts';
import { buildReading, buildRegistration, newEngagement } from './engagement-writes.ts';

const engagement = makeEngagement({ id: uid(40), userId: clientPortalUser.id, customerId: CUSTOMER_ID });
const staff = { ...clientPortalUser, id: CSM_ID, role: 'csm' as const, customerId: null };
const article = uid(41);
const event = uid(42);

describe('engagement writes', () => {
  it('a first record for the user, with nothing the server owns', () => {
    expect(
      newEngagement(clientPortalUser, { id: uid(43), timeZone: 'America/Sao_Paulo', now: NOW }),
    ).toMatchObject({
      userId: clientPortalUser.id,
      customerId: CUSTOMER_ID,
      reading: [],
      xp: 0,
      badges: [],
    });
    expect(newEngagement(staff, { id: uid(43), timeZone: 'America/Sao_Paulo', now: NOW })).toBeNull();
  });

  it('reading progress grows and completes, authorized for the owner', () => {
    const half = buildReading(engagement, article, 50, clientPortalUser, NOW);
    expect(half).toEqual({ reading: [{ contentId: article, progress: 50, completedAt: null }] });
    const done = buildReading({ ...engagement, ...half }, article, 100, clientPortalUser, NOW);
    expect(done).toEqual({
      reading: [{ contentId: article, progress: 100, completedAt: NOW.toISOString() }],
    });
    expect(buildReading({ ...engagement, ...done }, article, 75, clientPortalUser, NOW)).toBeNull();
  });

  it('another user may not write this record', () => {
    const other = { ...clientPortalUser, id: uid(44) };
    expect(buildReading(engagement, article, 50, other, NOW)).toBeNull();
    expect(buildRegistration(engagement, event, 'registered', other, NOW)).toBeNull();
  });

  it('registers and cancels', () => {
    const registered = buildRegistration(engagement, event, 'registered', clientPortalUser, NOW);
    expect(registered).toEqual({
      eventRegistrations: [
        { contentId: event, status: 'registered', registeredAt: NOW.toISOString(), waitlistPosition: null },
      ],
    });
    const cancelled = buildRegistration(
      { ...engagement, ...registered },
      event,
      'cancelled',
      clientPortalUser,
      NOW,
    );
    expect(cancelled?.eventRegistrations[0]?.status).toBe('cancelled');
  });
});
