import pg from 'pg';
import type { CustomTypesConfig } from 'pg';

/**
 * How values come back from PostgreSQL on every pool the Database creates (set per pool, never globally, so
 * nothing else in the process is affected):
 * - `date` → the `YYYY-MM-DD` string as stored (never a JS Date: that would shift by the server's time zone);
 * - `timestamptz` → canonical ISO-8601 in UTC with milliseconds (`2026-01-15T13:00:00.000Z`), the same form
 *   `new Date(x).toISOString()` gives, so documents compare equal after a round trip;
 * - `bigint` (int8: `server_seq`, `count(*)`) → a JS number; values beyond 2^53 are refused rather than rounded;
 * - `numeric` stays a decimal string (the default): money is turned into exact integer cents by the row mapper.
 */
const OID = { int8: 20, date: 1082, timestamptz: 1184 } as const;

// postgres-date: a Date, or ±Infinity for 'infinity' / '-infinity'.
const parseTimestamptz = pg.types.getTypeParser(OID.timestamptz, 'text') as (value: string) => Date | number;

export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} does not fit a JS number exactly`);
  return n;
}

export function parseInstant(value: string): string {
  const date = parseTimestamptz(value);
  if (!(date instanceof Date) || Number.isNaN(date.getTime()))
    throw new RangeError(`timestamptz ${value} is not a finite instant`);
  return date.toISOString();
}

export const arcoTypeParsers: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === 'binary') return pg.types.getTypeParser(oid, 'binary');
    switch (oid) {
      case OID.int8:
        return parseInt8;
      case OID.date:
        return (value: string) => value;
      case OID.timestamptz:
        return parseInstant;
      default:
        return pg.types.getTypeParser(oid, 'text');
    }
  }) as CustomTypesConfig['getTypeParser'],
};
