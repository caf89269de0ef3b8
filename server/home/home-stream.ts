import 'server-only';
/**
 * The home page's one live stream for all its clusters. It reads the shared pollers every other
 * page reads (topology, alerts view) and the sparkline histories, so the work sent to the clusters
 * never depends on how many pages are open; it sends what changed, coalesced: at most one message
 * per `minIntervalMs`, however many clusters changed meanwhile. A slow reader is not queued up:
 * the next message it reads carries the latest of everything that changed since its last.
 */
import type { AlertsView } from '../alerts/alerts-view';
import type { Versioned } from '../live/shared-poller';
import type { ClusterSnapshot } from '../nodes/snapshot';
import { clusterSummary, sameSummary, type ClusterSummary } from './summary';
import type { SparkPoint } from './sparklines';

export interface HomeCluster {
  id: string;
  name: string;
}

export interface ClusterSparks {
  id: string;
  /** False when the cluster's metrics collection is off. */
  enabled: boolean;
  points: SparkPoint[];
}

export interface HomeMessage {
  /** True on the first message: every cluster is in it; later ones carry only what changed. */
  full: boolean;
  summaries: ClusterSummary[];
  sparks: ClusterSparks[];
}

/** Something to follow: its latest value, and a subscription to the next ones. */
export interface Followed<T> {
  readonly current: T | undefined;
  subscribe(listener: (value: T) => void): () => void;
}

export interface SparkSource {
  readonly enabled: boolean;
  readonly points: readonly SparkPoint[];
  subscribe(listener: () => void): () => void;
}

export interface HomeSources {
  topology(clusterId: string): Followed<Versioned<ClusterSnapshot>>;
  /** Null for a cluster nobody evaluates alerts for. */
  alerts(clusterId: string): Followed<Versioned<AlertsView>> | null;
  sparks(clusterId: string): SparkSource;
}

export interface HomeStreamOptions {
  /** The least time between two messages. */
  minIntervalMs: number;
  /** An unchanged summary is sent again after this long, so a card can tell how old its figures are. */
  refreshMs: number;
}

export const HOME_STREAM_DEFAULTS: HomeStreamOptions = { minIntervalMs: 250, refreshMs: 5000 };

/** Every cluster's card as the shared pollers have it now, without waiting for anything: the stream's first message, and the home page's server-rendered cards. */
export function firstHomeMessage(clusters: readonly HomeCluster[], sources: HomeSources): HomeMessage {
  return {
    full: true,
    summaries: clusters.map((c) =>
      clusterSummary(c, sources.topology(c.id).current, sources.alerts(c.id)?.current?.value),
    ),
    sparks: clusters.map((c) => sparksOf(c.id, sources.sparks(c.id))),
  };
}

function sparksOf(id: string, source: SparkSource): ClusterSparks {
  return { id, enabled: source.enabled, points: [...source.points] };
}

export async function* homeStream(
  clusters: readonly HomeCluster[],
  sources: HomeSources,
  signal: AbortSignal | undefined,
  options: HomeStreamOptions = HOME_STREAM_DEFAULTS,
): AsyncGenerator<HomeMessage> {
  const topology = new Map(clusters.map((c) => [c.id, sources.topology(c.id)]));
  const alerts = new Map(clusters.map((c) => [c.id, sources.alerts(c.id)]));
  const sparks = new Map(clusters.map((c) => [c.id, sources.sparks(c.id)]));
  const summaryOf = (c: HomeCluster) =>
    clusterSummary(c, topology.get(c.id)!.current, alerts.get(c.id)?.current?.value);

  const sent = new Map<string, ClusterSummary>();
  const changedSummaries = new Set<string>();
  const changedSparks = new Set<string>();
  let wake: (() => void) | undefined;
  const changed = (set: Set<string>, id: string) => () => {
    set.add(id);
    wake?.();
  };
  const unsubscribes: (() => void)[] = [];
  for (const c of clusters) {
    unsubscribes.push(topology.get(c.id)!.subscribe(changed(changedSummaries, c.id)));
    const alertsView = alerts.get(c.id);
    if (alertsView) unsubscribes.push(alertsView.subscribe(changed(changedSummaries, c.id)));
    unsubscribes.push(sparks.get(c.id)!.subscribe(changed(changedSparks, c.id)));
  }
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  let timer: NodeJS.Timeout | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  try {
    const first = firstHomeMessage(clusters, sources);
    for (const s of first.summaries) sent.set(s.id, s);
    yield first;
    let lastSentAt = Date.now();
    while (!signal?.aborted) {
      // Wait for a change, then out the rest of the interval so that changes arriving meanwhile join it.
      if (changedSummaries.size === 0 && changedSparks.size === 0) await sleep(options.refreshMs);
      const wait = lastSentAt + options.minIntervalMs - Date.now();
      if (wait > 0 && !signal?.aborted) await new Promise<void>((resolve) => (timer = setTimeout(resolve, wait)));
      wake = undefined;
      clearTimeout(timer);
      if (signal?.aborted) break;
      const now = Date.now();
      const summaries: ClusterSummary[] = [];
      for (const cluster of clusters) {
        const before = sent.get(cluster.id)!;
        const stale = before.takenAt !== null && now - before.takenAt >= options.refreshMs;
        if (!changedSummaries.has(cluster.id) && !stale) continue;
        const summary = summaryOf(cluster);
        if (sameSummary(summary, before) && (summary.takenAt === before.takenAt || !stale)) continue;
        sent.set(cluster.id, summary);
        summaries.push(summary);
      }
      changedSummaries.clear();
      const sparkUpdates = [...changedSparks].map((id) => sparksOf(id, sparks.get(id)!));
      changedSparks.clear();
      if (summaries.length === 0 && sparkUpdates.length === 0) continue;
      lastSentAt = Date.now();
      yield { full: false, summaries, sparks: sparkUpdates };
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    for (const unsubscribe of unsubscribes) unsubscribe();
  }
}
