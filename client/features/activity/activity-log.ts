import type { MangoQuery } from 'rxdb';
import { activitySchema, type Activity } from '../../../shared/entities/csm.ts';
import type { SignedInUser } from '../../../shared/identity.ts';
import { writeAllowed } from '../../platform/local-writes.ts';

/**
 * The activity timeline's rules as pure functions: the type filters, the paged query, and the activity a
 * quick log creates (schema-valid and authorized by the shared rules before it is stored on the device).
 */

/** The filter chips, in the wireframe's vocabulary (call, e-mail, meeting, note, NPS, ticket). */
export const TIMELINE_FILTERS = [
  'all',
  'call',
  'email',
  'meeting',
  'note',
  'nps_response',
  'support_ticket',
] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

/** What a CSM logs by hand (tickets, contracts, payments and health changes come from elsewhere). */
export const LOGGABLE_TYPES = ['call', 'email', 'meeting', 'note', 'nps_response'] as const;
export type LoggableType = (typeof LOGGABLE_TYPES)[number];

export const PAGE_SIZE = 20;

/**
 * One customer's activities, newest first, for `pages` pages of the filter — one more than shown, so the
 * screen knows whether "load more" has anything to load.
 */
export function timelineQuery(
  customerId: string,
  filter: TimelineFilter,
  pages: number,
): MangoQuery<Activity> {
  return {
    selector: filter === 'all' ? { customerId } : { customerId, type: filter },
    // Ties (two logs in the same millisecond) by id: device ids are UUID v7, ordered by creation.
    sort: [{ occurredAt: 'desc' }, { id: 'desc' }],
    limit: pages * PAGE_SIZE + 1,
  };
}

export interface QuickLogInput {
  readonly type: LoggableType;
  /** Free text, optional; its first line becomes the title. */
  readonly text: string;
  /** Required for an NPS answer (0–10), ignored otherwise. */
  readonly npsScore: number | null;
}

export type QuickLogError = 'npsRequired' | 'tooLong' | 'notAllowed' | 'invalid';

const TITLE_MAX = 120;

/** The title a log gets: the first line of its text (shortened at a word), or the type's own title. */
export function titleFor(text: string, fallback: string): string {
  const first = text.trim().split(/\r?\n/)[0]?.trim() ?? '';
  if (first === '') return fallback;
  if (first.length <= TITLE_MAX) return first;
  const cut = first.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The activity a quick log stores: performed now by the signed-in user; an e-mail is an outbound one (its reply
 * is unknown, so it counts neither way in the reply rate); an NPS answer carries its score, which the health
 * rule reads (`npsScore` metadata). `defaultTitle` is the type's title in the UI language.
 */
export function buildQuickLog(
  input: QuickLogInput,
  ctx: {
    readonly user: SignedInUser;
    readonly customerId: string;
    readonly id: string;
    readonly now: Date;
    readonly defaultTitle: string;
  },
): { ok: true; activity: Activity } | { ok: false; error: QuickLogError } {
  if (input.type === 'nps_response' && (input.npsScore === null || !Number.isInteger(input.npsScore))) {
    return { ok: false, error: 'npsRequired' };
  }
  const text = input.text.trim();
  if (text.length > 20_000) return { ok: false, error: 'tooLong' };
  const at = ctx.now.toISOString();
  const metadata: Activity['metadata'] =
    input.type === 'email'
      ? { direction: 'outbound' }
      : input.type === 'nps_response'
        ? { npsScore: input.npsScore }
        : {};
  const parsed = activitySchema.safeParse({
    id: ctx.id,
    updatedAt: at,
    serverSeq: 0,
    clientUpdatedAt: at,
    customerId: ctx.customerId,
    type: input.type,
    title: titleFor(text, ctx.defaultTitle),
    description: text === '' ? null : text,
    performedBy: ctx.user.id,
    performedByName: ctx.user.name.slice(0, 200),
    occurredAt: at,
    metadata,
  });
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const allowed = writeAllowed(ctx.user, 'activities', {
    organizationId: ctx.user.organizationId,
    before: null,
    after: parsed.data,
  });
  return allowed ? { ok: true, activity: parsed.data } : { ok: false, error: 'notAllowed' };
}
