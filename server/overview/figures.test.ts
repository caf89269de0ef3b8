import { describe, expect, it } from 'vitest';
import { overviewFigures } from './figures';

describe('overviewFigures', () => {
  it('is null before the collector has polled', () => {
    expect(overviewFigures(undefined)).toBeNull();
  });

  it('sums the nodes that answered, takes the worst p99, and names the ones that did not', () => {
    const figures = overviewFigures({
      at: 1_000,
      byNode: {
        '127.0.0.1': {
          'compaction.pending': 3,
          'dropped.rate': 0.5,
          'hints.rate': 2,
          'hints.in_progress': 1,
          'client.read.rate': 100,
          'client.write.rate': 40,
          'client.read.p99': 900,
          'client.write.p99': 300,
          'storage.load': 1_000,
        },
        '127.0.0.2': { 'compaction.pending': 4, 'client.read.rate': 50, 'client.read.p99': 2_500, 'storage.load': 500 },
      },
      missing: { '127.0.0.3': 'connection refused' },
    });
    expect(figures).toEqual({
      at: 1_000,
      answered: 2,
      missing: [{ address: '127.0.0.3', reason: 'connection refused' }],
      pendingCompactions: 7,
      droppedPerSecond: 0.5,
      hintsPerSecond: 2,
      hintsInProgress: 1,
      readsPerSecond: 150,
      writesPerSecond: 40,
      readP99Micros: 2_500,
      writeP99Micros: 300,
      loadBytes: 1_500,
    });
  });
});
