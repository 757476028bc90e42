import type { AppLanguage } from '../../ui/format.ts';
import { numberFormat } from '../../../shared/intl.ts';

/**
 * Whole reais for the portfolio screens ("R$ 127.450", as the list wireframe shows them). client/ui/format.ts
 * formats with centavos ("R$ 4.500,00"); lists and KPI cards round to the real, exports keep the cents.
 * Candidate for client/ui/format.ts (its owner's call).
 */
const INTL_LOCALE: Record<AppLanguage, string> = { 'pt-BR': 'pt-BR', en: 'en-US' };

export function formatMoneyWhole(cents: number, language: AppLanguage): string {
  return numberFormat(INTL_LOCALE[language], {
    style: 'currency',
    currency: 'BRL',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(Math.round(cents / 100));
}

/** From a million reais up, a KPI card shows the compact form (the full value stays in its accessible text). */
const COMPACT_FROM_REAIS = 1_000_000;

/**
 * A money figure for a narrow card: whole reais below a million, compact above ("R$ 1,2 mi", "R$1.2M") — a
 * 7-digit total in whole reais ("R$ 1.234.568") does not fit a KPI card two-to-a-row on a 360 px phone.
 * `full` is the whole-reais text, for the accessible name and the tooltip; `compact` is null when `full`
 * already is short.
 */
export function formatMoneyCard(
  cents: number,
  language: AppLanguage,
): { readonly full: string; readonly compact: string | null } {
  const full = formatMoneyWhole(cents, language);
  const reais = Math.round(cents / 100);
  if (Math.abs(reais) < COMPACT_FROM_REAIS) return { full, compact: null };
  const compact = numberFormat(INTL_LOCALE[language], {
    style: 'currency',
    currency: 'BRL',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(reais);
  return { full, compact };
}
