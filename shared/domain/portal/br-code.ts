import { z } from 'zod';
import { nonNegativeCents } from '../../entities/common.ts';

/**
 * Pix "copia e cola" — the BR Code (Banco Central do Brasil, "Manual de Padrões para Iniciação do Pix"),
 * an EMV® QRCPS merchant-presented payload: a string of TLV fields `ID (2 digits) · length (2 digits) ·
 * value`, closed by field 63 holding the CRC16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection,
 * no final XOR) of everything before it, "6304" included, as 4 upper-case hex digits.
 *
 * Invariants:
 * - **Every payload this module builds is printable ASCII** (0x20–0x7E). EMV lengths count bytes of the
 *   payload as the payer's app reads it (UTF-8); for ASCII a character is a byte, so `value.length` is the
 *   field's true length and the CRC over char codes is the CRC over the bytes. Text fields ("ans" in EMV:
 *   merchant name, city, description) are therefore **normalised** before they are measured: diacritics
 *   stripped (NFD, combining marks removed: "OUTRA AGÊNCIA" → "OUTRA AGENCIA", "SÃO PAULO" → "SAO PAULO"),
 *   any other non-ASCII character replaced by a space, whitespace collapsed, then cut to the field's maximum
 *   (merchant name 25, city 15). Measuring before normalising (the earlier demo builder) declared 13 for
 *   "OUTRA AGÊNCIA" while a UTF-8 reader sees 14 bytes, and its CRC was over a Latin-1 code unit: banks
 *   reject such a code.
 * - `txid` (field 62-05) is alphanumeric, 1–25 characters; anything else is dropped, and an empty result
 *   becomes "***" (the spec's "no identifier").
 * - `verifyBrCode` re-parses a payload independently of the builder (TLV walk, lengths, mandatory fields,
 *   charset, CRC) so the device never shows a code a bank app would refuse.
 */

/** Field limits of the BR Code spec. */
export const BR_CODE_LIMITS = {
  merchantName: 25,
  merchantCity: 15,
  pixKey: 77,
  txid: 25,
  description: 72,
  /** Field 54: up to 13 characters, e.g. "9999999999.99". */
  amount: 13,
} as const;

/** The GUI of the Pix arrangement inside field 26 (case-insensitive; the manual prints it lower-case). */
export const PIX_GUI = 'br.gov.bcb.pix';

/**
 * Strips diacritics and anything outside printable ASCII, collapses whitespace and cuts to `max` characters
 * (then trims again so a cut never leaves a trailing space). The result's length is its length in bytes.
 */
export function normalizeEmvText(text: string, max: number): string {
  const ascii = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7E]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return ascii.slice(0, max).trim();
}

/** CRC16/CCITT-FALSE table (polynomial 0x1021), a constant computed once. */
const CRC_TABLE: readonly number[] = Array.from({ length: 256 }, (_, n) => {
  let crc = n << 8;
  for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});

/**
 * CRC16/CCITT-FALSE of an ASCII string, as 4 upper-case hex digits ("123456789" → "29B1", the algorithm's
 * check value). Throws on a non-ASCII character: its byte value would depend on an encoding.
 */
export function crc16CcittFalse(ascii: string): string {
  let crc = 0xffff;
  for (let i = 0; i < ascii.length; i++) {
    const code = ascii.charCodeAt(i);
    if (code > 0x7f) throw new RangeError(`CRC input must be ASCII (position ${i})`);
    crc = ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >>> 8) ^ code) & 0xff]!;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** "1234.50" from 123450 cents, from integers (no floating-point formatting). */
function decimalAmount(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function field(id: string, value: string): string {
  if (value.length === 0 || value.length > 99)
    throw new RangeError(`EMV field ${id}: length ${value.length}`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

export const brCodeInputSchema = z.strictObject({
  /** The receiver's Pix key (random key, CNPJ, e-mail, phone). */
  pixKey: z.string().trim().min(1).max(BR_CODE_LIMITS.pixKey),
  /** Zero means "the payer types the amount" (field 54 omitted). */
  amountCents: nonNegativeCents.max(99_999_999_999),
  merchantName: z.string().min(1).max(200),
  merchantCity: z.string().min(1).max(200),
  /** Reconciliation id (e.g. the invoice number). */
  txid: z.string().max(200).nullable().default(null),
  /** Optional free text shown by the payer's bank (field 26-02). */
  description: z.string().max(200).nullable().default(null),
});
export type BrCodeInput = z.input<typeof brCodeInputSchema>;

/** A static Pix BR Code ("copia e cola") for the input. Throws a ZodError on bad input. */
export function buildPixBrCode(input: BrCodeInput): string {
  const p = brCodeInputSchema.parse(input);
  const pixKey = normalizeEmvText(p.pixKey, BR_CODE_LIMITS.pixKey);
  const name = normalizeEmvText(p.merchantName, BR_CODE_LIMITS.merchantName);
  const city = normalizeEmvText(p.merchantCity, BR_CODE_LIMITS.merchantCity);
  if (!pixKey || !name || !city)
    throw new RangeError('Pix key, merchant name and city need a printable character');
  const description = p.description ? normalizeEmvText(p.description, BR_CODE_LIMITS.description) : '';
  const txid = (p.txid ?? '').replace(/[^A-Za-z0-9]/g, '').slice(0, BR_CODE_LIMITS.txid) || '***';
  const account = field('00', PIX_GUI) + field('01', pixKey) + (description ? field('02', description) : '');
  const payload =
    field('00', '01') +
    field('26', account) +
    field('52', '0000') +
    field('53', '986') +
    (p.amountCents > 0 ? field('54', decimalAmount(p.amountCents)) : '') +
    field('58', 'BR') +
    field('59', name) +
    field('60', city) +
    field('62', field('05', txid)) +
    '6304';
  return payload + crc16CcittFalse(payload);
}

export type BrCodeCheck =
  | {
      valid: true;
      /** Top-level fields by id (field 26 and 62 keep their raw nested TLV). */
      fields: Readonly<Record<string, string>>;
      pixKey: string;
      amountCents: number | null;
      merchantName: string;
      merchantCity: string;
      txid: string | null;
    }
  | { valid: false; reason: 'charset' | 'structure' | 'missing_field' | 'crc' | 'not_pix' };

function parseTlv(text: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const len = text.slice(i + 2, i + 4);
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(len)) return null;
    const n = Number(len);
    const value = text.slice(i + 4, i + 4 + n);
    if (value.length !== n || n === 0) return null;
    out.set(id, value);
    i += 4 + n;
  }
  return out;
}

/**
 * Checks a BR Code as a payer's bank would: printable ASCII only, a well-formed TLV sequence whose declared
 * lengths match, the mandatory fields (00, 26 with the Pix GUI and a key, 52, 53 = 986, 58 = BR, 59, 60, 63
 * last), and the CRC of everything before the CRC's value.
 */
export function verifyBrCode(payload: string): BrCodeCheck {
  if (!/^[\x20-\x7E]+$/.test(payload)) return { valid: false, reason: 'charset' };
  const fields = parseTlv(payload);
  if (!fields) return { valid: false, reason: 'structure' };
  const crc = fields.get('63');
  if (crc === undefined || !payload.endsWith(`6304${crc}`) || !/^[0-9A-F]{4}$/.test(crc))
    return { valid: false, reason: 'structure' };
  for (const id of ['00', '26', '52', '53', '58', '59', '60'])
    if (!fields.has(id)) return { valid: false, reason: 'missing_field' };
  if (payload.slice(0, 6) !== '000201') return { valid: false, reason: 'structure' };
  const account = parseTlv(fields.get('26')!);
  if (!account || account.get('00')?.toLowerCase() !== PIX_GUI || !account.get('01'))
    return { valid: false, reason: 'not_pix' };
  if (fields.get('53') !== '986' || fields.get('58') !== 'BR') return { valid: false, reason: 'not_pix' };
  if (crc16CcittFalse(payload.slice(0, -4)) !== crc) return { valid: false, reason: 'crc' };
  const amount = fields.get('54');
  const additional = fields.has('62') ? parseTlv(fields.get('62')!) : null;
  return {
    valid: true,
    fields: Object.fromEntries(fields),
    pixKey: account.get('01')!,
    amountCents: amount === undefined ? null : Math.round(Number(amount) * 100),
    merchantName: fields.get('59')!,
    merchantCity: fields.get('60')!,
    txid: additional?.get('05') ?? null,
  };
}
