import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS, COLLECTION_NAMES, type CollectionName } from '../../shared/collections/index.ts';
import { SIGNAL_STATUSES } from '../../shared/entities/csm.ts';
import type { PlainObject } from '../documents.ts';
import { fixture, T0, T1, T2, uuid } from '../testing/fixtures.ts';
import { CONFLICT_HANDLERS, resolveConflict, statesEqual } from './handlers.ts';
import { SIGNAL_STATUS_RANK } from '../../shared/collections/signals.ts';
import { MERGE_RULES } from './rules.ts';

const ID = uuid(0x42);
const master = (collection: CollectionName, patch: PlainObject = {}): PlainObject => ({
  ...fixture(collection, collection === 'customers' ? uuid(0xc1) : ID),
  serverSeq: 10,
  _deleted: false,
  ...patch,
});
/** The server's state after someone else's accepted write (a newer serverSeq). */
const newer = (doc: PlainObject, patch: PlainObject): PlainObject => ({
  ...doc,
  ...patch,
  serverSeq: 11,
  updatedAt: T2,
});

/** Resolves in both orders (A first, B first) and checks they agree, returning the result. */
function both(collection: CollectionName, base: PlainObject, a: PlainObject, b: PlainObject): PlainObject {
  // The server overwrites server-owned fields of an accepted write, so the real master never has the device's.
  const accepted = (patch: PlainObject) =>
    newer(
      base,
      Object.fromEntries(
        Object.entries(patch).filter(([k]) => !COLLECTION_DEFS[collection].serverOwned.includes(k)),
      ),
    );
  const ab = resolveConflict(collection, {
    assumedMasterState: base,
    realMasterState: accepted(a),
    newDocumentState: { ...base, ...b },
  });
  const ba = resolveConflict(collection, {
    assumedMasterState: base,
    realMasterState: accepted(b),
    newDocumentState: { ...base, ...a },
  });
  const strip = (d: PlainObject) => ({ ...d, serverSeq: 0, updatedAt: '' });
  expect(strip(ab)).toEqual(strip(ba));
  return ab;
}

describe('conflict rules per collection (examples)', () => {
  it('keeps one-sided changes from both sides (tickets: subject vs priority)', () => {
    const base = master('tickets');
    const r = both(
      'tickets',
      base,
      { subject: 'Relatório errado', clientUpdatedAt: T1 },
      { priority: 'urgent', clientUpdatedAt: T2 },
    );
    expect(r).toMatchObject({ subject: 'Relatório errado', priority: 'urgent', clientUpdatedAt: T2 });
  });

  it('a field changed on both sides takes the later clientUpdatedAt by default', () => {
    const base = master('tickets');
    const r = both(
      'tickets',
      base,
      { subject: 'Antigo', clientUpdatedAt: T1 },
      { subject: 'Novo', clientUpdatedAt: T2 },
    );
    expect(r.subject).toBe('Novo');
  });

  it('tickets: the later status in TICKET_STATUSES wins, with its resolvedAt', () => {
    const base = master('tickets', { status: 'in_progress' });
    const r = both(
      'tickets',
      base,
      { status: 'closed', resolvedAt: T1, clientUpdatedAt: T1 },
      { status: 'waiting_client', clientUpdatedAt: T2 },
    );
    expect(r).toMatchObject({ status: 'closed', resolvedAt: T1 });
  });

  it('tickets: messages from both sides are kept, in chronological order', () => {
    const base = master('tickets');
    const msg = (n: number, at: string) => ({
      id: uuid(0x7100 + n),
      senderType: n === 1 ? 'support' : 'client',
      senderId: uuid(0x201),
      senderName: 'X',
      body: `mensagem ${n}`,
      createdAt: at,
    });
    const existing = base.messages as PlainObject[];
    const r = both(
      'tickets',
      base,
      { messages: [...existing, msg(2, T2)], clientUpdatedAt: T2 },
      { messages: [...existing, msg(1, T1)], clientUpdatedAt: T1 },
    );
    expect((r.messages as PlainObject[]).map((m) => m.body)).toEqual([
      'Podem verificar?',
      'mensagem 1',
      'mensagem 2',
    ]);
  });

  it('actions: completing or dismissing beats pending; both acted → later clock', () => {
    const base = master('actions', { status: 'completed', completedAt: T0 });
    // Device A reopened the card, device B dismissed it: dismissed (acted) beats pending.
    const r = both(
      'actions',
      base,
      { status: 'pending', completedAt: null, clientUpdatedAt: T2 },
      { status: 'dismissed', completedAt: null, dismissedAt: T1, clientUpdatedAt: T1 },
    );
    expect(r).toMatchObject({ status: 'dismissed', completedAt: null, dismissedAt: T1 });
    const fresh = master('actions');
    const r2 = both(
      'actions',
      fresh,
      { status: 'completed', completedAt: T1, clientUpdatedAt: T1 },
      { status: 'dismissed', dismissedAt: T2, clientUpdatedAt: T2 },
    );
    expect(r2).toMatchObject({ status: 'dismissed', completedAt: null, dismissedAt: T2 });
  });

  it('notifications: readAt keeps the earliest non-null', () => {
    const base = master('notifications');
    expect(
      both('notifications', base, { readAt: T2, clientUpdatedAt: T2 }, { readAt: T1, clientUpdatedAt: T1 })
        .readAt,
    ).toBe(T1);
    const read = master('notifications', { readAt: T0 });
    expect(
      both('notifications', read, { readAt: null, clientUpdatedAt: T2 }, { readAt: T1, clientUpdatedAt: T1 })
        .readAt,
    ).toBe(T1);
  });

  it('engagement: visit days are a set union; reading progress takes the max; XP is the server’s', () => {
    const base = master('engagement');
    const book = uuid(0x8001);
    const r = both(
      'engagement',
      base,
      {
        visitDays: ['2026-11-18', '2026-11-19', '2026-11-21'],
        reading: [{ contentId: book, progress: 80, completedAt: null }],
        xp: 9999,
        clientUpdatedAt: T1,
      },
      {
        visitDays: ['2026-11-20', '2026-11-18', '2026-11-19'],
        reading: [{ contentId: book, progress: 40, completedAt: T2 }],
        clientUpdatedAt: T2,
      },
    );
    expect(r.visitDays).toEqual(['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21']);
    expect(r.reading).toEqual([{ contentId: book, progress: 80, completedAt: T2 }]);
    const real = newer(base, { xp: 175 });
    const res = resolveConflict('engagement', {
      assumedMasterState: base,
      realMasterState: real,
      newDocumentState: { ...base, xp: 9999, visitDays: ['2026-11-20'] },
    });
    expect(res.xp).toBe(175);
  });

  it('engagement: a visit day removed on one side and kept on the other is removed', () => {
    const base = master('engagement');
    const r = both(
      'engagement',
      base,
      { visitDays: ['2026-11-19'] },
      { visitDays: ['2026-11-18', '2026-11-19', '2026-11-20'] },
    );
    expect(r.visitDays).toEqual(['2026-11-19', '2026-11-20']);
  });

  it('customers: two devices editing different fields of the same contact keep both', () => {
    const base = master('customers');
    const [contact] = base.contacts as PlainObject[];
    const r = both(
      'customers',
      base,
      { contacts: [{ ...contact, phone: '+55 11 91111-1111' }], clientUpdatedAt: T1 },
      { contacts: [{ ...contact, email: 'ana.souza@techcorp.example' }], clientUpdatedAt: T2 },
    );
    expect(r.contacts).toEqual([
      { ...contact, phone: '+55 11 91111-1111', email: 'ana.souza@techcorp.example' },
    ]);
  });

  it('customers: an edit to a contact beats its concurrent removal; server-owned MRR is the server’s', () => {
    const base = master('customers');
    const [contact] = base.contacts as PlainObject[];
    const r = both(
      'customers',
      base,
      { contacts: [], mrrCents: 1, clientUpdatedAt: T2 },
      { contacts: [{ ...contact, jobTitle: 'CMO' }], clientUpdatedAt: T1 },
    );
    expect(r.contacts).toEqual([{ ...contact, jobTitle: 'CMO' }]);
    expect(r.mrrCents).toBe(1_250_000);
  });

  it('signals: further along the lifecycle wins, with its resolution data', () => {
    const base = master('signals');
    const r = both(
      'signals',
      base,
      {
        status: 'resolved',
        resolutionNotes: 'Cliente voltou a usar',
        resolvedAt: T1,
        resolvedBy: uuid(0x102),
        clientUpdatedAt: T1,
      },
      { status: 'acknowledged', clientUpdatedAt: T2 },
    );
    expect(r).toMatchObject({ status: 'resolved', resolutionNotes: 'Cliente voltou a usar', resolvedAt: T1 });
  });

  it('signals: every status of every kind has a lifecycle rank', () => {
    for (const statuses of Object.values(SIGNAL_STATUSES)) {
      statuses.forEach((s, i) => {
        expect(SIGNAL_STATUS_RANK[s]).toBeDefined();
        if (i > 0)
          expect(SIGNAL_STATUS_RANK[s]).toBeGreaterThanOrEqual(SIGNAL_STATUS_RANK[statuses[i - 1]!]!);
      });
    }
  });

  it.each(['health', 'metrics', 'content'] as const)('%s: the server always wins', (collection) => {
    const base = master(collection);
    const real = newer(base, { clientUpdatedAt: T1 });
    const r = resolveConflict(collection, {
      assumedMasterState: base,
      realMasterState: real,
      newDocumentState: { ...base, clientUpdatedAt: T2, title: 'local', score: 1 },
    });
    expect(r).toEqual(real);
  });
});

describe('deletes', () => {
  it('a delete beats a concurrent edit; the edit is kept inside the tombstone', () => {
    const base = master('leads');
    const r = both(
      'leads',
      base,
      { _deleted: true, clientUpdatedAt: T1 },
      { stage: 'qualified', clientUpdatedAt: T2 },
    );
    expect(r).toMatchObject({ _deleted: true, stage: 'qualified' });
  });

  it('a restore of a deleted document is a one-sided change and keeps', () => {
    const base = master('leads', { _deleted: true });
    const r = both(
      'leads',
      base,
      { _deleted: false, clientUpdatedAt: T1 },
      { name: 'Carlos P.', clientUpdatedAt: T2 },
    );
    expect(r).toMatchObject({ _deleted: false, name: 'Carlos P.' });
  });

  it('with no common base (both created the id), a delete wins', () => {
    const doc = master('leads');
    const r = resolveConflict('leads', {
      realMasterState: { ...doc, _deleted: true },
      newDocumentState: { ...doc, serverSeq: 0, stage: 'won' },
    });
    expect(r).toMatchObject({ _deleted: true, stage: 'won' });
  });
});

describe('rejections converge to the server', () => {
  it('when the master did not move (same serverSeq), the server rejected the write: its state is final', () => {
    const base = master('actions');
    const r = resolveConflict('actions', {
      assumedMasterState: base,
      realMasterState: base,
      newDocumentState: { ...base, title: 'Título que o cliente não pode mudar', clientUpdatedAt: T2 },
    });
    expect(r).toEqual(base);
  });

  it('a rejected create comes back as a tombstone (serverSeq 0) and the device deletes its copy', () => {
    const mine = { ...master('tickets'), serverSeq: 0 };
    const tombstone = { ...mine, _deleted: true };
    expect(resolveConflict('tickets', { realMasterState: tombstone, newDocumentState: mine })).toEqual(
      tombstone,
    );
  });
});

describe('isEqual', () => {
  const h = CONFLICT_HANDLERS.customers;
  const doc = master('customers');
  it('ignores server-owned fields other than the version, and RxDB bookkeeping', () => {
    expect(
      h.isEqual(
        doc as never,
        { ...doc, updatedAt: T2, mrrCents: 1, _meta: { lwt: 1 }, _rev: '1-a' } as never,
      ),
    ).toBe(true);
  });
  it('differs on device content, deletion, and the server version (serverSeq)', () => {
    expect(h.isEqual(doc as never, { ...doc, name: 'Outra' } as never)).toBe(false);
    expect(h.isEqual(doc as never, { ...doc, _deleted: true } as never)).toBe(false);
    // A pulled master that differs only by server-stamped values must reach the device (RxDB skips equal states).
    expect(
      statesEqual('tickets', master('tickets'), { ...master('tickets'), serverSeq: 11, number: 2848 }),
    ).toBe(false);
  });
  it('resolve returns a promise of the document without RxDB bookkeeping', async () => {
    const r = await CONFLICT_HANDLERS.notifications.resolve({
      realMasterState: { ...master('notifications'), serverSeq: 12, _meta: { lwt: 1 } } as never,
      newDocumentState: master('notifications') as never,
      assumedMasterState: master('notifications') as never,
    });
    expect(r).not.toHaveProperty('_meta');
    expect(r).toMatchObject({ serverSeq: 12, _deleted: false });
  });
});

describe('rule coverage', () => {
  it.each(COLLECTION_NAMES)(
    '%s: every embedded array has a merge-by-element rule or is server-owned',
    (name) => {
      const rules = MERGE_RULES[name];
      for (const field of COLLECTION_DEFS[name].embedded) {
        if (rules.serverWins || rules.serverOwned.includes(field)) continue;
        expect(['keyed', 'set']).toContain(rules.fields?.[field]?.kind);
      }
    },
  );
});
