import { describe, expect, it } from 'vitest';
import type { Content } from '../../entities/portal.ts';
import {
  byCategory,
  caseStudiesFor,
  learningProgress,
  seatsLeft,
  trendingContent,
  upcomingEvents,
  withReading,
  withRegistration,
} from './content-hub.ts';
import { uuid } from './test-fixtures.ts';

const now = new Date('2025-10-04T15:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

const piece = (n: number, over: Partial<Content>): Content => ({
  id: uuid(500 + n),
  updatedAt: now.toISOString(),
  serverSeq: 1,
  clientUpdatedAt: now.toISOString(),
  kind: 'article',
  title: `Conteúdo ${n}`,
  slug: `conteudo-${n}`,
  excerpt: '',
  body: '',
  category: 'ads',
  industry: null,
  readingMinutes: 10,
  difficulty: null,
  publishedAt: daysAgo(100),
  startsAt: null,
  endsAt: null,
  maxAttendees: null,
  attendees: 0,
  meetingLink: null,
  ...over,
});

/** The seed's hub (dashboard §6): three recent articles, older ones, a video, a case study, two events. */
const googleAds = piece(1, {
  title: 'Como otimizar Google Ads',
  publishedAt: daysAgo(12),
  readingMinutes: 15,
});
const remarketing = piece(2, { title: 'Estratégias de Remarketing', publishedAt: daysAgo(20) });
const seo = piece(3, {
  title: 'SEO para E-commerce',
  category: 'seo',
  publishedAt: daysAgo(3),
  readingMinutes: 20,
});
const ga4 = piece(4, { title: 'Guia de GA4', category: 'analytics', publishedAt: daysAgo(45) });
const video = piece(5, { kind: 'video', title: 'Tutorial', category: 'analytics', publishedAt: daysAgo(35) });
const fashion = piece(6, {
  kind: 'case_study',
  title: 'E-commerce de Moda',
  industry: 'E-commerce',
  publishedAt: daysAgo(25),
});
const dental = piece(7, { kind: 'case_study', title: 'Clínica', industry: 'Saúde', publishedAt: daysAgo(5) });
const live = piece(8, {
  kind: 'event',
  title: '[LIVE] Estratégias',
  startsAt: '2025-10-05T18:00:00.000Z',
  endsAt: '2025-10-05T19:00:00.000Z',
  maxAttendees: 100,
  attendees: 88,
});
const workshop = piece(9, {
  kind: 'event',
  title: 'Workshop: Landing Pages',
  startsAt: '2025-10-15T13:00:00.000Z',
  endsAt: '2025-10-15T15:00:00.000Z',
  maxAttendees: 50,
  attendees: 50,
});
const past = piece(10, {
  kind: 'event',
  startsAt: daysAgo(30),
  endsAt: daysAgo(30),
  maxAttendees: 60,
  attendees: 41,
});
const hub = [googleAds, remarketing, seo, ga4, video, fashion, dental, live, workshop, past];

describe('content hub', () => {
  it('seed: trending = the three pieces published in the last 30 days, newest first', () => {
    expect(trendingContent(hub, now).map((c) => c.title)).toEqual([
      'SEO para E-commerce',
      'Como otimizar Google Ads',
      'Estratégias de Remarketing',
    ]);
  });

  it('seed: the live event tomorrow has 12 seats left; a full workshop 0; past events are not upcoming', () => {
    expect(upcomingEvents(hub, now).map((e) => e.title)).toEqual([
      '[LIVE] Estratégias',
      'Workshop: Landing Pages',
    ]);
    expect(seatsLeft(live)).toBe(12);
    expect(seatsLeft(workshop)).toBe(0);
    expect(seatsLeft({ maxAttendees: 10, attendees: 12 })).toBe(0);
    expect(seatsLeft(googleAds)).toBeNull();
  });

  it('groups articles and videos by category, newest first', () => {
    expect(byCategory(hub).map((g) => [g.category, g.items.map((c) => c.id)])).toEqual([
      ['seo', [seo.id]],
      ['ads', [googleAds.id, remarketing.id]],
      ['analytics', [video.id, ga4.id]],
    ]);
  });

  it('case studies of the client industry first (case-insensitive), then the rest', () => {
    expect(caseStudiesFor(hub, 'e-commerce').map((c) => c.title)).toEqual(['E-commerce de Moda', 'Clínica']);
    expect(caseStudiesFor(hub, 'SaaS').map((c) => c.title)).toEqual(['Clínica', 'E-commerce de Moda']);
  });

  it('counts completed articles and videos towards the Estudante badge (10)', () => {
    const reading = [
      { contentId: googleAds.id, progress: 100, completedAt: daysAgo(1) },
      { contentId: seo.id, progress: 100, completedAt: daysAgo(2) },
      { contentId: remarketing.id, progress: 50, completedAt: null },
      { contentId: video.id, progress: 100, completedAt: daysAgo(3) },
    ];
    expect(learningProgress(reading, hub)).toEqual({
      articlesRead: 2,
      videosWatched: 1,
      studentProgress: 3,
      studentTarget: 10,
    });
  });
});

describe('withReading', () => {
  it.each([
    { name: 'first progress', before: [], progress: 25, expected: [{ progress: 25, completedAt: null }] },
    {
      name: 'grows',
      before: [{ progress: 25, completedAt: null }],
      progress: 50.9,
      expected: [{ progress: 50, completedAt: null }],
    },
    {
      name: 'completes once, at 100',
      before: [{ progress: 75, completedAt: null }],
      progress: 100,
      expected: [{ progress: 100, completedAt: now.toISOString() }],
    },
    {
      name: 'clamped above 100',
      before: [],
      progress: 140,
      expected: [{ progress: 100, completedAt: now.toISOString() }],
    },
  ])('$name', ({ before, progress, expected }) => {
    const reading = before.map((r) => ({ contentId: seo.id, ...r }));
    expect(withReading(reading, seo.id, progress, now)).toEqual(
      expected.map((r) => ({ contentId: seo.id, ...r })),
    );
  });

  it('never lowers progress nor re-dates a completion (same list back: nothing to write)', () => {
    const done = [{ contentId: seo.id, progress: 100, completedAt: daysAgo(4) }];
    expect(withReading(done, seo.id, 100, now)).toBe(done);
    const half = [{ contentId: seo.id, progress: 50, completedAt: null }];
    expect(withReading(half, seo.id, 25, now)).toBe(half);
  });
});

describe('withRegistration', () => {
  it('registers, cancels and registers again, keeping the first registration date', () => {
    const first = withRegistration([], live.id, 'registered', now);
    expect(first).toEqual([
      { contentId: live.id, status: 'registered', registeredAt: now.toISOString(), waitlistPosition: null },
    ]);
    const later = new Date(now.getTime() + 3_600_000);
    const cancelled = withRegistration(first, live.id, 'cancelled', later);
    expect(cancelled).toEqual([
      { contentId: live.id, status: 'cancelled', registeredAt: now.toISOString(), waitlistPosition: null },
    ]);
    expect(withRegistration(cancelled, live.id, 'registered', later)[0]?.registeredAt).toBe(
      now.toISOString(),
    );
    expect(withRegistration(first, live.id, 'registered', later)).toBe(first);
  });

  it('joins the waiting list when the device sees the event full; asking again changes nothing, cancelling leaves it', () => {
    const waiting = withRegistration([], live.id, 'waitlisted', now);
    expect(waiting).toEqual([
      { contentId: live.id, status: 'waitlisted', registeredAt: now.toISOString(), waitlistPosition: null },
    ]);
    // The server placed it 3rd in line: asking for a seat again keeps the place.
    const placed = [{ ...waiting[0]!, waitlistPosition: 3 }];
    expect(withRegistration(placed, live.id, 'registered', now)).toBe(placed);
    expect(withRegistration(placed, live.id, 'cancelled', now)).toEqual([
      { ...placed[0], status: 'cancelled', waitlistPosition: null },
    ]);
  });

  it('never changes attendance the server recorded', () => {
    const attended = [
      { contentId: past.id, status: 'attended' as const, registeredAt: daysAgo(40), waitlistPosition: null },
    ];
    expect(withRegistration(attended, past.id, 'cancelled', now)).toBe(attended);
  });
});
