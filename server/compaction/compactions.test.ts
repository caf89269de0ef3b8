import { describe, expect, it } from 'vitest';
import { parseCompactions, withProgress } from './compactions';

const raw = (completed: number) => [
  {
    compactionId: 'a1',
    keyspace: 'shop',
    columnfamily: 'orders',
    completed: String(completed),
    total: '1000',
    unit: 'bytes',
    taskType: 'Compaction',
    targetDirectory: '/x',
  },
];

describe('running compactions', () => {
  it('reads the string maps CompactionManager reports', () => {
    expect(parseCompactions('127.0.0.1', raw(250))).toEqual([
      {
        node: '127.0.0.1',
        id: 'a1',
        keyspace: 'shop',
        table: 'orders',
        kind: 'Compaction',
        unit: 'bytes',
        completed: 250,
        total: 1000,
        rate: null,
        etaSeconds: null,
      },
    ]);
    expect(parseCompactions('127.0.0.1', 'nonsense')).toEqual([]);
  });

  it('works out rate and ETA between two polls of the same compaction', () => {
    const first = parseCompactions('127.0.0.1', raw(200));
    const second = withProgress(parseCompactions('127.0.0.1', raw(600)), { compactions: first, at: 0 }, 2000);
    expect(second[0]).toMatchObject({ rate: 200, etaSeconds: 2 });
  });
});
