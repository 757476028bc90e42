import { z } from 'zod';
import { campaignDaySchema, dailyMetricSchema } from '../../entities/portal.ts';
import { idSchema } from '../../entities/common.ts';

/**
 * CSV import of daily metrics and campaign metrics (issue 17 item 4): the fallback for every integration.
 *
 * Pure: the server parses the file with papaparse into rows of strings (the header first) and hands them here;
 * this module reads each line into a typed day validated by the entities' own schemas (`dailyMetricSchema`,
 * `campaignDaySchema`), or says why not, per line and column, as a code with the raw value — each language
 * writes its own sentence (client i18n; English `message` for the API).
 *
 * Invariants:
 * - Number style follows the separator: a `;` file is Brazilian (`1.234,56`: dot groups thousands, comma is the
 *   decimal point), a `,` file is international (`1,234.56`). Money is read into integer cents without floats
 *   and at most two decimals; counts must be whole.
 * - Dates are `dd/mm/aaaa` or `AAAA-MM-DD`, and must exist on the calendar.
 * - Column names are matched without accents, case or spacing, in Portuguese or English (COLUMNS).
 * - A key (date, or campaign + date) appears once per file: a repeated key is an error on the later line, so
 *   what the import writes never depends on line order.
 * - Line numbers are the spreadsheet's (the header is line 1).
 */
export const IMPORT_KINDS = ['metrics', 'campaigns'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The JSON body of `POST /api/imports/csv/preview` and `/api/imports/csv` (docs/api.md "CSV import"). */
export const csvImportRequestSchema = z.strictObject({
  customerId: idSchema,
  kind: z.enum(IMPORT_KINDS),
  /** The file's text (UTF-8; a byte-order mark is ignored). */
  csv: z.string().min(1).max(2_000_000),
});
export type CsvImportRequest = z.infer<typeof csvImportRequestSchema>;

export const CSV_LINE_ERROR_CODES = [
  'missing_column',
  'missing_value',
  'invalid_date',
  'invalid_number',
  'not_whole',
  'out_of_range',
  'too_many_decimals',
  'duplicate_key',
  'unknown_campaign',
  'wrong_field_count',
] as const;
export type CsvLineErrorCode = (typeof CSV_LINE_ERROR_CODES)[number];

export const csvLineErrorSchema = z.strictObject({
  line: z.number().int().min(1),
  /** The canonical field (e.g. `revenueCents`), or null for the whole line. */
  field: z.string().nullable(),
  code: z.enum(CSV_LINE_ERROR_CODES),
  /** The cell as written (trimmed, at most 100 characters), or null. */
  value: z.string().nullable(),
  /** Line of the first occurrence, for `duplicate_key`. */
  firstLine: z.number().int().nullable(),
});
export type CsvLineError = z.infer<typeof csvLineErrorSchema>;

type MetricField = Exclude<keyof z.infer<typeof dailyMetricSchema>, 'date'>;
type CampaignField = Exclude<keyof z.infer<typeof campaignDaySchema>, 'date'>;
type ValueKind = 'count' | 'money' | 'percent';

interface ColumnDef<F extends string> {
  readonly field: F;
  readonly kind: ValueKind;
  /** Accepted header names, already folded (see `fold`). */
  readonly names: readonly string[];
}

const METRIC_COLUMNS: readonly ColumnDef<MetricField>[] = [
  { field: 'sessions', kind: 'count', names: ['sessoes', 'sessions', 'visitas'] },
  {
    field: 'pageviews',
    kind: 'count',
    names: ['visualizacoes', 'pageviews', 'visualizacoesdepagina', 'paginasvistas'],
  },
  { field: 'bounceRate', kind: 'percent', names: ['taxaderejeicao', 'rejeicao', 'bouncerate'] },
  {
    field: 'avgSessionSeconds',
    kind: 'count',
    names: ['duracaomedia', 'duracaomediasegundos', 'avgsessionseconds', 'avgsessionduration'],
  },
  { field: 'conversions', kind: 'count', names: ['conversoes', 'conversions'] },
  { field: 'revenueCents', kind: 'money', names: ['receita', 'revenue'] },
  { field: 'adSpendCents', kind: 'money', names: ['investimento', 'investimentoemanuncios', 'adspend'] },
  { field: 'leads', kind: 'count', names: ['leads'] },
];

const CAMPAIGN_COLUMNS: readonly ColumnDef<CampaignField>[] = [
  { field: 'impressions', kind: 'count', names: ['impressoes', 'impressions'] },
  { field: 'clicks', kind: 'count', names: ['cliques', 'clicks'] },
  { field: 'spendCents', kind: 'money', names: ['investimento', 'gasto', 'custo', 'spend', 'cost'] },
  { field: 'conversions', kind: 'count', names: ['conversoes', 'conversions'] },
  {
    field: 'revenueCents',
    kind: 'money',
    names: ['receita', 'valordeconversao', 'revenue', 'conversionvalue'],
  },
];

const DATE_NAMES = ['data', 'date', 'dia', 'day'];
const CAMPAIGN_NAMES = ['campanha', 'campaign', 'nomedacampanha', 'campaignname'];

/** Header folding: no accents, no case, nothing but letters and digits ("Taxa de rejeição (%)" → "taxaderejeicao"). */
export function fold(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The file's separator, read from its header line only. Papaparse's own guess weighs every line, and in a `;`
 * file the decimal commas of the data lines ("72,00;12;900,00") outvote the header, so it picked `,` and read
 * the header as one column (found by the CSV import journey). Headers hold names, never decimals: the most
 * frequent of `;`, tab and `,` outside quotes there is the separator; none at all reads as `,` (one column).
 */
export function delimiterOf(csv: string): ';' | '\t' | ',' {
  const header = (/^[^\r\n]*/.exec(csv.replace(/^\uFEFF/, ''))?.[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (d: string) => header.split(d).length - 1;
  const best = ([';', '\t', ','] as const).reduce((a, b) => (count(b) > count(a) ? b : a));
  return count(best) > 0 ? best : ',';
}

export type NumberStyle = 'br' | 'intl';

/** `;` files are Brazilian spreadsheets (Excel in pt-BR writes them so); anything else reads dot-decimal. */
export const numberStyleOf = (delimiter: string): NumberStyle => (delimiter === ';' ? 'br' : 'intl');

type Read<T> = { ok: true; value: T } | { ok: false; code: CsvLineErrorCode };

/** A plain decimal string ("-1234.5") from a cell in the file's style, or null when it is not a number. */
export function normalizeDecimal(raw: string, style: NumberStyle): string | null {
  const cell = raw
    .replace(/^R\$\s*/i, '')
    .replace(/\s*%$/, '')
    .replace(/[\s\u00a0]/g, '');
  const [group, point] = style === 'br' ? ['.', ','] : [',', '.'];
  const pattern =
    style === 'br' ? /^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/ : /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
  if (!pattern.test(cell)) return null;
  return cell.split(group).join('').replace(point, '.');
}

function readValue(raw: string, kind: ValueKind, style: NumberStyle): Read<number> {
  const decimal = normalizeDecimal(raw, style);
  if (decimal === null) return { ok: false, code: 'invalid_number' };
  if (decimal.startsWith('-')) return { ok: false, code: 'out_of_range' };
  const [whole = '0', fraction = ''] = decimal.split('.');
  switch (kind) {
    case 'count':
      if (/[1-9]/.test(fraction)) return { ok: false, code: 'not_whole' };
      if (whole.length > 15) return { ok: false, code: 'out_of_range' };
      return { ok: true, value: Number(whole) };
    case 'money': {
      if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2)))
        return { ok: false, code: 'too_many_decimals' };
      if (whole.length > 13) return { ok: false, code: 'out_of_range' };
      // Integer arithmetic on the digits: no float ever holds the amount.
      return { ok: true, value: Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0')) };
    }
    case 'percent': {
      const value = Number(decimal);
      if (value > 100) return { ok: false, code: 'out_of_range' };
      return { ok: true, value };
    }
  }
}

/** `dd/mm/aaaa`, `d/m/aaaa` or `AAAA-MM-DD` → `AAAA-MM-DD` when that day exists. */
export function readDate(raw: string): string | null {
  const br = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const [y, m, d] = br ? [br[3], br[2], br[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === date ? date : null;
}

/** One valid line: the day's values for the columns the file has (absent columns are left to the stored day). */
export interface MetricLine {
  readonly line: number;
  readonly date: string;
  readonly values: Partial<Record<MetricField, number>>;
}
export interface CampaignLine {
  readonly line: number;
  readonly date: string;
  /** The campaign as named in the file (matched by the server against the customer's campaigns). */
  readonly campaign: string;
  readonly values: Partial<Record<CampaignField, number>>;
}

export interface ReadResult<L> {
  readonly lines: readonly L[];
  readonly errors: readonly CsvLineError[];
  /** Canonical fields the header provides, in file order. */
  readonly fields: readonly string[];
}

const clip = (value: string) => value.trim().slice(0, 100);

const lineError = (
  line: number,
  field: string | null,
  code: CsvLineErrorCode,
  value: string | null = null,
  firstLine: number | null = null,
): CsvLineError => ({ line, field, code, value: value === null ? null : clip(value), firstLine });

function readTable<F extends string, L>(
  rows: readonly (readonly string[])[],
  style: NumberStyle,
  columns: readonly ColumnDef<F>[],
  keyColumns: readonly { field: string; names: readonly string[] }[],
  build: (line: number, keys: Record<string, string>, values: Partial<Record<F, number>>) => L,
  keyOf: (line: L) => string,
): ReadResult<L> {
  const [header = [], ...body] = rows;
  const folded = header.map(fold);
  const indexOf = (names: readonly string[]) => folded.findIndex((h) => names.includes(h));
  const errors: CsvLineError[] = [];
  const keys = keyColumns.map((k) => ({ ...k, index: indexOf(k.names) }));
  for (const key of keys) if (key.index < 0) errors.push(lineError(1, key.field, 'missing_column'));
  const present = columns
    .map((column) => ({ column, index: indexOf(column.names) }))
    .filter(({ index }) => index >= 0);
  if (errors.length > 0 || present.length === 0) {
    if (present.length === 0) errors.push(lineError(1, null, 'missing_column'));
    return { lines: [], errors, fields: [] };
  }

  const lines: L[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== header.length) {
      errors.push(lineError(line, null, 'wrong_field_count', String(cells.length)));
      return;
    }
    const before = errors.length;
    const keyValues: Record<string, string> = {};
    for (const key of keys) {
      const raw = (cells[key.index] ?? '').trim();
      if (raw === '') errors.push(lineError(line, key.field, 'missing_value'));
      else if (key.field === 'date') {
        const date = readDate(raw);
        if (date) keyValues.date = date;
        else errors.push(lineError(line, 'date', 'invalid_date', raw));
      } else keyValues[key.field] = raw;
    }
    const values: Partial<Record<F, number>> = {};
    for (const { column, index } of present) {
      const raw = (cells[index] ?? '').trim();
      if (raw === '') continue; // an empty cell keeps what is stored (or 0 on a new day)
      const read = readValue(raw, column.kind, style);
      if (read.ok) values[column.field] = read.value;
      else errors.push(lineError(line, column.field, read.code, raw));
    }
    if (errors.length > before) return;
    const parsed = build(line, keyValues, values);
    const key = keyOf(parsed);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(lineError(line, null, 'duplicate_key', keyValues.date ?? null, first));
      return;
    }
    seen.set(key, line);
    lines.push(parsed);
  });
  return { lines, errors, fields: present.map(({ column }) => column.field) };
}

export function readMetricRows(
  rows: readonly (readonly string[])[],
  style: NumberStyle,
): ReadResult<MetricLine> {
  return readTable(
    rows,
    style,
    METRIC_COLUMNS,
    [{ field: 'date', names: DATE_NAMES }],
    (line, keys, values) => ({ line, date: keys.date!, values }),
    (l) => l.date,
  );
}

export function readCampaignRows(
  rows: readonly (readonly string[])[],
  style: NumberStyle,
): ReadResult<CampaignLine> {
  return readTable(
    rows,
    style,
    CAMPAIGN_COLUMNS,
    [
      { field: 'campaign', names: CAMPAIGN_NAMES },
      { field: 'date', names: DATE_NAMES },
    ],
    (line, keys, values) => ({ line, date: keys.date!, campaign: keys.campaign!, values }),
    (l) => `${campaignKey(l.campaign)}|${l.date}`,
  );
}

/** How a campaign named in a file is matched: by its name or external id, ignoring case and spacing. */
export const campaignKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

const EMPTY_DAY: Omit<z.infer<typeof dailyMetricSchema>, 'date'> = {
  sessions: 0,
  pageviews: 0,
  bounceRate: null,
  avgSessionSeconds: null,
  conversions: 0,
  revenueCents: 0,
  adSpendCents: 0,
  leads: 0,
  score: null,
};

/** The stored day with the line's values over it (a new day starts empty), checked by the entity's schema. */
export function mergeMetricDay(
  stored: z.infer<typeof dailyMetricSchema> | undefined,
  line: MetricLine,
): z.infer<typeof dailyMetricSchema> {
  return dailyMetricSchema.parse({ ...EMPTY_DAY, ...stored, ...line.values, date: line.date });
}

export function mergeCampaignDay(
  stored: z.infer<typeof campaignDaySchema> | undefined,
  line: CampaignLine,
): z.infer<typeof campaignDaySchema> {
  return campaignDaySchema.parse({
    impressions: 0,
    clicks: 0,
    spendCents: 0,
    conversions: 0,
    revenueCents: 0,
    ...stored,
    ...line.values,
    date: line.date,
  });
}

/** What the preview and the import answer (docs/api.md "CSV import"). */
export const csvImportResultSchema = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  /** `;` or `,`, as detected. */
  delimiter: z.string(),
  numberStyle: z.enum(['br', 'intl']),
  fields: z.array(z.string()),
  /** Valid lines read, with what each would do. */
  lines: z.array(
    z.strictObject({
      line: z.number().int(),
      date: z.string(),
      campaign: z.string().nullable(),
      values: z.record(z.string(), z.number()),
      /** `new` day, `changed` day, or `unchanged` (re-import of the same figures). */
      effect: z.enum(['new', 'changed', 'unchanged']),
    }),
  ),
  errors: z.array(csvLineErrorSchema),
  /** Documents the import wrote (0 for a preview, and for a re-import of the same file). */
  written: z.number().int().min(0),
});
export type CsvImportResult = z.infer<typeof csvImportResultSchema>;

/** English sentence of one line error, for the API's message (the UI renders its own per language). */
export function describeLineError(error: CsvLineError): string {
  const where = `line ${error.line}${error.field ? `, ${error.field}` : ''}`;
  const value = error.value === null ? '' : ` ("${error.value}")`;
  const what: Record<CsvLineErrorCode, string> = {
    missing_column: 'a required column is missing',
    missing_value: 'the value is missing',
    invalid_date: 'not a date (dd/mm/aaaa or AAAA-MM-DD)',
    invalid_number: 'not a number',
    not_whole: 'must be a whole number',
    out_of_range: 'out of range',
    too_many_decimals: 'at most two decimals',
    duplicate_key: `repeats line ${error.firstLine ?? '?'}`,
    unknown_campaign: 'no campaign of this customer has this name',
    wrong_field_count: 'wrong number of fields',
  };
  return `${where}: ${what[error.code]}${value}`;
}
