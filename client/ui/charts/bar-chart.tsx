import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartMargin, GRID_PROPS, X_AXIS_PROPS, yAxisProps } from './axis-props.ts';
import type { ChartProps } from './chart-types.ts';

/**
 * A bar chart (recharts). Only chart.tsx imports this module, through `React.lazy`, so recharts is a chunk of
 * its own fetched when a chart is first shown (vite.config.ts keeps it out of the shared vendor chunk).
 * Presentation only: the figure's text alternative is chart.tsx's table.
 */
export default function BarChartView({ points, formatValue, domain }: ChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* No keyboard layer: the drawing is aria-hidden (chart.tsx), its table is what assistive technology reads. */}
      <BarChart data={[...points]} margin={chartMargin(8)} accessibilityLayer={false}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...X_AXIS_PROPS} />
        <YAxis {...yAxisProps(formatValue, 72, domain)} />
        <Tooltip formatter={(value) => formatValue(Number(value))} cursor={{ fill: '#eef2ff' }} />
        <Bar dataKey="value" fill="#4338ca" radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
