'use client';
/**
 * For operators: start a flush, major compaction, cleanup or snapshot of a keyspace (tables
 * optional) on one node, or rolling over a data centre or the whole cluster. The exact request is
 * shown for confirmation; the answer is the new job's id, and the list below shows it running.
 */
import { useState } from 'react';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useKeyspaceNames } from '@/components/schema/use-schema';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBox } from '@/components/ui/error-box';
import { describeJob } from './job-format';
import { useOperationActions } from './use-operations';
import { toast } from 'sonner';

const KINDS = [
  ['flush', 'Flush'],
  ['compact', 'Major compaction'],
  ['cleanup', 'Cleanup'],
  ['snapshot', 'Snapshot'],
] as const;
type Kind = (typeof KINDS)[number][0];

export function StartOperation({ clusterId }: { clusterId: string }) {
  const { snapshot } = useLiveCluster();
  const keyspaces = useKeyspaceNames(clusterId);
  const { start } = useOperationActions();
  const nodes = snapshot?.nodes ?? [];
  const dcs = [...new Set(nodes.map((n) => n.dc).filter((d): d is string => d !== null))].sort();
  const [kind, setKind] = useState<Kind>('flush');
  const [keyspace, setKeyspace] = useState('');
  const [tables, setTables] = useState('');
  const [scope, setScope] = useState<'node' | 'dc' | 'cluster'>('node');
  const [node, setNode] = useState('');
  const [dc, setDc] = useState('');
  const [settleSeconds, setSettleSeconds] = useState(10);
  const [byRack, setByRack] = useState(false);
  const [tag, setTag] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<string | null>(null);

  const request = {
    clusterId,
    kind,
    target: {
      scope,
      ...(scope === 'node' ? { node: node || nodes[0]?.address } : {}),
      ...(scope === 'dc' ? { dc: dc || dcs[0] } : {}),
      keyspace: keyspace || null,
      tables: tables
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    },
    params: kind === 'snapshot' ? { tag: tag || `ringside-${new Date().toISOString().slice(0, 10)}` } : {},
    rolling: scope === 'node' ? null : { byRack, settleMs: settleSeconds * 1000 },
  };
  const run = (yes: boolean) => {
    if (!yes) return setConfirming(false);
    start.mutate(request, {
      onSuccess: (r) => {
        setStarted(r.id);
        setConfirming(false);
        toast.success(`Started: ${describeJob({ ...request, target: { ...request.target } })}`, {
          description: 'Follow it in the job list below.',
        });
      },
      onError: () => setConfirming(false),
    });
  };
  return (
    <form
      className="start-operation"
      data-testid="start-operation"
      onSubmit={(e) => {
        e.preventDefault();
        setStarted(null);
        start.reset();
        setConfirming(true);
      }}
    >
      <label>
        Operation{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="op-kind">
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Keyspace{' '}
        <select value={keyspace} onChange={(e) => setKeyspace(e.target.value)} data-testid="op-keyspace">
          <option value="">{kind === 'snapshot' ? '(every keyspace)' : '(choose)'}</option>
          {(keyspaces.data ?? [])
            .filter((k) => !k.system)
            .map((k) => (
              <option key={k.name} value={k.name}>
                {k.name}
              </option>
            ))}
        </select>
      </label>{' '}
      <label>
        Tables{' '}
        <input
          value={tables}
          onChange={(e) => setTables(e.target.value)}
          placeholder="all, or t1, t2"
          data-testid="op-tables"
        />
      </label>{' '}
      {kind === 'snapshot' ? (
        <label>
          Tag <input value={tag} onChange={(e) => setTag(e.target.value)} data-testid="op-tag" />
        </label>
      ) : null}
      <br />
      <label>
        On{' '}
        <select value={scope} onChange={(e) => setScope(e.target.value as typeof scope)} data-testid="op-scope">
          <option value="node">one node</option>
          <option value="dc">a data centre, rolling</option>
          <option value="cluster">the whole cluster, rolling</option>
        </select>
      </label>{' '}
      {scope === 'node' ? (
        <select
          value={node || nodes[0]?.address}
          onChange={(e) => setNode(e.target.value)}
          data-testid="op-node"
          aria-label="Node"
        >
          {nodes.map((n) => (
            <option key={n.address} value={n.address}>
              {n.address} ({n.dc})
            </option>
          ))}
        </select>
      ) : null}
      {scope === 'dc' ? (
        <select
          value={dc || dcs[0]}
          onChange={(e) => setDc(e.target.value)}
          data-testid="op-dc"
          aria-label="Data centre"
        >
          {dcs.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      ) : null}
      {scope !== 'node' ? (
        <>
          {' '}
          <label>
            settle{' '}
            <input
              type="number"
              min={0}
              max={3600}
              value={settleSeconds}
              onChange={(e) => setSettleSeconds(Number(e.target.value))}
              data-testid="op-settle"
            />{' '}
            s between nodes
          </label>{' '}
          <label>
            <input type="checkbox" checked={byRack} onChange={(e) => setByRack(e.target.checked)} /> a rack at a time
          </label>
        </>
      ) : null}{' '}
      <button type="submit" data-testid="op-start">
        Start…
      </button>
      {started ? (
        <p className="muted" data-testid="op-started">
          Started job {started}.
        </p>
      ) : null}
      {start.isError ? <ErrorBox error={start.error} title="Not started:" testId="op-error" /> : null}
      {confirming ? (
        <ConfirmDialog
          title={`Start ${describeJob({ ...request, target: { ...request.target } })}?`}
          statement={JSON.stringify(
            { kind: request.kind, target: request.target, params: request.params, rolling: request.rolling },
            null,
            2,
          )}
          confirmLabel="Start it"
          cancelLabel="Don't start"
          busy={start.isPending}
          onAnswer={run}
        />
      ) : null}
    </form>
  );
}
