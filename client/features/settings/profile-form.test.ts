import { describe, expect, it } from 'vitest';
import type { UserProfile } from '../../../shared/device-settings.ts';
import {
  firstInvalidField,
  parseProfileForm,
  profileErrorsFor,
  profileFormValues,
  type ProfileFormValues,
} from './profile-form.ts';

const maria: UserProfile = {
  id: 'u1',
  name: 'Maria Santos',
  email: 'maria@arco.example',
  role: 'csm',
  customerId: null,
  locale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
  phone: '(11) 98888-7777',
  jobTitle: null,
};
const form = (changes: Partial<ProfileFormValues>): ProfileFormValues => ({
  ...profileFormValues(maria),
  ...changes,
});

describe('profile form → update', () => {
  it('shows empty inputs for absent optional fields', () => {
    expect(profileFormValues(maria)).toEqual({
      name: 'Maria Santos',
      phone: '(11) 98888-7777',
      jobTitle: '',
      timeZone: 'America/Sao_Paulo',
    });
  });

  it.each([
    ['nothing typed', {}],
    ['only spaces around the same name', { name: '  Maria Santos ' }],
    ['the same phone with spaces around it', { phone: ' (11) 98888-7777 ' }],
    ['an optional field left empty', { jobTitle: '   ' }],
  ])('sends nothing for %s', (_case, changes) => {
    expect(parseProfileForm(form(changes), maria)).toEqual({ kind: 'unchanged' });
  });

  it.each([
    ['a new phone, trimmed', { phone: ' +55 11 97777-0000 ' }, { phone: '+55 11 97777-0000' }],
    ['a cleared phone as null', { phone: '' }, { phone: null }],
    ['a job title', { jobTitle: 'Gerente de CS' }, { jobTitle: 'Gerente de CS' }],
    ['a time zone', { timeZone: 'America/Manaus' }, { timeZone: 'America/Manaus' }],
    [
      'only the changed fields of several',
      { name: 'Maria S. Santos', timeZone: 'America/Sao_Paulo', jobTitle: 'CSM' },
      { name: 'Maria S. Santos', jobTitle: 'CSM' },
    ],
  ])('sends %s', (_case, changes, update) => {
    expect(parseProfileForm(form(changes), maria)).toEqual({ kind: 'valid', update });
  });

  it.each([
    ['an empty name', { name: '  ' }, { name: 'nameRequired' }],
    ['a name over 120 characters', { name: 'M'.repeat(121) }, { name: 'nameTooLong' }],
    ['letters in the phone', { phone: 'abc-123' }, { phone: 'phoneFormat' }],
    ['a two-digit phone', { phone: '12' }, { phone: 'phoneTooShort' }],
    ['a phone over 40 characters', { phone: '1'.repeat(41) }, { phone: 'phoneTooLong' }],
    ['a job title over 120 characters', { jobTitle: 'x'.repeat(121) }, { jobTitle: 'jobTitleTooLong' }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, { timeZone: 'timeZoneInvalid' }],
    ['two fields at once', { name: '', phone: 'x' }, { name: 'nameRequired', phone: 'phoneFormat' }],
  ])('refuses %s', (_case, changes, errors) => {
    expect(parseProfileForm(form(changes), maria)).toEqual({ kind: 'invalid', errors });
  });

  it('maps fields named by the data layer or the server, and finds the first one in form order', () => {
    const errors = profileErrorsFor(['timeZone', 'phone', 'locale', 'weights.growth']);
    expect(errors).toEqual({ timeZone: 'invalid', phone: 'invalid' });
    expect(firstInvalidField(errors)).toBe('phone');
    expect(firstInvalidField({})).toBeUndefined();
  });
});
