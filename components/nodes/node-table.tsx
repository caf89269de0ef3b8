'use client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { NodeRow } from '@/server/nodes/merge-nodes';
import { formatBytes, formatOwnership, formatUptime } from './format';

type SortKey = 'address' | 'rack' | 'status' | 'state' | 'load' | 'owns' | 'tokens' | 'uptime' | 'heap';

const SORTERS: Record<SortKey, (n: NodeRow, owns: Record<string, number> | undefined) => string | number> = {
  address: (n) =>
    n.address
      .split('.')
      .map((p) => p.padStart(3, '0'))
      .join('.'),
  rack: (n) => n.rack ?? '',
  status: (n) => n.status,
  state: (n) => n.state,
  load: (n) => n.loadBytes ?? -1,
  owns: (n, owns) => owns?.[n.address] ?? -1,
  tokens: (n) => n.tokenCount ?? -1,
  uptime: (n) => n.uptimeMs ?? -1,
  heap: (n) => n.heapUsedBytes ?? -1,
};

/** Every node, grouped by DC; sortable by any column, filtered by free text; failures named. */
export function NodeTable({
  clusterId,
  nodes,
  ownership,
  keyspace,
}: {
  clusterId: string;
  nodes: NodeRow[];
  ownership?: Record<string, number>;
  keyspace?: string | null;
}) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'address', descending: false });
  const [filter, setFilter] = useState('');

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const matching = needle
      ? nodes.filter((n) =>
          [n.address, n.dc, n.rack, n.status, n.state, n.hostId, n.releaseVersion].some((v) =>
            v?.toLowerCase().includes(needle),
          ),
        )
      : nodes;
    const key = SORTERS[sort.key];
    return [...matching].sort((a, b) => {
      const x = key(a, ownership);
      const y = key(b, ownership);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return sort.descending ? -order : order;
    });
  }, [nodes, filter, sort, ownership]);

  const dcs = [...new Set(nodes.map(dcOf))].sort();
  const header = (key: SortKey, label: string) => (
    <th>
      <button
        type="button"
        className="sort"
        data-testid={`sort-${key}`}
        onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))}
      >
        {label}
        {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );

  return (
    <div data-testid="node-table">
      <input
        className="filter"
        placeholder="Filter nodes…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        data-testid="node-filter"
        aria-label="Filter nodes"
      />
      {dcs.map((dc) => {
        const rows = shown.filter((n) => dcOf(n) === dc);
        if (rows.length === 0) return null;
        const anyProblem = rows.some((n) => n.jolokiaError);
        return (
          <table key={dc} className="nodes" data-testid={`dc-${dc}`}>
            <caption>
              Datacenter: {dc}{' '}
              <span className="muted">
                ({rows.filter((n) => n.status === 'Up').length}/{rows.length} up)
              </span>
            </caption>
            <thead>
              <tr>
                {header('address', 'Address')}
                {header('rack', 'Rack')}
                {header('status', 'Status')}
                {header('state', 'State')}
                {header('load', 'Load')}
                {header('owns', keyspace ? `Owns (${keyspace})` : 'Owns')}
                {header('tokens', 'Tokens')}
                <th>Host ID</th>
                <th>Version</th>
                <th>Schema</th>
                {header('uptime', 'Uptime')}
                {header('heap', 'Heap')}
                {anyProblem ? <th>Problem</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((node) => (
                <tr key={node.hostId ?? node.address} data-testid={`node-row-${node.address}`}>
                  <td data-testid="node-address">
                    <Link href={`/clusters/${clusterId}/nodes/${node.address}`}>{node.address}</Link>
                  </td>
                  <td data-testid="node-rack">{node.rack ?? '—'}</td>
                  <td
                    data-testid="node-status"
                    className={`status-${node.status.toLowerCase()}`}
                    title={statusTitle(node)}
                  >
                    {node.status}
                  </td>
                  <td data-testid="node-state">{node.state}</td>
                  <td data-testid="node-load">{formatBytes(node.loadBytes)}</td>
                  <td data-testid="node-owns">{formatOwnership(ownership?.[node.address])}</td>
                  <td data-testid="node-tokens">{node.tokenCount ?? '—'}</td>
                  <td className="mono">{node.hostId ?? '—'}</td>
                  <td>{node.releaseVersion ?? '—'}</td>
                  <td className="mono" title={node.schemaVersion ?? undefined}>
                    {node.schemaVersion?.slice(0, 8) ?? '—'}
                  </td>
                  <td data-testid="node-uptime">{formatUptime(node.uptimeMs)}</td>
                  <td data-testid="node-heap">
                    {node.heapUsedBytes === null
                      ? '—'
                      : `${formatBytes(node.heapUsedBytes)} / ${formatBytes(node.heapMaxBytes)}`}
                  </td>
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
      })}
    </div>
  );
}

const dcOf = (node: NodeRow) => node.dc ?? 'unknown DC';

function statusTitle(node: NodeRow): string | undefined {
  if (node.downReason === 'gossip') return `convicted by the failure detector of ${node.seenDownBy.join(', ')}`;
  if (node.downReason === 'not-listening')
    return 'nothing listens on its CQL and Jolokia ports: the process is gone (gossip has not convicted it yet)';
  if (node.downReason === 'driver') return 'only the driver says so: no gossip view is available';
  return undefined;
}
