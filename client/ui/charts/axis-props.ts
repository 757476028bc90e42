/**
 * The look both lazily loaded charts share (bar-chart.tsx, line-chart.tsx): a quiet horizontal grid, bare axes,
 * small ticks. Plain props rather than wrapper components, because recharts finds its axes by element type.
 * No recharts import here, so chart.tsx's eager bundle stays free of it.
 */
export const GRID_PROPS = { vertical: false, stroke: '#d9dce5' } as const;

export const X_AXIS_PROPS = {
  dataKey: 'label',
  tickLine: false,
  axisLine: false,
  fontSize: 12,
  interval: 'preserveStartEnd',
} as const;

/** The y-axis of values formatted with `formatValue`, `width` px wide, over `domain` (default: from the data). */
export function yAxisProps(
  formatValue: (value: number) => string,
  width: number,
  domain: readonly [number, number] | undefined,
) {
  return {
    tickFormatter: formatValue,
    tickLine: false,
    axisLine: false,
    fontSize: 12,
    width,
    domain: domain ? [...domain] : undefined,
  };
}

/** The chart's outer margin; `right` leaves room for the last point of a line. */
export function chartMargin(right: number) {
  return { top: 8, right, bottom: 0, left: 0 };
}
