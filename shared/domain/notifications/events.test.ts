import { describe, expect, it } from 'vitest';
import { campaignSchema, goalSchema } from '../../entities/portal.ts';
import { invoiceSchema } from '../../entities/billing.ts';
import { meetingSchema, ticketSchema, type Ticket } from '../../entities/support.ts';
import {
  campaignDrop,
  campaignEvents,
  goalEvents,
  invoiceDueEvents,
  localDatePlus,
  meetingReminderEvents,
  slaEvents,
  tagOf,
  ticketEvents,
} from './events.ts';

const NOW = new Date('2026-11-20T15:00:00.000Z'); // 12:00 in São Paulo
const SP = 'America/Sao_Paulo';
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
const ID = '01900000-0000-7000-8000-000000000001';
const CUSTOMER = '01900000-0000-7000-8000-0000000000c1';
const synced = { id: ID, updatedAt: at(0), serverSeq: 1, clientUpdatedAt: at(0) };

const ticket = (over: Partial<Ticket>): Ticket =>
  ticketSchema.parse({
    ...synced,
    customerId: CUSTOMER,
    number: 2847,
    subject: 'Dúvida sobre relatório',
    description: '',
    priority: 'medium',
    status: 'open',
    assignedTo: null,
    slaDeadline: at(120),
    firstResponseAt: null,
    resolvedAt: null,
    createdBy: null,
    createdAt: at(-3000),
    messages: [],
    ...over,
  });
const message = (senderType: 'client' | 'support', minutes: number, id = ID) => ({
  id,
  senderType,
  senderId: ID,
  senderName: senderType === 'support' ? 'Maria Santos' : 'Ana Souza',
  body: 'Olá',
  createdAt: at(minutes),
});

describe('chatEvents (through ticketEvents)', () => {
  const chat = (messages: ReturnType<typeof message>[]) =>
    ticketEvents(ticket({ channel: 'chat', slaDeadline: null, messages }), 'TechCorp', NOW);
  const A = '01900000-0000-7000-8000-0000000000a1';
  const B = '01900000-0000-7000-8000-0000000000a2';

  it.each<[string, ReturnType<typeof message>[], unknown[]]>([
    ['no messages', [], []],
    [
      'the agency just wrote: the client users are told, opening their chat',
      [message('client', -5, B), message('support', -1, A)],
      [
        {
          type: 'chat_reply',
          key: `chat_reply:${ID}:${A}`,
          customerId: CUSTOMER,
          path: '/inicio/chat',
          tag: tagOf('chat', ID),
          params: { type: 'chat_reply', author: 'Maria Santos', excerpt: 'Olá' },
        },
      ],
    ],
    [
      'a client just wrote: the CSM is told, opening that chat in the inbox',
      [message('support', -5, A), message('client', -1, B)],
      [
        {
          type: 'chat_message',
          key: `chat_message:${ID}:${B}`,
          customerId: CUSTOMER,
          path: `/atendimento/chats/${ID}`,
          tag: tagOf('chat', ID),
          params: { type: 'chat_message', customer: 'TechCorp', excerpt: 'Olá' },
        },
      ],
    ],
    ['the newest message is two days old', [message('support', -2880, A)], []],
  ])('%s', (_name, messages, events) => {
    expect(chat(messages)).toEqual(events);
  });

  it('announces only the newest of several new messages, one key per message', () => {
    const both = chat([message('client', -2, A), message('client', -1, B)]);
    expect(both.map((e) => e.key)).toEqual([`chat_message:${ID}:${B}`]);
    expect(chat([message('client', -2, A)])[0]!.key).not.toBe(both[0]!.key);
  });

  it('shortens a long message to 140 characters', () => {
    const long = { ...message('support', -1, A), body: 'x'.repeat(500) };
    const [event] = chat([long]);
    expect(event!.params).toMatchObject({ excerpt: `${'x'.repeat(139)}…` });
  });
});

describe('localDatePlus', () => {
  it.each([
    ['2026-11-20T15:00:00Z', 0, '2026-11-20'],
    ['2026-11-21T02:30:00Z', 0, '2026-11-20'], // 23:30 the day before in São Paulo
    ['2026-11-20T15:00:00Z', 3, '2026-11-23'],
    ['2026-11-20T15:00:00Z', 60, '2027-01-19'],
    ['2026-12-31T15:00:00Z', 1, '2027-01-01'],
  ])('%s + %i days = %s', (iso, days, date) => {
    expect(localDatePlus(new Date(iso), SP, days)).toBe(date);
  });
});

describe('ticketEvents', () => {
  it.each([
    ['a reply a minute ago', [message('client', -3000), message('support', -1)], ['ticket_answered']],
    ['a reply two days ago', [message('client', -3000), message('support', -2880)], []],
    ['only the client’s messages', [message('client', -3000)], []],
  ])('%s → %j', (_name, messages, types) => {
    expect(ticketEvents(ticket({ messages }), 'TechCorp', NOW).map((e) => e.type)).toEqual(types);
  });

  it('announces a chat as a chat, never as a ticket: its opening and reply are not tickets', () => {
    const fresh = { createdAt: at(-1), messages: [message('client', -1), message('support', 0)] };
    expect(ticketEvents(ticket(fresh), 'T', NOW).map((e) => e.type)).toEqual([
      'ticket_answered',
      'ticket_created',
    ]);
    expect(ticketEvents(ticket({ ...fresh, channel: 'chat' }), 'T', NOW).map((e) => e.type)).toEqual([
      'chat_reply',
    ]);
  });

  it('keys the answer by reply, so a second reply is a new event and the same one is not', () => {
    const one = ticketEvents(
      ticket({ messages: [message('support', -2, '01900000-0000-7000-8000-0000000000a1')] }),
      'T',
      NOW,
    )[0]!;
    const again = ticketEvents(
      ticket({ messages: [message('support', -2, '01900000-0000-7000-8000-0000000000a1')] }),
      'T',
      NOW,
    )[0]!;
    const two = ticketEvents(
      ticket({
        messages: [
          message('support', -2, '01900000-0000-7000-8000-0000000000a1'),
          message('support', -1, '01900000-0000-7000-8000-0000000000a2'),
        ],
      }),
      'T',
      NOW,
    )[0]!;
    expect(again.key).toBe(one.key);
    expect(two.key).not.toBe(one.key);
    expect(one.path).toBe(`/inicio/tickets/${ID}`);
  });

  it('announces a client’s new ticket to staff, not one opened by the agency', () => {
    expect(
      ticketEvents(ticket({ createdAt: at(-1), messages: [message('client', -1)] }), 'T', NOW),
    ).toMatchObject([{ type: 'ticket_created', path: `/atendimento/tickets/${ID}` }]);
    expect(
      ticketEvents(ticket({ createdAt: at(-1), messages: [message('support', -1)] }), 'T', NOW).map(
        (e) => e.type,
      ),
    ).toEqual(['ticket_answered']);
  });
});

describe('slaEvents', () => {
  it.each([
    [61, null],
    [60, 'soon'],
    [1, 'soon'],
    [0, 'breached'],
    [-30, 'breached'],
  ] as const)('deadline in %i min → %s', (minutes, state) => {
    const events = slaEvents(ticket({ slaDeadline: at(minutes) }), 'T', NOW);
    expect(events.map((e) => e.key.split(':')[2] ?? null)).toEqual(state === null ? [] : [state]);
  });

  it('stays quiet once answered or closed', () => {
    expect(slaEvents(ticket({ slaDeadline: at(-5), firstResponseAt: at(-10) }), 'T', NOW)).toEqual([]);
    expect(slaEvents(ticket({ slaDeadline: at(-5), status: 'closed' }), 'T', NOW)).toEqual([]);
  });
});

describe('meetingReminderEvents', () => {
  const meeting = (minutes: number, status = 'scheduled') =>
    meetingSchema.parse({
      ...synced,
      customerId: CUSTOMER,
      accountManagerId: ID,
      title: 'Reunião mensal',
      description: null,
      scheduledAt: at(minutes),
      durationMinutes: 30,
      meetingLink: null,
      notes: null,
      status,
      clientRequest: null,
      completedAt: null,
      requestAnswer: null,
    });
  it.each([
    [61, 0],
    [60, 1],
    [5, 1],
    [0, 0],
  ])('starting in %i min → %i event', (minutes, n) => {
    expect(meetingReminderEvents(meeting(minutes), NOW)).toHaveLength(n);
  });
  it('not for a cancelled meeting', () => {
    expect(meetingReminderEvents(meeting(30, 'cancelled'), NOW)).toEqual([]);
  });
});

describe('invoiceDueEvents', () => {
  const invoice = (dueDate: string, status = 'pending') =>
    invoiceSchema.parse({
      ...synced,
      customerId: CUSTOMER,
      contractId: null,
      number: 'NF-1042',
      description: 'Mensalidade',
      amountCents: 1_250_000,
      issueDate: '2026-11-01',
      dueDate,
      paidDate: null,
      status,
      nfeUrl: null,
      pixCode: null,
      payments: [],
    });
  it.each([
    ['2026-11-22', 'pending', 0],
    ['2026-11-23', 'pending', 1],
    ['2026-11-24', 'pending', 0],
    ['2026-11-23', 'paid', 0],
  ])('due %s (%s) → %i', (due, status, n) => {
    expect(invoiceDueEvents(invoice(due, status), NOW, SP)).toHaveLength(n);
  });
});

describe('campaigns', () => {
  const campaign = (conversions: number[], lastDate = '2026-11-20') =>
    campaignSchema.parse({
      ...synced,
      customerId: CUSTOMER,
      name: 'Serviços Premium',
      platform: 'google_ads',
      type: 'search',
      budgetCents: 500_000,
      dailyBudgetCents: null,
      status: 'active',
      startDate: '2026-10-01',
      endDate: null,
      externalId: null,
      daily: conversions.map((c, i) => ({
        date: localDatePlus(new Date(`${lastDate}T15:00:00Z`), SP, i - conversions.length + 1),
        impressions: 1000,
        clicks: 100,
        spendCents: 1000,
        conversions: c,
        revenueCents: 0,
      })),
      abTests: [],
    });

  it.each([
    // [earlier days…, last day] → drop
    [[10, 10, 10, 8], 0.2],
    [[10, 10, 10, 7], 0.3],
    [[10, 10, 10, 12], -0.2],
    [[10, 10, 5], null], // fewer than 3 earlier days
    [[0, 0, 0, 0], null], // nothing to fall from
  ])('%j → drop %s', (days, drop) => {
    const value = campaignDrop(campaign(days));
    if (drop === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(drop, 10);
  });

  it('fires the anomaly only above 20 %, and conversions only for today’s or yesterday’s figures', () => {
    expect(campaignEvents(campaign([10, 10, 10, 8]), NOW, SP).map((e) => e.type)).toEqual(['conversion']);
    expect(campaignEvents(campaign([10, 10, 10, 7]), NOW, SP).map((e) => e.type)).toEqual([
      'conversion',
      'campaign_anomaly',
    ]);
    expect(campaignEvents(campaign([10, 10, 10, 0]), NOW, SP).map((e) => e.type)).toEqual([
      'campaign_anomaly',
    ]);
    expect(campaignEvents(campaign([10, 10, 10, 7], '2026-11-17'), NOW, SP)).toEqual([]);
  });
});

describe('goalEvents and tags', () => {
  const goal = (currentValue: number) =>
    goalSchema.parse({
      ...synced,
      customerId: CUSTOMER,
      type: 'traffic',
      title: '10K visitas',
      unit: 'count',
      targetValue: 10_000,
      currentValue,
      period: 'monthly',
      startDate: '2026-11-01',
      endDate: '2026-11-30',
      status: 'active',
      progress: [],
    });
  it('fires at the target, not below it', () => {
    expect(goalEvents(goal(9_999))).toEqual([]);
    expect(goalEvents(goal(10_000))).toMatchObject([
      { type: 'goal_reached', key: `goal_reached:${ID}:2026-11-30` },
    ]);
  });
  it('makes push-safe tags', () => {
    expect(tagOf('ticket', ID)).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
  });
});
