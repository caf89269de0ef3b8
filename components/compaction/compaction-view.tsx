'use client';
import { useQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useLiveCluster } from '@/components/live/live-cluster';
import { formatBytes } from '@/components/nodes/format';
import { useTRPC } from '@/components/trpc/react';

const amount = (unit: string, value: number) =>
  unit === 'bytes' ? formatBytes(value) : `${Math.round(value)} ${unit}`;

/** Running compactions with progress, pending tasks, each table's strategy and SSTables, and the history. */
export function CompactionView() {
  const trpc = useTRPC();
  const { clusterId } = useLiveCluster();
  const live = useSubscription(trpc.compaction.live.subscriptionOptions({ clusterId }));
  const history = useQuery(trpc.compaction.history.queryOptions({ clusterId, limit: 30 }, { refetchInterval: 10_000 }));
  const tables = useQuery(trpc.compaction.tables.queryOptions({ clusterId }, { refetchInterval: 30_000 }));
  const snapshot = live.data?.data;
  const nodes = Object.keys(snapshot?.pendingByNode ?? {}).sort();
  return (
    <div data-testid="compaction-view">
      <h3>Running</h3>
      {snapshot && snapshot.running.length === 0 ? (
        <p className="muted" data-testid="no-compactions">
          No compaction is running.
        </p>
      ) : null}
      {snapshot?.running.map((c) => {
        const percent = c.total > 0 ? (100 * c.completed) / c.total : 0;
        return (
          <div key={`${c.node}-${c.id}`} className="compaction" data-testid={`compaction-${c.keyspace}.${c.table}`}>
            <span>
              {c.node} · {c.kind} of {c.keyspace}.{c.table}
            </span>
            <progress max={100} value={percent} data-testid="compaction-progress" aria-valuenow={Math.round(percent)} />
            <span className="muted">
              {amount(c.unit, c.completed)} of {amount(c.unit, c.total)} ({percent.toFixed(1)} %)
              {c.rate !== null ? ` · ${amount(c.unit, c.rate)}/s` : ''}
              {c.etaSeconds !== null ? ` · ETA ${Math.ceil(c.etaSeconds)} s` : ''}
            </span>
          </div>
        );
      })}
      {Object.entries(snapshot?.errors ?? {}).map(([node, error]) => (
        <p key={node} className="warning">
          {error}
        </p>
      ))}
      <h3>Pending tasks</h3>
      <p data-testid="pending-by-node">
        {nodes.map((n) => (
          <span key={n} className="factor">
            {n}: <strong>{snapshot?.pendingByNode[n]}</strong>
          </span>
        ))}
      </p>
      {snapshot?.pendingByTable.length ? (
        <ul>
          {snapshot.pendingByTable.map((p) => (
            <li key={`${p.node}-${p.keyspace}-${p.table}`}>
              {p.node}: {p.keyspace}.{p.table} — {p.pending}
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Tables</h3>
      <table className="nodes" data-testid="compaction-tables">
        <thead>
          <tr>
            <th>Table</th>
            <th>Strategy</th>
            <th>Live SSTables per node</th>
          </tr>
        </thead>
        <tbody>
          {tables.data?.map((t) => (
            <tr key={`${t.keyspace}.${t.table}`}>
              <td>
                {t.keyspace}.{t.table}
              </td>
              <td>{t.strategy}</td>
              <td>
                {Object.entries(t.sstables)
                  .sort()
                  .map(([node, n]) => `${node}: ${n}`)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>History</h3>
      <table className="nodes" data-testid="compaction-history">
        <thead>
          <tr>
            <th>When</th>
            <th>Node</th>
            <th>Table</th>
            <th>Bytes in → out</th>
          </tr>
        </thead>
        <tbody>
          {history.data?.entries.map((e) => (
            <tr key={`${e.node}-${e.id}`} data-testid={`history-${e.keyspace}.${e.table}`}>
              <td>{e.compactedAt.toLocaleString()}</td>
              <td>{e.node}</td>
              <td>
                {e.keyspace}.{e.table}
              </td>
              <td>
                {formatBytes(e.bytesIn)} → {formatBytes(e.bytesOut)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
