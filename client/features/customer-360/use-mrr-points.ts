import { useMemo } from 'react';
import { useFormat } from '../../platform/use-format.ts';
import type { ChartPoint } from '../../ui/charts/chart-types.ts';
import { useCustomer360 } from './customer-360-context.ts';
import { mrrSeries } from './customer-summary.ts';

/**
 * The customer's MRR over the last `months` months as chart points (month label, cents), from the shared
 * revenue rule in the customer's time zone. The overview's revenue chart and the analytics MRR chart use it.
 */
export function useMrrPoints(months: number): readonly ChartPoint[] {
  const format = useFormat();
  const { customer, summary, timeZone } = useCustomer360();
  return useMemo(
    () =>
      mrrSeries(customer, summary.today, timeZone, months).map((p) => ({
        label: format.monthYear(p.date),
        value: p.mrrCents,
      })),
    [customer, summary.today, timeZone, months, format],
  );
}
