import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartMargin, GRID_PROPS, X_AXIS_PROPS, yAxisProps } from '../../ui/charts/axis-props.ts';
import type { ChartDrawingProps } from './chart-types.ts';

/**
 * The drawing of one performance chart (recharts, the app's one charting library). Only metric-chart.tsx
 * imports this module, through `React.lazy`, so recharts stays in its own chunk (vite.config.ts), fetched when
 * this screen first draws — never with the first route. The axes look like the Customer 360's charts (their
 * shared axis props). Presentation only: the figure's text alternative is metric-chart.tsx's table.
 */
export default function ChartDrawing({ kind, name, points, formatValue }: ChartDrawingProps) {
  const data = [...points];
  return (
    <ResponsiveContainer width="100%" height="100%">
      {kind === 'bar' ? (
        // No keyboard layer: the drawing is aria-hidden (metric-chart.tsx), its table is what assistive
        // technology reads — a focusable svg inside aria-hidden would be a trap (axe aria-hidden-focus).
        <BarChart data={data} margin={chartMargin(8)} accessibilityLayer={false}>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis {...X_AXIS_PROPS} />
          <YAxis {...yAxisProps(formatValue, 64, undefined)} />
          <Tooltip formatter={(value) => formatValue(Number(value))} cursor={{ fill: '#eef2ff' }} />
          <Bar dataKey="value" name={name} fill="#4338ca" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      ) : (
        <LineChart data={data} margin={chartMargin(12)} accessibilityLayer={false}>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis {...X_AXIS_PROPS} />
          <YAxis {...yAxisProps(formatValue, 64, undefined)} />
          <Tooltip formatter={(value) => formatValue(Number(value))} />
          <Line
            type="monotone"
            dataKey="value"
            name={name}
            stroke="#4338ca"
            strokeWidth={2}
            dot={points.length <= 31 ? { r: 2 } : false}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}
