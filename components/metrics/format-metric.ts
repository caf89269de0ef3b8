/** How a metric's values read on a chart axis, by its unit. */
import { formatBytes } from '@/components/nodes/format';

export function formatMetric(unit: string, value: number): string {
  switch (unit) {
    case 'microseconds':
      return value >= 1000 ? `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)} ms` : `${Math.round(value)} µs`;
    case 'bytes':
      return formatBytes(value);
    case 'ratio':
      return `${(value * 100).toFixed(0)} %`;
    case 'per_second':
      return value >= 1000 ? `${(value / 1000).toFixed(1)}k/s` : `${value.toFixed(value < 10 ? 1 : 0)}/s`;
    case 'ms_per_second':
      return `${value.toFixed(1)} ms/s`;
    default:
      return String(Math.round(value * 100) / 100);
  }
}
