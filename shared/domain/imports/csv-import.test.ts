import { describe, expect, it } from 'vitest';
import { delimiterOf, fold, normalizeDecimal, readDate, readMetricRows } from './csv-import.ts';

describe('CSV import reading', () => {
  it.each([
    ['1.234,56', 'br', '1234.56'],
    ['R$ 1.234,56', 'br', '1234.56'],
    ['1234', 'br', '1234'],
    ['1,234.56', 'intl', '1234.56'],
    ['1.234,56', 'intl', null],
    ['12a', 'br', null],
  ] as const)('reads %s (%s) as %s', (raw, style, expected) => {
    expect(normalizeDecimal(raw, style)).toBe(expected);
  });

  it.each([
    ['01/03/2026', '2026-03-01'],
    ['1/3/2026', '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
    ['31/02/2026', null],
    ['03/01/26', null],
  ])('reads the date %s as %s', (raw, expected) => {
    expect(readDate(raw)).toBe(expected);
  });

  it.each([
    // A pt-BR spreadsheet whose data lines have more decimal commas than the header has columns.
    ['Data;Campanha;Conversões;Receita\r\n06/12/2026;Serviços Premium;12;1.480,00;\r\n', ';'],
    ['\uFEFFData;Sessões\n01/03/2026;1.234', ';'],
    ['date,sessions,revenue\n2026-03-01,"1,234",12.50', ','],
    ['"Data; dia",Receita\n01/03/2026,"1,5"', ','],
    ['Data\tSessões\n01/03/2026\t12', '\t'],
    ['Data\n01/03/2026', ','],
  ])('reads the separator of %j from its header: %j', (csv, expected) => {
    expect(delimiterOf(csv)).toBe(expected);
  });

  it('folds headers without accents, case or units', () => {
    expect(fold('Taxa de rejeição (%)')).toBe('taxaderejeicao');
  });

  it('reports each bad cell on its spreadsheet line and a repeated date on the later line', () => {
    const read = readMetricRows(
      [
        ['Data', 'Sessões', 'Receita'],
        ['01/03/2026', '10', '1,5'],
        ['02/03/2026', '1,5', '1,555'],
        ['01/03/2026', '3', '0'],
        [''],
      ],
      'br',
    );
    expect(read.lines).toEqual([
      { line: 2, date: '2026-03-01', values: { sessions: 10, revenueCents: 150 } },
    ]);
    expect(read.errors.map((e) => [e.line, e.field, e.code, e.firstLine])).toEqual([
      [3, 'sessions', 'not_whole', null],
      [3, 'revenueCents', 'too_many_decimals', null],
      [4, null, 'duplicate_key', 2],
    ]);
  });

  it('refuses a file without a date column', () => {
    expect(readMetricRows([['Sessões'], ['1']], 'br').errors).toMatchObject([
      { line: 1, field: 'date', code: 'missing_column' },
    ]);
  });
});
