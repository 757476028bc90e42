import { describe, expect, it } from 'vitest';
import { SUMMARY_END, SUMMARY_START, summaryLines, updateSummary } from './summary.ts';
import { ISSUE_END, ISSUE_START, issueLines, STATED_ROWS, updateIssueTable } from './issue-table.ts';
import { createFixtures } from './fixtures.ts';
import { measure, median, summarize, type Clock, type Sample } from './measure.ts';
import { baselineOf, formatRatio, formatTable, ratioToBaseline } from './report.ts';

/** A clock that advances only when the code under test says so: runs take exactly the time we script. */
function scriptedClock() {
  let t = 0;
  const clock: Clock = { now: () => t };
  return { clock, advance: (ms: number) => void (t += ms) };
}

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000], 10],
  ])('median(%j) = %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('summarize', () => {
  const samples: Sample[] = [
    { ms: 200, rows: 1000 },
    { ms: 100, rows: 1000 },
    { ms: 400, rows: 1000 },
  ];

  it('reports rows/s at the median run, with min and max', () => {
    const m = summarize('pull', samples);
    expect(m).toMatchObject({ rows: 1000, medianMs: 200, minMs: 100, maxMs: 400, rowsPerSecond: 5000 });
    expect(m.baseline).toBe(false);
  });

  it('refuses runs that processed different row counts', () => {
    expect(() => summarize('pull', [...samples, { ms: 1, rows: 999 }])).toThrow(/different row counts/);
  });
});

describe('measure', () => {
  it('discards the warm-up, runs setup/teardown around every run and hands setup’s value to run', async () => {
    const { clock, advance } = scriptedClock();
    const calls: string[] = [];
    const durations = [999, 30, 10, 20];
    const m = await measure(
      { warmup: 1, reps: 3 },
      {
        label: 'x',
        setup: async (i) => {
          calls.push(`setup ${i}`);
          return i * 10;
        },
        run: async (prepared, i) => {
          calls.push(`run ${i} got ${prepared}`);
          advance(durations[i]!);
          return 50;
        },
        teardown: async (_p, i) => void calls.push(`teardown ${i}`),
      },
      clock,
    );
    expect(m.samples.map((s) => s.ms)).toEqual([30, 10, 20]);
    expect(m.medianMs).toBe(20);
    expect(m.rowsPerSecond).toBe(2500);
    expect(calls).toEqual([
      'setup 0',
      'run 0 got 0',
      'teardown 0',
      'setup 1',
      'run 1 got 10',
      'teardown 1',
      'setup 2',
      'run 2 got 20',
      'teardown 2',
      'setup 3',
      'run 3 got 30',
      'teardown 3',
    ]);
  });

  it('uses the lighter warm-up only for warm-up runs', async () => {
    const { clock, advance } = scriptedClock();
    const seen: string[] = [];
    await measure(
      { warmup: 2, reps: 2 },
      {
        label: 'x',
        warmup: async (_p, i) => void seen.push(`warmup ${i}`),
        run: async (_p, i) => {
          seen.push(`run ${i}`);
          advance(1);
          return 1;
        },
      },
      clock,
    );
    expect(seen).toEqual(['warmup 0', 'warmup 1', 'run 2', 'run 3']);
  });

  it('tears down even when a run fails, and the failure propagates', async () => {
    let tornDown = 0;
    await expect(
      measure(
        { warmup: 0, reps: 3 },
        {
          label: 'x',
          run: async () => {
            throw new Error('wrong row count');
          },
          teardown: async () => void tornDown++,
        },
      ),
    ).rejects.toThrow('wrong row count');
    expect(tornDown).toBe(1);
  });
});

describe('report', () => {
  const base = summarize('raw', [{ ms: 100, rows: 1000 }], { baseline: true });
  const http = summarize('http', [{ ms: 400, rows: 1000 }], { note: '0 conflicts' });

  it('compares throughput with the baseline', () => {
    expect(ratioToBaseline(http, base)).toBe(0.25);
    expect(ratioToBaseline(base, base)).toBe(1);
  });

  it.each([
    [0.25, '0.25×'],
    [1, '1.00×'],
    [0.036, '0.036×'],
    [12.5, '12.50×'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('formats the ratio %d as %s', (ratio, text) => {
    expect(formatRatio(ratio)).toBe(text);
  });

  it('prints every case with its rows/s and ratio, and the notes', () => {
    const text = formatTable({ title: 'pull', measurements: [base, http] });
    const lines = text.split('\n');
    expect(lines[0]).toBe('pull');
    expect(lines.find((l) => l.startsWith('(a) raw'))).toMatch(/10,000\s+baseline$/);
    expect(lines.find((l) => l.startsWith('http'))).toMatch(/2,500\s+0\.25×$/);
    expect(text).toContain('· http: 0 conflicts');
  });

  it('needs exactly one baseline per table', () => {
    expect(() => baselineOf({ title: 't', measurements: [http] })).toThrow(/exactly one baseline/);
    expect(() => baselineOf({ title: 't', measurements: [base, base] })).toThrow(/exactly one baseline/);
  });
});

describe('fixtures', () => {
  it('creates a fixture once for every caller and disposes newest first', async () => {
    const events: string[] = [];
    const fixtures = createFixtures(() => undefined);
    const make = (key: string) => async () => {
      events.push(`create ${key}`);
      return { value: key.toUpperCase(), dispose: async () => void events.push(`dispose ${key}`) };
    };
    const [a1, a2] = await Promise.all([fixtures.get('a', make('a')), fixtures.get('a', make('a'))]);
    expect([a1, a2]).toEqual(['A', 'A']);
    expect(await fixtures.get('b', make('b'))).toBe('B');
    await fixtures.disposeAll();
    expect(events).toEqual(['create a', 'create b', 'dispose b', 'dispose a']);
  });

  it('skips a fixture that failed to start and reports dispose failures without stopping', async () => {
    const reported: string[] = [];
    const disposed: string[] = [];
    const fixtures = createFixtures((key) => reported.push(key));
    await fixtures.get('ok', async () => ({ value: 1, dispose: async () => void disposed.push('ok') }));
    await expect(
      fixtures.get('broken', async () => {
        throw new Error('no database');
      }),
    ).rejects.toThrow('no database');
    await fixtures.get('leaky', async () => ({
      value: 2,
      dispose: async () => {
        throw new Error('still open');
      },
    }));
    await fixtures.disposeAll();
    expect(reported).toEqual(['leaky']);
    expect(disposed).toEqual(['ok']);
  });
});

describe('README summary', () => {
  const m = (label: string, rowsPerSecond: number, baseline = false) => ({
    label,
    baseline,
    samples: [{ ms: 1000, rows: rowsPerSecond }],
    rows: rowsPerSecond,
    medianMs: 1000,
    minMs: 1000,
    maxMs: 1000,
    rowsPerSecond,
  });
  const readme = (rows: string[]) => ['# x', SUMMARY_START, ...rows, SUMMARY_END, 'after'].join('\n');

  it('replaces the lines of the benches that ran and keeps the others', () => {
    const table = { title: 'sync-pull · customers', measurements: [m('raw', 1000, true), m('HTTP', 600)] };
    const lines = summaryLines('sync-pull', [table], '2026-12-06 pg');
    expect(lines).toEqual([
      '| sync-pull | customers | HTTP | 600/s | raw: 1,000/s | 0.60× | 2026-12-06 pg |',
    ]);
    const before = readme([
      '| sync-pull | customers | HTTP | 100/s | raw: 1,000/s | 0.10× | old |',
      '| sync-push | customers | push | 5/s | write: 10/s | 0.50× | old |',
    ]);
    const after = updateSummary(before, new Set(['sync-pull']), lines);
    expect(after).toContain(lines[0]);
    expect(after).toContain('| sync-push | customers | push | 5/s | write: 10/s | 0.50× | old |');
    expect(after).not.toContain('0.10×');
    expect(after.endsWith(`${SUMMARY_END}\nafter`)).toBe(true);
    expect(updateSummary(after, new Set(['sync-pull']), lines)).toBe(after);
  });
});

describe('README issue 16 table', () => {
  const m = (label: string, rowsPerSecond: number, baseline = false, p99Ms = 100) => ({
    label,
    baseline,
    samples: [{ ms: 1000, rows: rowsPerSecond }],
    rows: rowsPerSecond,
    medianMs: 1000,
    minMs: 1000,
    maxMs: 1000,
    rowsPerSecond,
    load: { p50Ms: 10, p99Ms, errors: 0 },
  });
  const readme = (rows: string[]) => ['# x', ISSUE_START, ...rows, ISSUE_END, 'after'].join('\n');

  it('writes the rows of the benches that ran with baseline, target and verdict, and keeps the others', () => {
    const push = {
      title: 'sync-push · customers (1000 rows)',
      measurements: [m('writeDocuments', 2000, true), m('HTTP push, no conflicts', 1500)],
    };
    const load = [10, 50, 100].map((n) => ({
      title: `sync-load · ${n} connections, 5 s per case`,
      measurements: [
        m('GET /api/health, p50', 1000, true),
        m('4 pulls of 90 : 1 push of 1, p50', 600, false, 150),
      ],
    }));
    const lines = issueLines(
      [
        { bench: 'sync-push', tables: [push] },
        { bench: 'sync-load', tables: load },
      ],
      'r1',
      true,
    );
    expect(lines.get('HTTP push vs `writeDocuments` of the same rows')).toBe(
      '| HTTP push vs `writeDocuments` of the same rows | 0.75× (1,500 rows/s) | writeDocuments: 2,000 rows/s | ≥ 0.6×; ≥ 2,000 rows/s on PostgreSQL | **no** | r1 |',
    );
    expect(lines.get('mixed pull/push load, 10 / 50 / 100 connections (PostgreSQL)')).toContain(
      '| yes | r1 |',
    );
    const kept = '| HTTP pull vs raw `pg` SELECT of the same rows | 0.70× | raw | ≥ 0.6× | yes | old |';
    const after = updateIssueTable(readme([kept]), lines);
    expect(after).toContain(kept);
    expect(after).toContain('| 0.75× (1,500 rows/s) |');
    expect(after).toContain(
      '| pull of 1,000 customers vs `/api/health`, 10 connections | not measured yet |',
    );
    expect(after.endsWith(`${ISSUE_END}\nafter`)).toBe(true);
    expect(updateIssueTable(after, lines)).toBe(after);
  });

  it('states each row’s ceiling beside its figure: first sync, mixed load and the big pull', () => {
    const sync = (org: string, app: number, ceiling: number) => ({
      title: `browser-sync · first sync, ${org}, documents/s`,
      measurements: [
        m('bare RxDB bulkInsert into Dexie', 1000, true),
        m('app: sign-in → every collection caught up', app),
        m('download alone: the pull API', 900),
        m('ceiling (download and bare bulkInsert overlapped): pages of 1000', ceiling),
      ],
    });
    const synced = issueLines(
      [
        {
          bench: 'browser-sync',
          tables: [
            sync('demo organization (90 customers, 6,830 documents)', 300, 700),
            sync('scaled organization (10,000 customers, 10,000 documents)', 290, 650),
          ],
        },
      ],
      'r3',
      true,
    ).get('app first sync vs a bare RxDB `bulkInsert` (browser)');
    expect(synced).toBe(
      '| app first sync vs a bare RxDB `bulkInsert` (browser) | 0.30× (demo organization (90 customers, 6,830 documents)) ' +
        '(ceiling: download and bare bulkInsert overlapped 0.70×); 0.29× (scaled organization (10,000 customers, ' +
        '10,000 documents)) (ceiling: download and bare bulkInsert overlapped 0.65×) | 1,000 docs/s; 1,000 docs/s | ' +
        '≥ 0.8× (demo organization and 10,000 customers) | **no** | r3 |',
    );
    const loaded = issueLines(
      [
        {
          bench: 'sync-load',
          tables: [
            {
              title: 'sync-load · pull of 1,000 customers, 10 connections, 5 s per case',
              measurements: [
                m('GET /api/health, p50', 1000, true),
                m('pull of 1000 customers, p50', 20),
                m('ceiling (precompressed): a fixed compressed 1000-customer page, p50', 50),
                m('ceiling (compressed per request): the same page, p50', 30),
              ],
            },
            {
              title: 'sync-load · 50 connections, 5 s per case',
              measurements: [
                m('GET /api/health, p50', 1000, true),
                m('4 pulls of 90 : 1 push of 1, p50', 170, false, 600),
                m('ceiling (precompressed): a fixed compressed 90-customer page, p50', 450),
                m('ceiling (compressed per request): the same page, p50', 300),
              ],
            },
          ],
        },
      ],
      'r3',
      true,
    );
    expect(loaded.get('pull of 1,000 customers vs `/api/health`, 10 connections')).toContain(
      '| 0.020× (20 req/s, p99 100 ms, 0 errors) (ceilings: precompressed 0.050×, compressed per request 0.030×) |',
    );
    expect(loaded.get('mixed pull/push load, 10 / 50 / 100 connections (PostgreSQL)')).toContain(
      '| 50: 170 req/s, p99 600 ms, 0 errors (ceilings: precompressed 450 req/s, compressed per request 300 req/s) |',
    );
  });

  it('writes the rows a bench states itself (sizes, latencies) with its verdict, and only from that bench', () => {
    const stated = {
      what: STATED_ROWS.keystroke,
      figure: 'p95 44 ms, median 27 (48 keys)',
      baseline: 'the pure filter of the same rows: p95 1.2 ms',
      met: false,
    };
    const lines = issueLines([{ bench: 'browser-sync', tables: [], figures: [stated] }], 'r2', true);
    expect(lines.get(STATED_ROWS.keystroke)).toBe(
      `| ${STATED_ROWS.keystroke} | p95 44 ms, median 27 (48 keys) | the pure filter of the same rows: p95 1.2 ms | ≤ 16 ms | **no** | r2 |`,
    );
    // Stated by another bench than the row's own: not taken.
    expect(
      issueLines([{ bench: 'sync-pull', tables: [], figures: [stated] }], 'r2', true).has(
        STATED_ROWS.keystroke,
      ),
    ).toBe(false);
    const table = updateIssueTable(readme([]), lines);
    expect(table).toContain(
      `| ${STATED_ROWS.firstRoute} | not measured yet |  | ≤ 200 KB per route | — |  |`,
    );
  });
});
