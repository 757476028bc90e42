import { Svg } from '../../ui/icons.tsx';

/** A rising line chart: the performance screen's navigation and empty-state icon (decorative, like ui/icons.tsx). */
export function PerformanceIcon({ size = 24 }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M3 3v18h18" />
      <path d="m7 15 4-4 3 3 6-6" />
      <path d="M15 8h5v5" />
    </Svg>
  );
}
