/** A chart's data as a screen passes it to the lazily loaded chart components (no recharts import here). */
export interface ChartPoint {
  /** The x-axis label ("jan/26"). */
  readonly label: string;
  readonly value: number;
}

export interface ChartProps {
  readonly points: readonly ChartPoint[];
  /** Tick and tooltip text of a value ("R$ 4.500", "92"). */
  readonly formatValue: (value: number) => string;
  /** Fixed y-axis domain (a score is 0–100); default from the data. */
  readonly domain?: readonly [number, number];
}
