import Papa from 'papaparse';
import type { AppLanguage } from '../../ui/format.ts';
import type { DomainTextRenderer } from '../../domain-text/use-domain-text.ts';
import type { CustomerRow } from './customer-rows.ts';
import type { CustomersT } from './use-customers-translation.ts';

/**
 * CSV export of the list as filtered and sorted on screen.
 *
 * Made for the spreadsheet the user opens it in: in pt-BR, Excel expects `;` between fields and a decimal comma
 * ("4500,00"), and reads the file as UTF-8 only with a byte-order mark. Money is a plain decimal number in
 * reais (no "R$", no thousands separator) so it stays summable. Text cells that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`…) are escaped (CSV injection); numbers are written as numbers.
 */
export interface CsvFormat {
  readonly delimiter: ';' | ',';
  readonly decimal: ',' | '.';
  /** `br`: dd/mm/aaaa; `iso`: AAAA-MM-DD. */
  readonly dates: 'br' | 'iso';
}

export const CSV_FORMATS: Readonly<Record<AppLanguage, CsvFormat>> = {
  'pt-BR': { delimiter: ';', decimal: ',', dates: 'br' },
  en: { delimiter: ',', decimal: '.', dates: 'iso' },
};

const BOM = '\uFEFF';

/** Integer cents as a decimal number string without floats: 450000 → "4500,00". */
export function centsToDecimal(cents: number, decimal: CsvFormat['decimal']): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}${decimal}${String(abs % 100).padStart(2, '0')}`;
}

function csvDate(date: string | null, format: CsvFormat): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return format.dates === 'br' ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}

type Cell = string | number;

/** Header and one record per row, in the order given. */
export function csvRecords(
  rows: readonly CustomerRow[],
  t: CustomersT,
  format: CsvFormat,
  domainText: DomainTextRenderer,
): Cell[][] {
  const header = [
    t('csv.name'),
    t('csv.domain'),
    t('csv.industry'),
    t('csv.size'),
    t('csv.location'),
    t('csv.tier'),
    t('csv.status'),
    t('csv.mrr'),
    t('csv.arr'),
    t('csv.healthScore'),
    t('csv.healthStatus'),
    t('csv.healthTrend'),
    t('csv.activeUsers'),
    t('csv.totalSeats'),
    t('csv.csm'),
    t('csv.customerSince'),
    t('csv.renewalDate'),
    t('csv.renewalType'),
    t('csv.topRisk'),
  ];
  const body = rows.map(({ customer: c, health: h, csmName }): Cell[] => [
    c.name,
    c.domain ?? '',
    c.industry ?? '',
    c.size ?? '',
    c.location ?? '',
    t(`tiers.${c.tier}`),
    t(`statuses.${c.status}`),
    centsToDecimal(c.mrrCents, format.decimal),
    centsToDecimal(c.arrCents, format.decimal),
    h ? h.score : '',
    h ? t(`health.${h.status}`) : '',
    h?.trend ?? '',
    c.activeUsers,
    c.totalSeats,
    csmName ?? '',
    csvDate(c.customerSince, format),
    csvDate(c.renewalDate, format),
    t(`renewalTypes.${c.renewalType}`),
    h?.riskFactors[0] ? domainText(h.riskFactors[0].description) : '',
  ]);
  return [header, ...body];
}

/** The file's text: BOM + CRLF-separated records. */
export function toCsv(records: readonly Cell[][], format: CsvFormat): string {
  return (
    BOM +
    Papa.unparse(records as Cell[][], {
      delimiter: format.delimiter,
      newline: '\r\n',
      escapeFormulae: true,
    })
  );
}

/** `clientes-AAAA-MM-DD.csv`, dated in the user's time zone (`today` is that calendar date). */
export const csvFileName = (today: string): string => `clientes-${today}.csv`;
