/**
 * The overview's "running now" as rows: every compaction, repair session, stream and console job in
 * one list, busiest kinds first, each with where it runs, how far it is and the view that shows it.
 * Pure.
 */
import { formatBytes } from '@/components/nodes/format';
import type { RunningNow, RunningSource } from '@/server/overview/running-fold';

export type RunningKind = 'compaction' | 'repair' | 'stream' | 'operation';

export interface RunningItem {
  key: string;
  kind: RunningKind;
  what: string;
  where: string;
  /** 0–100, or null where the source gives no figure (a repair session). */
  percent: number | null;
  detail: string;
  /** After /clusters/<id>: the view that shows it whole. */
  path: string;
}

export interface RunningCounts {
  compactions: number;
  repairs: number;
  streams: number;
  operations: number;
  total: number;
}

export function runningCounts(now: RunningNow): RunningCounts {
  const counts = {
    compactions: now.compactions.length,
    repairs: now.repairs.length,
    streams: now.streams.length,
    operations: now.jobs.length,
  };
  return { ...counts, total: counts.compactions + counts.repairs + counts.streams + counts.operations };
}

const amount = (unit: string, value: number) =>
  unit === 'bytes' ? formatBytes(value) : `${Math.round(value)} ${unit}`;
const percentOf = (done: number, total: number) => (total > 0 ? Math.min(100, (100 * done) / total) : null);

export function runningItems(now: RunningNow): RunningItem[] {
  // The console's own jobs first: an operator who started one looks for it; then what Cassandra runs.
  const operations = now.jobs.map((job): RunningItem => ({
    key: `job-${job.id}`,
    kind: 'operation',
    what: job.description,
    where: job.runningOn.length ? job.runningOn.join(', ') : job.state,
    percent: job.percent,
    detail: `${job.state}, ${job.nodesDone} of ${job.nodesTotal} nodes done`,
    path: '/activity',
  }));
  const repairs = now.repairs.map((repair, i): RunningItem => ({
    key: `repair-${repair.coordinator}-${repair.commandId ?? i}`,
    kind: 'repair',
    what: `repair of ${repair.keyspace}`,
    where: repair.coordinator,
    percent: null,
    detail: repair.participants.length ? `with ${repair.participants.join(', ')}` : 'coordinating',
    path: '/activity',
  }));
  const streams = now.streams.map((stream, i): RunningItem => ({
    key: `stream-${stream.node}-${i}`,
    kind: 'stream',
    // A 4.0 node's StreamManager names the plan in words of its own and gives no figures.
    what: stream.bytes ? `${stream.operation} stream` : stream.operation,
    where: stream.peers.length ? `${stream.node} ↔ ${stream.peers.join(', ')}` : stream.node,
    percent: stream.percent ?? (stream.bytes && percentOf(stream.bytes.done, stream.bytes.total)),
    detail: stream.bytes
      ? `${formatBytes(stream.bytes.done)} of ${formatBytes(stream.bytes.total)}`
      : 'no figures (Cassandra 4.0)',
    path: '/activity',
  }));
  const compactions = now.compactions.map((c): RunningItem => ({
    key: `compaction-${c.node}-${c.id}`,
    kind: 'compaction',
    what: `${c.kind}${c.keyspace ? ` of ${c.keyspace}.${c.table ?? '*'}` : ''}`,
    where: c.node,
    percent: percentOf(c.completed, c.total),
    detail: `${amount(c.unit, c.completed)} of ${amount(c.unit, c.total)}${c.etaSeconds !== null ? `, about ${Math.ceil(c.etaSeconds)} s left` : ''}`,
    path: '/compaction',
  }));
  return [...operations, ...repairs, ...streams, ...compactions];
}

/**
 * How far the list can be trusted: every source answered ('complete'), some did not ('partial'), or
 * none of the cluster's did ('unknown': the cluster is out of reach, and an empty list means nothing).
 */
export function runningCoverage(now: RunningNow): 'complete' | 'partial' | 'unknown' {
  const sources = Object.keys(SOURCE_WORDS) as RunningSource[];
  if (sources.every((source) => now.failed[source])) return 'unknown';
  return runningGaps(now).length ? 'partial' : 'complete';
}

const SOURCE_WORDS: Record<RunningSource, string> = {
  compactions: 'compactions',
  repairs: 'repair sessions',
  streams: 'streams',
};

/**
 * What the list cannot vouch for: a source that failed whole, and nodes that did not answer one
 * (a 4.0 node has no system_views.repairs). "Nothing running" from them would be a guess.
 */
export function runningGaps(now: RunningNow): string[] {
  const sources = Object.keys(SOURCE_WORDS) as RunningSource[];
  // One line per reason: a cluster out of reach fails every source with the same words.
  const byReason = new Map<string, string[]>();
  for (const source of sources) {
    const failed = now.failed[source];
    if (failed) byReason.set(failed, [...(byReason.get(failed) ?? []), SOURCE_WORDS[source]]);
  }
  const gaps = [...byReason].map(([reason, what]) => `${listed(what)} could not be read: ${reason}`);
  for (const source of sources) {
    const nodes = Object.entries(now.unanswered[source]);
    if (!now.failed[source] && nodes.length)
      gaps.push(`no ${SOURCE_WORDS[source]} from ${nodes.map(([node, why]) => `${node} (${why})`).join(', ')}`);
  }
  return gaps;
}

const listed = (words: string[]) =>
  words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
