import { describe, expect, it } from 'vitest';
import {
  ago,
  clientPortalUser,
  CSM_ID,
  HOUR,
  message,
  NOW,
  ticket,
  uid,
} from '../../test/portal-fixtures.ts';
import { buildNewChat, currentChat, inboxOrder, isPendingMessage } from './chat-writes.ts';

const chat = (n: number, hoursAgo: number, over = {}) =>
  ticket({ id: uid(n), createdAt: ago(hoursAgo * HOUR), channel: 'chat', ...over });

describe('currentChat', () => {
  it('is the newest chat still going; tickets and finished chats are not', () => {
    const older = chat(1, 5);
    const newer = chat(2, 2);
    const closed = chat(3, 1, { status: 'closed' });
    const aTicket = ticket({ id: uid(4), createdAt: ago(HOUR / 2) });
    expect(currentChat([older, newer, closed, aTicket])?.id).toBe(uid(2));
    expect(currentChat([closed, aTicket])).toBeNull();
  });
});

describe('buildNewChat', () => {
  it('a client opens a chat with their first message: channel chat, no SLA deadline, open', () => {
    const made = buildNewChat('  Olá!  ', {
      user: clientPortalUser,
      id: uid(9),
      messageId: uid(10),
      now: NOW,
    });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.value).toMatchObject({ channel: 'chat', slaDeadline: null, status: 'open', number: null });
    expect(made.value.messages).toEqual([
      expect.objectContaining({
        id: uid(10),
        senderType: 'client',
        senderId: clientPortalUser.id,
        body: 'Olá!',
      }),
    ]);
  });

  it.each([
    ['empty', '   ', 'messageRequired'],
    ['too long', 'x'.repeat(10_001), 'messageTooLong'],
  ])('refuses an %s message in place', (_, body, key) => {
    const made = buildNewChat(body, { user: clientPortalUser, id: uid(9), messageId: uid(10), now: NOW });
    expect(made).toMatchObject({ ok: false, fieldErrors: { body: { key } } });
  });

  it('staff do not open chats for a client', () => {
    const staff = { ...clientPortalUser, role: 'csm' as const, customerId: null };
    expect(buildNewChat('Oi', { user: staff, id: uid(9), messageId: uid(10), now: NOW })).toMatchObject({
      ok: false,
      formError: { key: 'notAllowed' },
    });
  });
});

describe('isPendingMessage', () => {
  const accepted = { serverSeq: 4, updatedAt: ago(HOUR) };
  const mine = (hoursAgo: number) => ({ senderId: clientPortalUser.id, createdAt: ago(hoursAgo * HOUR) });
  it.each([
    ['my message after the last accepted write, chat pending', accepted, mine(0.5), true, true],
    ['my message before it', accepted, mine(2), true, false],
    ['nothing pending on the chat', accepted, mine(0.5), false, false],
    ['a chat never accepted', { serverSeq: 0, updatedAt: ago(0) }, mine(2), true, true],
    ['the other side’s message', accepted, { senderId: CSM_ID, createdAt: ago(0) }, true, false],
  ])('%s → %s', (_, c, m, pending, expected) => {
    expect(isPendingMessage(c, m, { pending, userId: clientPortalUser.id })).toBe(expected);
  });
});

describe('inboxOrder', () => {
  it('chats waiting for the agency first, then the latest activity; tickets left out', () => {
    const answered = chat(1, 5, {
      messages: [
        message({ createdAt: ago(5 * HOUR) }),
        message({ createdAt: ago(HOUR / 4), senderType: 'support', senderId: CSM_ID }),
      ],
    });
    const waitingOld = chat(2, 6, { messages: [message({ createdAt: ago(3 * HOUR) })] });
    const waitingNew = chat(3, 6, { messages: [message({ createdAt: ago(2 * HOUR) })] });
    const aTicket = ticket({ id: uid(4), createdAt: ago(HOUR) });
    expect(
      inboxOrder([answered, waitingOld, aTicket, waitingNew]).map((i) => [i.chat.id, i.waiting]),
    ).toEqual([
      [uid(3), true],
      [uid(2), true],
      [uid(1), false],
    ]);
  });
});
