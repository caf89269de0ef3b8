'use client';
import { useEffect } from 'react';
import { AlertsLiveProvider } from '@/components/alerts/alerts-live';
import { hasMark } from '@/components/alerts/node-marks';
import { useNodeAlertMarks } from '@/components/alerts/use-node-alert-marks';
import { useLiveCluster } from '@/components/live/live-cluster';
import { LiveNodeTable } from '@/components/nodes/live-node-table';
import { RingChart } from '@/components/ring/ring-chart';
import { useRingView } from '@/components/ring/use-ring';
import { useKeyspaceNames } from '@/components/schema/use-schema';
import { ErrorBox } from '@/components/ui/error-box';
import { text, urlParams } from '@/components/url/url-params';
import { useUrlState } from '@/components/url/use-url-state';
import { HealthTiles } from './health-tiles';
import { OverviewCharts } from './overview-charts';
import { RecentEventsSection } from './recent-events-section';
import { RunningNowSection } from './running-now-section';

/** Keyspace names are at most 48 characters; anything else read from the URL is no keyspace. */
const OVERVIEW_PARAMS = urlParams<{ keyspace: string }>({ keyspace: text(48) });

/**
 * The cluster page's body, in the order it is read at 3 a.m.: health tiles (each a link to its view);
 * throughput and latency beside what is running now and the recent events (side by side on wide screens);
 * then the nodes with a keyspace picker driving ownership in the node table and replicas on the ring.
 * Tiles, node table and ring read the page's one cluster.live subscription and its one alerts stream;
 * the charts, running work and events are queries on an interval, so the page holds no more streams.
 */
export function ClusterOverview() {
  const { clusterId, snapshot } = useLiveCluster();
  // ?keyspace= : a link opens the overview with the ownership and replicas of that keyspace.
  const [{ keyspace: chosen }, setParams] = useUrlState(OVERVIEW_PARAMS);
  const keyspaces = useKeyspaceNames(clusterId);
  // A keyspace the cluster does not have (dropped since the link was made) reads as none.
  const keyspace = chosen && (keyspaces.data?.some((k) => k.name === chosen) ?? true) ? chosen : null;
  const setKeyspace = (next: string | null) => setParams({ keyspace: next ?? '' });
  const ring = useRingView(clusterId, keyspace);

  // The ring changes only when the topology does: refetch when a node's tokens or state change.
  const topology = snapshot?.nodes.map((n) => `${n.address}:${n.state}:${n.tokenCount}`).join(',');
  const { refetch } = ring;
  useEffect(() => {
    if (topology) void refetch();
  }, [topology, refetch]);

  return (
    // The page's one alerts stream: the node table marks nodes with a firing alert or no CQL answer.
    <AlertsLiveProvider>
      <HealthTiles />
      {/* Narrow: charts, running now, events, one under the other. Wide: the charts beside the other two,
          which together are about as tall as the charts, so the node table starts a screen higher. */}
      <div className="mb-4 grid items-start gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <OverviewCharts clusterId={clusterId} />
        <div className="grid min-w-0 gap-4">
          <RunningNowSection clusterId={clusterId} />
          <RecentEventsSection clusterId={clusterId} />
        </div>
      </div>
      <h3 id="nodes">Nodes</h3>
      <label className="picker">
        Keyspace for ownership and replicas:{' '}
        <select
          data-testid="keyspace-picker"
          value={keyspace ?? ''}
          onChange={(e) => setKeyspace(e.target.value || null)}
        >
          <option value="">(none: primary ranges only)</option>
          {keyspaces.data?.map((k) => (
            <option key={k.name} value={k.name}>
              {k.name}
            </option>
          ))}
        </select>
      </label>
      <LiveNodeTable ownership={ring.data?.ownership ?? undefined} keyspace={keyspace} />
      <h3>Token ring</h3>
      {ring.isError ? (
        <ErrorBox error={ring.error} testId="ring-error" />
      ) : ring.data ? (
        <MarkedRing ring={ring.data} clusterId={clusterId} />
      ) : (
        <p className="muted">Loading the ring…</p>
      )}
    </AlertsLiveProvider>
  );
}

/** The ring, its legend marking the nodes the page's alerts stream marks in the node table. */
function MarkedRing({
  ring,
  clusterId,
}: {
  ring: NonNullable<ReturnType<typeof useRingView>['data']>;
  clusterId: string;
}) {
  const marks = useNodeAlertMarks(clusterId);
  const { snapshot } = useLiveCluster();
  const alerting = new Set(ring.nodes.map((n) => n.address).filter((address) => hasMark(marks, address)));
  const statuses = new Map(snapshot?.nodes.map((n) => [n.address, n.status]));
  return (
    <RingChart
      nodes={ring.nodes}
      ranges={ring.ranges}
      keyspace={ring.keyspace}
      alerting={alerting}
      statuses={statuses}
    />
  );
}
