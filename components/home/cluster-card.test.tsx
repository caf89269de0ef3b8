import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClusterCard } from './cluster-card';
import { summary } from '@/testing/home-fixtures';

const NOW = 10_000;
const cardOf = (id: string) => within(screen.getByTestId(`cluster-card-${id}`));

describe('ClusterCard', () => {
  it('shows nodes up per DC, schema, alerts and load, and leads to the cluster page', () => {
    render(
      <ClusterCard
        cluster={{ id: 'prod', name: 'Production' }}
        summary={summary('prod', { takenAt: NOW - 1000 })}
        sparks={{ id: 'prod', enabled: true, points: [] }}
        now={NOW}
      />,
    );
    const card = screen.getByTestId('cluster-card-prod');
    expect(card.getAttribute('href')).toBe('/clusters/prod');
    expect(card.dataset.verdict).toBe('healthy');
    const c = cardOf('prod');
    expect(c.getByTestId('card-name').textContent).toBe('Production');
    expect(c.getByTestId('card-verdict').textContent).toBe('healthy');
    expect(c.getByTestId('card-nodes').textContent).toBe('3/3 up');
    expect(c.getByTestId('card-dc-dc1').textContent).toBe('dc1 2/2');
    expect(c.getByTestId('card-dc-dc2').textContent).toBe('dc2 1/1');
    expect(c.getByTestId('card-schema').textContent).toBe('schema agreed');
    expect(c.getByTestId('card-alerts').textContent).toBe('0 firing');
    expect(c.getByTestId('card-load').textContent).toBe('3 MiB');
    expect(c.queryByTestId('card-stale')).toBeNull();
    expect(c.queryByTestId('card-error')).toBeNull();
    expect(c.getByTestId('card-spark-rate-latest').textContent).toBe('r — · w —');
  });

  it('names the down node, the agent out of reach, and a schema disagreement', () => {
    render(
      <ClusterCard
        cluster={{ id: 'demo', name: 'demo' }}
        summary={summary('demo', {
          takenAt: NOW,
          up: 2,
          dcs: [
            { dc: 'dc1', up: 2, total: 2 },
            { dc: 'dc2', up: 0, total: 1 },
          ],
          down: ['127.0.0.3'],
          downCount: 1,
          agentErrors: [{ address: '127.0.0.3', error: 'node 127.0.0.3: Jolokia refused connection' }],
          agentErrorCount: 1,
          schemaVersions: 2,
          alerts: { monitored: true, incidents: 1, firing: 1, error: null },
        })}
        sparks={undefined}
        now={NOW}
      />,
    );
    const c = cardOf('demo');
    expect(c.getByTestId('card-verdict').textContent).toBe('degraded');
    expect(c.getByTestId('card-dc-dc2').dataset).toMatchObject({ up: '0', total: '1' });
    expect(c.getByTestId('card-down').textContent).toBe('1 down: 127.0.0.3');
    expect(c.getByTestId('card-agents').textContent).toBe('1 agent out of reach: 127.0.0.3');
    expect(c.getByTestId('card-agents').getAttribute('title')).toBe('node 127.0.0.3: Jolokia refused connection');
    expect(c.getByTestId('card-schema').textContent).toBe('2 schema versions');
    expect(c.getByTestId('card-alerts').textContent).toBe('1 firing');
  });

  it('says what failed for an unreachable cluster, and how old its figures are', () => {
    const error = 'Cannot connect to any of 127.0.0.99:9042 (127.0.0.99:9042: connect ECONNREFUSED 127.0.0.99:9042)';
    render(
      <ClusterCard
        cluster={{ id: 'no-cql', name: 'no-cql' }}
        summary={summary('no-cql', {
          takenAt: NOW - 40_000,
          error,
          nothingAnswers: true,
          up: 0,
          total: 0,
          dcs: [],
          loadBytes: null,
          alerts: null,
          pollError: 'poll timed out',
        })}
        sparks={{ id: 'no-cql', enabled: false, points: [] }}
        now={NOW}
      />,
    );
    const c = cardOf('no-cql');
    expect(c.getByTestId('card-verdict').textContent).toBe('unreachable');
    expect(c.getByTestId('card-error').textContent).toBe(`Cannot reach cluster no-cql: ${error}`);
    expect(c.getByTestId('card-stale').textContent).toContain('40 s ago');
    expect(c.getByTestId('card-poll-error').textContent).toBe('Polls failing: poll timed out');
    expect(c.getByTestId('card-alerts').textContent).toBe('alerts off');
    expect(c.getByTestId('card-metrics-off')).toBeTruthy();
    expect(c.queryByTestId('card-spark-rate')).toBeNull();
  });

  it('before the first snapshot shows a placeholder, not zeros', () => {
    render(<ClusterCard cluster={{ id: 'x', name: 'X' }} summary={undefined} sparks={undefined} now={NOW} />);
    const c = cardOf('x');
    expect(c.getByTestId('card-verdict').textContent).toBe('connecting');
    expect(c.getByTestId('card-connecting')).toBeTruthy();
    expect(c.queryByTestId('card-nodes')).toBeNull();
  });

  it('draws the sparklines and gives their latest values in words', () => {
    const points = [1, 2, 3].map((i) => ({
      at: i * 1000,
      reads: 10 * i,
      writes: 2000 * i,
      readP99: 900 * i,
      writeP99: 12_000,
    }));
    render(
      <ClusterCard
        cluster={{ id: 'a', name: 'a' }}
        summary={summary('a')}
        sparks={{ id: 'a', enabled: true, points }}
        now={NOW}
      />,
    );
    const c = cardOf('a');
    expect(c.getByTestId('card-spark-rate-latest').textContent).toBe('r 30/s · w 6.0k/s');
    expect(c.getByTestId('card-spark-p99-latest').textContent).toBe('r 2.7 ms · w 12 ms');
    expect(c.getByRole('img', { name: /^rate, last 3 polls: r 30\/s · w 6\.0k\/s$/ })).toBeTruthy();
  });
});
