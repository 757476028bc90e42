/**
 * The CNPJ (Cadastro Nacional da Pessoa Jurídica), the company number a city hall requires of an NFS-e's
 * taker (tomador): 12 characters of the company and its establishment, then two check digits (mod 11).
 *
 * Since July 2026 (IN RFB 2.229/2024) new CNPJs are alphanumeric: the first 12 positions may hold digits or
 * capital letters A–Z; the two check digits stay digits. The check digits use the same weights and mod 11 as
 * before, with each character valued as its ASCII code minus 48 ("0"–"9" → 0–9, "A" → 17 … "Z" → 42), so
 * every numeric CNPJ keeps its check digits. Companies with a numeric CNPJ keep it.
 *
 * Invariants:
 * - Stored without punctuation, letters uppercase (14 characters); shown as "12.345.678/0001-95" or
 *   "12.ABC.345/01DE-35". People paste it with or without the dots, slash and hyphen (or spaces), in either
 *   case, so `normalizeCnpj` strips them and uppercases before validating.
 * - A value whose 14 characters are all the same digit ("00000000000000", …) passes the mod-11 sums but is no
 *   company: it is refused, as the Receita Federal's own validator does.
 * - Lowercase letters are not a CNPJ (the Receita's table has capitals only): `isValidCnpj` refuses them, the
 *   form uppercases what people type.
 *
 * Pure: used by the customer schema (device and server push alike), the Customer 360's form and the NFS-e
 * payload.
 */
const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** The shape the customer schema (and the database's CHECK, migration 0320) enforces before the digits. */
export const CNPJ_SHAPE = /^[0-9A-Z]{12}[0-9]{2}$/;
const BASE_SHAPE = /^[0-9A-Z]{12}$/;

/** A character's value in the check-digit sums: its ASCII code minus 48 (the Receita Federal's table). */
const valueOf = (char: string) => char.charCodeAt(0) - 48;

/** The check digit over `chars` with `weights` (mod 11: a remainder below 2 gives 0). */
function checkDigit(chars: readonly string[], weights: readonly number[]): string {
  let sum = 0;
  weights.forEach((w, i) => (sum += w * valueOf(chars[i]!)));
  const rest = sum % 11;
  return String(rest < 2 ? 0 : 11 - rest);
}

/** "12.abc.345/01de-35" or " 12345678000195 " → "12ABC34501DE35"; other characters are kept (and refused). */
export function normalizeCnpj(text: string): string {
  return text.replace(/[\s./-]/g, '').toUpperCase();
}

/** Whether `value` (normalized) is a CNPJ: 12 digits or capitals then 2 digits, not all the same, both right. */
export function isValidCnpj(value: string): boolean {
  if (!CNPJ_SHAPE.test(value) || /^(\d)\1{13}$/.test(value)) return false;
  const chars = [...value];
  const first = checkDigit(chars, FIRST_WEIGHTS);
  return first === chars[12] && checkDigit(chars, SECOND_WEIGHTS) === chars[13];
}

/** The two check digits completing a 12-character base (demo data and tests build valid CNPJs with it). */
export function cnpjWithCheckDigits(base: string): string {
  if (!BASE_SHAPE.test(base)) throw new RangeError('a CNPJ base has 12 digits or capital letters');
  const chars = [...base];
  const first = checkDigit(chars, FIRST_WEIGHTS);
  return `${base}${first}${checkDigit([...chars, first], SECOND_WEIGHTS)}`;
}

/** "12345678000195" → "12.345.678/0001-95", "12ABC34501DE35" → "12.ABC.345/01DE-35"; anything else as is. */
export function formatCnpj(value: string): string {
  const m = /^([0-9A-Z]{2})([0-9A-Z]{3})([0-9A-Z]{3})([0-9A-Z]{4})(\d{2})$/.exec(value);
  return m ? `${m[1]}.${m[2]}.${m[3]}/${m[4]}-${m[5]}` : value;
}
