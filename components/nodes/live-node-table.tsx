'use client';
import { useNodeAlertMarks } from '@/components/alerts/use-node-alert-marks';
import { useLiveCluster } from '@/components/live/live-cluster';
import { NodeTable } from './node-table';

/** The node table fed by the page's live snapshot, with the console's alert marks beside each node's status. */
export function LiveNodeTable({
  ownership,
  keyspace,
}: {
  ownership?: Record<string, number>;
  keyspace?: string | null;
}) {
  const { clusterId, snapshot } = useLiveCluster();
  const alertMarks = useNodeAlertMarks(clusterId);
  if (!snapshot) return <p data-testid="nodes-loading">Connecting to {clusterId}…</p>;
  if (snapshot.nodes.length === 0) return null;
  return (
    <NodeTable
      clusterId={clusterId}
      nodes={snapshot.nodes}
      ownership={ownership}
      keyspace={keyspace}
      alertMarks={alertMarks}
    />
  );
}
