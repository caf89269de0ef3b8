import { describe, expect, it } from 'vitest';
import { adviseTable, DEFAULT_THRESHOLDS, indexedColumn, type TableFacts } from './rules';

const base: TableFacts = {
  keyspace: 'iot',
  table: 'readings',
  partitionKey: [{ name: 'sensor_id', type: 'int' }],
  clustering: [{ name: 'ts', type: 'timestamp', clusteringOrder: 'ASC' }],
  indexes: [],
  maxPartition: { mebibytes: 0, node: '127.0.0.1' },
  tombstones: { p99: 0, max: 0, reads: 10, node: '127.0.0.1' },
  indexSamples: {},
};

const rules = (facts: Partial<TableFacts>) => adviseTable({ ...base, ...facts }).map((f) => f.rule);

describe('advisor rules', () => {
  it('flags an unbucketed time series and its ascending order, with the (sensor_id, day) fix', () => {
    const findings = adviseTable(base);
    expect(findings.map((f) => f.rule)).toEqual(['unbucketed-time-series', 'ascending-time-clustering']);
    expect(findings[0]?.fix).toContain('PRIMARY KEY ((sensor_id, day), ts) WITH CLUSTERING ORDER BY (ts DESC)');
    expect(findings[0]?.severity).toBe('warning');
  });

  it('buckets by month when the rows are already ordered by day', () => {
    const [finding] = adviseTable({
      ...base,
      partitionKey: [{ name: 'tenant', type: 'text' }],
      clustering: [
        { name: 'day', type: 'date', clusteringOrder: 'DESC' },
        { name: 'seq', type: 'int', clusteringOrder: 'ASC' },
      ],
    });
    expect(finding?.fix).toContain(
      'PRIMARY KEY ((tenant, month), day, seq) WITH CLUSTERING ORDER BY (day DESC, seq) — with month int (yyyymm) set from day',
    );
  });

  it('makes a large partition the first finding and the unbucketed time series a danger', () => {
    const findings = adviseTable({ ...base, maxPartition: { mebibytes: 240, node: '127.0.0.2' } });
    expect(findings[0]).toMatchObject({ rule: 'large-partition', severity: 'danger', title: 'partitions of 240 MiB' });
    expect(findings[0]?.evidence).toContain('on 127.0.0.2');
    expect(findings.find((f) => f.rule === 'unbucketed-time-series')?.severity).toBe('danger');
  });

  it('flags tombstone-heavy reads with the numbers', () => {
    const [finding] = adviseTable({
      ...base,
      clustering: [{ name: 'seq', type: 'int', clusteringOrder: 'ASC' }],
      tombstones: { p99: 2500, max: 2600, reads: 20, node: '127.0.0.3' },
    });
    expect(finding?.rule).toBe('tombstone-heavy-reads');
    expect(finding?.evidence).toContain('p99 2500, max 2600 tombstones per read over 20 reads');
  });

  it('leaves a well-modelled time series alone', () => {
    expect(
      rules({
        partitionKey: [
          { name: 'sensor_id', type: 'int' },
          { name: 'day', type: 'date' },
        ],
        clustering: [{ name: 'ts', type: 'timestamp', clusteringOrder: 'DESC' }],
      }),
    ).toEqual([]);
    expect(
      rules({
        partitionKey: [
          { name: 'sensor_id', type: 'int' },
          { name: 'bucket', type: 'int' },
        ],
        clustering: [{ name: 'ts', type: 'timestamp', clusteringOrder: 'DESC' }],
      }),
    ).toEqual([]);
  });

  it('flags a legacy index on a column with mostly distinct values, not a storage-attached one', () => {
    const facts = {
      clustering: [],
      indexes: [{ name: 'users_email_idx', target: 'email', className: null }],
      indexSamples: { users_email_idx: { rows: 300, distinct: 300 } },
    };
    expect(rules(facts)).toEqual(['high-cardinality-index']);
    expect(
      rules({
        ...facts,
        indexes: [
          {
            name: 'users_email_idx',
            target: 'email',
            className: 'org.apache.cassandra.index.sai.StorageAttachedIndex',
          },
        ],
      }),
    ).toEqual([]);
    expect(rules({ ...facts, indexSamples: { users_email_idx: { rows: 300, distinct: 4 } } })).toEqual([]);
  });

  it('flags a view partitioned by a column the base table clusters DESC, not one keyed by an ASC one', () => {
    const facts = {
      clustering: [
        { name: 'day', type: 'date', clusteringOrder: 'DESC' as const },
        { name: 'seq', type: 'int', clusteringOrder: 'ASC' as const },
      ],
    };
    const [finding] = adviseTable({
      ...base,
      ...facts,
      partitionKey: [
        { name: 'tenant', type: 'text' },
        { name: 'month', type: 'int' },
      ],
      views: [{ name: 'by_day', partitionKey: ['day'] }],
    });
    expect(finding).toMatchObject({
      rule: 'view-keyed-by-desc-column',
      severity: 'danger',
      title: 'materialized view by_day is partitioned by a DESC clustering column',
    });
    expect(
      rules({
        ...facts,
        partitionKey: [
          { name: 'tenant', type: 'text' },
          { name: 'month', type: 'int' },
        ],
        views: [{ name: 'by_seq', partitionKey: ['seq'] }],
      }),
    ).toEqual([]);
  });

  it('uses the thresholds it is given', () => {
    expect(
      adviseTable(
        { ...base, maxPartition: { mebibytes: 5, node: 'x' } },
        { ...DEFAULT_THRESHOLDS, largePartitionMiB: 4 },
      )[0]?.rule,
    ).toBe('large-partition');
  });
});

describe('indexedColumn', () => {
  it('reads the column of a plain index target, quoted or not, and nothing of a collection target', () => {
    expect(indexedColumn('status')).toBe('status');
    expect(indexedColumn('"DeviceType"')).toBe('DeviceType');
    expect(indexedColumn('"say ""hi"""')).toBe('say "hi"');
    expect(indexedColumn('"select"')).toBe('select');
    expect(indexedColumn('keys(tags)')).toBeNull();
    expect(indexedColumn('full(readings)')).toBeNull();
  });
});
