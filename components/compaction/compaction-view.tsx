'use client';
import { useLiveCluster } from '@/components/live/live-cluster';
import { formatBytes } from '@/components/nodes/format';
import { DataTable } from '@/components/ui/data-table';
import { ErrorBox } from '@/components/ui/error-box';
import { QueryState } from '@/components/ui/query-state';
import { useCompactionHistory, useCompactionLive, useCompactionTables } from './use-compaction';

const amount = (unit: string, value: number) =>
  unit === 'bytes' ? formatBytes(value) : `${Math.round(value)} ${unit}`;

/** Nodes that could not answer part of a section, each with why. */
function NodeErrors({ errors, what, testId }: { errors: Record<string, string>; what: string; testId: string }) {
  const entries = Object.entries(errors).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return null;
  return (
    <div data-testid={testId}>
      {entries.map(([node, error]) => (
        <p key={node} className="warning">
          No {what} from {node}: {error}
        </p>
      ))}
    </div>
  );
}

/** Running compactions with progress, pending tasks, each table's strategy and SSTables, and the history. */
export function CompactionView() {
  const { clusterId } = useLiveCluster();
  const live = useCompactionLive(clusterId);
  const history = useCompactionHistory(clusterId);
  const tables = useCompactionTables(clusterId);
  const snapshot = live.data;
  // When no node could be asked, both live sections say so in place of their lists.
  const unreachable = (testId: string) => (
    <ErrorBox title="Cannot read compactions:" error={snapshot?.error} testId={testId} />
  );
  return (
    <div data-testid="compaction-view">
      <h3>Running</h3>
      <QueryState
        query={live}
        loading="Asking every node…"
        errorTitle="Cannot follow compactions:"
        errorTestId="compaction-running-error"
      >
        {(s) =>
          s.error ? (
            unreachable('compaction-running-error')
          ) : (
            <>
              {s.running.length === 0 ? (
                <p className="muted" data-testid="no-compactions">
                  No compaction is running.
                </p>
              ) : null}
              {s.running.map((c) => {
                const percent = c.total > 0 ? (100 * c.completed) / c.total : 0;
                return (
                  <div
                    key={`${c.node}-${c.id}`}
                    className="compaction"
                    data-testid={`compaction-${c.keyspace}.${c.table}`}
                  >
                    <span>
                      {c.node} · {c.kind} of {c.keyspace}.{c.table}
                    </span>
                    <progress
                      max={100}
                      value={percent}
                      data-testid="compaction-progress"
                      aria-valuenow={Math.round(percent)}
                    />
                    <span className="muted">
                      {amount(c.unit, c.completed)} of {amount(c.unit, c.total)} ({percent.toFixed(1)} %)
                      {c.rate !== null ? ` · ${amount(c.unit, c.rate)}/s` : ''}
                      {c.etaSeconds !== null ? ` · ETA ${Math.ceil(c.etaSeconds)} s` : ''}
                    </span>
                  </div>
                );
              })}
              <NodeErrors errors={s.errors} what="compaction state" testId="compaction-node-errors" />
            </>
          )
        }
      </QueryState>
      <h3>Pending tasks</h3>
      <QueryState
        query={live}
        loading="Asking every node…"
        errorTitle="Cannot follow compactions:"
        errorTestId="compaction-pending-error"
      >
        {(s) =>
          s.error ? (
            unreachable('compaction-pending-error')
          ) : (
            <>
              <p data-testid="pending-by-node">
                {Object.keys(s.pendingByNode)
                  .sort()
                  .map((n) => (
                    <span key={n} className="factor">
                      {n}: <strong>{s.pendingByNode[n]}</strong>
                    </span>
                  ))}
              </p>
              {s.pendingByTable.length ? (
                <ul>
                  {s.pendingByTable.map((p) => (
                    <li key={`${p.node}-${p.keyspace}-${p.table}`}>
                      {p.node}: {p.keyspace}.{p.table} — {p.pending}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )
        }
      </QueryState>
      <h3>Tables</h3>
      <QueryState
        query={tables}
        loading="Reading each table's strategy and SSTables…"
        errorTitle="Cannot read the tables:"
        errorTestId="compaction-tables-error"
      >
        {(t) => (
          <>
            <NodeErrors errors={t.errors} what="SSTable counts" testId="compaction-tables-node-errors" />
            <DataTable
              testId="compaction-tables"
              rows={t.tables}
              rowKey={(r) => `${r.keyspace}.${r.table}`}
              empty="No user tables."
              columns={[
                { key: 'table', header: 'Table', cell: (r) => `${r.keyspace}.${r.table}` },
                { key: 'strategy', header: 'Strategy', cell: (r) => r.strategy },
                {
                  key: 'sstables',
                  header: 'Live SSTables per node',
                  cell: (r) =>
                    Object.entries(r.sstables)
                      .sort()
                      .map(([node, n]) => `${node}: ${n}`)
                      .join(' · '),
                },
              ]}
            />
          </>
        )}
      </QueryState>
      <h3>History</h3>
      <QueryState
        query={history}
        loading="Reading every node's compaction history…"
        errorTitle="Cannot read the compaction history:"
        errorTestId="compaction-history-error"
      >
        {(h) => (
          <>
            <NodeErrors errors={h.errors} what="history" testId="compaction-history-node-errors" />
            <DataTable
              testId="compaction-history"
              rows={h.entries}
              rowKey={(e) => `${e.node}-${e.id}`}
              rowProps={(e) => ({ 'data-testid': `history-${e.keyspace}.${e.table}` })}
              empty="No compaction recorded."
              columns={[
                { key: 'when', header: 'When', cell: (e) => e.compactedAt.toLocaleString() },
                { key: 'node', header: 'Node', cell: (e) => e.node },
                { key: 'table', header: 'Table', cell: (e) => `${e.keyspace}.${e.table}` },
                {
                  key: 'bytes',
                  header: 'Bytes in → out',
                  cell: (e) => `${formatBytes(e.bytesIn)} → ${formatBytes(e.bytesOut)}`,
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
