import { describe, expect, it } from 'vitest';
import { inlineParams } from './inline-params.ts';

describe('inlineParams', () => {
  it.each([
    ['SELECT * FROM arco_find_session($1)', ['ab12'], "SELECT * FROM arco_find_session('ab12')"],
    ['SELECT $2, $1, $10', [1, true, null, 4, 5, 6, 7, 8, 9, 'x'], "SELECT 'true', '1', 'x'"],
    ["SELECT $1, 'it''s $1', \"col$1\", $1", ["o'k"], "SELECT 'o''k', 'it''s $1', \"col$1\", 'o''k'"],
    [
      'SELECT to_char(x, \'YYYY-MM-DD"T"HH24\') -- $1 here\n, $1',
      [null],
      'SELECT to_char(x, \'YYYY-MM-DD"T"HH24\') -- $1 here\n, NULL',
    ],
    ['SELECT /* $1 */ a$1 FROM t WHERE n > $1', [-2.5], "SELECT /* $1 */ a$1 FROM t WHERE n > '-2.5'"],
    ['SELECT $1', ['back\\slash'], "SELECT  E'back\\\\slash'"],
    ['SELECT 1', [], 'SELECT 1'],
  ])('inlines %j', (text, params, expected) => {
    expect(inlineParams(text, params)).toBe(expected);
  });

  it.each([
    ['an array value', 'SELECT $1::uuid[]', [['a']]],
    ['a Date', 'SELECT $1', [new Date(0)]],
    ['a non-finite number', 'SELECT $1', [Number.NaN]],
    ['a NUL character', 'SELECT $1', ['a\0b']],
    ['a placeholder without a value', 'SELECT $2', ['a']],
    ['two statements', 'SELECT 1; SELECT $1', ['a']],
    ['dollar quoting', 'SELECT $$ $1 $$', ['a']],
    ['an escape string', "SELECT E'\\' $1'", ['a']],
    ['a Unicode escape string', "SELECT U&'x' || $1", ['a']],
    ['an unterminated quote', "SELECT 'x", []],
    ['a nested block comment', 'SELECT /* /* */ $1 */ 1', ['a']],
  ])('refuses %s', (_what, text, params) => {
    expect(inlineParams(text as string, params as unknown[])).toBeNull();
  });
});
