import type { Content, Engagement } from '../../entities/portal.ts';
import { BADGES } from './badges.ts';
import { wantsSeat } from './event-seats.ts';

/**
 * The content hub (dashboard §6): what the knowledge base, the article reader and the events list compute
 * from the synced `content` documents and the user's own `engagement` record.
 *
 * - **Trending**: articles and videos published in the last 30 days, newest first (the seed's three trending
 *   articles are its three published in the last 30 days). Without per-article read counts across clients,
 *   recency is what the device can know.
 * - **Progress** ("12 artigos lidos • 3 vídeos assistidos • Badge: Estudante"): pieces with a reading
 *   completion (`reading[].completedAt`), counted by kind; the Estudante badge's target comes from badges.ts.
 * - **Reading** (`withReading`): progress only grows and the completion instant is set once, at 100 % — the
 *   engagement collection's invariants, applied here so a device never writes what the server refuses.
 * - **Events**: upcoming = not yet ended, soonest first; seats left and the waiting list: event-seats.ts.
 *   Registering and cancelling (`withRegistration`) keep the first `registeredAt`.
 * - **Case studies**: those of the client's industry first ("Similar ao seu negócio"), then the rest, newest
 *   first.
 */
const DAY_MS = 86_400_000;
export const TRENDING_DAYS = 30;

const newestFirst = (a: Content, b: Content) => b.publishedAt.localeCompare(a.publishedAt);

export function trendingContent(contents: readonly Content[], now: Date, limit = 3): Content[] {
  const since = now.getTime() - TRENDING_DAYS * DAY_MS;
  return contents
    .filter(
      (c) =>
        (c.kind === 'article' || c.kind === 'video') &&
        Date.parse(c.publishedAt) >= since &&
        Date.parse(c.publishedAt) <= now.getTime(),
    )
    .sort(newestFirst)
    .slice(0, limit);
}

/** Articles and videos grouped by category (categories in first-seen order of the newest-first list). */
export function byCategory(contents: readonly Content[]): { category: string; items: Content[] }[] {
  const groups = new Map<string, Content[]>();
  for (const c of [...contents].filter((c) => c.kind === 'article' || c.kind === 'video').sort(newestFirst)) {
    groups.set(c.category, [...(groups.get(c.category) ?? []), c]);
  }
  return [...groups].map(([category, items]) => ({ category, items }));
}

export interface LearningProgress {
  articlesRead: number;
  videosWatched: number;
  /** Pieces completed towards the Estudante badge and its target. */
  studentProgress: number;
  studentTarget: number;
}

export function learningProgress(
  reading: Engagement['reading'],
  contents: readonly Pick<Content, 'id' | 'kind'>[],
): LearningProgress {
  const kindOf = new Map(contents.map((c) => [c.id, c.kind]));
  const done = reading.filter((r) => r.completedAt !== null);
  return {
    articlesRead: done.filter((r) => kindOf.get(r.contentId) === 'article').length,
    videosWatched: done.filter((r) => kindOf.get(r.contentId) === 'video').length,
    studentProgress: done.length,
    studentTarget: BADGES.estudante.target,
  };
}

export function readingOf(
  reading: Engagement['reading'],
  contentId: string,
): Engagement['reading'][number] | null {
  return reading.find((r) => r.contentId === contentId) ?? null;
}

/**
 * The reading list after reaching `progress` (0–100, rounded down to an integer) of a piece at `now`: never
 * lowers a stored progress, stamps `completedAt` once when it first reaches 100. Returns the same array when
 * nothing changes (no write needed).
 */
export function withReading(
  reading: Engagement['reading'],
  contentId: string,
  progress: number,
  now: Date,
): Engagement['reading'] {
  const value = Math.max(0, Math.min(100, Math.floor(progress)));
  const old = readingOf(reading, contentId);
  if (old === null) {
    return [
      ...reading,
      { contentId, progress: value, completedAt: value === 100 ? now.toISOString() : null },
    ];
  }
  if (value <= old.progress) return reading;
  return reading.map((r) =>
    r.contentId === contentId
      ? { ...r, progress: value, completedAt: r.completedAt ?? (value === 100 ? now.toISOString() : null) }
      : r,
  );
}

export function upcomingEvents(contents: readonly Content[], now: Date): Content[] {
  return contents
    .filter(
      (c) => c.kind === 'event' && c.startsAt !== null && Date.parse(c.endsAt ?? c.startsAt) > now.getTime(),
    )
    .sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''));
}

export { seatsLeft, type RegistrationStatus } from './event-seats.ts';

export function registrationOf(
  registrations: Engagement['eventRegistrations'],
  contentId: string,
): Engagement['eventRegistrations'][number] | null {
  return registrations.find((r) => r.contentId === contentId) ?? null;
}

/**
 * The registrations after the user asks for a place (`registered`, or `waitlisted` when the device sees the
 * event full — event-seats.ts `requestedRegistration`) or cancels (`cancelled`): an existing entry only changes
 * status, keeping its first `registeredAt` (the collection's invariant); a request while already holding a seat
 * or a place in line changes nothing; attendance recorded by the server (`attended`, `no_show`) is never
 * changed. The place in line is the server's: cleared here on a cancellation, otherwise kept. Returns the same
 * array when nothing changes.
 */
export function withRegistration(
  registrations: Engagement['eventRegistrations'],
  contentId: string,
  status: 'registered' | 'waitlisted' | 'cancelled',
  now: Date,
): Engagement['eventRegistrations'] {
  const old = registrations.find((r) => r.contentId === contentId);
  if (!old)
    return [...registrations, { contentId, status, registeredAt: now.toISOString(), waitlistPosition: null }];
  if (old.status === 'attended' || old.status === 'no_show' || old.status === status) return registrations;
  if (status !== 'cancelled' && wantsSeat(old.status)) return registrations;
  return registrations.map((r) =>
    r.contentId === contentId
      ? { ...r, status, waitlistPosition: status === 'cancelled' ? null : r.waitlistPosition }
      : r,
  );
}

export function caseStudiesFor(contents: readonly Content[], industry: string | null): Content[] {
  const norm = (s: string | null) => (s ?? '').trim().toLowerCase();
  const cases = contents.filter((c) => c.kind === 'case_study').sort(newestFirst);
  const mine = industry === null ? [] : cases.filter((c) => norm(c.industry) === norm(industry));
  return [...mine, ...cases.filter((c) => !mine.includes(c))];
}

export const isSameIndustry = (c: Pick<Content, 'industry'>, industry: string | null): boolean =>
  industry !== null &&
  c.industry !== null &&
  c.industry.trim().toLowerCase() === industry.trim().toLowerCase();
