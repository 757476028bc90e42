import { describe, expect, it } from 'vitest';
import { ago, HOUR, meeting, NOW, uid, clientPortalUser as user } from '../../test/portal-fixtures.ts';
import {
  buildMeetingRequest,
  buildWithdrawRequest,
  canRequestMeetingChange,
  localDateTimeToIso,
} from './meeting-writes.ts';

describe('meeting requests', () => {
  const next = meeting({ scheduledAt: '2026-11-25T18:00:00.000Z' });
  const ctx = { user, now: NOW, timeZone: 'America/Sao_Paulo' };

  it.each([
    ['2026-11-26T15:30', 'America/Sao_Paulo', '2026-11-26T18:30:00.000Z'],
    ['2026-11-26T15:30', 'UTC', '2026-11-26T15:30:00.000Z'],
    ['2026-11-26 15:30', 'UTC', null],
    ['2026-11-26T25:00', 'UTC', null],
    ['', 'UTC', null],
  ])('local %s in %s → %s', (local, zone, iso) => {
    expect(localDateTimeToIso(local, zone)).toBe(iso);
  });

  it('a reschedule request with a proposed time, signed by the user', () => {
    expect(
      buildMeetingRequest(
        next,
        { type: 'reschedule', proposedLocal: '2026-11-26T15:30', reason: ' Viagem ' },
        ctx,
      ),
    ).toEqual({
      ok: true,
      value: {
        type: 'reschedule',
        proposedAt: '2026-11-26T18:30:00.000Z',
        reason: 'Viagem',
        requestedAt: NOW.toISOString(),
        requestedBy: user.id,
      },
    });
  });

  it('a cancel request ignores any proposed time; an empty reason is null', () => {
    const result = buildMeetingRequest(
      next,
      { type: 'cancel', proposedLocal: '2026-11-26T15:30', reason: '  ' },
      ctx,
    );
    expect(result.ok && result.value).toMatchObject({ type: 'cancel', proposedAt: null, reason: null });
  });

  it.each([
    ['not a time', { proposedLocal: '26/11 15h' }, { proposedAt: { key: 'proposedInvalid' } }],
    ['in the past', { proposedLocal: '2026-11-20T10:00' }, { proposedAt: { key: 'proposedInPast' } }],
    ['long reason', { reason: 'x'.repeat(1001) }, { reason: { key: 'reasonTooLong', max: 1000 } }],
  ])('%s → field error', (_, input, fieldErrors) => {
    expect(
      buildMeetingRequest(next, { type: 'reschedule', proposedLocal: '', reason: '', ...input }, ctx),
    ).toEqual({ ok: false, fieldErrors, formError: null });
  });

  it.each([
    ['upcoming', next, true],
    ['already past', meeting({ scheduledAt: ago(HOUR) }), false],
    ['cancelled', meeting({ scheduledAt: '2026-11-25T18:00:00.000Z', status: 'cancelled' }), false],
    ['another customer’s', { ...next, customerId: uid(77) }, false],
  ])('may ask to change a meeting that is %s: %s', (_, m, expected) => {
    expect(canRequestMeetingChange(m, user, NOW)).toBe(expected);
  });

  it('withdraws a pending request', () => {
    const pending = {
      ...next,
      clientRequest: {
        type: 'cancel' as const,
        proposedAt: null,
        reason: null,
        requestedAt: ago(HOUR),
        requestedBy: user.id,
      },
    };
    expect(buildWithdrawRequest(pending, user)).toEqual({ ok: true, value: null });
    expect(buildWithdrawRequest(next, user)).toMatchObject({ ok: false, formError: { key: 'invalid' } });
  });
});
