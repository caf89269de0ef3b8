/**
 * More node operations as jobs against the real demo cluster, each cross-checked outside the console:
 * a major compaction (slowed to 1 MB/s through the console's own throughput operation) cancelled
 * while CompactionManager runs it; a rack-at-a-time rolling flush (dc1/rack1 = nodes 1 and 2
 * together, then dc2/rack1 = node 3); a drain of node 3, seen DRAINED by nodetool, then the node
 * restarted. Each test has its own keyspace; the throughput and node 3 are restored however a test ends.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import cassandra from 'cassandra-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { tableWithTwentySSTables } from '@/localcluster/compaction-fixture';
import { nodetoolCommandLine, runClusterAsync, waitFor } from '@/localcluster/harness';
import { parseNodetoolStatus } from '@/localcluster/nodetool-status';
import { testCaller } from '@/testing/test-caller';
import { closeAll } from '../cluster/registry';
import { clusterPoller } from '../nodes/live';
import type { JobKind, JobStep, JobTargetInput, Rolling } from './job-types';

const caller = await testCaller();
const client = new cassandra.Client({
  contactPoints: ['127.0.0.1'],
  localDataCenter: 'dc1',
  socketOptions: { readTimeout: 60_000 },
});
const keyspaces: string[] = [];

/** Set when node 3 may be drained or down: restored (killed if need be, started) however a test ends. */
let node3Touched = false;
async function restoreNode3(): Promise<void> {
  if (!node3Touched) return;
  await runClusterAsync(['kill', '3']);
  await runClusterAsync(['start', '3']);
  await everyNodeUpNormal();
  node3Touched = false;
}

afterAll(async () => {
  await restoreNode3();
  for (const keyspace of keyspaces) await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
  await client.shutdown();
  await closeAll();
}, 300_000);

/** nodetool itself (java … NodeTool against the node's JMX port): neither the console nor the cluster CLI. */
async function nodetool(node: number, args: string[]): Promise<string> {
  const command = nodetoolCommandLine(node, args);
  try {
    return (await promisify(execFile)(command.java, command.args, { encoding: 'utf8', timeout: 60_000 })).stdout;
  } catch (error) {
    throw new Error(`nodetool ${args.join(' ')} on node ${node}: ${(error as Error).message}`);
  }
}

async function everyNodeUpNormal(): Promise<void> {
  await waitFor(
    'every node Up and Normal, in the console and in nodetool status',
    async () => {
      const nodes = (await clusterPoller('demo').refresh()).value.nodes;
      const inConsole = nodes.length === 3 && nodes.every((n) => n.status === 'Up' && n.state === 'Normal');
      const rows = parseNodetoolStatus(await nodetool(1, ['status']));
      return inConsole && rows.length === 3 && rows.every((r) => r.status === 'Up' && r.state === 'Normal')
        ? true
        : undefined;
    },
    120_000,
    1000,
  );
}

async function start(
  kind: JobKind,
  target: JobTargetInput,
  extra: { params?: Record<string, unknown>; rolling?: Rolling } = {},
): Promise<string> {
  const { id } = await caller.operations.start({ clusterId: 'demo', kind, target, ...extra });
  return id;
}

const finished = (id: string, timeoutMs = 60_000) =>
  waitFor(
    `job ${id} to finish`,
    async () => {
      const job = await caller.operations.get({ clusterId: 'demo', id });
      return ['succeeded', 'failed', 'cancelled', 'interrupted'].includes(job.state) ? job : undefined;
    },
    timeoutMs,
    250,
  );

const wholeNode = (node: string): JobTargetInput => ({ scope: 'node', node, keyspace: null, tables: [] });

/** Node 1's compaction throughput through the console's own operation, checked with nodetool. */
async function setThroughput(mebibytesPerSecond: number): Promise<void> {
  const id = await start('compactionthroughput', wholeNode('127.0.0.1'), { params: { mebibytesPerSecond } });
  const job = await finished(id);
  expect(job.state, job.message ?? '').toBe('succeeded');
  expect(job.steps[0]!.message).toMatch(/^set compaction throughput: done \(it was \d+ MiB\/s\)$/);
  expect(await nodetool(1, ['getcompactionthroughput'])).toMatch(
    new RegExp(`^Current compaction throughput: ${mebibytesPerSecond} MB/s`, 'm'),
  );
}

/** A figure of `nodetool tablestats` for one table on one node. */
async function tablestat(node: number, table: string, label: string): Promise<number> {
  return Number(new RegExp(`${label}: (\\d+)`).exec(await nodetool(node, ['tablestats', table]))?.[1] ?? NaN);
}

describe('more node operations as jobs', () => {
  it('cancels a major compaction CompactionManager is running: it stops, the job ends cancelled, the data is whole', async () => {
    const KS = 'ringside_it_opsmore_cancel';
    keyspaces.push(KS);
    const fixtureStarted = Date.now();
    await tableWithTwentySSTables(KS); // dc1: 1, 20 flushes of 2,500 rows of random text on nodes 1 and 2
    const fixtureMs = Date.now() - fixtureStarted;
    const sstables = await tablestat(1, `${KS}.events`, 'SSTable count');
    expect(sstables).toBe(20);

    const previous = Number(/(\d+)/.exec(await nodetool(1, ['getcompactionthroughput']))?.[1]);
    expect(previous).toBeGreaterThan(1);
    try {
      await setThroughput(1);
      const startedAt = Date.now();
      const id = await start('compact', { scope: 'node', node: '127.0.0.1', keyspace: KS, tables: ['events'] });
      const running = await waitFor(
        'the compaction in CompactionManager, with its task id on the job',
        async () => {
          const job = await caller.operations.get({ clusterId: 'demo', id });
          const progress = job.steps[0]?.progress;
          return progress && progress.taskIds.length > 0 && progress.completed > 0 ? progress : undefined;
        },
        30_000,
        250,
      );
      const [taskId] = running.taskIds;
      // nodetool sees the same task, still far from done at 1 MB/s.
      const stats = await nodetool(1, ['compactionstats']);
      expect(stats).toContain(taskId!);
      expect(stats).toMatch(new RegExp(`${KS}\\s+events`));
      expect(running.completed).toBeLessThan(running.total / 2);

      const cancelled = await caller.operations.cancel({ clusterId: 'demo', id });
      expect(cancelled.message).toBe(`asked Cassandra to stop 127.0.0.1 task ${taskId}`);
      const job = await finished(id, 30_000);
      const stoppedAfterMs = Date.now() - startedAt;
      expect(job.state).toBe('cancelled');
      expect(job.message).toBe('cancelled on request');
      expect(job.steps).toMatchObject([{ node: '127.0.0.1', state: 'cancelled' }]);
      // Cassandra's own words for a stopped compaction, naming the task and the table.
      expect(job.steps[0]!.message).toMatch(
        new RegExp(
          `^node 127\\.0\\.0\\.1: .*CompactionInterruptedException: Compaction interrupted: ` +
            `Major compaction\\(${taskId}, \\d+ / \\d+ bytes\\)@[-0-9a-f]+\\(${KS}, events\\)`,
        ),
      );
      const log = job.log.map((l) => l.line);
      expect(log).toContain(`asked Cassandra to stop 127.0.0.1 task ${taskId}`);

      // Stopped, not finished: nothing of ours in CompactionManager, and the twenty SSTables are still there.
      const after = await waitFor(
        'compactionstats without our compaction',
        async () => {
          const out = await nodetool(1, ['compactionstats']);
          return out.includes(KS) ? undefined : out;
        },
        10_000,
        500,
      );
      expect(after).not.toContain(taskId!);
      expect(await tablestat(1, `${KS}.events`, 'SSTable count')).toBe(sstables);
      // Every row still reads back (node 1 and node 2 hold half each, dc1: 1).
      const count = (await client.execute(`SELECT COUNT(*) FROM ${KS}.events`, [], { readTimeout: 60_000 })).first();
      expect(Number(count.get('count'))).toBe(20 * 2500);
      console.log(
        `cancel: fixture ${fixtureMs} ms; ${running.completed}/${running.total} ${running.unit} done when cancelled; ` +
          `job cancelled ${stoppedAfterMs} ms after its start; step: ${job.steps[0]!.message}`,
      );
    } finally {
      await setThroughput(previous);
    }
  }, 120_000);

  it('runs a rack-at-a-time rolling flush: nodes 1 and 2 (dc1/rack1) together, then node 3 (dc2/rack1)', async () => {
    const KS = 'ringside_it_opsmore_rack';
    keyspaces.push(KS);
    await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
    await client.execute(
      `CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}`,
    );
    await client.execute(`CREATE TABLE ${KS}.t (k int PRIMARY KEY, v text)`);
    await cassandra.concurrent.executeConcurrent(
      client,
      `INSERT INTO ${KS}.t (k, v) VALUES (?, ?)`,
      Array.from({ length: 500 }, (_, i) => [i, `row ${i}`]),
      { concurrencyLevel: 32 },
    );
    const memtables = () => Promise.all([1, 2, 3].map((node) => tablestat(node, `${KS}.t`, 'Memtable cell count')));
    for (const cells of await memtables()) expect(cells).toBeGreaterThan(0);

    const settleMs = 3000;
    const id = await start(
      'flush',
      { scope: 'cluster', keyspace: KS, tables: [] },
      { rolling: { byRack: true, settleMs } },
    );
    const job = await finished(id);
    expect(job.state, job.message ?? '').toBe('succeeded');
    const [one, two, three] = job.steps as JobStep[];
    expect(job.steps.map((s) => [s.node, s.dc, s.rack, s.state])).toEqual([
      ['127.0.0.1', 'dc1', 'rack1', 'succeeded'],
      ['127.0.0.2', 'dc1', 'rack1', 'succeeded'],
      ['127.0.0.3', 'dc2', 'rack1', 'succeeded'],
    ]);
    // Nodes 1 and 2 ran together: each started before the other ended. One at a time, node 2 would have
    // started a settle delay after node 1 ended.
    expect(two!.startedAt!).toBeLessThanOrEqual(one!.endedAt!);
    expect(one!.startedAt!).toBeLessThanOrEqual(two!.endedAt!);
    // Node 3 waited for the whole rack, and then the settle delay.
    expect(three!.startedAt! - Math.max(one!.endedAt!, two!.endedAt!)).toBeGreaterThanOrEqual(settleMs);
    expect(job.log.map((l) => l.line)).toContain(`settling ${settleMs / 1000} s before 127.0.0.3`);
    expect(job.log.some((l) => /settling .* before 127\.0\.0\.2/.test(l.line))).toBe(false);
    expect(await memtables()).toEqual([0, 0, 0]);
    console.log(
      `rack at a time: node 1 ${one!.startedAt! - job.startedAt!}–${one!.endedAt! - job.startedAt!} ms, ` +
        `node 2 ${two!.startedAt! - job.startedAt!}–${two!.endedAt! - job.startedAt!} ms, ` +
        `node 3 ${three!.startedAt! - job.startedAt!}–${three!.endedAt! - job.startedAt!} ms`,
    );
  }, 60_000);

  it('drains node 3: the job succeeds, nodetool says DRAINED; the node is restarted Up and Normal', async () => {
    const KS = 'ringside_it_opsmore_drain';
    keyspaces.push(KS);
    await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
    await client.execute(`CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc2': 1}`);
    await client.execute(`CREATE TABLE ${KS}.t (k int PRIMARY KEY, v text)`);
    // ONE, not the driver's LOCAL_ONE: the only replica is in dc2, the client's coordinators in dc1.
    const one = { consistency: cassandra.types.consistencies.one };
    await client.execute(`INSERT INTO ${KS}.t (k, v) VALUES (1, 'written before the drain')`, [], one);
    expect(await nodetool(3, ['netstats'])).toMatch(/^Mode: NORMAL$/m);

    const startedAt = Date.now();
    node3Touched = true;
    const id = await start('drain', wholeNode('127.0.0.3'));
    const job = await finished(id);
    expect(job.state, job.message ?? '').toBe('succeeded');
    expect(job.steps).toMatchObject([{ node: '127.0.0.3', state: 'succeeded', message: 'drain: done' }]);
    const drainedMs = Date.now() - startedAt;
    expect(await nodetool(3, ['netstats'])).toMatch(/^Mode: DRAINED$/m);
    const info = await nodetool(3, ['info']);
    expect(info).toMatch(/^Gossip active\s*: false$/m);
    expect(info).toMatch(/^Native Transport active\s*: false$/m);
    // The memtable went to disk before the drain ended: the row is in an SSTable.
    expect(await tablestat(3, `${KS}.t`, 'SSTable count')).toBe(1);

    const restartAt = Date.now();
    await restoreNode3();
    expect(await nodetool(3, ['netstats'])).toMatch(/^Mode: NORMAL$/m);
    const row = await client.execute(`SELECT v FROM ${KS}.t WHERE k = 1`, [], one);
    expect(row.first()?.get('v')).toBe('written before the drain');
    console.log(`drain: job done in ${drainedMs} ms; node 3 back Up/Normal ${Date.now() - restartAt} ms later`);
  }, 150_000);
});
