import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { TicketMessage } from '../../entities/support.ts';
import { makeTicket } from './test-fixtures.ts';
import {
  formatDurationPtBr,
  SEED_BUSINESS_HOURS,
  slaDeadline,
  slaStatus,
  type SlaStatusInput,
} from './sla.ts';

const message = (senderType: 'client' | 'support', createdAt: string): TicketMessage => ({
  id: '0199a0e0-0000-7000-8000-000000000001',
  senderType,
  senderId: '0199a0e0-0000-7000-8000-000000000002',
  senderName: senderType === 'client' ? 'Cliente' : 'Ana Paula Souza',
  body: 'Olá',
  createdAt,
});

const ticket = (over: Partial<SlaStatusInput['ticket']> = {}): SlaStatusInput['ticket'] => ({
  priority: 'urgent',
  status: 'in_progress',
  createdAt: '2025-10-04T12:00:00.000Z',
  slaDeadline: null,
  firstResponseAt: null,
  resolvedAt: null,
  messages: [],
  ...over,
});

describe('slaDeadline', () => {
  it.each([
    // calendar time (default policy)
    { priority: 'urgent', createdAt: '2025-10-04T12:00:00-03:00', deadline: '2025-10-04T16:00:00.000Z' },
    { priority: 'high', createdAt: '2025-10-04T12:00:00-03:00', deadline: '2025-10-04T19:00:00.000Z' },
    { priority: 'medium', createdAt: '2025-10-04T12:00:00-03:00', deadline: '2025-10-04T23:00:00.000Z' },
    { priority: 'low', createdAt: '2025-10-04T12:00:00-03:00', deadline: '2025-10-05T15:00:00.000Z' },
  ] as const)('$priority → $deadline', ({ priority, createdAt, deadline }) => {
    expect(slaDeadline({ priority, createdAt })).toBe(deadline);
  });

  it.each([
    {
      name: 'Friday 16:00 medium (8h): 2h Friday + 6h Monday → Mon 15:00 BRT',
      priority: 'medium',
      createdAt: '2025-10-03T16:00:00-03:00',
      holidays: [],
      deadline: '2025-10-06T18:00:00.000Z',
    },
    {
      name: 'same, Monday is a holiday → Tuesday 15:00',
      priority: 'medium',
      createdAt: '2025-10-03T16:00:00-03:00',
      holidays: ['2025-10-06'],
      deadline: '2025-10-07T18:00:00.000Z',
    },
    {
      name: 'opened on Saturday → counts from Monday 09:00',
      priority: 'high',
      createdAt: '2025-10-04T10:00:00-03:00',
      holidays: [],
      deadline: '2025-10-06T16:00:00.000Z',
    },
    {
      name: 'opened at 07:00 before opening → 09:00 + 4h',
      priority: 'high',
      createdAt: '2025-10-06T07:00:00-03:00',
      holidays: [],
      deadline: '2025-10-06T16:00:00.000Z',
    },
    {
      name: 'ends exactly at closing time',
      priority: 'high',
      createdAt: '2025-10-06T14:00:00-03:00',
      holidays: [],
      deadline: '2025-10-06T21:00:00.000Z',
    },
    {
      name: 'urgent stays 24×7 by default',
      priority: 'urgent',
      createdAt: '2025-10-04T22:00:00-03:00',
      holidays: [],
      deadline: '2025-10-05T02:00:00.000Z',
    },
  ] as const)('business hours: $name', ({ priority, createdAt, holidays, deadline }) => {
    const policy = {
      businessHours: { ...SEED_BUSINESS_HOURS, days: [1, 2, 3, 4, 5], holidays: [...holidays] },
    };
    expect(slaDeadline({ priority, createdAt, policy })).toBe(deadline);
  });

  it('business hours across the New York DST change (Fri EST → Wed EDT)', () => {
    const policy = {
      businessHours: { ...SEED_BUSINESS_HOURS, days: [1, 2, 3, 4, 5], timeZone: 'America/New_York' },
    };
    // low = 24 business hours: Fri 1h + Mon 9h + Tue 9h + Wed 5h → Wed 14:00 EDT (UTC−4)
    expect(slaDeadline({ priority: 'low', createdAt: '2025-03-07T17:00:00-05:00', policy })).toBe(
      '2025-03-12T18:00:00.000Z',
    );
  });

  it('custom targets per priority', () => {
    const policy = { firstResponseMinutes: { urgent: 30, high: 120, medium: 240, low: 2880 } };
    expect(slaDeadline({ priority: 'urgent', createdAt: '2025-10-04T12:00:00Z', policy })).toBe(
      '2025-10-04T12:30:00.000Z',
    );
  });

  it.each([
    { priority: 'critical', createdAt: '2025-10-04T12:00:00Z' },
    { priority: 'low', createdAt: 'yesterday' },
    {
      priority: 'low',
      createdAt: '2025-10-04T12:00:00Z',
      policy: { businessHours: { ...SEED_BUSINESS_HOURS, timeZone: 'Mars/Base' } },
    },
    {
      priority: 'low',
      createdAt: '2025-10-04T12:00:00Z',
      policy: { businessHours: { ...SEED_BUSINESS_HOURS, days: [] } },
    },
    {
      priority: 'low',
      createdAt: '2025-10-04T12:00:00Z',
      policy: { businessHours: { ...SEED_BUSINESS_HOURS, endMinute: 540 } },
    },
    {
      priority: 'low',
      createdAt: '2025-10-04T12:00:00Z',
      policy: { firstResponseMinutes: { urgent: 0, high: 1, medium: 1, low: 1 } },
    },
  ])('rejects invalid input with a ZodError (%#)', (input) => {
    expect(() => slaDeadline(input as never)).toThrow(ZodError);
  });

  const instant = fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2027-01-01') });
  const priority = fc.constantFrom('low', 'medium', 'high', 'urgent' as const);

  it('property: business hours only ever extend the calendar deadline, and a later ticket never gets an earlier one', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 7 * 86_400_000 }), priority, (t, dt, p) => {
        const policy = {
          businessHours: { ...SEED_BUSINESS_HOURS, days: [1, 2, 3, 4, 5], timeZone: 'Europe/Lisbon' },
        };
        const at = (ms: number) => new Date(ms).toISOString();
        const calendar = Date.parse(slaDeadline({ priority: p, createdAt: at(t) }));
        const business = Date.parse(slaDeadline({ priority: p, createdAt: at(t), policy }));
        const later = Date.parse(slaDeadline({ priority: p, createdAt: at(t + dt), policy }));
        return business >= calendar && later >= business;
      }),
    );
  });
});

describe('slaStatus', () => {
  it('seed "Em andamento (SLA: 1h)": urgent ticket just opened', () => {
    const s = slaStatus({ ticket: ticket(), now: '2025-10-04T12:00:00Z' });
    expect(s).toMatchObject({
      state: 'running',
      breached: false,
      label: '1h',
      remainingMs: 3_600_000,
      dueSoon: false,
    });
    expect(s.deadline).toBe('2025-10-04T13:00:00.000Z');
  });

  it.each([
    {
      name: '45 min left → running, due soon at ≤ 25%',
      over: {},
      now: '2025-10-04T12:15:00Z',
      state: 'running',
      label: '45min',
      dueSoon: false,
    },
    {
      name: '10 min left → due soon',
      over: {},
      now: '2025-10-04T12:50:00Z',
      state: 'running',
      label: '10min',
      dueSoon: true,
    },
    {
      name: 'waiting past the deadline → breached',
      over: {},
      now: '2025-10-04T15:30:00Z',
      state: 'breached',
      label: 'atrasado 2h 30min',
      dueSoon: false,
    },
    {
      name: 'support replied in time (message) → met',
      over: {
        messages: [message('client', '2025-10-04T12:00:00Z'), message('support', '2025-10-04T12:40:00Z')],
      },
      now: '2025-10-05T00:00:00Z',
      state: 'met',
      label: 'no prazo',
      dueSoon: false,
    },
    {
      name: 'a client message is not a response',
      over: { messages: [message('client', '2025-10-04T12:30:00Z')] },
      now: '2025-10-04T13:30:00Z',
      state: 'breached',
      label: 'atrasado 30min',
      dueSoon: false,
    },
    {
      name: 'late first response (stamped) → breached and stays breached',
      over: { firstResponseAt: '2025-10-04T14:00:00Z' },
      now: '2025-10-06T00:00:00Z',
      state: 'breached',
      label: 'atrasado 1h',
      dueSoon: false,
    },
    {
      name: 'resolved before any response but in time → met',
      over: { status: 'resolved', resolvedAt: '2025-10-04T12:20:00Z' },
      now: '2025-10-06T00:00:00Z',
      state: 'met',
      label: 'no prazo',
      dueSoon: false,
    },
    {
      name: 'closed by the client with no response → not measured',
      over: { status: 'closed' },
      now: '2025-10-06T00:00:00Z',
      state: 'not_measured',
      label: '—',
      dueSoon: false,
    },
    {
      name: 'the server-stamped deadline wins over the local computation',
      over: { slaDeadline: '2025-10-04T20:00:00.000Z' },
      now: '2025-10-04T17:00:00Z',
      state: 'running',
      label: '3h',
      dueSoon: false,
    },
  ] as const)('$name', ({ over, now, state, label, dueSoon }) => {
    const s = slaStatus({ ticket: ticket(over as Partial<SlaStatusInput['ticket']>), now });
    expect(s).toMatchObject({ state, label, dueSoon, breached: state === 'breached' });
  });

  it.each([
    [0, '0min'],
    [59_999, '0min'],
    [3_600_000, '1h'],
    [5_400_000, '1h 30min'],
    [86_400_000, '1d'],
    [93_600_000, '1d 2h'],
  ])('formatDurationPtBr(%i) = %s', (ms, text) => expect(formatDurationPtBr(ms)).toBe(text));

  describe('whole entities', () => {
    it('accepts a stored Ticket document as is', () => {
      expect(slaStatus({ ticket: makeTicket(), now: '2025-10-04T12:00:00Z' }).label).toBe('1h');
    });
  });
});
