'use client';
import { useState, type FormEvent } from 'react';
import { useLiveCluster } from '@/components/live/live-cluster';
import { RingChart } from '@/components/ring/ring-chart';
import { useRingView } from '@/components/ring/use-ring';
import { ErrorBox } from '@/components/ui/error-box';
import { useLocateKey } from './use-replication';

/** One typed field per partition-key column; the key's token and replicas, marked on the ring. */
export function LocateKey({
  keyspace,
  table,
  partitionKey,
}: {
  keyspace: string;
  table: string;
  partitionKey: { name: string; type: string }[];
}) {
  const { clusterId } = useLiveCluster();
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(partitionKey.map((c) => [c.name, ''])),
  );
  const [asked, setAsked] = useState<Record<string, string> | null>(null);
  const location = useLocateKey(clusterId, keyspace, table, asked);
  const ring = useRingView(clusterId, keyspace);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked({ ...draft });
  };

  return (
    <div className="locate" data-testid="locate-key">
      <form onSubmit={submit}>
        {partitionKey.map((c) => (
          <label key={c.name} className="factor">
            {c.name} <span className="muted">{c.type}</span>{' '}
            <input
              data-testid={`key-${c.name}`}
              value={draft[c.name]}
              onChange={(e) => setDraft({ ...draft, [c.name]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" data-testid="locate-submit">
          Where does it live?
        </button>
      </form>
      {location.isError ? (
        <ErrorBox error={location.error} testId="locate-error" />
      ) : location.data ? (
        <p data-testid="locate-result">
          Token <code data-testid="locate-token">{location.data.token}</code>, replicas{' '}
          <strong data-testid="locate-replicas">{location.data.replicas.map((r) => r.address).join(', ')}</strong>{' '}
          <span className="muted">({location.data.replicas.map((r) => `${r.address} in ${r.dc}`).join('; ')})</span>
        </p>
      ) : null}
      {ring.data ? (
        <RingChart
          nodes={ring.data.nodes}
          ranges={ring.data.ranges}
          keyspace={keyspace}
          size={360}
          marker={
            location.data
              ? { token: location.data.token, replicas: location.data.replicas.map((r) => r.address) }
              : undefined
          }
        />
      ) : ring.isError ? (
        <ErrorBox title="Cannot draw the ring:" error={ring.error} testId="ring-error" onRetry={() => ring.refetch()} />
      ) : null}
    </div>
  );
}
