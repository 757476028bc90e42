import { COLLECTION_DEFS, type CollectionName } from '../../shared/collections.ts';
import {
  statusAfterConcurrentReply,
  statusBeforeReopen,
  ticketReplyViewSchema,
  type TicketReplyView,
} from '../../shared/domain/portal/ticket-reply.ts';
import { TICKET_STATUSES } from '../../shared/entities/support.ts';
import type { PlainObject } from '../documents.ts';
import type { FieldRule, MergeRules, ThreeWayInput } from './merge.ts';

/**
 * Per-collection conflict rules (docs/sync-protocol.md §Conflicts). Anything not listed merges by field with
 * the default rule: a field changed on both sides takes the side with the later `clientUpdatedAt`.
 */

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const byId: FieldRule = { kind: 'keyed', key: (e) => str(e.id) };
/** Conversations and logs: union by id, in chronological order. */
const chronological: FieldRule = {
  kind: 'keyed',
  key: (e) => str(e.id),
  order: (e) => str(e.createdAt),
};
/** Day series (`date` is the identity of a point), in date order. */
const byDate: FieldRule = { kind: 'keyed', key: (e) => str(e.date), order: (e) => str(e.date) };
const firstTime: FieldRule = { kind: 'earliestNonNull' };

/** Lifecycle position of each signal status (SIGNAL_STATUSES); terminal outcomes rank equal. */
export const SIGNAL_STATUS_RANK: Record<string, number> = {
  open: 0,
  acknowledged: 1,
  resolved: 2,
  identified: 0,
  contacted: 1,
  negotiating: 2,
  won: 3,
  lost: 3,
  new: 0,
  dismissed: 1,
  actioned: 1,
};

export const ACTION_STATUS_RANK: Record<string, number> = { pending: 0, completed: 1, dismissed: 1 };

const ticketView = (doc: PlainObject): TicketReplyView | null => {
  const parsed = ticketReplyViewSchema.safeParse(doc);
  return parsed.success ? parsed.data : null;
};

/** A ticket side with its reopen undone: the status its writer chose (`finish` derives the reopen again). */
function ticketChosenStatus(side: PlainObject, base: PlainObject | null): PlainObject {
  const s = ticketView(side);
  const b = base === null ? null : ticketView(base);
  if (s === null || (base !== null && b === null)) return side;
  const status = statusBeforeReopen(b, s);
  return status === side.status ? side : { ...side, status };
}

/**
 * The reopen derived again on the merged ticket (shared/domain/portal/ticket-reply.ts), so both push orders end
 * in the same status. Documents the rule cannot read are left as merged.
 */
function ticketReplyReopen(merged: PlainObject, { base, real, mine }: ThreeWayInput): PlainObject {
  const [r, m, x] = [ticketView(real), ticketView(mine), ticketView(merged)];
  const b = base === null ? null : ticketView(base);
  if (r === null || m === null || x === null || (base !== null && b === null)) return merged;
  const status = statusAfterConcurrentReply({ base: b, real: r, mine: m, merged: x });
  return status === merged.status ? merged : { ...merged, status };
}

function rules(collection: CollectionName, r: Omit<MergeRules, 'serverOwned'>): MergeRules {
  return { ...r, serverOwned: COLLECTION_DEFS[collection].serverOwned };
}

export const MERGE_RULES: Readonly<Record<CollectionName, MergeRules>> = {
  customers: rules('customers', {
    fields: {
      lastLoginAt: { kind: 'latestInstant' },
      churnedAt: firstTime,
      contacts: {
        kind: 'keyed',
        key: (e) => str(e.id),
        element: { lastContactedAt: { kind: 'latestInstant' }, leftCompanyAt: firstTime },
      },
      contracts: byId,
    },
  }),
  invoices: rules('invoices', {
    fields: { paidDate: firstTime, payments: chronological },
  }),
  goals: rules('goals', { fields: { progress: byDate } }),
  actions: rules('actions', {
    // Acting on a card (completing or dismissing it) beats leaving it pending; its timestamps travel with it.
    groups: [
      {
        fields: ['status', 'completedAt', 'dismissedAt'],
        rank: (g) => ACTION_STATUS_RANK[str(g.status)] ?? 0,
      },
    ],
  }),
  tickets: rules('tickets', {
    // The later status in TICKET_STATUSES wins (a close is never undone by a concurrent reply).
    groups: [
      {
        fields: ['status', 'resolvedAt'],
        rank: (g) => (TICKET_STATUSES as readonly string[]).indexOf(str(g.status)),
      },
    ],
    fields: { firstResponseAt: firstTime, messages: chronological },
    prepare: ticketChosenStatus,
    finish: ticketReplyReopen,
  }),
  meetings: rules('meetings', { fields: { completedAt: firstTime } }),
  notifications: rules('notifications', { fields: { readAt: firstTime } }),
  metrics: rules('metrics', { serverWins: true }),
  campaigns: rules('campaigns', { fields: { daily: byDate, abTests: byId } }),
  health: rules('health', { serverWins: true }),
  signals: rules('signals', {
    // Further along the signal's lifecycle wins (open → acknowledged → resolved), with its resolution data.
    groups: [
      {
        fields: ['status', 'resolutionNotes', 'resolvedAt', 'resolvedBy'],
        rank: (g: PlainObject) => SIGNAL_STATUS_RANK[str(g.status)] ?? -1,
      },
    ],
  }),
  activities: rules('activities', {}),
  leads: rules('leads', { fields: { interactions: chronological } }),
  content: rules('content', { serverWins: true }),
  engagement: rules('engagement', {
    fields: {
      visitDays: { kind: 'set' },
      reading: {
        kind: 'keyed',
        key: (e) => str(e.contentId),
        element: { progress: { kind: 'max' }, completedAt: firstTime },
      },
      eventRegistrations: { kind: 'keyed', key: (e) => str(e.contentId) },
      quickWins: { kind: 'keyed', key: (e) => str(e.actionId), element: { completedAt: firstTime } },
    },
  }),
};
