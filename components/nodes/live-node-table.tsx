'use client';
import { useLiveCluster } from '@/components/live/live-cluster';
import { NodeTable } from './node-table';

/** The node table fed by the page's live subscription. */
export function LiveNodeTable({
  ownership,
  keyspace,
}: {
  ownership?: Record<string, number>;
  keyspace?: string | null;
}) {
  const { clusterId, snapshot } = useLiveCluster();
  if (!snapshot) return <p data-testid="nodes-loading">Connecting to {clusterId}…</p>;
  if (snapshot.nodes.length === 0) return null;
  return <NodeTable clusterId={clusterId} nodes={snapshot.nodes} ownership={ownership} keyspace={keyspace} />;
}
