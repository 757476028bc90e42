import { DbError } from '../errors.ts';

/**
 * Exact conversions between document values and SQL values.
 *
 * Money: documents carry integer cents (`450000`), SQL stores `numeric(15,2)` (`4500.00`). Both directions go
 * through decimal strings, never floating point, so R$ 4.500,00 stays 450000 cents and 0.1 + 0.2 problems
 * cannot appear. numeric(15,2) holds up to 9 999 999 999 999.99, beyond the schemas' ±10^12 cents.
 *
 * Instants: SQL keeps microseconds and no offset; documents come back in the canonical form
 * `YYYY-MM-DDTHH:mm:ss.sssZ` (see pg-types.ts), which `canonicalInstant` also produces from any ISO input.
 */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money must be integer cents, got ${cents}`);
  const abs = Math.abs(cents);
  const sign = cents < 0 ? '-' : '';
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export function decimalToCents(decimal: string): number {
  const match = DECIMAL.exec(decimal);
  if (!match) throw new RangeError(`not a decimal amount: ${decimal}`);
  const [, sign, units = '0', fraction = ''] = match;
  if (/[1-9]/.test(fraction.slice(2))) throw new RangeError(`amount ${decimal} has fractions of a cent`);
  const cents = Number(units) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount ${decimal} is too large for integer cents`);
  return sign === '-' && cents !== 0 ? -cents : cents;
}

export function canonicalInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${iso}`);
  return date.toISOString();
}

/** A value read from a `date` column: must be the `YYYY-MM-DD` string our type parser yields. */
export function readDate(value: unknown): string | null {
  if (value === null || typeof value === 'string') return value;
  throw new DbError(
    'missing_type_parsers',
    'a date column came back as a non-string; use a pool from createDatabase',
  );
}

/** A value read from a `timestamptz` column (tolerates a Date from a pool without our parsers). */
export function readInstant(value: unknown): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return canonicalInstant(value);
  throw new DbError('missing_type_parsers', 'a timestamptz column came back as neither string nor Date');
}
