'use client';
/**
 * One cluster on the home page, small enough that fifty fit on a screen: its verdict in a word, nodes
 * up of total per DC, schema agreement, firing alerts, load, read/write rates and p99 sparklines, and
 * what failed, naming the nodes. The whole card leads to the cluster's page.
 */
import Link from 'next/link';
import { formatMetric } from '@/components/metrics/format-metric';
import { formatBytes } from '@/components/nodes/format';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { cn } from '@/lib/utils';
import { STALE_MS, verdictOf, type ClusterSparks, type ClusterSummary } from './home-state';
import { Sparkline } from './sparkline';

const rate = (v: number) => formatMetric('per_second', v);
const latency = (v: number) => formatMetric('microseconds', v);

function Fact({ testId, tone, children }: { testId: string; tone?: 'bad' | 'warn'; children: React.ReactNode }) {
  return (
    <span
      data-testid={testId}
      className={cn(tone === 'bad' && 'font-semibold text-status-bad', tone === 'warn' && 'text-status-warn')}
    >
      {children}
    </span>
  );
}

function Problems({ summary }: { summary: ClusterSummary }) {
  const lines: { testId: string; text: string; title: string }[] = [];
  if (summary.error)
    lines.push({
      testId: 'card-error',
      text: summary.nothingAnswers
        ? `Cannot reach cluster ${summary.id}: ${summary.error}`
        : `CQL unreachable (agents answer): ${summary.error}`,
      title: summary.error,
    });
  if (summary.downCount > 0) {
    const more = summary.downCount - summary.down.length;
    lines.push({
      testId: 'card-down',
      text: `${summary.downCount} down: ${summary.down.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
      title: summary.down.join(', '),
    });
  }
  if (summary.agentErrorCount > 0) {
    const more = summary.agentErrorCount - summary.agentErrors.length;
    lines.push({
      testId: 'card-agents',
      text: `${summary.agentErrorCount} agent${summary.agentErrorCount === 1 ? '' : 's'} out of reach: ${summary.agentErrors
        .map((a) => a.address)
        .join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
      title: summary.agentErrors.map((a) => a.error).join('\n'),
    });
  }
  if (summary.pollError)
    lines.push({ testId: 'card-poll-error', text: `Polls failing: ${summary.pollError}`, title: summary.pollError });
  if (summary.alerts?.error)
    lines.push({ testId: 'card-alerts-error', text: `Alerts: ${summary.alerts.error}`, title: summary.alerts.error });
  if (lines.length === 0) return null;
  return (
    <ul className="mt-0.5 text-[11px] leading-tight text-status-bad">
      {lines.map((line) => (
        <li key={line.testId} data-testid={line.testId} title={line.title} className="truncate">
          {line.text}
        </li>
      ))}
    </ul>
  );
}

export function ClusterCard({
  cluster,
  summary,
  sparks,
  now,
}: {
  cluster: { id: string; name: string };
  summary: ClusterSummary | undefined;
  sparks: ClusterSparks | undefined;
  now: number;
}) {
  const verdict = verdictOf(summary);
  const known = summary && summary.takenAt !== null ? summary : undefined;
  const age = known ? now - known.takenAt! : null;
  const firing = known?.alerts?.firing ?? 0;
  return (
    <Link
      href={`/clusters/${cluster.id}`}
      data-testid={`cluster-card-${cluster.id}`}
      data-verdict={verdict.word}
      className={cn(
        'block min-w-0 rounded-md border bg-card p-2 text-xs text-card-foreground no-underline shadow-xs transition-colors',
        'hover:border-foreground/40 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none',
        verdict.tone === 'bad' && 'border-status-bad/60',
        verdict.tone === 'warn' && 'border-status-warn/60',
      )}
    >
      <div className="flex items-center gap-1">
        <span
          data-testid="card-name"
          className="truncate text-sm font-semibold"
          title={`${cluster.name} (${cluster.id})`}
        >
          {cluster.name}
        </span>
        {cluster.name !== cluster.id ? (
          <span data-testid="card-id" className="shrink truncate text-[10px] text-muted-foreground">
            {cluster.id}
          </span>
        ) : null}
        <StatusBadge tone={verdict.tone} testId="card-verdict" className="ml-auto px-1.5 text-[10px] leading-4">
          {verdict.word}
        </StatusBadge>
      </div>
      {known ? (
        <>
          <div className="flex flex-wrap items-baseline gap-x-2 tabular-nums">
            <span data-testid="card-nodes">
              {known.up}/{known.total} up
            </span>
            <ul className="contents" aria-label="nodes up per data centre">
              {known.dcs.map((dc) => (
                <li
                  key={dc.dc}
                  data-testid={`card-dc-${dc.dc}`}
                  data-up={dc.up}
                  data-total={dc.total}
                  className={cn('text-muted-foreground', dc.up < dc.total && 'font-semibold text-status-bad')}
                >
                  {dc.dc} {dc.up}/{dc.total}
                </li>
              ))}
            </ul>
            {age !== null && age > STALE_MS ? (
              <span
                data-testid="card-stale"
                className="text-status-warn"
                title={new Date(known.takenAt!).toLocaleString()}
                // Server-rendered a moment earlier, and in the server's time zone: the browser's own wins.
                suppressHydrationWarning
              >
                as of {Math.round(age / 1000)} s ago
              </span>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-x-2 tabular-nums">
            <Fact testId="card-schema" tone={known.schemaVersions > 1 ? 'bad' : undefined}>
              {known.schemaVersions === 1
                ? 'schema agreed'
                : known.schemaVersions === 0
                  ? 'schema ?'
                  : `${known.schemaVersions} schema versions`}
            </Fact>
            <Fact testId="card-alerts" tone={firing > 0 ? 'bad' : undefined}>
              {known.alerts === null || !known.alerts.monitored ? 'alerts off' : `${firing} firing`}
            </Fact>
            <Fact testId="card-load">{formatBytes(known.loadBytes)}</Fact>
          </div>
          <Problems summary={known} />
        </>
      ) : (
        <div data-testid="card-connecting" className="mt-1 space-y-1" aria-label="waiting for the first snapshot">
          <Skeleton className="h-3 w-3/4" />
          <Skeleton className="h-3 w-1/2" />
        </div>
      )}
      {sparks && !sparks.enabled ? (
        <div data-testid="card-metrics-off" className="mt-0.5 text-[10px] text-muted-foreground">
          metrics collection off
        </div>
      ) : (
        <div className="mt-0.5">
          <Sparkline
            points={sparks?.points ?? []}
            series={[
              { key: 'reads', name: 'r' },
              { key: 'writes', name: 'w' },
            ]}
            format={rate}
            label="rate"
            testId="card-spark-rate"
          />
          <Sparkline
            points={sparks?.points ?? []}
            series={[
              { key: 'readP99', name: 'r' },
              { key: 'writeP99', name: 'w' },
            ]}
            format={latency}
            label="p99"
            testId="card-spark-p99"
          />
        </div>
      )}
    </Link>
  );
}
