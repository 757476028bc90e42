import { describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from '../../entities/support.ts';
import {
  completePreferences,
  defaultNotificationPreferences,
  deliveryChannels,
  inQuietHours,
  localMinutes,
  notificationPreferencesSchema,
  type NotificationPreferences,
} from './preferences.ts';
import { NOTIFICATION_AUDIENCE, notificationTypesFor } from './types.ts';

const SP = 'America/Sao_Paulo'; // UTC−3, no daylight saving since 2019
const at = (iso: string) => new Date(iso);

const withQuiet = (start: string, end: string, enabled = true): NotificationPreferences => ({
  types: {},
  quietHours: { enabled, start, end },
});

describe('notification audiences', () => {
  it('split every type between clients (the spec’s eight and the chat) and staff', () => {
    const client = notificationTypesFor('client');
    const staff = notificationTypesFor('csm');
    expect(client).toEqual([
      'conversion',
      'goal_reached',
      'campaign_anomaly',
      'qualified_lead',
      'ticket_answered',
      'chat_reply',
      'meeting_reminder',
      'invoice_due',
      'new_article',
    ]);
    expect(staff).toEqual([
      'customer_critical',
      'risk_alert',
      'renewal_due',
      'sla_breach',
      'meeting_request',
      'ticket_created',
      'chat_message',
    ]);
    expect(notificationTypesFor('admin')).toEqual(staff);
    expect([...client, ...staff].sort()).toEqual([...NOTIFICATION_TYPES].sort());
    expect(Object.keys(NOTIFICATION_AUDIENCE).sort()).toEqual([...NOTIFICATION_TYPES].sort());
  });
});

describe('defaults', () => {
  it('turn every channel of the role’s types on and quiet hours off', () => {
    const prefs = defaultNotificationPreferences('client');
    expect(Object.keys(prefs.types)).toHaveLength(9);
    for (const channels of Object.values(prefs.types))
      expect(channels).toEqual({ push: true, inApp: true, email: true });
    expect(prefs.quietHours.enabled).toBe(false);
    expect(notificationPreferencesSchema.parse(prefs)).toEqual(prefs);
  });

  it('complete a partial set with defaults and drop nothing the user chose', () => {
    const partial: NotificationPreferences = {
      types: { ticket_answered: { push: false, inApp: true, email: false } },
      quietHours: { enabled: true, start: '22:00', end: '07:00' },
    };
    const full = completePreferences('client', partial);
    expect(full.types.ticket_answered).toEqual({ push: false, inApp: true, email: false });
    expect(full.types.invoice_due).toEqual({ push: true, inApp: true, email: true });
    expect(full.types.sla_breach).toBeUndefined();
    expect(full.quietHours).toEqual(partial.quietHours);
  });
});

describe('the preferences schema', () => {
  it.each([
    ['an unknown type', { types: { lottery: { push: true, inApp: true, email: true } } }],
    ['a channel missing', { types: { conversion: { push: true, inApp: true } } }],
    ['an extra channel', { types: { conversion: { push: true, inApp: true, email: true, sms: true } } }],
    ['a time out of range', { quietHours: { enabled: true, start: '24:00', end: '07:00' } }],
    ['a time without minutes', { quietHours: { enabled: true, start: '22', end: '07:00' } }],
    ['start equal to end', { quietHours: { enabled: true, start: '07:00', end: '07:00' } }],
  ])('refuses %s', (_name, change) => {
    const base = { types: {}, quietHours: { enabled: false, start: '22:00', end: '07:00' } };
    expect(notificationPreferencesSchema.safeParse({ ...base, ...change }).success).toBe(false);
  });
});

describe('local time', () => {
  it.each([
    ['2026-03-20T01:30:00Z', SP, 22 * 60 + 30],
    ['2026-03-20T12:00:00Z', SP, 9 * 60],
    ['2026-03-20T12:00:00Z', 'UTC', 12 * 60],
    ['2026-03-20T12:00:00Z', 'Asia/Kolkata', 17 * 60 + 30],
    ['2026-07-01T03:00:00Z', 'Europe/Lisbon', 4 * 60], // summer time (UTC+1)
  ])('%s in %s is %i minutes after midnight', (iso, zone, minutes) => {
    expect(localMinutes(at(iso), zone)).toBe(minutes);
  });
});

describe('quiet hours', () => {
  it.each([
    // [start, end, UTC instant, quiet?] — São Paulo wall clock = UTC − 3
    ['22:00', '07:00', '2026-03-20T00:59:00Z', false], // 21:59
    ['22:00', '07:00', '2026-03-20T01:00:00Z', true], // 22:00, start inclusive
    ['22:00', '07:00', '2026-03-20T05:00:00Z', true], // 02:00, across midnight
    ['22:00', '07:00', '2026-03-20T09:59:00Z', true], // 06:59
    ['22:00', '07:00', '2026-03-20T10:00:00Z', false], // 07:00, end exclusive
    ['12:00', '14:00', '2026-03-20T15:30:00Z', true], // 12:30, same-day window
    ['12:00', '14:00', '2026-03-20T17:00:00Z', false], // 14:00
    ['12:00', '14:00', '2026-03-20T14:59:00Z', false], // 11:59
  ])('%s–%s at %s → %s', (start, end, iso, quiet) => {
    expect(inQuietHours({ enabled: true, start, end }, at(iso), SP)).toBe(quiet);
  });

  it('are never quiet when off', () => {
    expect(
      inQuietHours({ enabled: false, start: '00:00', end: '23:59' }, at('2026-03-20T12:00:00Z'), SP),
    ).toBe(false);
  });

  it('are read on the user’s own wall clock', () => {
    const quiet = { enabled: true, start: '22:00', end: '07:00' };
    const instant = at('2026-03-20T23:00:00Z'); // 20:00 in São Paulo, 23:00 in UTC
    expect(inQuietHours(quiet, instant, SP)).toBe(false);
    expect(inQuietHours(quiet, instant, 'UTC')).toBe(true);
  });
});

describe('deliveryChannels', () => {
  const noon = at('2026-03-20T15:00:00Z'); // 12:00 in São Paulo
  const night = at('2026-03-20T02:00:00Z'); // 23:00 in São Paulo
  const muted = (channels: { push: boolean; inApp: boolean; email: boolean }): NotificationPreferences => ({
    types: { ticket_answered: channels },
    quietHours: { enabled: true, start: '22:00', end: '07:00' },
  });

  it.each([
    [
      'defaults at noon',
      defaultNotificationPreferences('client'),
      noon,
      { push: true, inApp: true, email: true },
    ],
    [
      'a type left out of the preferences',
      withQuiet('22:00', '07:00', false),
      noon,
      { push: true, inApp: true, email: true },
    ],
    [
      'quiet hours hold back push only',
      withQuiet('22:00', '07:00'),
      night,
      { push: false, inApp: true, email: true },
    ],
    [
      'quiet hours off at night',
      withQuiet('22:00', '07:00', false),
      night,
      { push: true, inApp: true, email: true },
    ],
    [
      'push muted',
      muted({ push: false, inApp: true, email: true }),
      noon,
      { push: false, inApp: true, email: true },
    ],
    [
      'in-app muted',
      muted({ push: true, inApp: false, email: true }),
      noon,
      { push: true, inApp: false, email: true },
    ],
    [
      'e-mail muted',
      muted({ push: true, inApp: true, email: false }),
      noon,
      { push: true, inApp: true, email: false },
    ],
    [
      'everything muted',
      muted({ push: false, inApp: false, email: false }),
      noon,
      { push: false, inApp: false, email: false },
    ],
    [
      'muted type at night',
      muted({ push: true, inApp: false, email: false }),
      night,
      { push: false, inApp: false, email: false },
    ],
  ] as const)('%s', (_name, prefs, now, expected) => {
    expect(deliveryChannels(prefs, 'ticket_answered', now, SP)).toEqual(expected);
  });

  it('mutes one type without touching another', () => {
    const prefs = muted({ push: false, inApp: false, email: false });
    expect(deliveryChannels(prefs, 'invoice_due', noon, SP)).toEqual({
      push: true,
      inApp: true,
      email: true,
    });
  });
});
