import { useCallback } from 'react';
import { useFormat } from '../../platform/use-format.ts';
import { formatMoneyWhole } from '../customers/money.ts';

/** Whole reais ("R$ 4.500"), as the portfolio screens and the 360 wireframe show money; in the UI language. */
export function useMoney(): (cents: number) => string {
  const { language } = useFormat();
  return useCallback((cents: number) => formatMoneyWhole(cents, language), [language]);
}
