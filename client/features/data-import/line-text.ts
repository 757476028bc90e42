import type { CsvImportResult, CsvLineError } from '../../../shared/domain/imports/csv-import.ts';

/**
 * The import's per-line sentences and column names per language, as typed functions rather than i18next keys
 * (docs/architecture.md §7.1 does the same for domain texts): each code reads its own params, and the compiler
 * refuses a language missing one.
 */
type Language = 'pt-BR' | 'en';
type Effect = CsvImportResult['lines'][number]['effect'];

const FIELDS: Record<Language, Record<string, string>> = {
  'pt-BR': {
    date: 'data',
    campaign: 'campanha',
    sessions: 'sessões',
    pageviews: 'visualizações',
    bounceRate: 'taxa de rejeição',
    avgSessionSeconds: 'duração média',
    conversions: 'conversões',
    revenueCents: 'receita',
    adSpendCents: 'investimento',
    leads: 'leads',
    impressions: 'impressões',
    clicks: 'cliques',
    spendCents: 'investimento',
  },
  en: {
    date: 'date',
    campaign: 'campaign',
    sessions: 'sessions',
    pageviews: 'page views',
    bounceRate: 'bounce rate',
    avgSessionSeconds: 'average duration',
    conversions: 'conversions',
    revenueCents: 'revenue',
    adSpendCents: 'ad spend',
    leads: 'leads',
    impressions: 'impressions',
    clicks: 'clicks',
    spendCents: 'spend',
  },
};

const EFFECTS: Record<Language, Record<Effect, string>> = {
  'pt-BR': { new: 'Novo dia', changed: 'Atualiza', unchanged: 'Sem mudança' },
  en: { new: 'New day', changed: 'Updates', unchanged: 'No change' },
};

type Template = (f: string, v: string, first: string) => string;
const CODES: Record<Language, Record<CsvLineError['code'], Template>> = {
  'pt-BR': {
    missing_column: (f) => `falta a coluna ${f}`,
    missing_value: (f) => `${f} está vazio`,
    invalid_date: (f, v) => `${f} “${v}” não é uma data (dd/mm/aaaa)`,
    invalid_number: (f, v) => `${f} “${v}” não é um número`,
    not_whole: (f, v) => `${f} “${v}” deve ser um número inteiro`,
    out_of_range: (f, v) => `${f} “${v}” está fora do intervalo`,
    too_many_decimals: (f, v) => `${f} “${v}” tem mais de duas casas decimais`,
    duplicate_key: (_f, _v, first) => `repete a linha ${first}`,
    unknown_campaign: (_f, v) => `nenhuma campanha deste cliente se chama “${v}”`,
    wrong_field_count: () => 'número de colunas diferente do cabeçalho',
  },
  en: {
    missing_column: (f) => `the ${f} column is missing`,
    missing_value: (f) => `${f} is empty`,
    invalid_date: (f, v) => `${f} “${v}” is not a date (dd/mm/yyyy)`,
    invalid_number: (f, v) => `${f} “${v}” is not a number`,
    not_whole: (f, v) => `${f} “${v}” must be a whole number`,
    out_of_range: (f, v) => `${f} “${v}” is out of range`,
    too_many_decimals: (f, v) => `${f} “${v}” has more than two decimals`,
    duplicate_key: (_f, _v, first) => `repeats line ${first}`,
    unknown_campaign: (_f, v) => `no campaign of this customer is called “${v}”`,
    wrong_field_count: () => 'the number of columns differs from the header',
  },
};

const lang = (language: string): Language => (language.startsWith('en') ? 'en' : 'pt-BR');

export const fieldName = (language: string, field: string): string => FIELDS[lang(language)][field] ?? field;
export const effectName = (language: string, effect: Effect): string => EFFECTS[lang(language)][effect];

/** "Linha 3: data “31/02/2026” não é uma data (dd/mm/aaaa)". */
export function lineErrorText(language: string, e: CsvLineError): string {
  const what = CODES[lang(language)][e.code](
    e.field ? fieldName(language, e.field) : '',
    e.value ?? '',
    String(e.firstLine ?? ''),
  );
  return `${lang(language) === 'en' ? 'Line' : 'Linha'} ${e.line}: ${what}`;
}
