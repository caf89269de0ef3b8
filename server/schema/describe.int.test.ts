import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, driverFor } from '../cluster/registry';
import { testCaller } from '@/testing/test-caller';

const caller = await testCaller();
const KS = 'ringside_it_schema';

beforeAll(async () => {
  const client = await driverFor('demo');
  for (const statement of [
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
    `CREATE TYPE IF NOT EXISTS ${KS}.address (street text, zip int, tags frozen<set<text>>)`,
    `CREATE TABLE IF NOT EXISTS ${KS}.everything (
       tenant text, region int, day date, seq bigint, label text,
       shared_note text STATIC,
       home frozen<address>, point tuple<int, text, double>, readings list<double>, labels set<text>,
       attrs map<text, int>, nested frozen<map<text, frozen<list<int>>>>, embedding vector<float, 3>,
       PRIMARY KEY ((tenant, region), day, seq, label)
     ) WITH CLUSTERING ORDER BY (day DESC, seq ASC, label DESC)
       AND default_time_to_live = 86400 AND gc_grace_seconds = 3600
       AND compaction = {'class': 'TimeWindowCompactionStrategy', 'compaction_window_unit': 'DAYS', 'compaction_window_size': '1'}
       AND comment = 'every column kind'`,
    `CREATE INDEX IF NOT EXISTS everything_attrs_idx ON ${KS}.everything (keys(attrs))`,
    // The view sits on a table without DESC clustering: Cassandra 5.0.9 accepts a view whose partition key
    // is a DESC clustering column of its base, then cannot merge that schema between nodes after a restart.
    `CREATE TABLE IF NOT EXISTS ${KS}.events (k int, c int, v text, PRIMARY KEY (k, c))`,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${KS}.events_by_v AS SELECT k, c, v FROM ${KS}.events
       WHERE k IS NOT NULL AND c IS NOT NULL AND v IS NOT NULL
       PRIMARY KEY (v, k, c)`,
  ]) {
    await client.execute(statement);
  }
  await client.metadata.refreshKeyspace(KS);
});
afterAll(closeAll);

describe('the schema browser matches the driver metadata', () => {
  it('keys, their order, static and regular columns with their CQL types', async () => {
    const table = await caller.schema.table({ clusterId: 'demo', keyspace: KS, table: 'everything' });
    const meta = (await (await driverFor('demo')).metadata.getTable(KS, 'everything'))!;
    expect(table.partitionKey.map((c) => c.name)).toEqual(meta.partitionKeys.map((c) => c.name));
    expect(table.clustering.map((c) => c.name)).toEqual(meta.clusteringKeys.map((c) => c.name));
    expect(table.clustering.map((c) => c.clusteringOrder)).toEqual(meta.clusteringOrder);
    expect(table.columns.map((c) => c.name).sort()).toEqual(meta.columns.map((c) => c.name).sort());
    const staticColumns = meta.columns
      .filter((c) => (c as typeof c & { isStatic?: boolean }).isStatic)
      .map((c) => c.name);
    expect(table.columns.filter((c) => c.kind === 'static').map((c) => c.name)).toEqual(staticColumns);
    const types = Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      home: 'frozen<address>',
      // Cassandra stores every tuple frozen, and says so.
      point: 'frozen<tuple<int, text, double>>',
      readings: 'list<double>',
      attrs: 'map<text, int>',
      nested: 'frozen<map<text, frozen<list<int>>>>',
      embedding: 'vector<float, 3>',
    });
  });

  it('options, indexes, views and the CREATE statement', async () => {
    const table = await caller.schema.table({ clusterId: 'demo', keyspace: KS, table: 'everything' });
    const meta = (await (await driverFor('demo')).metadata.getTable(KS, 'everything'))!;
    expect(table.options.defaultTtl).toBe(meta.defaultTtl);
    expect(table.options.gcGraceSeconds).toBe(meta.gcGraceSeconds);
    expect(table.options.compaction.class).toBe(meta.compactionClass);
    expect(table.options.comment).toBe(meta.comment);
    expect(table.indexes.map((i) => i.name)).toEqual(meta.indexes.map((i) => i.name));
    expect(table.indexes[0]?.target).toBe('keys(attrs)');
    expect(table.views).toEqual([]);
    const events = await caller.schema.table({ clusterId: 'demo', keyspace: KS, table: 'events' });
    expect(events.views.map((v) => v.name)).toEqual(['events_by_v']);
    expect(table.createStatement).toContain(`CREATE TABLE ${KS}.everything (`);
    expect(table.createStatement).toContain('CLUSTERING ORDER BY (day DESC, seq ASC, label DESC)');
  });

  it('describes the keyspace with its replication, types and views, and a view as a view', async () => {
    const keyspace = await caller.schema.keyspace({ clusterId: 'demo', keyspace: KS });
    expect(keyspace.replication).toEqual({ strategy: 'NetworkTopologyStrategy', factors: { dc1: 2, dc2: 1 } });
    expect(keyspace.tables).toEqual(['events', 'everything']);
    expect(keyspace.views).toEqual(['events_by_v']);
    expect(keyspace.types).toEqual([
      {
        name: 'address',
        fields: [
          { name: 'street', type: 'text' },
          { name: 'zip', type: 'int' },
          { name: 'tags', type: 'frozen<set<text>>' },
        ],
      },
    ]);
    const view = await caller.schema.table({ clusterId: 'demo', keyspace: KS, table: 'events_by_v' });
    expect(view).toMatchObject({ isView: true, baseTable: 'events' });
    expect(view.partitionKey.map((c) => c.name)).toEqual(['v']);
    expect(view.createStatement).toContain(`CREATE MATERIALIZED VIEW ${KS}.events_by_v`);
  });

  it('names the tables there are when asked for one that is not', async () => {
    await expect(caller.schema.table({ clusterId: 'demo', keyspace: KS, table: 'nothing' })).rejects.toThrow(
      /keyspace ringside_it_schema of cluster demo has no table or view "nothing" \(it has: events, everything\)/,
    );
  });
});
