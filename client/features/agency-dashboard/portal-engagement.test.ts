import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../../../sync/client/outbox.ts';
import {
  PORTAL_ENGAGEMENT_DOC,
  readPortalEngagement,
  refreshPortalEngagement,
  type PortalEngagement,
} from './portal-engagement.ts';

const FIGURES: PortalEngagement = {
  computedAt: '2026-11-21T12:00:00.000Z',
  timeZone: 'America/Sao_Paulo',
  from: '2026-10-22',
  to: '2026-11-20',
  averageDailyActiveUsers: 1.1,
  monthlyActiveUsers: 3,
  dauMauPercent: 37.8,
};

function memoryKv(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
}
const answer = (status: number, body: unknown) =>
  (async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    })) as unknown as typeof fetch;

describe('refreshPortalEngagement', () => {
  it('stores the server figures', async () => {
    const kv = memoryKv();
    expect(await refreshPortalEngagement({ fetch: answer(200, FIGURES), kv })).toBe('refreshed');
    expect(kv.data.get(PORTAL_ENGAGEMENT_DOC)).toEqual(FIGURES);
  });

  it.each<[string, typeof fetch, string]>([
    [
      'offline',
      (async () => {
        throw new TypeError('Failed to fetch');
      }) as unknown as typeof fetch,
      'offline',
    ],
    ['a 403', answer(403, { error: { code: 'forbidden', message: 'x' } }), 'failed'],
    ['a malformed answer', answer(200, { monthlyActiveUsers: 'three' }), 'failed'],
  ])('keeps the last copy when %s', async (_, fetchFn, result) => {
    const kv = memoryKv({ [PORTAL_ENGAGEMENT_DOC]: FIGURES });
    expect(await refreshPortalEngagement({ fetch: fetchFn, kv })).toBe(result);
    expect(kv.data.get(PORTAL_ENGAGEMENT_DOC)).toEqual(FIGURES);
  });
});

describe('readPortalEngagement', () => {
  it.each<[string, unknown, PortalEngagement | null]>([
    ['the stored figures', FIGURES, FIGURES],
    ['nothing stored', undefined, null],
    ['an older shape', { dau: 1 }, null],
    [
      'no data (nobody visited)',
      { ...FIGURES, monthlyActiveUsers: 0, dauMauPercent: null },
      {
        ...FIGURES,
        monthlyActiveUsers: 0,
        dauMauPercent: null,
      },
    ],
  ])('%s', (_, value, expected) => {
    expect(readPortalEngagement(value)).toEqual(expected);
  });
});
