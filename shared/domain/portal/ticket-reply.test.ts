import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { TICKET_STATUSES, type TicketMessage, type TicketStatus } from '../../entities/support.ts';
import { CLIENT_USER_ID, makeTicket, uuid } from './test-fixtures.ts';
import {
  addedClientMessageIds,
  isReplyReopen,
  statusAfterConcurrentReply,
  statusAfterReply,
  statusBeforeReopen,
  type TicketReplyView,
} from './ticket-reply.ts';

const msg = (n: number, senderType: TicketMessage['senderType']): TicketMessage => ({
  id: uuid(0x700 + n),
  senderType,
  senderId: senderType === 'client' ? CLIENT_USER_ID : uuid(0x50),
  senderName: senderType === 'client' ? 'Carla Mendes' : 'Ana Paula Souza',
  body: senderType === 'client' ? 'Segue o print.' : 'Pode enviar um print?',
  createdAt: `2025-10-04T12:0${n}:00.000Z`,
});
const asked = msg(1, 'support');
const reply = msg(2, 'client');
const staffNote = msg(3, 'support');

/** A whole ticket (rules accept what callers hold) with this status and conversation. */
const t = (status: TicketStatus, messages: TicketMessage[] = [asked]) => makeTicket({ status, messages });

describe('statusAfterReply', () => {
  it.each<[string, TicketReplyView | null, TicketReplyView, TicketStatus]>([
    [
      'a client reply to a ticket waiting for them → in_progress',
      t('waiting_client'),
      t('waiting_client', [asked, reply]),
      'in_progress',
    ],
    [
      'a reply that already says in_progress (the device applied the rule) stays',
      t('waiting_client'),
      t('in_progress', [asked, reply]),
      'in_progress',
    ],
    [
      'reply and close together → closed (the client chose)',
      t('waiting_client'),
      t('closed', [asked, reply]),
      'closed',
    ],
    [
      'a staff message does not move it',
      t('waiting_client'),
      t('waiting_client', [asked, staffNote]),
      'waiting_client',
    ],
    [
      'no new message (e.g. a priority edit) → unchanged',
      t('waiting_client'),
      t('waiting_client'),
      'waiting_client',
    ],
    [
      'replying to an in_progress ticket → in_progress',
      t('in_progress'),
      t('in_progress', [asked, reply]),
      'in_progress',
    ],
    ['replying to an open ticket → open', t('open'), t('open', [asked, reply]), 'open'],
    [
      'replying to a resolved ticket → resolved (only waiting_client hands back)',
      t('resolved'),
      t('resolved', [asked, reply]),
      'resolved',
    ],
    [
      'staff set waiting_client in this very write: their choice stands',
      t('in_progress'),
      t('waiting_client', [asked, reply]),
      'waiting_client',
    ],
    [
      'a message already stored is not a new reply',
      t('waiting_client', [reply, asked]),
      t('waiting_client', [reply, asked]),
      'waiting_client',
    ],
    ['a create has nothing to reply to', null, t('waiting_client', [reply]), 'waiting_client'],
  ])('%s', (_, before, after, expected) => {
    expect(statusAfterReply(before, after)).toBe(expected);
  });

  it('applies to every status pair only from waiting_client to waiting_client', () => {
    for (const from of TICKET_STATUSES) {
      for (const to of TICKET_STATUSES) {
        const fired = from === 'waiting_client' && to === 'waiting_client';
        expect(statusAfterReply(t(from), t(to, [asked, reply]))).toBe(fired ? 'in_progress' : to);
      }
    }
  });

  it('rejects input that is not a ticket, naming the field', () => {
    expect(() => statusAfterReply(t('waiting_client'), { status: 'waiting', messages: [] } as never)).toThrow(
      ZodError,
    );
  });
});

describe('addedClientMessageIds', () => {
  it('lists the client messages the write adds, by id', () => {
    expect(addedClientMessageIds(t('open'), t('open', [asked, reply, staffNote]))).toEqual([reply.id]);
    expect(addedClientMessageIds(null, t('open', [asked, reply]))).toEqual([reply.id]);
    expect(addedClientMessageIds(t('open', [asked, reply]), t('open', [asked, reply]))).toEqual([]);
  });
});

describe('isReplyReopen (what authorization leaves to the rule)', () => {
  it.each<[string, TicketReplyView | null, TicketReplyView, boolean]>([
    [
      'waiting_client → in_progress with a new client message',
      t('waiting_client'),
      t('in_progress', [asked, reply]),
      true,
    ],
    ['waiting_client → in_progress without a message', t('waiting_client'), t('in_progress'), false],
    [
      'waiting_client → in_progress with only a staff message',
      t('waiting_client'),
      t('in_progress', [asked, staffNote]),
      false,
    ],
    ['open → in_progress with a client message', t('open'), t('in_progress', [asked, reply]), false],
    [
      'waiting_client → resolved with a client message',
      t('waiting_client'),
      t('resolved', [asked, reply]),
      false,
    ],
    ['waiting_client left as it is', t('waiting_client'), t('waiting_client', [asked, reply]), false],
    ['a create', null, t('in_progress', [reply]), false],
  ])('%s → %s', (_, before, after, expected) => {
    expect(isReplyReopen(before, after)).toBe(expected);
  });
});

describe('statusBeforeReopen (a side as its writer chose it)', () => {
  it('undoes the reopen, and only the reopen', () => {
    expect(statusBeforeReopen(t('waiting_client'), t('in_progress', [asked, reply]))).toBe('waiting_client');
    expect(statusBeforeReopen(t('waiting_client'), t('in_progress'))).toBe('in_progress');
    expect(statusBeforeReopen(t('open'), t('in_progress', [asked, reply]))).toBe('in_progress');
    expect(statusBeforeReopen(null, t('in_progress', [reply]))).toBe('in_progress');
  });
});

describe('statusAfterConcurrentReply (on the merge of the chosen statuses)', () => {
  it.each<
    [
      string,
      { base: TicketReplyView | null; real: TicketReplyView; mine: TicketReplyView; merged: TicketReplyView },
      TicketStatus,
    ]
  >([
    [
      'client replied first; staff device merges its waiting_client → in_progress',
      {
        base: t('in_progress'),
        real: t('in_progress', [asked, reply]),
        mine: t('waiting_client', [asked, staffNote]),
        merged: t('waiting_client', [asked, reply, staffNote]),
      },
      'in_progress',
    ],
    [
      'staff asked first; client device merges its reply → in_progress (what the server will do)',
      {
        base: t('in_progress'),
        real: t('waiting_client', [asked, staffNote]),
        mine: t('in_progress', [asked, reply]),
        merged: t('waiting_client', [asked, reply, staffNote]),
      },
      'in_progress',
    ],
    [
      'a reply to a ticket waiting since the base, merged with an unrelated edit → in_progress',
      {
        base: t('waiting_client'),
        real: t('in_progress', [asked, reply]),
        mine: t('waiting_client'),
        merged: t('waiting_client', [asked, reply]),
      },
      'in_progress',
    ],
    [
      'waiting_client set after seeing the reply stands against an unrelated edit',
      {
        base: t('in_progress', [asked, reply]),
        real: t('waiting_client', [asked, reply, staffNote]),
        mine: t('in_progress', [asked, reply]),
        merged: t('waiting_client', [asked, reply, staffNote]),
      },
      'waiting_client',
    ],
    [
      'a concurrent staff message only: waiting_client stands',
      {
        base: t('waiting_client'),
        real: t('waiting_client', [asked, staffNote]),
        mine: t('waiting_client'),
        merged: t('waiting_client', [asked, staffNote]),
      },
      'waiting_client',
    ],
    [
      'another merged status is left alone',
      {
        base: t('waiting_client'),
        real: t('resolved'),
        mine: t('in_progress', [asked, reply]),
        merged: t('resolved', [asked, reply]),
      },
      'resolved',
    ],
    [
      'no common base: a side that chose waiting_client without the reply yields',
      {
        base: null,
        real: t('open', [reply]),
        mine: t('waiting_client', []),
        merged: t('waiting_client', [reply]),
      },
      'in_progress',
    ],
  ])('%s', (_, input, expected) => {
    expect(statusAfterConcurrentReply(input)).toBe(expected);
  });
});
