'use client';
/**
 * A card's sparkline: two series over the last minutes, no axes, the latest values in words beside
 * it (and in the chart's accessible name), so it reads without the picture.
 */
import { Line, LineChart, YAxis } from 'recharts';
import type { SparkPoint } from './home-state';

type Key = Exclude<keyof SparkPoint, 'at'>;

export function Sparkline({
  points,
  series,
  format,
  label,
  testId,
}: {
  points: readonly SparkPoint[];
  series: readonly [{ key: Key; name: string }, { key: Key; name: string }];
  format: (value: number) => string;
  label: string;
  testId: string;
}) {
  const latest = points.at(-1);
  const words = series
    .map(({ key, name }) => {
      const value = latest?.[key];
      return `${name} ${value === null || value === undefined ? '—' : format(value)}`;
    })
    .join(' · ');
  const drawn = points.some((p) => series.some(({ key }) => p[key] !== null));
  return (
    <div className="flex min-w-0 items-center gap-1" data-testid={testId} title={`${label}: ${words}`}>
      <span className="w-7 shrink-0 text-[10px] text-muted-foreground">{label}</span>
      {drawn ? (
        <LineChart
          width={72}
          height={18}
          data={points as SparkPoint[]}
          margin={{ top: 1, right: 1, bottom: 1, left: 1 }}
          role="img"
          aria-label={`${label}, last ${points.length} polls: ${words}`}
        >
          <YAxis hide domain={[0, 'auto']} />
          {series.map(({ key }, i) => (
            <Line
              key={key}
              dataKey={key}
              type="monotone"
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
              stroke={i === 0 ? 'var(--chart-2)' : 'var(--chart-1)'}
              strokeWidth={1.25}
            />
          ))}
        </LineChart>
      ) : (
        <span className="w-[72px] shrink-0 text-center text-[10px] text-muted-foreground">no data</span>
      )}
      <span className="truncate text-[10px] tabular-nums" data-testid={`${testId}-latest`}>
        {words}
      </span>
    </div>
  );
}
