'use client';
import { useLiveCluster } from '@/components/live/live-cluster';
import { formatBytes, formatUptime } from './format';

/** The facts of one node, as `nodetool info` and `status` give them, kept live. */
export function NodeFacts({ address }: { address: string }) {
  const { snapshot } = useLiveCluster();
  const node = snapshot?.nodes.find((n) => n.address === address);
  if (!snapshot) return null;
  if (!node) return <p className="muted">No node {address} in this cluster.</p>;
  const facts: [string, string][] = [
    ['Status', node.status + (node.downReason ? ` (${node.downReason})` : '')],
    ['State', node.state],
    ['Datacenter', node.dc ?? '—'],
    ['Rack', node.rack ?? '—'],
    ['Load', formatBytes(node.loadBytes)],
    ['Tokens', String(node.tokenCount ?? '—')],
    ['Host ID', node.hostId ?? '—'],
    ['Release version', node.releaseVersion ?? '—'],
    ['Schema version', node.schemaVersion ?? '—'],
    ['Operation mode', node.operationMode ?? '—'],
    ['Uptime', formatUptime(node.uptimeMs)],
    [
      'Heap',
      node.heapUsedBytes === null ? '—' : `${formatBytes(node.heapUsedBytes)} of ${formatBytes(node.heapMaxBytes)}`,
    ],
  ];
  return (
    <dl className="facts" data-testid="node-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-testid={`fact-${label.toLowerCase().replaceAll(' ', '-')}`}>{value}</dd>
        </div>
      ))}
      {node.jolokiaError ? (
        <div>
          <dt>Problem</dt>
          <dd className="problem">{node.jolokiaError}</dd>
        </div>
      ) : null}
    </dl>
  );
}
