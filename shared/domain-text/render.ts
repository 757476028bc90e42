import type { DomainText, DomainTextCode, DomainTextOf, LeafDomainText } from '../entities/domain-text.ts';
import type { HealthDimension } from '../entities/csm.ts';
import { HEALTH_FACTOR_KEYS, type HealthFactorKey } from '../domain/csm/health-factors.ts';
import { en } from './en.ts';
import { ptBR } from './pt-br.ts';

/**
 * Renders domain-text codes (shared/entities/domain-text.ts) in one language: pure, no React, no i18next state,
 * so the device (client/domain-text/use-domain-text.ts) and the server use the same function. The server will
 * call `createDomainTextRenderer(recipientLanguage)` where it writes e-mail and push text (the notification jobs
 * in server/jobs/), with the recipient's profile language.
 *
 * Numbers, money (BRL) and calendar dates are formatted per language with `Intl` (pt-BR: "R$ 1.500",
 * "20/03/2026", "4,8"; English: "R$1,500", "Mar 20, 2026", "4.8"). Intl separates "R$" with a no-break space.
 */
export type DomainTextLanguage = 'pt-BR' | 'en';
export const DOMAIN_TEXT_LANGUAGES: readonly DomainTextLanguage[] = ['pt-BR', 'en'];

/** What a message's template may use besides its params. */
export interface DomainTextTools {
  /** At most `maxDecimals` decimals (default 1), grouped per language. */
  number(value: number, maxDecimals?: number): string;
  /** A value already in percent units: 85 → "85%". */
  percent(value: number, maxDecimals?: number): string;
  /** "+5", "−3,2", "0": the minus sign U+2212, like the UI. */
  signed(value: number, maxDecimals?: number): string;
  /** Integer cents as BRL; whole amounts without cents ("R$ 1.500", "R$ 1.500,50"). */
  money(cents: number): string;
  /** A calendar date `YYYY-MM-DD`, never shifted by a time zone. */
  date(isoDate: string): string;
  /**
   * "1 dia", "3 dias". One is singular, everything else plural — in both languages (CLDR's Portuguese would
   * make 0 singular; the product writes "0 tickets").
   */
  count(n: number, one: string, other: string): string;
  /** A nested message (`join`, risk-alert descriptions, change summaries). */
  render(text: LeafDomainText): string;
  factorName(key: string): string;
  dimensionName(dimension: HealthDimension): string;
}

/** One template per code: the compiler refuses a language without every code. */
export type DomainTextMessages = {
  readonly [C in DomainTextCode]: (params: DomainTextOf<C>['params'], tools: DomainTextTools) => string;
};

export interface DomainTextResources {
  readonly intlLocale: string;
  readonly messages: DomainTextMessages;
  readonly factorNames: Readonly<Record<HealthFactorKey, string>>;
  readonly dimensionNames: Readonly<Record<HealthDimension, string>>;
}

export const DOMAIN_TEXT_RESOURCES: Readonly<Record<DomainTextLanguage, DomainTextResources>> = {
  'pt-BR': ptBR,
  en,
};

const isHealthFactorKey = (key: string): key is HealthFactorKey =>
  (HEALTH_FACTOR_KEYS as readonly string[]).includes(key);

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_OPTIONS: Record<DomainTextLanguage, Intl.DateTimeFormatOptions> = {
  'pt-BR': { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { month: 'short', day: 'numeric', year: 'numeric' },
};

/**
 * A renderer for one language. Formatters are built once here (an `Intl` formatter costs far more than a
 * format call), so build one per language and reuse it for a whole list.
 */
export function createDomainTextRenderer(language: DomainTextLanguage): (text: DomainText) => string {
  const resources = DOMAIN_TEXT_RESOURCES[language];
  const locale = resources.intlLocale;
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (maxDecimals: number) => {
    let f = numberFormats.get(maxDecimals);
    if (!f) {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals });
      numberFormats.set(maxDecimals, f);
    }
    return f;
  };
  const wholeMoney = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'BRL',
    maximumFractionDigits: 0,
  });
  const centsMoney = new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' });
  const dateFormat = new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[language], timeZone: 'UTC' });

  const tools: DomainTextTools = {
    number: (value, maxDecimals = 1) => numberFormat(maxDecimals).format(value + 0),
    percent: (value, maxDecimals = 0) => `${tools.number(value, maxDecimals)}%`,
    signed: (value, maxDecimals = 1) => {
      const factor = 10 ** maxDecimals;
      const rounded = Math.round(Math.abs(value) * factor) / factor;
      if (rounded === 0) return '0';
      return `${value > 0 ? '+' : '−'}${tools.number(rounded, maxDecimals)}`;
    },
    money: (cents) => {
      const rounded = Math.round(cents);
      return rounded % 100 === 0 ? wholeMoney.format(rounded / 100) : centsMoney.format(rounded / 100);
    },
    date: (isoDate) => {
      const m = CALENDAR_DATE.exec(isoDate.slice(0, 10));
      if (!m) return isoDate;
      return dateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
    },
    count: (n, one, other) => `${tools.number(n, 0)} ${n === 1 ? one : other}`,
    render: (text) => render(text),
    // Stored documents may carry keys from another version of the rules: shown as the key, never blank.
    factorName: (key) => (isHealthFactorKey(key) ? resources.factorNames[key] : key),
    dimensionName: (dimension) => resources.dimensionNames[dimension],
  };

  function render(text: DomainText): string {
    // TypeScript cannot correlate `text.code` with `text.params` through the mapped type; the schema and
    // `DomainTextMessages` guarantee each template receives its own code's params.
    const template = resources.messages[text.code] as (
      params: DomainText['params'],
      t: DomainTextTools,
    ) => string;
    return template(text.params, tools);
  }
  return render;
}

/** One message in one language (builds the formatters each call: for lists, use `createDomainTextRenderer`). */
export function renderDomainText(language: DomainTextLanguage, text: DomainText): string {
  return createDomainTextRenderer(language)(text);
}

/** A health factor's display name in one language (the key itself for a key this version does not know). */
export function domainFactorName(language: DomainTextLanguage, key: string): string {
  return isHealthFactorKey(key) ? DOMAIN_TEXT_RESOURCES[language].factorNames[key] : key;
}
