import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/entities/support.ts';
import { createTestI18n as createI18n } from '../../test/i18n.ts';
import type { AppLanguage } from '../../ui/format.ts';
import { ago, DAY, HOUR, message, NOW, techCorpTickets, ticket, uid } from '../../test/portal-fixtures.ts';
import {
  homeTicketSummary,
  isActiveTicket,
  lastMessageAt,
  newestFirst,
  slaView,
  statusTone,
  ticketNumberText,
  ticketStatusLine,
} from './ticket-view.ts';

const ctx = (language: AppLanguage) => ({
  t: createI18n(language).getFixedT(language, 'tickets'),
  language,
});
const tc = techCorpTickets();

describe('ticketStatusLine — the wireframe line "Status: …"', () => {
  it.each<[string, Ticket, AppLanguage, string]>([
    ['seed #2847 resolved 2 h ago', tc.t2847, 'pt-BR', 'Resolvido (há 2 horas)'],
    ['seed #2853 medium, 7 h unanswered', tc.t2853, 'pt-BR', 'Em andamento (SLA: 1h)'],
    ['seed #2831 resolved a week ago', tc.t2831, 'pt-BR', 'Resolvido (há 7 dias)'],
    ['seed #2790 closed', tc.t2790, 'pt-BR', 'Encerrado (há 2 meses)'],
    [
      'urgent, 90 min unanswered',
      ticket({ priority: 'urgent', createdAt: ago(90 * 60_000) }),
      'pt-BR',
      'Aberto (SLA estourado há 30min)',
    ],
    [
      'low, opened 30 min ago (deadline computed by the rule while unstamped)',
      ticket({ priority: 'low', createdAt: ago(30 * 60_000) }),
      'pt-BR',
      'Aberto (SLA: 23h 30min)',
    ],
    [
      'answered and still in progress: the SLA clock stopped',
      ticket({
        status: 'in_progress',
        createdAt: ago(3 * HOUR),
        firstResponseAt: ago(2 * HOUR),
      }),
      'pt-BR',
      'Em andamento',
    ],
    [
      'waiting for the client',
      ticket({ status: 'waiting_client', createdAt: ago(DAY), firstResponseAt: ago(20 * HOUR) }),
      'pt-BR',
      'Aguardando sua resposta',
    ],
    [
      'closed without resolvedAt: when it last changed',
      ticket({ status: 'closed', createdAt: ago(5 * DAY), updatedAt: ago(3 * DAY) }),
      'pt-BR',
      'Encerrado (há 3 dias)',
    ],
    ['English, #2853', tc.t2853, 'en', 'In progress (SLA: 1h)'],
    ['English, #2847', tc.t2847, 'en', 'Resolved (2 hours ago)'],
  ])('%s → %s', (_, t, language, expected) => {
    expect(ticketStatusLine(t, NOW, ctx(language))).toBe(expected);
  });
});

describe('slaView', () => {
  it.each<[string, Ticket, ReturnType<typeof slaView>]>([
    ['seed #2853: 1 h of 8 h left is due soon', tc.t2853, { kind: 'due_soon', time: '1h' }],
    [
      'plenty of time left',
      ticket({ priority: 'low', createdAt: ago(HOUR) }),
      { kind: 'running', time: '23h' },
    ],
    [
      'overdue, unanswered',
      ticket({ priority: 'high', createdAt: ago(6 * HOUR) }),
      { kind: 'overdue', time: '2h' },
    ],
    ['answered in time', tc.t2847, { kind: 'met', time: '' }],
    [
      'answered late (first support message, before the server stamps firstResponseAt)',
      ticket({
        priority: 'high',
        status: 'in_progress',
        createdAt: ago(10 * HOUR),
        messages: [
          message({ createdAt: ago(10 * HOUR) }),
          message({ createdAt: ago(5 * HOUR), senderType: 'support', senderId: uid(99) }),
        ],
      }),
      { kind: 'late', time: '1h' },
    ],
    [
      'the server-stamped deadline wins over the rule',
      ticket({ priority: 'urgent', createdAt: ago(2 * HOUR), slaDeadline: ago(-3 * HOUR) }),
      { kind: 'running', time: '3h' },
    ],
    [
      'closed without any response is not measured',
      ticket({ status: 'closed', createdAt: ago(2 * DAY), resolvedAt: null }),
      null,
    ],
  ])('%s', (_, t, expected) => {
    expect(slaView(t, NOW)).toEqual(expected);
  });

  it('shows no SLA (instead of throwing) for a document the rule rejects', () => {
    expect(slaView({ ...tc.t2853, createdAt: 'ontem' }, NOW)).toBeNull();
  });
});

describe('ticket numbers, tones and times', () => {
  it.each<[number | null, AppLanguage, string]>([
    [2847, 'pt-BR', '#2847'],
    [null, 'pt-BR', 'pendente'],
    [null, 'en', 'pending'],
  ])('number %s in %s → %s', (number, language, expected) => {
    expect(ticketNumberText({ number }, ctx(language).t)).toBe(expected);
  });

  it.each<[string, Ticket, ReturnType<typeof statusTone>]>([
    ['resolved', tc.t2847, 'success'],
    ['closed', tc.t2790, 'neutral'],
    ['due soon', tc.t2853, 'warning'],
    ['overdue', ticket({ priority: 'urgent', createdAt: ago(2 * HOUR) }), 'danger'],
    ['running', ticket({ priority: 'low', createdAt: ago(HOUR) }), 'info'],
    ['waiting for the client', ticket({ status: 'waiting_client', createdAt: ago(HOUR) }), 'warning'],
  ])('%s → %s', (_, t, tone) => {
    expect(statusTone(t, NOW)).toBe(tone);
  });

  it('the last message time is the newest message, else the opening', () => {
    expect(lastMessageAt(tc.t2847)).toBe(ago(26 * HOUR - 50 * 60_000));
    expect(lastMessageAt({ ...tc.t2853, messages: [] })).toBe(tc.t2853.createdAt);
  });

  it('lists newest first, ties broken by id', () => {
    const a = ticket({ id: uid(1), createdAt: ago(HOUR) });
    const b = ticket({ id: uid(2), createdAt: ago(HOUR) });
    const old = ticket({ id: uid(3), createdAt: ago(DAY) });
    expect(newestFirst([old, a, b]).map((t) => t.id)).toEqual([uid(2), uid(1), uid(3)]);
  });
});

describe('homeTicketSummary', () => {
  it('seed TechCorp: the open ticket plus this week’s resolved ones, latest event first', () => {
    const summary = homeTicketSummary(Object.values(tc), NOW);
    expect(summary.openCount).toBe(1);
    expect(summary.items.map((t) => t.number)).toEqual([2847, 2853, 2831]);
  });

  it('never pushes an open ticket out for finished ones', () => {
    const finished = [1, 2, 3, 4].map((h) =>
      ticket({ id: uid(h), status: 'resolved', createdAt: ago(h * HOUR), resolvedAt: ago(h * 30 * 60_000) }),
    );
    const open = ticket({ id: uid(9), createdAt: ago(5 * DAY) });
    const summary = homeTicketSummary([...finished, open], NOW, { limit: 3 });
    expect(summary.items.map((t) => t.id)).toEqual([uid(1), uid(2), uid(9)]);
  });

  it('invariants: bounded, counts every active ticket, includes them first, ordered by latest event', () => {
    const statuses = ['open', 'in_progress', 'waiting_client', 'resolved', 'closed'] as const;
    const arbTicket = fc
      .record({
        n: fc.integer({ min: 1, max: 1_000_000 }),
        status: fc.constantFrom(...statuses),
        createdH: fc.integer({ min: 1, max: 60 * 24 }),
        resolvedH: fc.integer({ min: 0, max: 60 * 24 }),
      })
      .map(({ n, status, createdH, resolvedH }) =>
        ticket({
          id: uid(n),
          status,
          createdAt: ago(createdH * HOUR),
          resolvedAt: isActiveTicket({ status }) ? null : ago(Math.min(resolvedH, createdH) * HOUR),
        }),
      );
    fc.assert(
      fc.property(
        fc.uniqueArray(arbTicket, { selector: (t) => t.id, maxLength: 12 }),
        fc.integer({ min: 0, max: 6 }),
        (tickets, limit) => {
          const { items, openCount } = homeTicketSummary(tickets, NOW, { limit });
          const active = tickets.filter(isActiveTicket);
          expect(openCount).toBe(active.length);
          expect(items.length).toBeLessThanOrEqual(limit);
          expect(items.filter(isActiveTicket).length).toBe(Math.min(limit, active.length));
          const latest = (t: Ticket) =>
            Math.max(
              Date.parse(lastMessageAt(t)),
              isActiveTicket(t) ? 0 : Date.parse(t.resolvedAt ?? t.updatedAt),
            );
          for (let i = 1; i < items.length; i++) {
            expect(latest(items[i - 1]!)).toBeGreaterThanOrEqual(latest(items[i]!));
          }
        },
      ),
    );
  });
});
