import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECTION_DEFS, type CollectionName } from '../../shared/collections/index.ts';
import { TICKET_STATUSES } from '../../shared/entities/support.ts';
import { addedClientMessageIds, type TicketReplyView } from '../../shared/domain/portal/ticket-reply.ts';
import { deepEqual, deviceContent, entityFields, isDeleted, type PlainObject } from '../documents.ts';
import { applyWriteRules } from '../push/write-rules.ts';
import { fixture, uuid } from '../testing/fixtures.ts';
import { resolveConflict } from './handlers.ts';
import { MERGE_RULES } from './rules.ts';

/**
 * Property tests of the conflict handlers (docs/architecture.md §11): two devices edit the same master offline; whichever
 * reaches the server first, the other resolves against it, and both orders must end in the same document.
 */

type Edit = (doc: PlainObject) => void;

// Device clocks, including two different strings for the same instant (a tie the rules must break).
const CLOCKS = [
  '2026-11-20T12:01:00.000Z',
  '2026-11-20T12:02:00.000Z',
  '2026-11-20T09:02:00.000-03:00',
  '2026-11-20T12:03:00.000Z',
];
const clock = fc.constantFrom(...CLOCKS);
const maybeClock = fc.option(clock, { nil: null });
const list = (doc: PlainObject, field: string) => doc[field] as PlainObject[];
const MARIA_ID = uuid(0x301);
const PENDING_REQUEST = {
  type: 'reschedule',
  proposedAt: '2026-11-26T14:00:00.000Z',
  reason: null,
  requestedAt: '2026-11-20T11:00:00.000Z',
  requestedBy: uuid(0x201),
};
const ids = (n: number) => fc.constantFrom(...Array.from({ length: n }, (_, i) => uuid(0x9000 + i)));

const removeAt = (field: string): fc.Arbitrary<Edit> =>
  fc.nat(5).map((i) => (d) => {
    const l = list(d, field);
    if (l.length > 0) l.splice(i % l.length, 1);
  });
const upsertBy =
  (field: string, key: string, element: PlainObject): Edit =>
  (d) => {
    const l = list(d, field);
    const at = l.findIndex((e) => e[key] === element[key]);
    if (at >= 0) l[at] = { ...l[at], ...element };
    else l.push(element);
  };
const set =
  (field: string) =>
  (value: unknown): Edit =>
  (d) => {
    d[field] = value;
  };

const EDITS: Partial<Record<CollectionName, fc.Arbitrary<Edit>[]>> = {
  tickets: [
    fc.tuple(fc.constantFrom(...TICKET_STATUSES), clock).map(
      ([s, t]) =>
        (d) =>
          Object.assign(d, { status: s, resolvedAt: s === 'resolved' || s === 'closed' ? t : null }),
    ),
    fc.constantFrom('Dúvida sobre relatório', 'Erro no painel', 'Pedido de acesso').map(set('subject')),
    fc.constantFrom('low', 'medium', 'urgent').map(set('priority')),
    maybeClock.map(set('firstResponseAt')),
    fc
      .record({
        id: ids(4),
        body: fc.constantFrom('Obrigado!', 'Ainda não resolveu.', 'Segue o print.'),
        createdAt: clock,
      })
      .map((m) => (d) => {
        const msg = { senderType: 'client', senderId: uuid(0x201), senderName: 'Ana', ...m };
        upsertBy('messages', 'id', msg)(d);
      }),
    fc.record({ id: fc.constantFrom(uuid(0xa000), uuid(0xa001)), createdAt: clock }).map((m) => (d) => {
      const msg = {
        senderType: 'support',
        senderId: uuid(0x102),
        senderName: 'Maria',
        body: 'Pode enviar?',
        ...m,
      };
      upsertBy('messages', 'id', msg)(d);
    }),
    removeAt('messages'),
    fc.nat(200).map(set('number')), // a device scribbling on a server-owned field
  ],
  engagement: [
    fc.constantFrom('2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20').map((day) => (d) => {
      const days = d.visitDays as string[];
      if (!days.includes(day)) d.visitDays = [...days, day].sort();
    }),
    fc.nat(5).map((i) => (d) => {
      const days = d.visitDays as string[];
      if (days.length) d.visitDays = days.filter((_, j) => j !== i % days.length);
    }),
    fc
      .record({ contentId: ids(3), progress: fc.integer({ min: 0, max: 100 }), completedAt: maybeClock })
      .map((r) => upsertBy('reading', 'contentId', r)),
    removeAt('reading'),
    fc.record({ actionId: ids(3), completedAt: clock }).map((q) => upsertBy('quickWins', 'actionId', q)),
    fc
      .record({ contentId: ids(2), status: fc.constantFrom('registered', 'cancelled'), registeredAt: clock })
      .map((r) => upsertBy('eventRegistrations', 'contentId', r)),
    fc.constantFrom('America/Sao_Paulo', 'America/Manaus').map(set('timeZone')),
    fc.nat(10_000).map(set('xp')),
  ],
  actions: [
    fc.tuple(fc.constantFrom('pending', 'completed', 'dismissed'), clock).map(
      ([s, t]) =>
        (d) =>
          Object.assign(d, {
            status: s,
            completedAt: s === 'completed' ? t : null,
            dismissedAt: s === 'dismissed' ? t : null,
          }),
    ),
    fc.constantFrom('Revisar orçamento', 'Pausar campanha fraca').map(set('title')),
    fc.integer({ min: 1, max: 10 }).map(set('priority')),
  ],
  notifications: [
    maybeClock.map(set('readAt')),
    fc.constantFrom('Meta atingida!', 'Novo lead').map(set('title')),
  ],
  customers: [
    fc.constantFrom('active', 'at_risk', 'paused').map(set('status')),
    fc.constantFrom('TechCorp LTDA', 'TechCorp S.A.').map(set('name')),
    fc.nat(5_000_000).map(set('mrrCents')),
    fc
      .record({
        id: ids(3),
        phone: fc.constantFrom('+55 11 90000-0001', '+55 21 90000-0002', null),
        email: fc.constantFrom('a@techcorp.example', 'b@techcorp.example'),
        leftCompanyAt: maybeClock,
        lastContactedAt: maybeClock,
      })
      .map((c) => (d) => {
        const contact = {
          firstName: 'Bruno',
          lastName: null,
          jobTitle: null,
          isPrimary: false,
          role: 'user',
          npsScore: null,
          createdAt: '2026-11-20T12:00:00.000Z',
          ...c,
        };
        upsertBy('contacts', 'id', contact)(d);
      }),
    removeAt('contacts'),
  ],
  signals: [
    fc
      .tuple(
        fc.constantFrom('open', 'acknowledged', 'in_progress', 'resolved', 'dismissed'),
        clock,
        fc.constantFrom('Ligação feita', null),
        fc.constantFrom('false_positive', 'other'),
      )
      .map(([s, t, notes, reason]) => (d) => {
        const closed = s === 'resolved' || s === 'dismissed';
        Object.assign(d, {
          status: s,
          resolvedAt: closed ? t : null,
          resolutionNotes: closed ? notes : null,
          resolvedBy: closed ? uuid(0x102) : null,
          dismissReason: s === 'dismissed' ? reason : null,
        });
      }),
    fc.constantFrom('Sem login há 14 dias', 'Uso caiu 50%').map(set('title')),
  ],
  goals: [
    fc
      .record({ date: fc.constantFrom('2026-11-18', '2026-11-19', '2026-11-20'), value: fc.nat(300) })
      .map((p) => upsertBy('progress', 'date', p)),
    removeAt('progress'),
    fc.nat(300).map(set('currentValue')),
    fc.constantFrom('active', 'completed').map(set('status')),
  ],
  leads: [
    fc.constantFrom('new', 'qualified', 'won').map(set('stage')),
    fc
      .record({
        id: ids(3),
        content: fc.constantFrom('Ligou pedindo proposta', 'Sem resposta'),
        createdAt: clock,
      })
      .map((i) => (d) => {
        const interaction = {
          type: 'call',
          direction: 'inbound',
          subject: null,
          durationMinutes: null,
          outcome: null,
          nextAction: null,
          performedBy: null,
          ...i,
        };
        upsertBy('interactions', 'id', interaction)(d);
      }),
    fc.integer({ min: 0, max: 5 }).map(set('position')),
  ],
  meetings: [
    fc
      .option(
        fc.record({
          type: fc.constantFrom('reschedule', 'cancel'),
          proposedAt: maybeClock,
          reason: fc.constantFrom('Viagem', null),
          requestedAt: clock,
          requestedBy: fc.constant(uuid(0x201)),
        }),
        { nil: null },
      )
      .map(set('clientRequest')),
    // Staff answer the pending request (shared/domain/portal/meeting-request.ts): cleared, the answer kept.
    clock.map((answeredAt) => (d) => {
      const request = d.clientRequest as PlainObject | null;
      if (request === null) return;
      Object.assign(d, {
        clientRequest: null,
        requestAnswer: {
          outcome: 'accepted',
          requestType: request.type,
          requestedAt: request.requestedAt,
          scheduledAt: null,
          message: null,
          answeredAt,
          answeredBy: MARIA_ID,
        },
      });
    }),
    fc.constantFrom('scheduled', 'completed', 'cancelled').map(set('status')),
    maybeClock.map(set('completedAt')),
  ],
};

/** A device's offline change: a few edits, its own clock, sometimes a delete. */
const deviceChange = (collection: CollectionName): fc.Arbitrary<Edit> =>
  fc
    .record({
      edits: fc.array(fc.oneof(...(EDITS[collection] ?? [])), { minLength: 0, maxLength: 4 }),
      at: clock,
      deleted: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
    })
    .map(({ edits, at, deleted }) => (d) => {
      for (const e of edits) e(d);
      d.clientUpdatedAt = at;
      if (deleted) d._deleted = true;
    });

const edited = (doc: PlainObject, change: Edit): PlainObject => {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
};

/**
 * Edits are combined freely (any role's fields at once), except combinations no role can push that the ticket
 * reply rule depends on: a write that adds a client message comes from a client (staff write only `support`
 * messages), and a client sets no status but `closed` — or `in_progress` on a ticket `waiting_client`, the
 * reply rule applied optimistically on the device (shared/permissions.ts, shared/domain/portal/ticket-reply.ts).
 */
const view = (doc: PlainObject) => doc as unknown as TicketReplyView;
function authorizable(collection: CollectionName, base: PlainObject, doc: PlainObject): boolean {
  if (collection !== 'tickets' || doc.status === base.status || doc.status === 'closed') return true;
  if (addedClientMessageIds(view(base), view(doc)).length === 0) return true;
  return base.status === 'waiting_client' && doc.status === 'in_progress';
}

let stamp = 0;
/**
 * What the server stores for an accepted write: device content after the server's write rules, its own
 * server-owned fields, a new seq.
 */
function serverApply(
  collection: CollectionName,
  master: PlainObject | null,
  incoming: PlainObject,
): PlainObject {
  const owned = Object.fromEntries(
    COLLECTION_DEFS[collection].serverOwned.map((f) => [f, master ? master[f] : incoming[f]]),
  );
  const live = master && !isDeleted(master) ? entityFields(master) : null;
  stamp += 1;
  return {
    // The server's own transitions of device-owned fields (a ticket reply's reopen), as decidePush runs them.
    ...applyWriteRules(collection, live, deviceContent(collection, incoming)),
    ...owned,
    serverSeq: (master ? (master.serverSeq as number) : 0) + 1,
    updatedAt: new Date(Date.UTC(2026, 10, 21, 0, 0, stamp % 60)).toISOString(),
    _deleted: isDeleted(incoming),
  };
}

const live = (doc: PlainObject): PlainObject => ({ ...doc, _deleted: false });
const content = (collection: CollectionName, doc: PlainObject) => ({
  ...deviceContent(collection, doc),
  _deleted: isDeleted(doc),
});

/** A pushes first, then B resolves against the server's state and pushes; returns the final server state. */
function pushInOrder(
  collection: CollectionName,
  base: PlainObject | null,
  first: PlainObject,
  second: PlainObject,
) {
  const m1 = serverApply(collection, base, first);
  const resolved = resolveConflict(collection, {
    assumedMasterState: base ?? undefined,
    realMasterState: m1,
    newDocumentState: second,
  });
  return { m1, resolved, final: serverApply(collection, m1, resolved) };
}

const MERGING = Object.keys(EDITS) as CollectionName[];
const RUNS = { numRuns: 300 };

describe.each(MERGING)('%s conflict resolution (property)', (collection) => {
  const fixed = live(fixture(collection, collection === 'customers' ? uuid(0xc1) : uuid(0x42)));
  // Tickets also start from `waiting_client`, where a client reply reopens the ticket (the server's write rule);
  // meetings from a pending client request (made before any of the devices' clocks), which staff may answer.
  const bases =
    collection === 'tickets'
      ? [fixed, { ...fixed, status: 'waiting_client' }]
      : collection === 'meetings'
        ? [fixed, { ...fixed, clientRequest: PENDING_REQUEST }]
        : [fixed];
  const anyBase = fc.constantFrom(...bases);

  it('converges: device edits A and B merge to the same document in either order', () => {
    fc.assert(
      fc.property(anyBase, deviceChange(collection), deviceChange(collection), (base, ea, eb) => {
        const a = edited(base, ea);
        const b = edited(base, eb);
        fc.pre(authorizable(collection, base, a) && authorizable(collection, base, b));
        const ab = pushInOrder(collection, base, a, b).final;
        const ba = pushInOrder(collection, base, b, a).final;
        expect(content(collection, ab)).toEqual(content(collection, ba));
      }),
      RUNS,
    );
  });

  it('converges when both devices created the document independently (no common base)', () => {
    fc.assert(
      fc.property(anyBase, deviceChange(collection), deviceChange(collection), (base, ea, eb) => {
        const a = edited(base, ea);
        const b = edited(base, eb);
        fc.pre(authorizable(collection, base, a) && authorizable(collection, base, b));
        const ab = pushInOrder(collection, null, a, b).final;
        const ba = pushInOrder(collection, null, b, a).final;
        expect(content(collection, ab)).toEqual(content(collection, ba));
      }),
      RUNS,
    );
  });

  it('is idempotent: resolving the resolved state again changes nothing', () => {
    fc.assert(
      fc.property(anyBase, deviceChange(collection), deviceChange(collection), (base, ea, eb) => {
        const [a, b] = [edited(base, ea), edited(base, eb)];
        fc.pre(authorizable(collection, base, a) && authorizable(collection, base, b));
        const { m1, resolved } = pushInOrder(collection, base, a, b);
        const again = resolveConflict(collection, {
          assumedMasterState: base,
          realMasterState: m1,
          newDocumentState: resolved,
        });
        expect(content(collection, again)).toEqual(content(collection, resolved));
        const same = resolveConflict(collection, {
          assumedMasterState: base,
          realMasterState: m1,
          newDocumentState: m1,
        });
        expect(content(collection, same)).toEqual(content(collection, m1));
      }),
      RUNS,
    );
  });

  it('never loses a one-sided change and always keeps the server-owned fields of the real master', () => {
    const rules = MERGE_RULES[collection];
    const grouped = new Set((rules.groups ?? []).flatMap((g) => g.fields));
    const units: string[][] = [
      ...(rules.groups ?? []).map((g) => [...g.fields]),
      ...Object.keys(fixed)
        .filter((f) => !grouped.has(f) && !rules.serverOwned.includes(f))
        .map((f) => [f]),
    ];
    const setFields = Object.entries(rules.fields ?? {})
      .filter(([, r]) => r.kind === 'set')
      .map(([f]) => f);
    const norm = (f: string, v: unknown) =>
      setFields.includes(f) && Array.isArray(v) ? [...new Set(v)].sort() : v;
    const unit = (doc: PlainObject, fields: string[]) => fields.map((f) => norm(f, doc[f]));
    fc.assert(
      fc.property(anyBase, deviceChange(collection), deviceChange(collection), (base, ea, eb) => {
        const a = edited(base, ea);
        const b = edited(base, eb);
        fc.pre(authorizable(collection, base, a) && authorizable(collection, base, b));
        const { m1, resolved } = pushInOrder(collection, base, a, b);
        // The one change the rules make to a side's value: a `waiting_client` that did not see a client reply
        // the merge holds gives way to `in_progress` (shared/domain/portal/ticket-reply.ts).
        const kept = (side: PlainObject, fields: string[]) => {
          const reopened =
            collection === 'tickets' &&
            fields.includes('status') &&
            side.status === 'waiting_client' &&
            resolved.status === 'in_progress' &&
            addedClientMessageIds(view(side), view(resolved)).length > 0;
          // Likewise a meeting request the merged answer names is answered, so it is no longer pending
          // (shared/domain/portal/meeting-request.ts `requestAfterMerge`).
          const request = side.clientRequest as PlainObject | null | undefined;
          const answer = resolved.requestAnswer as PlainObject | null | undefined;
          const answered =
            collection === 'meetings' &&
            fields.includes('clientRequest') &&
            request != null &&
            answer != null &&
            request.requestedAt === answer.requestedAt;
          if (answered) return unit({ ...side, clientRequest: null }, fields);
          return unit(reopened ? { ...side, status: 'in_progress' } : side, fields);
        };
        // Each side's change as the server stores it (its write rules applied against the base).
        const bStored = applyWriteRules(collection, base, b);
        for (const fields of units) {
          if (deepEqual(unit(bStored, fields), unit(base, fields)))
            expect(unit(resolved, fields)).toEqual(kept(m1, fields));
          if (deepEqual(unit(m1, fields), unit(base, fields)))
            expect(unit(resolved, fields)).toEqual(kept(bStored, fields));
        }
        if (isDeleted(b) === isDeleted(base)) expect(isDeleted(resolved)).toBe(isDeleted(a));
        for (const f of rules.serverOwned) expect(resolved[f]).toEqual(m1[f]);
      }),
      RUNS,
    );
  });
});
