import type { AppLanguage } from '../../ui/format.ts';

/**
 * Money typed into a form, in the UI language's notation, to integer cents — without floats: the digits are
 * read as text ("4.500,00" → 450000). pt-BR writes "4.500,00" (dot groups of three, comma decimals), English
 * "4,500.00". Grouping is optional ("4500,5" is fine) but, when present, must be groups of three, so "4.50" in
 * pt-BR is rejected rather than read as 450 reais or 4,50. At most two decimals; a leading "R$" is allowed.
 */
export type MoneyParse =
  | { readonly ok: true; readonly cents: number }
  | { readonly ok: false; readonly reason: 'empty' | 'invalid' | 'tooLarge' };

const SEPARATORS: Record<AppLanguage, { group: string; decimal: string }> = {
  'pt-BR': { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** The schema's bound for money (shared/entities/common.ts `cents`). */
export const MAX_CENTS = 1_000_000_000_000;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function parseMoneyCents(text: string, language: AppLanguage): MoneyParse {
  const { group, decimal } = SEPARATORS[language];
  const compact = text.replace(/^\s*R\$/i, '').replace(/[\s\u00a0]/g, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  const g = escape(group);
  const d = escape(decimal);
  const shape = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d{1,2}))?$`);
  const match = shape.exec(compact);
  if (!match) return { ok: false, reason: 'invalid' };
  const whole = (match[1] ?? '')
    .split(group)
    .join('')
    .replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  // 13 digits of reais already exceed the bound; compare lengths before converting to a number.
  if (whole.length > 13) return { ok: false, reason: 'tooLarge' };
  const cents = Number(whole) * 100 + Number(fraction);
  return cents > MAX_CENTS ? { ok: false, reason: 'tooLarge' } : { ok: true, cents };
}

/** Cents as an input's text: "4.500,00" (pt-BR), "4,500.00" (English) — no currency symbol. */
export function formatMoneyInput(cents: number, language: AppLanguage): string {
  const { group, decimal } = SEPARATORS[language];
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${whole}${decimal}${String(cents % 100).padStart(2, '0')}`;
}
