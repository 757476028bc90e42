import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '../../shared/collections/index.ts';
import { formatCounts, parseCliArgs } from './cli.ts';

describe('seed CLI arguments', () => {
  it('has the demo defaults', () => {
    expect(parseCliArgs([])).toEqual({
      customers: 90,
      seed: 1,
      'dry-run': false,
      replace: false,
      help: false,
    });
  });

  it.each([
    [['--customers', '10000', '--seed', '7'], { customers: 10_000, seed: 7 }],
    [['--customers=250', '--dry-run'], { customers: 250, 'dry-run': true }],
    [
      ['--now', '2026-02-02T12:00:00-03:00', '--replace'],
      { now: '2026-02-02T12:00:00-03:00', replace: true },
    ],
  ] as const)('parses %j', (argv, expected) => {
    expect(parseCliArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [['--customers', '5']],
    [['--customers', 'muitos']],
    [['--now', 'ontem']],
    [['--seed', '1.5']],
    [['--unknown']],
    [['positional']],
  ])('rejects %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow();
  });

  it('prints one aligned line per collection and a total', () => {
    const counts = Object.fromEntries(COLLECTION_NAMES.map((n, i) => [n, i * 1000])) as Record<
      CollectionName,
      number
    >;
    const lines = formatCounts(counts).split('\n');
    expect(lines).toHaveLength(COLLECTION_NAMES.length + 1);
    expect(lines[1]).toMatch(/^ {2}invoices +1\.000$/);
    expect(lines.at(-1)).toMatch(/^ {2}total +105\.000$/);
  });
});
