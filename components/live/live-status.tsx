'use client';
import { CircleDashed, Radio, Unplug } from 'lucide-react';
import { ErrorBox } from '@/components/ui/error-box';
import { StatusBadge } from '@/components/ui/status-badge';
import { useLiveCluster } from './live-cluster';

/** Whether the page is receiving updates, and the cluster-wide problems the latest snapshot names. */
export function LiveStatus() {
  const { clusterId, snapshot, connection, error } = useLiveCluster();
  const allDown = snapshot && snapshot.nodes.length > 0 && snapshot.nodes.every((n) => n.status === 'Down');
  const nothingAnswers = snapshot?.error && snapshot.observers.every((o) => o.error !== null);
  return (
    <div className="live-status">
      {connection === 'pending' ? (
        <StatusBadge tone="ok" icon={Radio} testId="live-indicator">
          live
        </StatusBadge>
      ) : connection === 'error' ? (
        <StatusBadge tone="bad" icon={Unplug} testId="live-indicator">
          disconnected
        </StatusBadge>
      ) : (
        <StatusBadge tone="neutral" icon={CircleDashed} testId="live-indicator">
          connecting
        </StatusBadge>
      )}
      {snapshot ? <span className="muted"> updated {snapshot.takenAt.toLocaleTimeString()}</span> : null}
      {snapshot?.pollError ? (
        <div role="alert" className="warning" data-testid="poll-error">
          <strong>
            {snapshot.pollError.consecutiveFailures === 1
              ? 'The last poll failed'
              : `The last ${snapshot.pollError.consecutiveFailures} polls failed`}{' '}
            (at {snapshot.pollError.at.toLocaleTimeString()}):
          </strong>{' '}
          {snapshot.pollError.message}. Showing the cluster as of {snapshot.takenAt.toLocaleTimeString()}.
        </div>
      ) : null}
      {error ? <ErrorBox title={`Cannot follow cluster ${clusterId}.`} error={error} testId="cluster-error" /> : null}
      {nothingAnswers ? (
        <ErrorBox title={`Cannot reach cluster ${clusterId}.`} error={snapshot.error} testId="cluster-error" />
      ) : allDown ? (
        <div role="alert" className="error" data-testid="cluster-down">
          <strong>Every node of {clusterId} is down.</strong> No node answers on its CQL or Jolokia port; this page
          recovers by itself when they return.
        </div>
      ) : snapshot?.error ? (
        <div role="alert" className="warning" data-testid="cluster-warning">
          CQL is unreachable, showing what the nodes&apos; agents say: {snapshot.error}
        </div>
      ) : null}
      {snapshot && snapshot.schemaVersions.length > 0 ? <SchemaBadge versions={snapshot.schemaVersions} /> : null}
    </div>
  );
}

function SchemaBadge({ versions }: { versions: { version: string; addresses: string[] }[] }) {
  const [only] = versions;
  if (only && versions.length === 1) {
    return (
      <StatusBadge tone="ok" testId="schema-badge" title={only.version}>
        schema in agreement
      </StatusBadge>
    );
  }
  return (
    <StatusBadge
      tone="bad"
      testId="schema-badge"
      title={versions.map((v) => `${v.version}: ${v.addresses.join(', ')}`).join('\n')}
    >
      schema disagreement: {versions.length} versions
    </StatusBadge>
  );
}
