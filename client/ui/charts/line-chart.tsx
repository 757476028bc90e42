import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartMargin, GRID_PROPS, X_AXIS_PROPS, yAxisProps } from './axis-props.ts';
import type { ChartProps } from './chart-types.ts';

/** A line chart (recharts), loaded lazily like bar-chart.tsx; its text alternative is chart.tsx's table. */
export default function LineChartView({ points, formatValue, domain }: ChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* No keyboard layer: the drawing is aria-hidden (chart.tsx), its table is what assistive technology reads. */}
      <LineChart data={[...points]} margin={chartMargin(12)} accessibilityLayer={false}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...X_AXIS_PROPS} />
        <YAxis {...yAxisProps(formatValue, 48, domain)} />
        <Tooltip formatter={(value) => formatValue(Number(value))} />
        <Line
          type="monotone"
          dataKey="value"
          stroke="#4338ca"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
