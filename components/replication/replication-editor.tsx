'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useTRPC } from '@/components/trpc/react';

interface Replication {
  strategy: string;
  factors: Record<string, number>;
}

/** Builds the ALTER KEYSPACE statement, previews it with what must follow, and runs it only once confirmed. */
export function ReplicationEditor({
  keyspace,
  current,
  dcs,
  onClose,
}: {
  keyspace: string;
  current: Replication;
  dcs: string[];
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const { clusterId } = useLiveCluster();
  const [factors, setFactors] = useState<Record<string, number>>(() =>
    Object.fromEntries(
      dcs.map((dc) => [
        dc,
        current.strategy === 'SimpleStrategy' ? Math.min(current.factors['*'] ?? 1, 3) : (current.factors[dc] ?? 0),
      ]),
    ),
  );
  const [confirming, setConfirming] = useState(false);
  const target = {
    strategy: 'NetworkTopologyStrategy' as const,
    factors: Object.fromEntries(Object.entries(factors).filter(([, rf]) => rf > 0)),
  };
  const preview = useQuery(trpc.replication.preview.queryOptions({ clusterId, keyspace, replication: target }));
  const alter = useMutation(trpc.replication.alter.mutationOptions());

  return (
    <section className="editor" data-testid="replication-editor">
      <h3>Replication of {keyspace}</h3>
      <p className="muted">NetworkTopologyStrategy, replicas per DC (0 for none):</p>
      {dcs.map((dc) => (
        <label key={dc} className="factor">
          {dc}{' '}
          <input
            type="number"
            min={0}
            max={32}
            value={factors[dc]}
            data-testid={`factor-${dc}`}
            onChange={(e) => {
              setConfirming(false);
              alter.reset();
              setFactors({ ...factors, [dc]: Math.max(0, Number(e.target.value) || 0) });
            }}
          />
        </label>
      ))}
      {preview.data ? (
        <>
          <pre className="statement" data-testid="alter-statement">
            {preview.data.statement}
          </pre>
          {preview.data.warnings.map((w) => (
            <p key={w.message} className={`w-${w.severity}`}>
              {w.message}
            </p>
          ))}
          {preview.data.changed ? (
            <>
              <p>Afterwards:</p>
              <ol data-testid="next-steps">
                {preview.data.nextSteps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </>
          ) : (
            <p className="muted">This is the current replication: nothing to change.</p>
          )}
        </>
      ) : preview.isError ? (
        <p className="error">{preview.error.message}</p>
      ) : null}

      {alter.isSuccess ? (
        <div className="ok-box" data-testid="alter-done">
          Done.{' '}
          {alter.data.schemaAgreed
            ? 'Every node agrees on the new schema.'
            : 'The nodes do not agree on the schema yet: check the gossip page.'}{' '}
          Now run the steps above.
        </div>
      ) : alter.isError ? (
        <div role="alert" className="error" data-testid="alter-error">
          {alter.error.message}
        </div>
      ) : null}

      {confirming && preview.data ? (
        <div
          role="dialog"
          aria-modal="true"
          aria-labelledby="confirm-title"
          className="confirm"
          data-testid="confirm-alter"
        >
          <p id="confirm-title">
            <strong>Run this statement on cluster {clusterId}?</strong>
          </p>
          <pre className="statement">{preview.data.statement}</pre>
          <button
            type="button"
            data-testid="confirm-run"
            disabled={alter.isPending}
            onClick={() =>
              alter.mutate(
                { clusterId, keyspace, replication: target, confirmedStatement: preview.data.statement },
                { onSettled: () => setConfirming(false) },
              )
            }
          >
            {alter.isPending ? 'Running…' : 'Run it'}
          </button>{' '}
          <button type="button" data-testid="confirm-cancel" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <p>
          <button
            type="button"
            data-testid="alter-run"
            disabled={!preview.data?.changed || alter.isPending}
            onClick={() => setConfirming(true)}
          >
            Apply…
          </button>{' '}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </p>
      )}
    </section>
  );
}
