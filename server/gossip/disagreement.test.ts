import { describe, expect, it } from 'vitest';
import { recordedViews } from '@/testing/recorded-views';
import { observerViews } from '../nodes/snapshot';
import { disagreementMatrix } from './disagreement';

describe('disagreementMatrix (answers recorded from the real cluster)', () => {
  it('shows everyone agreeing when all nodes are up', () => {
    const matrix = disagreementMatrix(observerViews(recordedViews('three-up'), undefined));
    expect(matrix.peers).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
    expect(matrix.splitView).toBe(false);
    expect(matrix.schemaDisagreement).toBe(false);
    for (const row of matrix.rows) for (const peer of matrix.peers) expect(row.beliefs[peer]?.status).toBe('UP');
  });

  it('shows who sees a killed node down, and that it cannot answer itself', () => {
    const matrix = disagreementMatrix(observerViews(recordedViews('node3-killed'), undefined));
    const byObserver = Object.fromEntries(matrix.rows.map((r) => [r.observer, r]));
    expect(byObserver['127.0.0.1']?.beliefs['127.0.0.3']?.status).toBe('DOWN');
    expect(byObserver['127.0.0.2']?.beliefs['127.0.0.3']?.status).toBe('DOWN');
    expect(byObserver['127.0.0.3']?.error).toMatch(/refused/);
    expect(byObserver['127.0.0.3']?.beliefs['127.0.0.1']).toBeNull();
    expect(matrix.splitView).toBe(false);
  });

  it('marks the one observer whose view differs: a split view', () => {
    const observers = observerViews(recordedViews('three-up'), undefined);
    // Node 2's failure detector alone convicts node 1 (what a one-sided network partition looks like).
    const node2 = observers.find((o) => o.address === '127.0.0.2')!;
    node2.gossip = node2.gossip.map((g) => (g.address === '127.0.0.1' ? { ...g, fdStatus: 'DOWN' } : g));
    const matrix = disagreementMatrix(observers);
    expect(matrix.splitView).toBe(true);
    const differing = matrix.rows.flatMap((r) =>
      matrix.peers.filter((p) => r.beliefs[p]?.statusDiffers).map((p) => `${r.observer}→${p}`),
    );
    expect(differing).toEqual(['127.0.0.2→127.0.0.1']);
  });

  it('flags schema disagreement', () => {
    const observers = observerViews(recordedViews('three-up'), undefined);
    const node3 = observers.find((o) => o.address === '127.0.0.3')!;
    node3.gossip = node3.gossip.map((g) =>
      g.address === '127.0.0.3'
        ? { ...g, states: { ...g.states, SCHEMA: { version: 99, value: 'ffffffff-0000-0000-0000-000000000000' } } }
        : g,
    );
    const matrix = disagreementMatrix(observers);
    expect(matrix.schemaDisagreement).toBe(true);
    expect(matrix.rows.find((r) => r.observer === '127.0.0.3')!.beliefs['127.0.0.3']?.schemaDiffers).toBe(true);
  });
});
