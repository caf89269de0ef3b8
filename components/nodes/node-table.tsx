'use client';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { NodeAlertBadges } from '@/components/alerts/node-alert-badges';
import { hasMark, type NodeAlertMarks } from '@/components/alerts/node-marks';
import { DataTable, type Column } from '@/components/ui/data-table';
import { NodeStateBadge, NodeStatusBadge } from '@/components/ui/status-badge';
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
  alertMarks,
}: {
  clusterId: string;
  nodes: NodeRow[];
  ownership?: Record<string, number>;
  keyspace?: string | null;
  /** The console's alerts and CQL probe verdicts, marked beside Cassandra's own status. */
  alertMarks?: NodeAlertMarks;
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
    <button
      type="button"
      className="sort"
      data-testid={`sort-${key}`}
      onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))}
    >
      {label}
      {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
    </button>
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
        const columns: Column<NodeRow>[] = [
          {
            key: 'address',
            header: header('address', 'Address'),
            cell: (n) => <Link href={`/clusters/${clusterId}/nodes/${n.address}`}>{n.address}</Link>,
            td: () => ({ 'data-testid': 'node-address' }),
          },
          {
            key: 'rack',
            header: header('rack', 'Rack'),
            cell: (n) => n.rack ?? '—',
            td: () => ({ 'data-testid': 'node-rack' }),
          },
          {
            key: 'status',
            header: header('status', 'Status'),
            cell: (n) => <NodeStatusBadge value={n.status} />,
            td: (n) => ({ 'data-testid': 'node-status', title: statusTitle(n) }),
          },
          // Beside Cassandra's verdict, never in place of it: only where some node of the DC has a mark.
          ...(rows.some((n) => hasMark(alertMarks, n.address))
            ? [
                {
                  key: 'alerts',
                  header: 'Alerts',
                  cell: (n: NodeRow) => (
                    <NodeAlertBadges clusterId={clusterId} address={n.address} marks={alertMarks} />
                  ),
                },
              ]
            : []),
          {
            key: 'state',
            header: header('state', 'State'),
            cell: (n) => <NodeStateBadge value={n.state} />,
            td: () => ({ 'data-testid': 'node-state' }),
          },
          {
            key: 'load',
            header: header('load', 'Load'),
            cell: (n) => formatBytes(n.loadBytes),
            td: () => ({ 'data-testid': 'node-load', className: 'nowrap' }),
          },
          {
            key: 'owns',
            header: header('owns', keyspace ? `Owns (${keyspace})` : 'Owns'),
            cell: (n) => formatOwnership(ownership?.[n.address]),
            td: () => ({ 'data-testid': 'node-owns' }),
          },
          {
            key: 'tokens',
            header: header('tokens', 'Tokens'),
            cell: (n) => n.tokenCount ?? '—',
            td: () => ({ 'data-testid': 'node-tokens' }),
          },
          { key: 'host', header: 'Host ID', cell: (n) => n.hostId ?? '—', td: () => ({ className: 'mono' }) },
          { key: 'version', header: 'Version', cell: (n) => n.releaseVersion ?? '—' },
          {
            key: 'schema',
            header: 'Schema',
            cell: (n) => n.schemaVersion?.slice(0, 8) ?? '—',
            td: (n) => ({ className: 'mono', title: n.schemaVersion ?? undefined }),
          },
          {
            key: 'uptime',
            header: header('uptime', 'Uptime'),
            cell: (n) => formatUptime(n.uptimeMs),
            td: () => ({ 'data-testid': 'node-uptime', className: 'nowrap' }),
          },
          {
            key: 'heap',
            header: header('heap', 'Heap'),
            cell: (n) =>
              n.heapUsedBytes === null ? '—' : `${formatBytes(n.heapUsedBytes)} / ${formatBytes(n.heapMaxBytes)}`,
            td: () => ({ 'data-testid': 'node-heap', className: 'nowrap' }),
          },
        ];
        // The column appears only where some node has a problem to name.
        if (anyProblem)
          columns.push({
            key: 'problem',
            header: 'Problem',
            cell: (n) => n.jolokiaError,
            td: (n) => ({ className: 'problem', 'data-testid': n.jolokiaError ? 'node-problem' : undefined }),
          });
        return (
          <DataTable
            key={dc}
            testId={`dc-${dc}`}
            caption={
              <>
                Datacenter: {dc}{' '}
                <span className="muted">
                  ({rows.filter((n) => n.status === 'Up').length}/{rows.length} up)
                </span>
              </>
            }
            columns={columns}
            rows={rows}
            rowKey={(n) => n.hostId ?? n.address}
            rowProps={(n) => ({ 'data-testid': `node-row-${n.address}` })}
          />
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
