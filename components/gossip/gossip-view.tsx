'use client';
import { useLiveCluster } from '@/components/live/live-cluster';
import { ErrorBox } from '@/components/ui/error-box';

const FIRST_STATES = [
  'STATUS_WITH_PORT',
  'STATUS',
  'LOAD',
  'SCHEMA',
  'DC',
  'RACK',
  'RELEASE_VERSION',
  'HOST_ID',
  'TOKENS',
  'NATIVE_ADDRESS_AND_PORT',
  'RPC_READY',
];

/** One node's gossip: every endpoint it knows, with generation, heartbeat and versioned states. */
export function GossipView({ observer }: { observer: string }) {
  const { snapshot } = useLiveCluster();
  if (!snapshot) return null;
  const view = snapshot.observers.find((o) => o.address === observer);
  if (!view) return <p className="muted">{observer} is not a node of this cluster.</p>;
  if (view.error) return <ErrorBox error={view.error} testId="gossip-error" />;
  return (
    <div className="gossip" data-testid={`gossip-${observer}`}>
      {view.gossip.map((entry) => {
        const names = [
          ...FIRST_STATES.filter((s) => s in entry.states),
          ...Object.keys(entry.states)
            .filter((s) => !FIRST_STATES.includes(s))
            .sort(),
        ];
        return (
          <table key={entry.endpoint} className="gossip-entry" data-testid={`gossip-entry-${entry.address}`}>
            <caption>
              {entry.endpoint}{' '}
              <span className={entry.fdStatus === 'DOWN' ? 'status-down' : 'status-up'} data-testid="gossip-fd">
                {entry.fdStatus ?? ''}
              </span>{' '}
              {entry.phi !== null ? (
                <span className="muted">phi {entry.phi.toFixed(2)}</span>
              ) : (
                <span className="muted">(itself)</span>
              )}
            </caption>
            <tbody>
              <tr>
                <th>generation</th>
                <td data-testid="gossip-generation">{entry.generation}</td>
                <td />
              </tr>
              <tr>
                <th>heartbeat</th>
                <td data-testid="gossip-heartbeat">{entry.heartbeat}</td>
                <td data-testid="gossip-advancing" className={entry.heartbeatAdvancing === false ? 'status-down' : ''}>
                  {entry.heartbeatAdvancing === null ? '' : entry.heartbeatAdvancing ? 'advancing' : 'stalled'}
                </td>
              </tr>
              {names.map((name) => {
                const state = entry.states[name];
                if (!state) return null;
                return (
                  <tr key={name} data-testid={`gossip-state-${name}`}>
                    <th>{name}</th>
                    <td className="mono">{state.value}</td>
                    <td className="muted">v{state.version}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
