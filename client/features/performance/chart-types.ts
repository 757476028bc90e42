/** A chart's data as the page passes it to the lazily loaded drawing (no recharts import here). */
export interface ChartPoint {
  /** The x-axis label ("06/12", "dez/26"). */
  readonly label: string;
  readonly value: number;
}

export interface ChartDrawingProps {
  readonly kind: 'line' | 'bar';
  /** The measure's name in the UI language (the tooltip's label). */
  readonly name: string;
  readonly points: readonly ChartPoint[];
  /** Tick and tooltip text of a value ("R$ 4.500", "1.234"). */
  readonly formatValue: (value: number) => string;
}
