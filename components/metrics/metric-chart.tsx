'use client';
/**
 * One metric, one line per node, over the chosen range; the rollup resolution follows the range.
 * Events (node down/up, schema change) are marked; a node the collector could not read shows a
 * gap and a red mark. On short ranges the live tail from the collector extends the lines.
 */
import { useMemo, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ErrorBox } from '@/components/ui/error-box';
import { formatMetric } from './format-metric';
import type { LiveMetrics } from './metrics-live';
import { useMetricSeries } from './use-metrics';

/** More marks than this and their labels overlap into noise. */
const MAX_LABELLED_MARKS = 12;

const COLORS = ['#0969da', '#1a7f37', '#bf3989', '#9a6700', '#8250df', '#cf222e', '#1b7c83', '#6e7781'];

/**
 * The time axis's labels. One formatter each, made once: recharts formats every candidate tick, and
 * toLocaleDateString with options builds a new Intl formatter per call (seconds of CPU at 7 or 30 days).
 */
const DAY_TICK = new Intl.DateTimeFormat([], { month: 'short', day: 'numeric' });
const TIME_TICK = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

export function MetricChart({
  clusterId,
  metric,
  title,
  unit,
  rangeMs,
  live,
  nodes: only,
  aggregate,
}: {
  clusterId: string;
  metric: string;
  title: string;
  unit: string;
  rangeMs: number;
  live: LiveMetrics[];
  nodes?: string[];
  /** One line for the cluster (rates summed, latencies the worst node's) instead of a line per node; no live tail. */
  aggregate?: 'sum' | 'max';
}) {
  // Where the axis starts before the first answer; fixed when the chart opens, so renders stay pure.
  const [openedAt] = useState(() => Date.now());
  const series = useMetricSeries(clusterId, metric, rangeMs, only, aggregate);

  const { rows, nodes } = useMemo(() => {
    const byTs = new Map<number, Record<string, number | null>>();
    const nodeSet = new Set<string>();
    for (const s of series.data?.series ?? []) {
      nodeSet.add(s.node);
      for (const p of s.points) byTs.set(p.ts, { ...byTs.get(p.ts), [s.node]: p.value });
    }
    // A gap the collector recorded breaks the node's line there instead of bridging it.
    for (const e of series.data?.events ?? [])
      if (e.kind === 'collector-gap' && e.node) byTs.set(e.ts, { ...byTs.get(e.ts), [e.node]: null });
    const lastStored = Math.max(0, ...byTs.keys());
    if (series.data?.resolution === 'raw' && !aggregate) {
      for (const tick of live) {
        if (tick.at <= lastStored) continue;
        const wanted = (node: string) => !only || only.includes(node);
        for (const [node, values] of Object.entries(tick.byNode))
          if (wanted(node) && values[metric] !== undefined)
            byTs.set(tick.at, { ...byTs.get(tick.at), [node]: values[metric] });
        for (const node of Object.keys(tick.missing))
          if (wanted(node)) byTs.set(tick.at, { ...byTs.get(tick.at), [node]: null });
      }
    }
    // Where no point came for well over a step (console or cluster down), break the lines too.
    const sorted = [...byTs.entries()].sort((a, b) => a[0] - b[0]);
    const step = series.data?.stepMs ?? 10_000;
    const rows: Record<string, number | null>[] = [];
    sorted.forEach(([ts, values], i) => {
      const previous = sorted[i - 1]?.[0];
      if (previous !== undefined && ts - previous > 2.5 * step)
        rows.push({ ts: previous + step, ...Object.fromEntries([...nodeSet].map((n) => [n, null])) });
      rows.push({ ts, ...values });
    });
    return { rows, nodes: [...nodeSet].sort() };
  }, [series.data, live, metric, only, aggregate]);

  const marks = useMemo(() => (series.data?.events ?? []).filter((e) => e.kind !== 'collector-gap'), [series.data]);
  const from = series.data?.from ?? openedAt - rangeMs;
  const tickFormat = (ts: number) => (rangeMs > 86_400_000 ? DAY_TICK : TIME_TICK).format(ts);
  return (
    <figure className="chart" data-testid={`chart-${metric}`} data-points={rows.length}>
      <figcaption>
        {title} <span className="muted">({series.data?.resolution ?? '…'})</span>
      </figcaption>
      {series.isError ? <ErrorBox error={series.error} testId="chart-error" onRetry={() => series.refetch()} /> : null}
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={rows} margin={{ top: 6, right: 12, bottom: 0, left: 6 }}>
          {/* Faint in either theme: the text colour at low opacity. */}
          <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
          <XAxis
            dataKey="ts"
            type="number"
            scale="time"
            domain={[from, 'dataMax']}
            tickFormatter={tickFormat}
            fontSize={11}
          />
          <YAxis tickFormatter={(v: number) => formatMetric(unit, v)} fontSize={11} width={64} />
          <Tooltip
            labelFormatter={(ts) => new Date(Number(ts)).toLocaleString()}
            formatter={(v) => formatMetric(unit, Number(v))}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {marks.map((e, i) => (
            <ReferenceLine
              key={`e${i}`}
              x={e.ts}
              stroke={e.kind === 'node-down' ? '#cf222e' : e.kind === 'node-up' ? '#1a7f37' : '#8250df'}
              strokeDasharray="3 3"
              // Labels only while they can be read apart; the lines' colours still tell the kinds.
              label={
                marks.length <= MAX_LABELLED_MARKS
                  ? { value: e.count > 1 ? `${e.kind} ×${e.count}` : e.kind, fontSize: 10, position: 'top' }
                  : undefined
              }
            />
          ))}
          {nodes.map((node, i) => (
            <Line
              key={node}
              dataKey={node}
              stroke={COLORS[i % COLORS.length]}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
              strokeWidth={1.5}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
