import type { AppLanguage } from '../../ui/format.ts';

/**
 * Whole reais for the portfolio screens ("R$ 127.450", as the list wireframe shows them). client/ui/format.ts
 * formats with centavos ("R$ 4.500,00"); lists and KPI cards round to the real, exports keep the cents.
 * Candidate for client/ui/format.ts (its owner's call).
 */
const INTL_LOCALE: Record<AppLanguage, string> = { 'pt-BR': 'pt-BR', en: 'en-US' };

export function formatMoneyWhole(cents: number, language: AppLanguage): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], {
    style: 'currency',
    currency: 'BRL',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(Math.round(cents / 100));
}
