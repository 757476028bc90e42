import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/entities/customer.ts';
import {
  contactName,
  formValuesFrom,
  newFormValues,
  parseContactForm,
  type ContactFormValues,
} from './contact-form.ts';

const ID = '0190a8e4-0000-7000-8000-000000000501';
const NOW = new Date('2026-11-21T12:00:00.000Z');
const JOAO: Contact = {
  id: ID,
  firstName: 'João',
  lastName: 'Silva',
  email: 'joao@techcorp.com.br',
  phone: '+55 11 98765-4321',
  jobTitle: 'CEO',
  isPrimary: true,
  role: 'decision_maker',
  lastContactedAt: '2026-11-19T17:30:00.000Z',
  npsScore: 9,
  leftCompanyAt: null,
  createdAt: '2024-01-11T12:00:00.000Z',
};
const filled = (over: Partial<ContactFormValues> = {}): ContactFormValues => ({
  ...newFormValues(false),
  firstName: 'Ana',
  lastName: 'Costa',
  email: 'Ana.Costa@TechCorp.com.br',
  ...over,
});
const parse = (values: ContactFormValues, base: Contact | null = null) =>
  parseContactForm(values, { base, id: '0190a8e4-0000-7000-8000-000000000599', now: NOW });

describe('parseContactForm', () => {
  it('a new contact: trimmed, e-mail lower-cased, empty optional fields null, created now', () => {
    expect(parse(filled({ jobTitle: '  Head of RH ', npsScore: '10' }))).toEqual({
      ok: true,
      contact: {
        id: '0190a8e4-0000-7000-8000-000000000599',
        firstName: 'Ana',
        lastName: 'Costa',
        email: 'ana.costa@techcorp.com.br',
        phone: null,
        jobTitle: 'Head of RH',
        isPrimary: false,
        role: 'user',
        lastContactedAt: null,
        npsScore: 10,
        leftCompanyAt: null,
        createdAt: NOW.toISOString(),
      },
    });
  });

  it('an edit keeps the id, creation, last contact and departure of the stored contact', () => {
    const left = { ...JOAO, leftCompanyAt: '2026-11-01T12:00:00.000Z' };
    expect(parse({ ...formValuesFrom(left), jobTitle: 'Fundador' }, left)).toEqual({
      ok: true,
      contact: { ...left, jobTitle: 'Fundador' },
    });
  });

  it.each<[string, Partial<ContactFormValues>, Record<string, string>]>([
    ['no first name', { firstName: ' ' }, { firstName: 'required' }],
    ['no e-mail', { email: '' }, { email: 'required' }],
    ['e-mail without domain', { email: 'ana@' }, { email: 'email' }],
    ['e-mail with a space', { email: 'ana costa@x.com' }, { email: 'email' }],
    ['letters in the phone', { phone: 'ligar depois' }, { phone: 'phone' }],
    ['phone too short', { phone: '1234' }, { phone: 'phone' }],
    ['NPS 11', { npsScore: '11' }, { npsScore: 'nps' }],
    ['NPS not a whole number', { npsScore: '8,5' }, { npsScore: 'nps' }],
    ['unknown role', { role: 'ceo' }, { role: 'required' }],
    ['name too long', { lastName: 'x'.repeat(201) }, { lastName: 'tooLong' }],
  ])('%s → errors in place', (_, over, expected) => {
    const r = parse(filled(over));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(Object.fromEntries(Object.entries(r.errors).map(([k, e]) => [k, e.key]))).toEqual(expected);
  });

  it.each([
    ['+55 11 98765-4321', true],
    ['(11) 3456-7890', true],
    ['11 3456.7890', true],
  ])('phone %j is accepted: %s', (phone, ok) => {
    expect(parse(filled({ phone })).ok).toBe(ok);
  });
});

it.each([
  [{ firstName: 'João', lastName: 'Silva' }, 'João Silva'],
  [{ firstName: 'Ana', lastName: null }, 'Ana'],
])('contactName(%j) = %j', (c, name) => {
  expect(contactName(c)).toBe(name);
});
