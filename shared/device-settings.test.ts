import { describe, expect, it } from 'vitest';
import {
  applyProfileUpdate,
  deviceSettingsSchema,
  isTimeZone,
  profileUpdateSchema,
  type UserProfile,
} from './device-settings.ts';
import { DEFAULT_HEALTH_CONFIG } from './domain/csm/health-config.ts';

const profile: UserProfile = {
  id: 'u1',
  name: 'Maria Santos',
  email: 'maria@arco.example',
  role: 'csm',
  customerId: null,
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
  phone: '(11) 99999-9999',
  jobTitle: null,
};

describe('isTimeZone', () => {
  it.each([
    ['America/Sao_Paulo', true],
    ['America/Manaus', true],
    ['America/Noronha', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
    ['x'.repeat(65), false],
  ])('%s → %s', (zone, expected) => expect(isTimeZone(zone)).toBe(expected));
});

describe('profileUpdateSchema', () => {
  it.each([
    [{ locale: 'en' }, { locale: 'en' }],
    [{ name: '  Maria S.  ' }, { name: 'Maria S.' }],
    [{ phone: ' +55 (11) 99999-9999 ' }, { phone: '+55 (11) 99999-9999' }],
    [
      { phone: null, jobTitle: null },
      { phone: null, jobTitle: null },
    ],
    [{ timeZone: 'America/Recife' }, { timeZone: 'America/Recife' }],
  ])('accepts %j', (input, output) => expect(profileUpdateSchema.parse(input)).toEqual(output));

  it.each([
    [{}, 'Nothing to change.'],
    [{ locale: 'es' }, 'Choose Português (Brasil) or English.'],
    [{ timeZone: 'Brasil/Sampa' }, 'Choose a valid time zone.'],
    [{ phone: 'ligue-me' }, 'Use only digits'],
    [{ phone: '12' }, 'too short'],
    [{ name: ' ' }, 'Enter your name.'],
    [{ role: 'admin' }, 'Unrecognized key'],
  ])('refuses %j with a readable message', (input, message) => {
    const result = profileUpdateSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });

  it('applies an update over the profile and leaves the rest as it was', () => {
    expect(applyProfileUpdate(profile, { locale: 'en', phone: null })).toEqual({
      ...profile,
      locale: 'en',
      phone: null,
    });
  });
});

describe('deviceSettingsSchema', () => {
  const settings = {
    organization: {
      id: 'o1',
      name: 'Arco Digital',
      locale: 'pt-BR',
      timeZone: 'America/Sao_Paulo',
      currency: 'BRL',
    },
    profile,
    health: { ...DEFAULT_HEALTH_CONFIG, updatedAt: null },
  };
  it('reads what the server sends, and ignores fields a newer server adds', () => {
    expect(deviceSettingsSchema.parse({ ...settings, extra: 1 })).toEqual(settings);
    expect(deviceSettingsSchema.parse({ ...settings, health: null }).health).toBeNull();
  });
  it('refuses a health configuration whose weights do not sum to 100', () => {
    const health = { ...settings.health, weights: { ...settings.health.weights, growth: 11 } };
    expect(deviceSettingsSchema.safeParse({ ...settings, health }).success).toBe(false);
  });
});
