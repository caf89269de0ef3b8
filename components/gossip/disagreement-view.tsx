'use client';
import { useLiveCluster } from '@/components/live/live-cluster';
import { StatusBadge } from '@/components/ui/status-badge';

/** Rows: the node that believes; columns: the peer it believes about. Odd beliefs are marked. */
export function DisagreementView() {
  const { snapshot } = useLiveCluster();
  if (!snapshot) return null;
  const { peers, rows, splitView, schemaDisagreement } = snapshot.disagreement;
  return (
    <div data-testid="disagreement">
      <p>
        <StatusBadge tone={splitView ? 'bad' : 'ok'} testId="split-view-badge">
          {splitView ? 'split view: nodes disagree on who is up' : 'every node sees the same nodes up'}
        </StatusBadge>{' '}
        <StatusBadge tone={schemaDisagreement ? 'bad' : 'ok'}>
          {schemaDisagreement ? 'schema versions differ' : 'one schema version'}
        </StatusBadge>
      </p>
      <table className="matrix">
        <thead>
          <tr>
            <th>believer ↓ / about →</th>
            {peers.map((peer) => (
              <th key={peer}>{peer}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.observer} data-testid={`matrix-row-${row.observer}`}>
              <th>{row.observer}</th>
              {row.error ? (
                <td colSpan={peers.length} className="problem" data-testid="matrix-error">
                  cannot ask: {row.error}
                </td>
              ) : (
                peers.map((peer) => {
                  const belief = row.beliefs[peer];
                  if (!belief)
                    return (
                      <td key={peer} className="muted">
                        unknown
                      </td>
                    );
                  return (
                    <td
                      key={peer}
                      data-testid={`matrix-${row.observer}-${peer}`}
                      className={`${belief.status === 'DOWN' ? 'belief-down' : 'belief-up'} ${belief.statusDiffers || belief.schemaDiffers ? 'differs' : ''}`}
                      title={`generation ${belief.generation ?? '?'}, heartbeat ${belief.heartbeat ?? '?'}, schema ${belief.schema ?? '?'}`}
                    >
                      <span data-testid="belief-status">{belief.status ?? '?'}</span>
                      <span className="mono muted"> {belief.schema?.slice(0, 8) ?? ''}</span>
                    </td>
                  );
                })
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
