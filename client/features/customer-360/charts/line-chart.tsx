import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartProps } from './chart-types.ts';

/** A line chart (recharts), loaded lazily like bar-chart.tsx; its text alternative is chart.tsx's table. */
export default function LineChartView({ points, formatValue, domain }: ChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={[...points]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#d9dce5" />
        <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} interval="preserveStartEnd" />
        <YAxis
          tickFormatter={formatValue}
          tickLine={false}
          axisLine={false}
          fontSize={12}
          width={48}
          domain={domain ? [...domain] : undefined}
        />
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
