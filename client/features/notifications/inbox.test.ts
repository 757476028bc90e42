import { describe, expect, it } from 'vitest';
import { clientPortalUser, NOW, ago, HOUR, uid } from '../../test/portal-fixtures.ts';
import { newestFirst, readAllChanges, readChange, unreadCount } from './inbox.ts';
import { notification, techCorpInbox } from './test-fixtures.ts';

describe('inbox rules', () => {
  it('orders newest first, equal instants by id (stable on every device)', () => {
    const inbox = techCorpInbox();
    const shuffled = [inbox[3]!, inbox[1]!, inbox[0]!, inbox[2]!];
    expect(newestFirst(shuffled).map((n) => n.title)).toEqual([
      'Nova conversão',
      'Ticket #2847 resolvido',
      'Retargeting precisa de atenção',
      'Novo lead qualificado: Carlos Mendes',
    ]);
    const same = ago(HOUR);
    const a = notification({ id: uid(10), createdAt: same });
    const b = notification({ id: uid(11), createdAt: same });
    expect(newestFirst([a, b]).map((n) => n.id)).toEqual([uid(11), uid(10)]);
    expect(newestFirst([b, a]).map((n) => n.id)).toEqual([uid(11), uid(10)]);
  });

  it('counts the unread items (the bell and the app badge)', () => {
    expect(unreadCount(techCorpInbox())).toBe(3);
    expect(unreadCount([])).toBe(0);
  });

  it('marks an own unread item read at the clock time; nothing to write for a read or foreign one', () => {
    const [sale, , , lead] = techCorpInbox();
    expect(readChange(sale!, clientPortalUser, NOW)).toEqual({ readAt: NOW.toISOString() });
    // The first time stands (the collection's merge keeps it too).
    expect(readChange(lead!, clientPortalUser, NOW)).toBeNull();
    const foreign = notification({ id: uid(20), userId: uid(777) });
    expect(readChange(foreign, clientPortalUser, NOW)).toBeNull();
  });

  it('mark-all-read writes exactly the unread own items', () => {
    const inbox = [...techCorpInbox(), notification({ id: uid(21), userId: uid(777) })];
    expect(readAllChanges(inbox, clientPortalUser, NOW)).toEqual(
      [uid(1), uid(2), uid(3)].map((id) => ({ id, change: { readAt: NOW.toISOString() } })),
    );
  });
});
