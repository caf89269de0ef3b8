/**
 * The fidelity checks that hold the console to nodetool and cqlsh on the 5.0 demo cluster, run
 * against a real Cassandra 4.1 cluster: the newest 4.1.x from Maven Central on Java 11, started
 * here by the local-cluster tool (`up --version 4.1`, cluster `c41`, 2 nodes in dc1 on 127.0.0.41-42,
 * clear of the demo cluster and of the other tests' clusters) and wiped at the end to free its memory.
 * A subset: node table vs `nodetool status`, ring vs `nodetool ring` and `status <keyspace>`, gossip
 * vs `nodetool gossipinfo`, replicas vs `nodetool getendpoints`, the workbench's formatting vs cqlsh;
 * and the metrics collector, the compaction view's reads and the node operations whose MBean form
 * differs between releases, on 4.1's MBeans.
 */
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodetool, nodetoolCommandLine, nodetoolStatus, runCluster, runClusterOrThrow } from '@/localcluster/harness';
import type { NodetoolStatusRow } from '@/localcluster/nodetool-status';
import { parseNodetoolRing } from '@/localcluster/nodetool-ring';
import { createCaller } from '@/server/routers/_app';
import { createContext } from '@/server/trpc';
import { COLUMNS, COUNTER_UPDATES, cqlshCells, KS as TYPES_KS, ROWS, SCHEMA, type Cell } from '@/testing/cqlsh-fixture';
import { sessionHeaders } from '@/testing/test-session';
import { useTemporaryConfig } from '@/testing/unit-config';
import { runNodeOperation } from '../cluster/node-operations';
import { listSnapshots } from '../cluster/node-snapshots';
import { executeOnEachNode } from '../cluster/per-node';
import { closeAll, clusterConfig, driverFor } from '../cluster/registry';
import { parseEndpointStates } from '../gossip/endpoint-states';
import { METRICS } from '../metrics/catalogue';
import { MetricsCollector } from '../metrics/collector';
import type { NodeRow } from '../nodes/merge-nodes';
import { formatCqlValue } from '../query/format/format-cql';

const NAME = 'c41';
const ID = 'c41';
const ADDRESSES = ['127.0.0.41', '127.0.0.42'];
const KS = 'ringside_it_c41';
const startedAt = Date.now();
let startSeconds = 0;

let caller: ReturnType<typeof createCaller>;

beforeAll(async () => {
  runCluster(['wipe', '--name', NAME], 120_000); // whatever an earlier, interrupted run left
  const started = Date.now();
  const out = runClusterOrThrow(
    ['up', '--name', NAME, '--version', '4.1', '--nodes', '2', '--dcs', '1', '--vnodes', '16'].concat([
      '--heap-mb',
      '512',
      '--ip-offset',
      '40',
    ]),
    400_000,
  );
  startSeconds = (Date.now() - started) / 1000;
  expect(out).toMatch(/Cassandra 4\.1\.\d+/);
  useTemporaryConfig({
    clusters: [
      {
        id: ID,
        name: 'Cassandra 4.1 (tests)',
        contactPoints: [ADDRESSES[0]],
        localDataCenter: 'dc1',
        pollIntervalMs: 1000,
        metrics: { enabled: false },
        jolokia: { credentialsFile: join(homedir(), '.ringside', 'clusters', NAME, 'jolokia-credentials.json') },
      },
    ],
  });
  caller = createCaller(createContext({ headers: await sessionHeaders() }));
  const client = await driverFor(ID);
  // One replica in the one DC: which of the two nodes holds a key depends on its token.
  await client.execute(
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}`,
  );
  await client.execute(`CREATE TABLE IF NOT EXISTS ${KS}.by_text (k text PRIMARY KEY, v int)`);
  await client.execute(`CREATE TABLE IF NOT EXISTS ${KS}.by_composite (a text, b int, c int, PRIMARY KEY ((a, b), c))`);
  await client.metadata.refreshKeyspaces();
}, 450_000);

afterAll(async () => {
  await closeAll();
  // Frees the two JVMs' memory and their data for the tests after this file.
  runCluster(['wipe', '--name', NAME], 120_000);
  console.log(
    `cassandra41: cluster start ${startSeconds.toFixed(1)} s, whole file ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
  );
}, 150_000);

describe('against Cassandra 4.1', () => {
  it('the node table agrees with nodetool status on both nodes, and shows the release', async () => {
    const { nodes } = await caller.cluster.nodes({ clusterId: ID });
    const fromConsole = nodes.map((r: NodeRow) => `${r.address} ${r.dc} ${r.rack} ${r.status} ${r.state} ${r.hostId}`);
    const fromNodetool = (r: NodetoolStatusRow) => `${r.address} ${r.dc} ${r.rack} ${r.status} ${r.state} ${r.hostId}`;
    for (const node of [1, 2])
      expect(nodetoolStatus(node, NAME).map(fromNodetool).sort(), `nodetool status on node ${node}`).toEqual(
        fromConsole.sort(),
      );
    expect(nodes.map((n) => n.address).sort()).toEqual(ADDRESSES);
    for (const node of nodes) expect(node.releaseVersion).toMatch(/^4\.1\.\d+$/);
  });

  it('every ring range ends at a token nodetool ring lists, owned by the same node', async () => {
    const ring = await caller.ring.view({ clusterId: ID });
    const fromConsole = ring.ranges.map((r) => `${r.end} ${r.owner}`).sort();
    const fromNodetool = parseNodetoolRing(nodetool(1, ['ring'], NAME))
      .map((e) => `${e.token} ${e.address}`)
      .sort();
    expect(fromConsole).toEqual(fromNodetool);
    expect(ring.ranges).toHaveLength(32);
  });

  it(`effective ownership in ${KS} equals nodetool status ${KS}`, async () => {
    const ring = await caller.ring.view({ clusterId: ID, keyspace: KS });
    const expected = nodetoolStatus(1, NAME, KS);
    expect(expected).toHaveLength(2);
    for (const row of expected)
      expect(ring.ownership?.[row.address] ?? 0, row.address).toBeCloseTo(Number(row.owns.replace('%', '')) / 100, 3);
  });

  for (const [index, address] of ADDRESSES.entries()) {
    it(`gossip seen by ${address} agrees with its nodetool gossipinfo`, async () => {
      const { observer } = await caller.gossip.info({ clusterId: ID, observer: address });
      expect(observer?.error).toBeNull();
      const fromNodetool = parseEndpointStates(nodetool(index + 1, ['gossipinfo'], NAME));
      expect(fromNodetool.map((s) => s.endpoint).sort()).toEqual(observer!.gossip.map((g) => g.address).sort());
      for (const expected of fromNodetool) {
        const entry = observer!.gossip.find((g) => g.address === expected.endpoint)!;
        expect(entry.generation, `generation of ${expected.endpoint}`).toBe(expected.generation);
        for (const state of ['STATUS', 'SCHEMA', 'DC', 'RACK', 'RELEASE_VERSION', 'HOST_ID'])
          expect(entry.states[state]?.value, `${state} of ${expected.endpoint}`).toBe(expected.states[state]?.value);
      }
    });
  }

  it('where 24 keys live agrees with nodetool getendpoints', async () => {
    const getendpoints = (table: string, key: string) => {
      const command = nodetoolCommandLine(1, ['getendpoints', KS, table, key], NAME);
      const out = spawnSync(command.java, command.args, { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`nodetool getendpoints ${KS} ${table} ${key}: ${out.stderr}`);
      return out.stdout
        .trim()
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .sort();
    };
    const cases = [
      ...Array.from({ length: 12 }, (_, i) => ({
        table: 'by_text',
        key: { k: `sensor-${i * 7919}` },
        nodetoolKey: `sensor-${i * 7919}`,
      })),
      ...Array.from({ length: 12 }, (_, i) => ({
        table: 'by_composite',
        key: { a: `tenant-${i}`, b: String(i * 31 - 100) },
        nodetoolKey: `tenant-${i}:${i * 31 - 100}`,
      })),
    ];
    const seen = new Set<string>();
    for (const c of cases) {
      const location = await caller.replication.locate({ clusterId: ID, keyspace: KS, table: c.table, key: c.key });
      const replicas = location.replicas.map((r) => r.address).sort();
      expect(replicas, `${c.table} ${c.nodetoolKey}`).toEqual(getendpoints(c.table, c.nodetoolKey));
      replicas.forEach((r) => seen.add(r));
    }
    // Both nodes hold some of the keys: the comparison really told them apart.
    expect([...seen].sort()).toEqual(ADDRESSES);
  });

  it('reads the virtual tables 4.1 has, and says per node that snapshots need 5.0', async () => {
    const streaming = await executeOnEachNode(ID, 'SELECT operation, status FROM system_views.streaming');
    expect(streaming.map((r) => ('rows' in r ? r.address : r.error)).sort()).toEqual(ADDRESSES);
    const { snapshots, errors } = await listSnapshots(ID);
    expect(snapshots).toEqual([]);
    expect(errors).toEqual(
      Object.fromEntries(
        ADDRESSES.map((a) => [
          a,
          expect.stringMatching(
            new RegExp(
              `^system_views\\.snapshots needs Cassandra 5\\.0 or newer; ${a.replace(/\./g, '\\.')} runs 4\\.1\\.\\d+$`,
            ),
          ),
        ]),
      ),
    );
  });

  it('the metrics collector records every catalogue metric on both 4.1 nodes, and stores them there', async () => {
    // The 4.1 cluster is its own history store: the history tables (TimeWindowCompactionStrategy) are made on 4.1 too.
    const collector = new MetricsCollector(clusterConfig(ID), ID, 1000);
    await collector.pollOnce();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const latest = await collector.pollOnce();
    expect(latest.missing).toEqual({});
    expect(Object.keys(latest.byNode).sort()).toEqual(ADDRESSES);
    for (const address of ADDRESSES) {
      const values = latest.byNode[address]!;
      // Counters become rates on the second poll: every metric has a value, none left out.
      expect(
        Object.keys(METRICS).filter((metric) => !(metric in values)),
        `metrics missing on ${address}`,
      ).toEqual([]);
      expect(values['heap.used'], address).toBeGreaterThan(1_000_000);
      expect(values['storage.load'], address).toBeGreaterThan(0);
    }
    expect(collector.status.writes.failures, collector.status.writes.lastError ?? '').toBe(0);
    expect(collector.status.writes.rows).toBeGreaterThan(0);
  });

  it('the compaction view reads pending tasks, SSTables per table and the history from both 4.1 nodes', async () => {
    const client = await driverFor(ID);
    await client.execute(`INSERT INTO ${KS}.by_text (k, v) VALUES ('compaction', 1)`);
    const current = await caller.compaction.current({ clusterId: ID });
    expect(current.error).toBeNull();
    expect(current.errors).toEqual({});
    expect(Object.keys(current.pendingByNode).sort()).toEqual(ADDRESSES);
    const { tables, errors } = await caller.compaction.tables({ clusterId: ID });
    expect(errors).toEqual({});
    const byText = tables.find((t) => t.keyspace === KS && t.table === 'by_text');
    expect(byText?.strategy).toBe('SizeTieredCompactionStrategy');
    expect(Object.keys(byText?.sstables ?? {}).sort()).toEqual(ADDRESSES);
    const history = await caller.compaction.history({ clusterId: ID, limit: 10 });
    expect(history.errors).toEqual({});
    // Each node compacted its own system tables at start-up.
    expect([...new Set(history.entries.map((e) => e.node))].length).toBeGreaterThan(0);
  });

  it('runs the operations whose form differs by release as 4.1 takes them; refuses clearing by age (5.0+)', async () => {
    const run = (
      kind: Parameters<typeof runNodeOperation>[2],
      params: Record<string, unknown>,
      keyspace: string | null = KS,
    ) => runNodeOperation(clusterConfig(ID), ADDRESSES[0]!, kind, { keyspace, tables: [], params }, 60_000);
    // 4.1 has StreamThroughputMebibytesPerSec (24 MiB/s by default); 4.0 has it in megabits only.
    expect(await run('streamthroughput', { mebibytesPerSecond: 30 }, null)).toBe(
      'set stream throughput: done (it was 24 MiB/s)',
    );
    expect(await run('streamthroughput', { mebibytesPerSecond: 24 }, null)).toBe(
      'set stream throughput: done (it was 30 MiB/s)',
    );
    // A ttl is kept by 4.1 (4.0 would drop it); clearing is by tag, 4.x has no options map.
    await run('snapshot', { tag: 'c41-kept', ttlSeconds: 3600 });
    await run('snapshot', { tag: 'c41-cleared' });
    await run('clearsnapshot', { tag: 'c41-cleared' });
    await expect(run('clearsnapshot', { tag: 'c41-kept', olderThan: '1d' })).rejects.toThrow(
      /^clearing snapshots older than an age needs Cassandra 5\.0 or newer; 127\.0\.0\.41 runs 4\.1\.\d+$/,
    );
    const listed = nodetool(1, ['listsnapshots'], NAME);
    expect(listed).not.toContain('c41-cleared');
    // nodetool 4.1 lists a snapshot's creation and expiration times after its sizes.
    expect(listed).toMatch(/c41-kept\s+ringside_it_c41\s+by_\w+\s+.*\d{4}-\d{2}-\d{2}T/);
  });

  it('the workbench formats every 4.1 type as cqlsh does', async () => {
    // 4.1 has no vector type: the fixture's schema and rows without those two columns.
    const without = ['c_vector', 'c_vector_text'];
    const client = await driverFor(ID);
    await client.execute(`DROP KEYSPACE IF EXISTS ${TYPES_KS}`);
    for (const statement of SCHEMA)
      await client.execute(statement.replace(/ c_vector vector<float, 3>, c_vector_text vector<text, 2>,/, ''));
    for (const [ck, row] of ROWS.entries()) {
      const columns = Object.keys(row).filter((c) => !without.includes(c));
      await client.execute(
        `INSERT INTO ${TYPES_KS}.t (pk, ck, ${columns.join(', ')}) VALUES (0, ${ck}, ${columns.map((c) => row[c]).join(', ')})`,
      );
    }
    for (const statement of COUNTER_UPDATES) await client.execute(statement);
    try {
      const columns = COLUMNS.filter((c) => !without.includes(c));
      for (const query of [
        `SELECT ${columns.join(', ')} FROM ${TYPES_KS}.t WHERE pk = 0`,
        `SELECT ck, c FROM ${TYPES_KS}.counters WHERE pk = 0`,
      ]) {
        const theirs = cqlshCells(query, ADDRESSES[0]);
        const workbench = await driverFor(ID, 'workbench');
        const result = await workbench.execute(query, [], { prepare: false, fetchSize: 10_000 });
        const ours: Cell[] = result.rows.flatMap((row, index) =>
          result.columns.map((column) => ({
            row: index,
            column: column.name,
            value: formatCqlValue(row[column.name], column.type),
          })),
        );
        expect(theirs.length).toBeGreaterThan(0);
        expect(ours).toEqual(theirs);
      }
    } finally {
      await client.execute(`DROP KEYSPACE IF EXISTS ${TYPES_KS}`);
    }
  });
});
