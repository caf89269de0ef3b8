'use client';
/**
 * For operators: a segmented repair run of a keyspace (tables optional), full or incremental. The
 * confirmation shows what Cassandra will get — the segment count and the exact repairAsync options
 * map — before anything runs.
 */
import { useState } from 'react';
import { useKeyspaceNames } from '@/components/schema/use-schema';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBox } from '@/components/ui/error-box';
import { DEFAULT_SEGMENTS_PER_NODE } from '@/lib/repair-defaults';
import { useOperationActions, useRepairPreview } from './use-operations';
import { toast } from 'sonner';

export function StartRepair({ clusterId }: { clusterId: string }) {
  const keyspaces = useKeyspaceNames(clusterId);
  const { repairStart } = useOperationActions();
  const [keyspace, setKeyspace] = useState('');
  const [tables, setTables] = useState('');
  const [incremental, setIncremental] = useState(false);
  const [segmentsPerNode, setSegmentsPerNode] = useState(DEFAULT_SEGMENTS_PER_NODE);
  const [intensity, setIntensity] = useState(0);
  const [asking, setAsking] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const settings = {
    keyspace,
    tables: tables
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    incremental,
    segmentsPerNode,
    intensity,
  };
  const preview = useRepairPreview(clusterId, settings, asking && keyspace !== '');
  const answer = (yes: boolean) => {
    if (!yes) return setAsking(false);
    repairStart.mutate(
      { clusterId, settings },
      {
        onSuccess: (r) => {
          setStarted(r.id);
          setAsking(false);
          toast.success(`Repair of ${keyspace} started`, { description: 'Follow it in the job list below.' });
        },
        onError: () => setAsking(false),
      },
    );
  };
  return (
    <form
      className="start-repair"
      data-testid="start-repair"
      onSubmit={(e) => {
        e.preventDefault();
        setStarted(null);
        repairStart.reset();
        setAsking(true);
      }}
    >
      <label>
        Keyspace{' '}
        <select value={keyspace} onChange={(e) => setKeyspace(e.target.value)} data-testid="repair-keyspace">
          <option value="">(choose)</option>
          {(keyspaces.data ?? [])
            .filter((k) => !k.system)
            .map((k) => (
              <option key={k.name}>{k.name}</option>
            ))}
        </select>
      </label>{' '}
      <label>
        Tables <input value={tables} onChange={(e) => setTables(e.target.value)} placeholder="all, or t1, t2" />
      </label>{' '}
      <label>
        <input type="checkbox" checked={incremental} onChange={(e) => setIncremental(e.target.checked)} /> incremental
      </label>{' '}
      <label>
        segments per node{' '}
        <input
          type="number"
          min={1}
          max={1024}
          value={segmentsPerNode}
          onChange={(e) => setSegmentsPerNode(Number(e.target.value))}
          title="A segment covers at most 1/(this × nodes) of the ring; ranges with the same replicas are grouped up to that size"
        />
      </label>{' '}
      <label>
        intensity pause ×{' '}
        <input
          type="number"
          min={0}
          max={10}
          step={0.5}
          value={intensity}
          onChange={(e) => setIntensity(Number(e.target.value))}
        />
      </label>{' '}
      <button type="submit" disabled={!keyspace} data-testid="repair-start">
        Repair…
      </button>
      {started ? (
        <p className="muted" data-testid="repair-started">
          Started repair run {started}.
        </p>
      ) : null}
      {repairStart.isError ? <ErrorBox error={repairStart.error} title="Not started:" testId="repair-error" /> : null}
      {asking && preview.isError ? (
        <ErrorBox error={preview.error} title="Cannot repair:" testId="repair-preview-error" />
      ) : null}
      {asking && preview.data ? (
        <ConfirmDialog
          title={`Repair ${keyspace} in ${preview.data.segments.length} segments?`}
          statement={`repairAsync('${keyspace}', ${JSON.stringify(preview.data.options, null, 2)})`}
          confirmLabel="Start the run"
          cancelLabel="Don't start"
          busy={repairStart.isPending}
          onAnswer={answer}
        >
          <p>
            Replication:{' '}
            {Object.entries(preview.data.replicationFactors)
              .map(([dc, rf]) => `${dc} ${rf}`)
              .join(', ')}
            . Each segment gets this map with its own <code>ranges</code>; never two segments on one replica.
          </p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
