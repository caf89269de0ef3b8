'use client';
import { useState } from 'react';
import { useLiveCluster } from '@/components/live/live-cluster';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorBox } from '@/components/ui/error-box';
import { useAlterReplication, useReplicationPreview } from './use-replication';

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
  const preview = useReplicationPreview(clusterId, keyspace, target);
  const alter = useAlterReplication();

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
        <ErrorBox title="Cannot preview the change:" error={preview.error} testId="preview-error" />
      ) : (
        <p className="muted">Building the statement…</p>
      )}

      {alter.isSuccess ? (
        <div className="ok-box" data-testid="alter-done">
          Done.{' '}
          {alter.data.schemaAgreed
            ? 'Every node agrees on the new schema.'
            : 'The nodes do not agree on the schema yet: check the gossip page.'}{' '}
          Now run the steps above.
        </div>
      ) : alter.isError ? (
        <ErrorBox title="Not changed:" error={alter.error} testId="alter-error" />
      ) : null}

      {confirming && preview.data ? (
        <ConfirmDialog
          title={`Run this statement on cluster ${clusterId}?`}
          statement={preview.data.statement}
          cancelLabel="Cancel"
          busy={alter.isPending}
          onAnswer={(yes) => {
            if (!yes) return setConfirming(false);
            alter.mutate(
              { clusterId, keyspace, replication: target, confirmedStatement: preview.data.statement },
              { onSettled: () => setConfirming(false) },
            );
          }}
        />
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
