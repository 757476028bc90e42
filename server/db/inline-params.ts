import pg from 'pg';

/**
 * One statement's `$n` placeholders replaced by quoted literals, so that it can travel in one simple-protocol
 * message together with the transaction around it (`BEGIN; <identity>; <statement>; COMMIT`): one round trip
 * to PostgreSQL instead of four. Why: on the shared 2-core box every round trip costs a socket write, a wake-up
 * of the PostgreSQL backend and a promise turn in Node; the session lookup of every request and every pull page
 * paid four (issue 16). pg has no way to put a parameterized statement and its BEGIN/COMMIT in one message
 * without pipeline mode, which the embedded PGlite does not serve.
 *
 * Equivalence: a value is inlined as a quoted literal of unknown type (`'42'`, `'true'`, `'text'`), which
 * PostgreSQL types from its context exactly as it types an untyped parameter (what pg sends: every value as
 * text, type unspecified); `null` becomes `NULL`. Literals are escaped with pg's `escapeLiteral` (standard
 * strings; an `E'…'` form when the value holds a backslash), which is safe with `standard_conforming_strings`
 * on, PostgreSQL's default that Arco never changes.
 *
 * Returns null — the caller then sends the statement with real parameters — whenever inlining could mean
 * something else: a value that is not a string, a finite number, a boolean or null (arrays, dates, buffers and
 * objects have pg-specific encodings); a placeholder without a value; or text the small lexer below does not
 * fully understand (dollar quoting, `E'…'`/`U&'…'`/`B'…'`/`X'…'` strings, an unterminated quote or comment) or
 * that holds more than one statement (a `;` outside quotes and comments).
 */
export function inlineParams(text: string, params: readonly unknown[] = []): string | null {
  const literals: string[] = [];
  for (const value of params) {
    const literal = literalOf(value);
    if (literal === null) return null;
    literals.push(literal);
  }
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === "'") {
      // A string constant: a letter right before it makes it E'', B'', X'', N'' or U&'' — not understood here.
      if (i > 0 && /[A-Za-z&]/.test(text[i - 1]!)) return null;
      const end = closingQuote(text, i, "'");
      if (end === -1) return null;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (ch === '"') {
      const end = closingQuote(text, i, '"');
      if (end === -1) return null;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (ch === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out += text.slice(i, stop);
      i = stop;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      // Nested block comments are legal in PostgreSQL; don't try to follow them.
      if (end === -1 || text.slice(i + 2, end).includes('/*')) return null;
      out += text.slice(i, end + 2);
      i = end + 2;
    } else if (ch === ';') {
      return null;
    } else if (ch === '$') {
      // `$` inside an identifier (`a$1`) is part of the identifier; anywhere else it is a placeholder or a
      // dollar quote.
      if (i > 0 && /[A-Za-z0-9_$]/.test(text[i - 1]!)) {
        out += ch;
        i++;
        continue;
      }
      const digits = /^\d+/.exec(text.slice(i + 1))?.[0];
      if (digits === undefined) return null;
      const literal = literals[Number(digits) - 1];
      if (literal === undefined) return null;
      out += literal;
      i += 1 + digits.length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function literalOf(value: unknown): string | null {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return value.includes('\0') ? null : pg.escapeLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? `'${String(value)}'` : null;
  if (typeof value === 'boolean') return value ? "'true'" : "'false'";
  return null;
}

/** Index of the quote that closes the one at `start` (a doubled quote is an escaped one), or -1. */
function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const next = text.indexOf(quote, i);
    if (next === -1) return -1;
    if (text[next + 1] === quote) {
      i = next + 2;
      continue;
    }
    return next;
  }
}
