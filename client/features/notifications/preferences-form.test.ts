import { describe, expect, it } from 'vitest';
import { defaultNotificationPreferences } from '../../../shared/domain/notifications/preferences.ts';
import { quietErrorsFor, samePreferences, withChannel, withQuietHours } from './preferences-form.ts';

describe('preferences form steps', () => {
  const prefs = defaultNotificationPreferences('client');

  it('changes one channel of one type, leaving the rest as they were', () => {
    const next = withChannel(prefs, 'new_article', 'push', false);
    expect(next.types.new_article).toEqual({ push: false, inApp: true, email: true });
    expect(next.types.conversion).toEqual({ push: true, inApp: true, email: true });
    expect(prefs.types.new_article).toEqual({ push: true, inApp: true, email: true }); // a copy
    // A type absent from the stored preferences starts from "everything on".
    const sparse = withChannel({ ...prefs, types: {} }, 'invoice_due', 'email', false);
    expect(sparse.types).toEqual({ invoice_due: { push: true, inApp: true, email: false } });
  });

  it('tells whether anything changed, whatever the order of the types', () => {
    const reordered = { ...prefs, types: Object.fromEntries(Object.entries(prefs.types).reverse()) };
    expect(samePreferences(prefs, reordered)).toBe(true);
    expect(samePreferences(prefs, withQuietHours(prefs, { enabled: true }))).toBe(false);
    const roundTrip = withChannel(
      withChannel(prefs, 'conversion', 'inApp', false),
      'conversion',
      'inApp',
      true,
    );
    expect(samePreferences(prefs, roundTrip)).toBe(true);
  });

  it.each([
    [{ start: '22:00', end: '22:00' }, ['quietHours.end'], { end: 'sameTimes' }],
    [{ start: '22:00', end: '' }, ['quietHours.end'], { end: 'time' }],
    [{ start: '', end: '07:00' }, ['quietHours.start'], { start: 'time' }],
    [{ start: '22:00', end: '07:00' }, ['types.ticket_created'], {}],
  ] as const)('quiet hours %j with issues %j → %j', (times, paths, expected) => {
    expect(quietErrorsFor(withQuietHours(prefs, { enabled: true, ...times }), paths)).toEqual(expected);
  });
});
