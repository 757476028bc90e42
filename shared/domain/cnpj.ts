/**
 * The CNPJ (Cadastro Nacional da Pessoa Jurídica), the company number a city hall requires of an NFS-e's
 * taker (tomador): 8 digits of the company, 4 of the establishment, then two check digits (mod 11).
 *
 * Invariants:
 * - Stored digits-only (14 digits); shown as "12.345.678/0001-95". People paste it with or without the dots,
 *   slash and hyphen (or spaces), so `normalizeCnpj` strips them before validating.
 * - A value whose 14 digits are all the same ("00000000000000", "11111111111111", …) passes the mod-11 sums
 *   but is no company: it is refused, as the Receita Federal's own validator does.
 * - Numeric only. The alphanumeric CNPJ (IN RFB 2.229/2024, issued from July 2026: letters in the first 12
 *   positions) is not accepted yet — Arco's NFS-e provider adapter sends digits — and is refused as invalid.
 *
 * Pure: used by the customer schema (device and server push alike), the Customer 360's form and the NFS-e
 * payload.
 */
const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** The check digit over `digits` with `weights` (mod 11: a remainder below 2 gives 0). */
function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((w, i) => (sum += w * digits[i]!));
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** "12.345.678/0001-95" or " 12345678000195 " → "12345678000195"; anything else keeps its other characters. */
export function normalizeCnpj(text: string): string {
  return text.replace(/[\s./-]/g, '');
}

/** Whether `value` (digits only) is a CNPJ: 14 digits, not all equal, both check digits right. */
export function isValidCnpj(value: string): boolean {
  if (!/^\d{14}$/.test(value) || /^(\d)\1{13}$/.test(value)) return false;
  const digits = [...value].map(Number);
  return (
    checkDigit(digits, FIRST_WEIGHTS) === digits[12] && checkDigit(digits, SECOND_WEIGHTS) === digits[13]
  );
}

/** The two check digits completing a 12-digit base (demo data and tests build valid CNPJs with it). */
export function cnpjWithCheckDigits(base: string): string {
  if (!/^\d{12}$/.test(base)) throw new RangeError('a CNPJ base has 12 digits');
  const digits = [...base].map(Number);
  const first = checkDigit(digits, FIRST_WEIGHTS);
  return `${base}${first}${checkDigit([...digits, first], SECOND_WEIGHTS)}`;
}

/** "12345678000195" → "12.345.678/0001-95"; a value that is not 14 digits is returned as is. */
export function formatCnpj(value: string): string {
  const m = /^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/.exec(value);
  return m ? `${m[1]}.${m[2]}.${m[3]}/${m[4]}-${m[5]}` : value;
}
