import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { buildPixBrCode, crc16CcittFalse, normalizeEmvText, verifyBrCode } from './br-code.ts';

/** UTF-8 bytes, written out here (shared/ compiles without DOM or Node types, so no TextEncoder). */
function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

/**
 * CRC16/CCITT-FALSE written independently of the module (bit by bit over UTF-8 bytes, no table), so a wrong
 * table or a wrong byte encoding in the builder cannot agree with it by construction.
 */
function referenceCrc(text: string): string {
  let crc = 0xffff;
  for (const byte of utf8(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Walks the TLV fields counting UTF-8 bytes, as a bank app reading the scanned bytes would. */
function byteFields(payload: string): Map<string, string> {
  const bytes = utf8(payload);
  // Fields are compared as text only when every byte is ASCII; otherwise the byte walk is what fails.
  const text = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  const out = new Map<string, string>();
  for (let i = 0; i < bytes.length;) {
    const id = text(i, i + 2);
    const len = Number(text(i + 2, i + 4));
    out.set(id, text(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

const BASE = {
  pixKey: '123e4567-e12b-12d1-a456-426655440000',
  amountCents: 450_000,
  merchantName: 'ARCO DIGITAL',
  merchantCity: 'SAO PAULO',
  txid: 'INV-1235',
};

describe('crc16CcittFalse', () => {
  it('gives the algorithm check value and the Banco Central manual example', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
    const manual =
      '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***6304';
    expect(crc16CcittFalse(manual)).toBe('1D3D');
    expect(verifyBrCode(`${manual}1D3D`)).toMatchObject({ valid: true, merchantName: 'Fulano de Tal' });
  });

  it('refuses non-ASCII input instead of guessing an encoding', () => {
    expect(() => crc16CcittFalse('AGÊNCIA')).toThrow(RangeError);
  });
});

describe('normalizeEmvText', () => {
  it.each([
    ['OUTRA AGÊNCIA', 25, 'OUTRA AGENCIA'],
    ['São Paulo', 15, 'Sao Paulo'],
    ['Açaí & Cia — Ltda', 25, 'Acai & Cia Ltda'],
    ['  Muitos   espaços  ', 25, 'Muitos espacos'],
    ['Agência de Publicidade Brasileira', 25, 'Agencia de Publicidade Br'],
    ['Ribeirão das Neves', 15, 'Ribeirao das Ne'],
    ['Ab cdefghijklmn opq', 15, 'Ab cdefghijklmn'],
    ['Abcdefghijklmn opq', 15, 'Abcdefghijklmn'], // a cut never leaves a trailing space
    ['東京 Tokyo', 25, 'Tokyo'],
  ])('%s (max %i) → %s', (input, max, expected) => {
    expect(normalizeEmvText(input, max)).toBe(expected);
  });
});

describe('buildPixBrCode', () => {
  it.each([
    {
      name: 'plain ASCII merchant',
      merchantName: 'ARCO DIGITAL',
      merchantCity: 'SAO PAULO',
      name59: 'ARCO DIGITAL',
      city60: 'SAO PAULO',
    },
    {
      name: 'accented merchant (the demo agency)',
      merchantName: 'OUTRA AGÊNCIA',
      merchantCity: 'São Paulo',
      name59: 'OUTRA AGENCIA',
      city60: 'Sao Paulo',
    },
    {
      name: 'long accented name and city',
      merchantName: 'Agência Criativa de Comunicação Integrada',
      merchantCity: 'São José dos Campos',
      name59: 'Agencia Criativa de Comun',
      city60: 'Sao Jose dos Ca',
    },
    {
      name: 'cedilla and tilde',
      merchantName: 'Açougue Irmãos',
      merchantCity: 'Maceió',
      name59: 'Acougue Irmaos',
      city60: 'Maceio',
    },
  ])(
    '$name: valid EMV, lengths in bytes, CRC recomputed independently',
    ({ merchantName, merchantCity, name59, city60 }) => {
      const code = buildPixBrCode({ ...BASE, merchantName, merchantCity });
      expect(code).toMatch(/^[\x20-\x7E]+$/);
      expect(code.slice(-4)).toBe(referenceCrc(code.slice(0, -4)));
      const fields = byteFields(code);
      expect(fields.get('59')).toBe(name59);
      expect(fields.get('60')).toBe(city60);
      expect(fields.get('54')).toBe('4500.00');
      expect(fields.get('53')).toBe('986');
      expect(fields.get('63')).toBe(code.slice(-4));
      expect(verifyBrCode(code)).toMatchObject({ valid: true, amountCents: 450_000, txid: 'INV1235' });
    },
  );

  it('matches the Banco Central manual example byte for byte', () => {
    const code = buildPixBrCode({
      pixKey: '123e4567-e12b-12d1-a456-426655440000',
      amountCents: 0,
      merchantName: 'Fulano de Tal',
      merchantCity: 'BRASILIA',
      txid: null,
    });
    expect(code).toBe(
      '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D',
    );
  });

  it('formats the amount from integer cents', () => {
    const fields = (cents: number) => byteFields(buildPixBrCode({ ...BASE, amountCents: cents })).get('54');
    expect(fields(1)).toBe('0.01');
    expect(fields(500_000)).toBe('5000.00');
    expect(fields(123_456_789)).toBe('1234567.89');
  });

  it('keeps only alphanumerics of the txid, at most 25', () => {
    const txid = (t: string) => verifyBrCode(buildPixBrCode({ ...BASE, txid: t }));
    expect(txid('OA-202602-00012')).toMatchObject({ txid: 'OA20260200012' });
    expect(txid('---')).toMatchObject({ txid: '***' });
    expect(txid('A'.repeat(40))).toMatchObject({ txid: 'A'.repeat(25) });
  });

  it('refuses bad input by field', () => {
    expect(() => buildPixBrCode({ ...BASE, amountCents: -1 })).toThrow(ZodError);
    expect(() => buildPixBrCode({ ...BASE, pixKey: '' })).toThrow(ZodError);
    expect(() => buildPixBrCode({ ...BASE, merchantName: '東京' })).toThrow(RangeError);
  });

  it('property: any merchant text gives a code a byte-counting reader accepts', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }).filter((s) => normalizeEmvText(s, 25) !== ''),
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => normalizeEmvText(s, 15) !== ''),
        fc.integer({ min: 0, max: 10_000_000_00 }),
        (merchantName, merchantCity, amountCents) => {
          const code = buildPixBrCode({ ...BASE, merchantName, merchantCity, amountCents });
          expect(code.slice(-4)).toBe(referenceCrc(code.slice(0, -4)));
          expect(verifyBrCode(code).valid).toBe(true);
          const fields = byteFields(code);
          expect(utf8(fields.get('59') ?? '').length).toBeLessThanOrEqual(25);
          expect(utf8(fields.get('60') ?? '').length).toBeLessThanOrEqual(15);
        },
      ),
    );
  });
});

describe('verifyBrCode', () => {
  const good = buildPixBrCode(BASE);
  it.each([
    ['a changed digit (CRC no longer matches)', good.replace('4500.00', '4600.00'), 'crc'],
    ['a raw accent (the old builder)', good.replace('ARCO DIGITAL', 'ARCO DIGITÁL'), 'charset'],
    ['a wrong declared length', good.replace('5912ARCO', '5913ARCO'), 'structure'],
    ['no CRC field', good.slice(0, -8), 'structure'],
    [
      'another currency',
      good.replace('5303986', '5303840').slice(0, -4) +
        crc16CcittFalse(good.replace('5303986', '5303840').slice(0, -4)),
      'not_pix',
    ],
  ])('%s → %s', (_, payload, reason) => {
    expect(verifyBrCode(payload)).toEqual({ valid: false, reason });
  });

  it('the earlier seed builder produced an invalid code for "OUTRA AGÊNCIA" (length in UTF-16 units, CRC over a Latin-1 unit)', () => {
    const merchant = 'OUTRA AGÊNCIA';
    const naive = `00020126580014br.gov.bcb.pix0136${BASE.pixKey}5204000053039865802BR59${String(merchant.length).padStart(2, '0')}${merchant}6009SAO PAULO62070503***6304`;
    let crc = 0xffff; // the old table loop over charCodeAt
    for (let i = 0; i < naive.length; i++) {
      crc ^= naive.charCodeAt(i) << 8;
      for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    const payload = naive + crc.toString(16).toUpperCase().padStart(4, '0');
    expect(verifyBrCode(payload).valid).toBe(false);
    // A byte-reading bank sees 14 bytes where 13 were declared, and a different CRC.
    expect(utf8(merchant).length).toBe(14);
    expect(payload.slice(-4)).not.toBe(referenceCrc(payload.slice(0, -4)));
  });
});
