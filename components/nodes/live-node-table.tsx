'use client';
import { AlertsLiveProvider, useAlertsLive } from '@/components/alerts/alerts-live';
import { nodeMarksOf } from '@/components/alerts/node-marks';
import { useLiveCluster } from '@/components/live/live-cluster';
import { NodeTable } from './node-table';

interface LiveNodeTableProps {
  ownership?: Record<string, number>;
  keyspace?: string | null;
}

function LiveNodes({ ownership, keyspace }: LiveNodeTableProps) {
  const { clusterId, snapshot } = useLiveCluster();
  const alerts = useAlertsLive();
  if (!snapshot) return <p data-testid="nodes-loading">Connecting to {clusterId}…</p>;
  if (snapshot.nodes.length === 0) return null;
  return (
    <NodeTable
      clusterId={clusterId}
      nodes={snapshot.nodes}
      ownership={ownership}
      keyspace={keyspace}
      alertMarks={nodeMarksOf(alerts.data)}
    />
  );
}

/** The node table fed by the page's live subscriptions: the cluster's snapshot and the alerts view. */
export function LiveNodeTable(props: LiveNodeTableProps) {
  return (
    <AlertsLiveProvider>
      <LiveNodes {...props} />
    </AlertsLiveProvider>
  );
}
