'use client';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc/react';
import type { NodeRow } from '@/server/nodes/merge-nodes';
import { formatBytes } from './format';

/** Every node of one cluster, grouped by DC, with what failed named where something did. */
export function NodeTable({ clusterId, refreshMs }: { clusterId: string; refreshMs: number }) {
  const trpc = useTRPC();
  const nodes = useQuery(trpc.cluster.nodes.queryOptions({ clusterId }, { refetchInterval: refreshMs }));

  if (nodes.isPending) return <p data-testid="nodes-loading">Connecting to {clusterId}…</p>;
  if (nodes.isError) {
    return (
      <div role="alert" className="error" data-testid="cluster-error">
        <strong>Cannot reach cluster {clusterId}.</strong> {nodes.error.message}
      </div>
    );
  }
  const { data } = nodes;
  const dcs = [...new Set(data.nodes.map(dcOf))];
  return (
    <div data-testid="node-table">
      {dcs.map((dc) => (
        <DcTable key={dc} dc={dc} rows={data.nodes.filter((n) => dcOf(n) === dc)} />
      ))}
      <p className="muted">Updated {data.fetchedAt.toLocaleTimeString()}</p>
    </div>
  );
}

const dcOf = (node: NodeRow) => node.dc ?? 'unknown DC';

function DcTable({ dc, rows }: { dc: string; rows: NodeRow[] }) {
  const anyProblem = rows.some((n) => n.jolokiaError);
  return (
    <table className="nodes" data-testid={`dc-${dc}`}>
      <caption>Datacenter: {dc}</caption>
      <thead>
        <tr>
          <th>Address</th>
          <th>Rack</th>
          <th>Status</th>
          <th>State</th>
          <th>Load</th>
          <th>Tokens</th>
          <th>Host ID</th>
          <th>Version</th>
          {anyProblem ? <th>Problem</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((node) => (
          <tr key={node.hostId ?? node.address} data-testid={`node-row-${node.address}`}>
            <td data-testid="node-address">{node.address}</td>
            <td data-testid="node-rack">{node.rack ?? '—'}</td>
            <td
              data-testid="node-status"
              className={`status-${node.status.toLowerCase()}`}
              title={node.seenDownBy.length > 0 ? `seen down by ${node.seenDownBy.join(', ')}` : undefined}
            >
              {node.status}
            </td>
            <td data-testid="node-state">{node.state}</td>
            <td>{formatBytes(node.loadBytes)}</td>
            <td>{node.tokenCount ?? '—'}</td>
            <td className="mono">{node.hostId ?? '—'}</td>
            <td>{node.releaseVersion ?? '—'}</td>
            {anyProblem ? (
              <td className="problem" data-testid={node.jolokiaError ? 'node-problem' : undefined}>
                {node.jolokiaError}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
